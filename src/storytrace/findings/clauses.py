"""Clause-level views of a parsed sentence for the polarity checks.

A negation reverses a claim only inside its own clause, and a rendering that moves the negation
to another word of that clause ("has not made much difference" / "has made little difference")
keeps the claim. These helpers say which clause a word belongs to, whether a negation governs
it there, how many negative words a clause carries, and whether two clauses of an aligned pair
speak about the same things apart from the compared word.
"""
from __future__ import annotations

from storytrace.findings.text import ParsedSentence, Token, word_key

# Dependencies that open a clause of their own: a negation above them does not reach below.
_CLAUSE_BOUNDARIES = frozenset({"ccomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "ROOT"})
# Negative words that are no "not" but give their clause negative polarity: "little effect" is
# "not much effect", "few people" is "not many people", "hardly noticed" is "did not quite notice".
NEGATIVE_QUANTIFIERS = frozenset("little few hardly barely scarcely seldom rarely nothing nobody none neither nor".split())
_EXPLICIT = frozenset({"not", "n't", "never", "no"})
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})


def clause_root(sentence: ParsedSentence, index: int) -> int:
    """The head of the clause a token belongs to: walk up until a clause boundary."""
    toks = sentence.tokens
    i, seen = index, set()
    while i not in seen and 0 <= toks[i].head < len(toks) and toks[i].head != i and toks[i].dep not in _CLAUSE_BOUNDARIES:
        seen.add(i)
        i = toks[i].head
    return i


def under_negation(sentence: ParsedSentence, index: int) -> bool:
    """Does an explicit negation of the token's own clause govern it ("did not make much
    difference": "much" is under the "not")? Checked on every word from the token up to its
    clause head, so a negated verb reaches its object's modifiers but not another clause."""
    toks = sentence.tokens
    path, i = {index}, index
    while 0 <= toks[i].head < len(toks) and toks[i].head != i and toks[i].dep not in _CLAUSE_BOUNDARIES and len(path) < 12:
        i = toks[i].head
        path.add(i)
    return any(t.head in path and k not in path and (t.dep == "neg" or t.lower in _EXPLICIT) and t.lower != "no"
               for k, t in enumerate(toks))


def clause_tokens(sentence: ParsedSentence, root: int) -> list[int]:
    """Indices of the tokens whose clause head is ``root``."""
    return [k for k in range(len(sentence.tokens)) if clause_root(sentence, k) == root]


def negative_count(sentence: ParsedSentence, indices: list[int], implicit: frozenset[str]) -> int:
    """Explicit negations, negative quantifiers and verbs with a negation inside among ``indices``."""
    n = 0
    for k in indices:
        t = sentence.tokens[k]
        if t.dep == "neg" or t.lower in _EXPLICIT or t.lower in NEGATIVE_QUANTIFIERS:
            n += 1
        elif t.lemma in implicit and t.pos in ("VERB", "ADJ", "AUX"):
            n += 1
    return n


def clause_content(sentence: ParsedSentence, root: int, leave_out: int) -> set[str]:
    """Content words of a clause other than the compared word, as word keys of their lemmas."""
    return {word_key(sentence.tokens[k].lemma) for k in clause_tokens(sentence, root)
            if k != leave_out and sentence.tokens[k].pos in _CONTENT_POS and not sentence.tokens[k].is_stop}


def clauses_match(a: ParsedSentence, i: int, b: ParsedSentence, j: int) -> bool:
    """Do the clauses of token ``i`` of ``a`` and token ``j`` of ``b`` share a content word
    besides the compared words? A flip between clauses about different things ("the upcoming
    summit" / "the summit held last October") reverses nothing."""
    return bool(shared_clause_words(a, i, b, j))


def shared_clause_words(a: ParsedSentence, i: int, b: ParsedSentence, j: int) -> list[str]:
    """The content words (keys of their lemmas) the two clauses share besides the compared words,
    sorted: what ties a negated word to its counterpart, named in an explanation."""
    ka = clause_content(a, clause_root(a, i), i)
    kb = clause_content(b, clause_root(b, j), j)
    return sorted(ka & kb)


