"""A verb that brings something about says what that thing says.

"Demand will contribute to a further lag in hiring" and "demand will push hiring to lag further"
say what "demand will delay hiring" says: the verb ("contribute", "push") only brings about its
complement, and the complement ("lag") carries the direction. Read against "delay", such a verb is no
opposite, however WordNet's neighbourhoods link it to one ("push" ~ promote, against retard ~ delay).

A verb with a direction of its own against the complement's is not such a verb: one that prevents or
undoes ("prevented a delay", "failed to slow"), or one clearly negative itself ("avoided slowing",
"resisted lagging"), reverses what it governs.
"""
from __future__ import annotations

from storytrace.findings.lexicon import IMPLICIT_NEGATIONS
from storytrace.findings.text import ParsedSentence, Token
from storytrace.nlp import valence, wordnet

# Prepositions that name what a verb brings about ("contribute to", "result in", "turn into").
_RESULT_PREPOSITIONS = frozenset({"to", "in", "into", "toward", "towards"})


def _children(sentence: ParsedSentence, i: int, deps: tuple[str, ...]) -> list[int]:
    return [k for k, t in enumerate(sentence.tokens) if t.head == i and k != i and t.dep in deps]


def brought_about(sentence: ParsedSentence, i: int) -> list[int]:
    """The words verb ``i`` brings about: its open complement ("push hiring to lag") and the object
    of a preposition of result ("contribute to a lag", "result in delays")."""
    out = _children(sentence, i, ("xcomp",))
    for k in _children(sentence, i, ("prep",)):
        if sentence.tokens[k].lower in _RESULT_PREPOSITIONS:
            out += _children(sentence, k, ("pobj",))
    return [k for k in out if not _children(sentence, k, ("neg",))]


def _pole(tok: Token) -> float | None:
    v = valence.valence(tok.lemma, tok.lower)  # the word's own rating ("delay" -1.3), not its form's ("delayed" -0.9)
    return None if v is None or abs(v) < valence.CLEAR else v


def said_through_complement(sentence: ParsedSentence, i: int, other: Token) -> bool:
    """Does verb ``i`` of ``sentence`` say ``other`` (the other version's word in its slot) through
    what it brings about: a complement that is ``other``, a synonym of it, or a word as clearly
    positive or negative as ``other`` is?"""
    tok = sentence.tokens[i]
    own = _pole(tok)
    if tok.pos != "VERB" or tok.lemma in IMPLICIT_NEGATIONS or (own is not None and own < 0):
        return False
    target = _pole(other)
    for k in brought_about(sentence, i):
        comp = sentence.tokens[k]
        if comp.lemma == other.lemma or wordnet.are_synonyms(comp.lemma, other.lemma):
            return True
        pole = _pole(comp)
        if target is not None and pole is not None and pole * target > 0:
            return True
    return False
