"""Is a word rendered elsewhere in the other version, by another word that means the same or one
step more or less generally?

A rendering says each source word once. Where the version renders a source word by a word of its
own somewhere else in the sentence ("will further delay the impact" / "will push the impact to lag
further": "lag" is a kind of delay), the different word standing in the source word's slot ("push")
is no replacement of it: it is a word the version adds around the rendering (here a causative verb),
and reading it as the source word's opposite reverses nothing. The rendering must be new to the
version (a word the other sentence does not say) and a content word, and the link is WordNet's
near neighbourhood only (shared senses and direct hypernyms, first senses, in any part of speech:
the noun "lag" renders the verb "delay").
"""
from __future__ import annotations

from storytrace.findings.text import ParsedSentence, Token
from storytrace.nlp import wordnet

_CONTENT = frozenset({"NOUN", "VERB", "ADJ", "ADV"})
# Light words mean too little to render anything: "get" and "make" are in the neighbourhood of most verbs.
_LIGHT = frozenset("be have do make get go say take give come put set keep let seem become".split())
_READINGS = ("n", "v", "a", "r")


def rendered_elsewhere(word: Token, version: ParsedSentence, slot: int, source: ParsedSentence) -> bool:
    """Does ``version`` render ``word`` (a word of ``source``) by another word than the one at
    ``slot``: a content word new to ``version`` (``source`` does not say it) that shares a sense
    with ``word`` or stands one hypernym step above or below it?"""
    if word.lemma.lower() in _LIGHT:
        return False
    said = {f for t in source.tokens for f in (t.lemma.lower(), t.lower)}
    mine = _near(word.lemma.lower())
    if not mine:
        return False
    for k, t in enumerate(version.tokens):
        lemma = t.lemma.lower()
        if k == slot or t.pos not in _CONTENT or lemma in said or t.lower in said or lemma in _LIGHT:
            continue
        if lemma in mine or word.lemma.lower() in _near(lemma):
            return True
    return False


def _near(lemma: str) -> frozenset[str]:
    return frozenset().union(*(wordnet.neighbourhood(lemma, p) for p in _READINGS)) - {lemma}