def same_head(a: ParsedSentence, i: int, b: ParsedSentence, j: int) -> bool:
    """Do the two words modify the same word ("young people" / "old people"), or, for clause
    heads, share a dependent ("approved the plan" / "rejected the plan")?"""
    ta, tb = a.tokens[i], b.tokens[j]
    ha = a.tokens[ta.head] if ta.head != i else None
    hb = b.tokens[tb.head] if tb.head != j else None
    if ha is not None and hb is not None and _same(ha, hb):
        return True
    deps_a = {word_key(t.lemma) for t in a.tokens if t.head == i and t.pos in _CONTENT_POS}
    deps_b = {word_key(t.lemma) for t in b.tokens if t.head == j and t.pos in _CONTENT_POS}
    return bool(deps_a & deps_b)


def _same(a: Token, b: Token) -> bool:
    return a.lower == b.lower or a.lemma == b.lemma


def governor(sentence: ParsedSentence, indices: list[int]) -> Token | None:
    """The word a value (a number, a date, a month) is about: up the parse from the value, past
    prepositions and the value's own words ("open on July 20" -> open, "12 people" -> people)."""
    if not indices:
        return None
    toks, seen = sentence.tokens, set()
    i = indices[-1]
    while i not in seen:
        seen.add(i)
        t = toks[i]
        part_of_value = i in indices or t.like_num or t.ent_type in ("DATE", "TIME") or t.pos in ("ADP", "DET", "PUNCT")
        if not part_of_value and t.pos in ("VERB", "NOUN", "ADJ", "PROPN"):
            return t
        if t.head == i or not 0 <= t.head < len(toks):
            return None
        i = t.head
    return None


# Words that relate two events and whose opposite relates them the other way round: "A before B"
# tells what "B after A" tells. Read by ``converse_order`` for prepositions and subordinators only.
_RELATING_POS = frozenset({"ADP", "SCONJ"})


def _subtree(sentence: ParsedSentence, root: int) -> set[int]:
    """Indices of ``root`` and every token below it."""
    toks = sentence.tokens
    below, grew = {root}, True
    while grew:
        grew = False
        for k, t in enumerate(toks):
            if k not in below and t.head in below and t.head != k:
                below.add(k)
                grew = True
    return below


def _event_and_complement(sentence: ParsedSentence, index: int) -> tuple[int, set[str]] | None:
    """For a relating word ("after"), the event it places (the word its phrase modifies) and the
    content lemmas of what it places it against. A preposition heads its complement ("after days
    of drifting": placed against "days", "drifting"; the event is its head); a subordinator marks the
    verb of its clause ("before the minister resigned": the clause is the complement, the event is
    that verb's head). None when the parse gives no such pair."""
    toks = sentence.tokens
    tok = toks[index]
    if tok.pos not in _RELATING_POS or not 0 <= tok.head < len(toks) or tok.head == index:
        return None
    if tok.dep == "mark":
        clause = tok.head
        event = toks[clause].head
        if event == clause or not 0 <= event < len(toks):
            return None
        inside = _subtree(sentence, clause)
    else:
        event = tok.head
        inside = _subtree(sentence, index)
    words = {word_key(toks[k].lemma) for k in inside - {index}
             if toks[k].pos in _CONTENT_POS and not toks[k].is_stop}
    return event, words


def converse_order(a: ParsedSentence, i: int, b: ParsedSentence, j: int) -> bool:
    """Do the two relating words ("before" in ``a``, "after" in ``b``) tell one order of events from
    its two ends: the event one places is what the other places it against ("drifted for days
    before being destroyed" / "shot down after days of drifting": "drifted" under "after")? Then the
    opposite words say the same thing, with the events swapped round them."""
    ra, rb = _event_and_complement(a, i), _event_and_complement(b, j)
    if ra is None or rb is None:
        return False
    (event_a, inside_a), (event_b, inside_b) = ra, rb
    return word_key(a.tokens[event_a].lemma) in inside_b or word_key(b.tokens[event_b].lemma) in inside_a
