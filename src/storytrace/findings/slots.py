"""Word slots of an aligned sentence pair: which source word a derived word stands in for.

Two renderings of one sentence share most of their words. Those shared words (same lemma, or a
WordNet synonym) are anchors; a derived word that is not an anchor takes the place of the source
word that hangs off the same anchored head, governs the same anchored words, or sits between the
same anchored neighbours. Comparing a word with the one word in its slot, rather than with every
word of the source, lets a looser opposite test run without matching unrelated words.
"""
from __future__ import annotations

from storytrace.findings.text import ParsedSentence, Token
from storytrace.nlp import wordnet

CONTENT_POS = frozenset({"ADJ", "ADV", "VERB", "NOUN"})
# Words too common to anchor a slot: two sentences share them by chance.
_WEAK_ANCHORS = frozenset({"DET", "PUNCT", "CCONJ", "SCONJ", "PART", "AUX", "SPACE"})
_SLOT_NEIGHBOURS = CONTENT_POS | {"PROPN", "NUM"}


def same_word(a: Token, b: Token) -> bool:
    """The same word, or a WordNet synonym of it in the same part of speech."""
    if b.lower == a.lower or b.lemma == a.lemma:
        return True
    pos = _synonym_pos(a)
    return pos is not None and b.pos == a.pos and wordnet.are_synonyms(a.lemma, b.lemma, pos, limit=3)


def _synonym_pos(a: Token) -> str | None:
    """WordNet's part of speech for a word that may have synonyms (a common content word WordNet
    can read), else None: only a word of its own part of speech can then be one."""
    pos = wordnet.SPACY_POS.get(a.pos)
    return pos if pos is not None and a.pos != "PROPN" and a.pos in CONTENT_POS else None


def anchors(derived: ParsedSentence, source: ParsedSentence) -> dict[int, int]:
    """Derived index -> source index for words both sentences have (each source word used
    once; of several candidates, the one at the nearest relative position).

    The source words are indexed once by lower form, lemma and part of speech, so a derived word
    looks up its candidates instead of testing every source word (the words ``same_word`` accepts:
    the same form or lemma, or a WordNet synonym in its part of speech)."""
    out: dict[int, int] = {}
    used: set[int] = set()
    n, m = max(1, len(derived.tokens)), max(1, len(source.tokens))
    by_lower: dict[str, list[int]] = {}
    by_lemma: dict[str, list[int]] = {}
    by_pos: dict[str, list[int]] = {}
    for j, s in enumerate(source.tokens):
        by_lower.setdefault(s.lower, []).append(j)
        by_lemma.setdefault(s.lemma, []).append(j)
        by_pos.setdefault(s.pos, []).append(j)
    tokens = source.tokens
    for i, d in enumerate(derived.tokens):
        if d.pos in _WEAK_ANCHORS:
            continue
        candidates = set(by_lower.get(d.lower, ())).union(by_lemma.get(d.lemma, ()))
        if _synonym_pos(d) is not None:
            candidates.update(j for j in by_pos.get(d.pos, ()) if j not in candidates and j not in used
                              and same_word(d, tokens[j]))
        best, best_gap = None, 2.0
        for j in sorted(candidates - used):
            gap = abs(i / n - j / m)
            if gap < best_gap:
                best, best_gap = j, gap
        if best is not None:
            out[i] = best
            used.add(best)
    return out


def _linked(sentence: ParsedSentence, index: int) -> list[int]:
    """Children of a token, and grandchildren through a preposition ("surrendered to the
    All Blacks": Blacks hangs off "to")."""
    toks = sentence.tokens
    out = []
    for k, t in enumerate(toks):
        if t.head == index and k != index:
            out.append(k)
            if t.pos == "ADP":
                out.extend(g for g, u in enumerate(toks) if u.head == k and g != k)
    return out


def slot_partner(derived: ParsedSentence, source: ParsedSentence, index: int,
                 anchored: dict[int, int]) -> int | None:
    """The unanchored source content word in the slot of derived word ``index``: votes from
    its anchored head, its anchored dependants, and anchored neighbours on both sides."""
    d = derived.tokens[index]
    taken = set(anchored.values())
    free = {j for j, t in enumerate(source.tokens) if j not in taken and t.pos in CONTENT_POS}
    votes: dict[int, int] = {}

    def vote(j: int | None) -> None:
        if j is not None and j in free:
            votes[j] = votes.get(j, 0) + 1

    if d.head != index and d.head in anchored:
        s_head = anchored[d.head]
        for k in _linked(source, s_head):
            if source.tokens[k].dep == d.dep or source.tokens[k].pos == d.pos:
                vote(k)
    for k in _linked(derived, index):
        if k in anchored:
            s = anchored[k]
            up = source.tokens[s].head
            vote(up)
            if source.tokens[up].pos == "ADP":
                vote(source.tokens[up].head)
    left, right = anchored.get(index - 1), anchored.get(index + 1)
    if left is not None and right is not None and right - left == 2:
        vote(left + 1)
    # One neighbour alone places a word only when it is a content word ("agreed to open" and
    # "close to collapse" share a "to", not a slot) and the word there has the same tag.
    elif left is not None and right is None and derived.tokens[index - 1].pos in _SLOT_NEIGHBOURS:
        if left + 1 < len(source.tokens) and source.tokens[left + 1].pos == d.pos:
            vote(left + 1)
    elif right is not None and left is None and derived.tokens[index + 1].pos in _SLOT_NEIGHBOURS:
        if right >= 1 and source.tokens[right - 1].pos == d.pos:
            vote(right - 1)
    if not votes:
        return None
    best = max(votes.values())
    top = [j for j, v in votes.items() if v == best]
    same_pos = [j for j in top if source.tokens[j].pos == d.pos]
    return (same_pos or top)[0] if len(top) == 1 or same_pos else None


def substitutions(derived: ParsedSentence, source: ParsedSentence) -> list[tuple[int, int]]:
    """(derived index, source index) for each derived content word that replaces a different
    source word in the same slot."""
    anchored = anchors(derived, source)
    out = []
    for i, t in enumerate(derived.tokens):
        if i in anchored or t.pos not in CONTENT_POS:
            continue
        j = slot_partner(derived, source, i, anchored)
        if j is not None:
            out.append((i, j))
    return out
