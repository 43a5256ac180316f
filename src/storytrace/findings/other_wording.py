"""Is a source phrase specified in words a derived sentence leaves unrendered?

Two translations of one source describe one specific thing each in their own words: "the
government's draft pension reform" and "the proposed pension reform bill", "inbound tourists"
and "tourist arrivals", "central Paris" and "the Paris metropolitan area". The qualifier one of
them has and the other lacks is then not a new fact: the other states the same specification
with a word the first leaves unsaid ("proposed", "arrivals", "metropolitan"). An inserted
qualifier on a thing the source leaves bare ("the pension plan" / "the secret pension plan") has
no such word to render, and stays an addition.

The phrase of a source word is what specifies the same thing: the noun it modifies when it is a
modifier itself ("tourist" of "tourist arrivals"), that noun's own premodifiers, and for a verb the verb or adjective that governs it through an
open complement ("is determined to expand", "came together to launch").
"""
from __future__ import annotations

from functools import lru_cache

from storytrace.findings.text import ParsedSentence, Token, stem, word_key
from storytrace.nlp import wordnet

# Dependencies by which a word modifies a noun inside one noun phrase.
_NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
# A premodifier of a noun: the words that specify which thing it is.
_PREMODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
# A verb taken up by another verb or adjective ("determined to expand", "come together to launch").
_OPEN_COMPLEMENT_DEPS = frozenset({"xcomp", "advcl"})
# What belongs to a governing verb's wording: its particle and its manner words ("come together").
_VERB_WORDING_DEPS = frozenset({"prt", "advmod", "acomp"})
_CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV"})
# How far up WordNet's hypernyms a derived word may render a source noun ("homes" / "house").
_STEPS = 2


def _top(s: ParsedSentence, j: int) -> int:
    """The word heading the phrase that source word ``j`` is part of."""
    seen = {j}
    while True:
        t = s.tokens[j]
        h = t.head
        if not (0 <= h < len(s.tokens)) or h in seen:
            return j
        head = s.tokens[h]
        if t.dep in _NOUN_MODIFIER_DEPS and head.pos in ("NOUN", "PROPN"):
            j = h
        elif t.pos == "VERB" and t.dep in _OPEN_COMPLEMENT_DEPS and head.pos in ("VERB", "ADJ") \
                and t.tag == "VB" and _to_before(s, j):  # "determined to expand": an infinitive complement
            j = h
        elif t.pos == "ADJ" and t.dep == "acomp" and head.pos == "AUX":
            return j  # "is determined": the adjective carries the wording
        else:
            return j
        seen.add(j)


def _to_before(s: ParsedSentence, j: int) -> bool:
    return any(t.head == j and t.lower == "to" and t.dep == "aux" for t in s.tokens)


def _phrase(s: ParsedSentence, j: int) -> list[int]:
    """Indices of the words that specify, with ``j``, one thing: the phrase head and its
    premodifiers (and their own compounds), or a governing verb's particle and manner words."""
    top = _top(s, j)
    allowed = _VERB_WORDING_DEPS if s.tokens[top].pos in ("VERB", "ADJ") else _PREMODIFIER_DEPS
    out, frontier = [top], [top]
    while frontier:
        h = frontier.pop()
        for i, t in enumerate(s.tokens):
            if t.head == h and i != h and i not in out and t.dep in allowed:
                out.append(i)
                frontier.append(i)
    return out


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
    keys = {k for t in d.tokens for k in (word_key(t.lemma), word_key(t.lower))}
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


def unrendered_specification(s: ParsedSentence, j: int, d: ParsedSentence,
                              vague: frozenset[str] = frozenset()) -> list[str]:
    """The common content words of source word ``j``'s phrase, other than ``j`` itself, that the
    derived sentence renders nowhere: the source's own specification of the thing, which a
    qualifier the derived sentence adds there may render in other words. ``vague`` words
    ("major", "new") specify nothing a qualifier could render."""
    out = []
    for i in _phrase(s, j):
        t = s.tokens[i]
        if i == j or t.pos not in _CONTENT_POS or t.is_stop or t.ent_type or not t.text.isalpha() \
                or not t.text.islower() or len(t.lower) < 3 or t.lower in vague or t.lemma.lower() in vague:
            continue
        if not renders(t, d):
            out.append(t.text)
    return out
