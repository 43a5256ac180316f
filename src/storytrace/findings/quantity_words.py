"""Quantity words that say how many or how much of a thing, compared on their scale.

"Most residents" / "some residents", "all the passengers" / "some of the passengers", "dozens of
protesters" / "thousands of protesters" say different amounts with no figure for the number
detector to compare. Each word takes its place on one of two scales: a share of a group (all >
most > some, few) or an order of magnitude (a few, several < dozens < hundreds < thousands <
millions). Two words about the same noun that sit on different steps of one scale disagree.
Vague words ("many", "numerous", "lots") and the words of no or none (polarity's job) sit on no step.
"""
from __future__ import annotations

from dataclasses import dataclass

from storytrace.findings.text import ParsedSentence, Token, word_key

# share of a group: 3 all, 2 most, 1 some (a part, not most)
_SHARE = {"all": 3, "every": 3, "each": 3, "entire": 3, "whole": 3, "most": 2, "majority": 2,
          "some": 1, "several": 1, "few": 1, "handful": 1}
# order of magnitude of a count
_MAGNITUDE = {"few": 1, "several": 1, "handful": 1, "dozen": 2, "dozens": 2, "hundreds": 3,
              "thousands": 4, "millions": 5, "billions": 6}
_SHARE_WORDS = {1: "a part", 2: "most", 3: "all"}


@dataclass(frozen=True)
class QuantityWord:
    index: int  # the quantity word's token
    word: str  # its key ("majority", "few", "dozens")
    noun: str  # the noun it quantifies (lemma key)
    text: str  # as written, with "a"/"the ... of" around it


def quantity_words(sentence: ParsedSentence) -> list[QuantityWord]:
    """Each quantity word of the sentence with the noun it quantifies ("most residents", "most of the
    workers", "the majority of residents", "hundreds of employees", "a few journalists")."""
    toks = sentence.tokens
    out = []
    for i, t in enumerate(toks):
        key = word_key(t.lower)
        if key not in _SHARE and key not in _MAGNITUDE:
            continue
        if key == "few" and not (i > 0 and toks[i - 1].lower == "a"):
            continue  # bare "few" ("few residents") means not many: polarity reads it against "many"
        if key in ("entire", "whole") and not (i > 0 and toks[i - 1].lower == "the"):
            continue
        if key == "each" and i + 1 < len(toks) and toks[i + 1].lower == "other":
            continue  # "each other" is a pronoun, no share of a group
        noun = _quantified(toks, i)
        if noun is None:
            continue
        first = i - 1 if i > 0 and toks[i - 1].lower in ("a", "the") else i
        out.append(QuantityWord(i, key, word_key(toks[noun].lemma), _text(sentence, first, i + 1)))
    return out


def _quantified(toks: list[Token], i: int) -> int | None:
    """The noun a quantity word quantifies: its head ("most residents"), or the object of its "of"
    ("most of the workers", "hundreds of employees")."""
    t = toks[i]
    if t.pos != "NOUN" and 0 <= t.head < len(toks) and t.head != i and toks[t.head].pos == "NOUN" \
            and t.dep in ("det", "amod", "nummod", "predet", "quantmod"):
        return t.head
    for k, p in enumerate(toks):
        if p.head == i and p.lower == "of" and k > i:
            objs = [g for g, u in enumerate(toks) if u.head == k and u.pos in ("NOUN", "PROPN")]
            if objs:
                return objs[0]
    return None


def _text(sentence: ParsedSentence, first: int, end: int) -> str:
    toks = sentence.tokens
    return sentence.text[toks[first].start - sentence.start: toks[end - 1].end - sentence.start]


def disagree(a: QuantityWord, b: QuantityWord) -> str | None:
    """How two quantity words about the same noun disagree (a phrase for the explanation), or None."""
    if a.noun != b.noun or a.word == b.word:
        return None
    if a.word in _MAGNITUDE and b.word in _MAGNITUDE and _MAGNITUDE[a.word] != _MAGNITUDE[b.word]:
        return "another order of magnitude"
    if a.word in _SHARE and b.word in _SHARE and _SHARE[a.word] != _SHARE[b.word]:
        return f"{_SHARE_WORDS[_SHARE[a.word]]} against {_SHARE_WORDS[_SHARE[b.word]]}"
    return None
