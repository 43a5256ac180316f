"""Litotes: a "not" right before a gradable word says that word's opposite.

"not far from the station" says "near the station", "not many people" says "few people", "arrived
not long after" says "arrived shortly after". English denies a degree, a distance or an amount to
say its other pole, and a translation often renders one form by the other. So a "not" standing
directly on an adjective or adverb, where the other version says a plain opposite of that word
(and not the word itself), may be one meaning written two ways: the opposite is no added qualifier,
and the count of negations lowers its flip to medium rather than clearing it (polarity._lower_for_litotes;
clearing was measured and lost a right flip on real translations, where such a pair can stand beside a
real error). Only the plain opposites the lexicon lists and WordNet's direct antonyms count, never
WordNet's looser neighbourhoods, and the opposite must be new: a word both versions say, or the
negated word itself said in the other version, is no rendering of the phrase.

A "not" on a verb denies a quantifier on its object the same way: "did not hire many workers" says
"hired few workers" (the opposite must then count the same noun).
"""
from __future__ import annotations

from storytrace.findings.text import ParsedSentence, Token
from storytrace.findings.wordsense import opposite_senses
from storytrace.nlp import wordnet

# The negations that form a litotes with the word right after them ("not far", "isn't far").
_NOTS = frozenset({"not", "n't"})
# Words that can be denied to say their other pole: degree, distance, amount, time. A preposition
# too: "not near the river" says "far from the river" (the parser reads "near" there as a preposition);
# the rendering must still be its plain opposite, so "not in" / "not for" deny nothing unless the other
# version says "out" / "against".
_GRADABLE_POS = frozenset({"ADJ", "ADV", "ADP"})
# What a rendering of the phrase may be: "few" (an adjective or determiner), "shortly", "near" (a
# preposition as the parser reads "near the station").
_RENDERING_POS = frozenset({"ADJ", "ADV", "ADP", "DET"})


# Quantity words a "not" on the verb denies through its object ("did not hire many workers" is "hired
# few workers"): the scalar quantifiers, whose opposite says the other end of the same scale.
_QUANTIFIERS = frozenset({"many", "much", "few", "little"})
_OBJECT_DEPS = frozenset({"dobj", "attr", "nsubjpass", "nsubj"})


def denied_word(sentence: ParsedSentence, k: int) -> tuple[int, int | None] | None:
    """(index of the gradable word a "not" at ``k`` denies, index of the noun it counts or None),
    or None. The word right after the "not" ("not far", "not many"), or a quantifier on the
    object or subject of the verb the "not" negates ("did not hire many workers"). "not only" and
    "not just" are left out: they deny nothing."""
    toks = sentence.tokens
    if toks[k].lower not in _NOTS:
        return None
    if k + 1 < len(toks) and toks[k + 1].pos in _GRADABLE_POS \
            and toks[k + 1].lower not in ("only", "just", "merely", "even", "yet", "at"):
        return k + 1, None
    verb = toks[k].head
    for n, noun in enumerate(toks):
        if noun.head != verb or n == verb or noun.dep not in _OBJECT_DEPS:
            continue
        for x, q in enumerate(toks):
            if q.head == n and q.dep == "amod" and q.lower in _QUANTIFIERS:
                return x, n
    return None


def rendered_by_opposite(negated: ParsedSentence, k: int, other: ParsedSentence) -> tuple[int, int] | None:
    """(index of the denied word in ``negated``, index of the word of ``other`` that renders the
    litotes at ``k``: the "far" and the "near" of "not far" / "near"), or None. The rendering is a
    plain opposite of the denied word, not itself under a "not", that ``negated`` does not say,
    where ``other`` does not say the denied word."""
    found = denied_word(negated, k)
    if found is None:
        return None
    x, counted = found
    denied = negated.tokens[x]
    other_forms = {f for t in other.tokens for f in forms(t)}
    if forms(denied) & other_forms:
        return None  # the other version says the word itself: the "not" is added or dropped
    negated_forms = {f for t in negated.tokens for f in forms(t)}
    for j, tok in enumerate(other.tokens):
        if tok.pos not in _RENDERING_POS or forms(tok) & negated_forms:
            continue
        if j and other.tokens[j - 1].lower in _NOTS:
            continue  # "not near" for "not far" is no rendering of it
        if counted is not None and not _same_noun(other, tok, negated.tokens[counted]):
            continue  # a quantifier the verb's "not" denies is rendered on the same noun ("few workers")
        if plain_opposites(denied, tok):
            return x, j
    return None


def renders_a_litotes(tok: Token, sentence: ParsedSentence, sources: list[ParsedSentence]) -> bool:
    """Is ``tok`` (a word of ``sentence``) the rendering of a litotes of a source sentence
    ("shortly" for "not long")?"""
    for src in sources:
        for k in range(len(src.tokens)):
            found = rendered_by_opposite(src, k, sentence)
            if found is not None and sentence.tokens[found[1]] is tok:
                return True
    return False


def plain_opposites(a: Token, b: Token) -> bool:
    """A listed opposite (or a near-synonym of one), or a WordNet direct antonym in any of the
    adjective and adverb senses: "far" / "near" (an adverb against a preposition), "many" /
    "few", "long" / "shortly" (through the adjective the adverb is made from)."""
    fa, fb = forms(a), forms(b)
    if any(fb & opposite_senses(f) for f in fa) or any(fa & opposite_senses(f) for f in fb):
        return True
    return any(wordnet.listed_antonyms(x, y, p) for p in ("a", "r") for x in fa for y in fb)


def _same_noun(sentence: ParsedSentence, tok: Token, noun: Token) -> bool:
    head = sentence.tokens[tok.head] if 0 <= tok.head < len(sentence.tokens) else tok
    return head is not tok and (head.lemma.lower() == noun.lemma.lower() or head.lower == noun.lower)


def forms(tok: Token) -> set[str]:
    return {tok.lemma.lower(), tok.lower}
