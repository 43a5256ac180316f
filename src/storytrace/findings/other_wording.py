"""Does the source say, where a derived sentence adds a word, a word the derived sentence leaves
unrendered?

Two translations of one source put each source word in about the same place, each in its own
words. A word one of them has where the other has a word it never says is then that word's other
rendering (or a substitution, which the opposite and slot checks judge), not a fact added from
nowhere: "returning to China" for "returning home", "the COVID-19 pandemic" for "the coronavirus
pandemic", "labour shortage figures" for "labour gap figures". A word slipped in between two
words the source has side by side ("the secret plan" / "the plan") has no such word to render and
stays an addition.
"""
from __future__ import annotations

from functools import lru_cache

from storytrace.findings.text import ParsedSentence, Token, said_keys, stem, word_key
from storytrace.nlp import wordnet

_CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV"})
# How far up WordNet's hypernyms a derived word may render a source noun ("homes" / "house").
_STEPS = 2


@lru_cache(maxsize=1 << 14)
def _nearby_words(lemma: str, pos: str) -> frozenset[str]:
    """Word keys that render ``lemma``: itself, its WordNet synonyms and derivations."""
    letter = wordnet.SPACY_POS.get(pos)
    near = {lemma.lower()}
    if letter is not None:
        near |= set(wordnet.synonym_set(lemma, letter)) | set(wordnet.derivations(lemma))
    return frozenset(word_key(w) for w in near)


def renders(word: Token, d: ParsedSentence) -> bool:
    """Does the derived sentence say ``word`` in some form: the same word or stem, a WordNet
    synonym or derivation ("televised" / "television"), or a noun at most two steps more or less
    general ("homes" / "house")?"""
    keys = said_keys(d)
    stems = {stem(t.lower) for t in d.tokens}
    if word_key(word.lemma) in keys or word_key(word.lower) in keys or stem(word.lower) in stems:
        return True
    if _nearby_words(word.lemma, word.pos) & keys:
        return True
    for t in d.tokens:
        if t.pos in _CONTENT_POS and word_key(word.lemma) in _nearby_words(t.lemma, t.pos):
            return True
        if word.pos == t.pos == "NOUN" and (wordnet.is_hypernym_or_synonym(t.lemma, word.lemma, "n", depth=_STEPS)
                                            or wordnet.is_hypernym_or_synonym(word.lemma, t.lemma, "n", depth=_STEPS)):
            return True
    return False


# Words a derived name may stand apart from its anchor by ("returning to China" / "returning home").
_LINK_POS = frozenset({"DET", "ADP", "PART", "CCONJ"})


def _anchors(d: ParsedSentence, start: int, step: int) -> list[int]:
    """Up to two word positions next to a derived span, in one direction, the second only past a
    function word ("to" of "returning to China")."""
    out, i = [], start
    while 0 <= i < len(d.tokens) and len(out) < 2:
        t = d.tokens[i]
        if any(c.isalnum() for c in t.text):
            out.append(i)
            if t.pos not in _LINK_POS:
                break
        i += step
    return out


def _said_less(word: Token, s: ParsedSentence, d: ParsedSentence) -> bool:
    """Does the derived sentence say the word fewer times than the source does ("returning home
    ... home culture" / "returning to China ... home culture")? Then one of them is unrendered."""
    key = word_key(word.lemma)
    return sum(word_key(t.lemma) == key for t in d.tokens) < sum(word_key(t.lemma) == key for t in s.tokens)


def unrendered_slot(d: ParsedSentence, first: int, end: int, sources: list[ParsedSentence],
                    vague: frozenset[str] = frozenset()) -> tuple[ParsedSentence | None, list[str]]:
    """Common words the source puts where the derived words ``first:end`` stand, which the
    derived sentence renders nowhere: "Returning to China after ..." against "When returning home
    after ...", "the COVID-19 pandemic" against "the coronavirus pandemic". The words on either
    side match (one of them a content word); between them the source has one common word (not a
    name: a name there makes a swap) that the derived sentence does not say (or says fewer times
    than the source) and that is no opposite of the derived words. The derived words may then be
    that word's rendering: one word in another's place."""
    lefts, rights = _anchors(d, first - 1, -1), _anchors(d, end, 1)
    for s in sources:
        keys = [word_key(t.lemma) for t in s.tokens]
        for li in lefts:
            for ri in rights:
                left, right = d.tokens[li], d.tokens[ri]
                if left.pos in _LINK_POS and right.pos in _LINK_POS:
                    continue
                for a in (i for i, k in enumerate(keys[:-2]) if k == word_key(left.lemma)):
                    if keys[a + 2] != word_key(right.lemma):
                        continue
                    t = s.tokens[a + 1]
                    if t.ent_type or t.pos not in _CONTENT_POS or t.is_stop or not t.text.isalpha() \
                            or not t.text.islower() or len(t.lower) < 3 or t.lower in vague:
                        continue
                    if renders(t, d) and not _said_less(t, s, d):
                        continue
                    if any(wordnet.slot_opposed(x.lemma, x.pos, t.lemma, t.pos) for x in d.tokens[first:end]):
                        continue  # a word in its opposite's place reverses it ("hide" / "show"): no rendering
                    return s, [t.text]
    return None, []
