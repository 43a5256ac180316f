"""Aspect said by an adverb or by the verb's form.

"The number has gradually decreased" and "the number has been decreasing", "the force is constantly
increasing" and "the force is increasing": the progressive ("be" + -ing) presents a change as going
on over time, and a continuative adverb says the same in a word of its own. Two translations of one
source pick either (Chinese 不断, 逐渐 are rendered both ways), so such an adverb on a verb whose
counterpart the source puts in the progressive renders that aspect; it adds no fact. The adverbs are
a closed grammatical class (aspect, not content): how often or how fast ("rarely", "quickly") is no
aspect and stays an addition, as does a continuative adverb where the source's verb is not progressive.
"""
from __future__ import annotations

from storytrace.findings.text import ParsedSentence, Token, word_key
from storytrace.nlp import wordnet

# Adverbs that present a change as ongoing or advancing by degrees: what the progressive says.
CONTINUATIVE = frozenset("""gradually steadily constantly continuously continually progressively increasingly
ceaselessly incessantly""".split())


def _progressive(s: ParsedSentence, j: int) -> bool:
    """Is the verb at ``j`` in the progressive: an -ing form with a form of "be" as its auxiliary
    ("are increasing", "has been decreasing")?"""
    verb = s.tokens[j]
    return verb.tag == "VBG" and any(t.head == j and t.dep in ("aux", "auxpass") and t.lemma == "be" for t in s.tokens)


def renders_progressive(tok: Token, head: Token, sources: list[ParsedSentence]) -> bool:
    """Is ``tok`` a continuative adverb on the verb ``head`` whose counterpart (the same verb or a
    WordNet synonym) the source says in the progressive?"""
    if tok.pos != "ADV" or tok.lower not in CONTINUATIVE or head.pos != "VERB":
        return False
    for s in sources:
        for j, t in enumerate(s.tokens):
            if t.pos != "VERB" or not _progressive(s, j):
                continue
            if word_key(t.lemma) == word_key(head.lemma) or wordnet.are_synonyms(t.lemma, head.lemma, "v", limit=2):
                return True
    return False
