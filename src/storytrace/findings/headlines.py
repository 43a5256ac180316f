"""In a headline written in title case, capitals do not mark names.

"Turkey-Syria Earthquake Relief Works Day and Night" capitalises every word, so the name detectors
read "Relief Works" as a name; its translation "Earthquake relief in Turkey and Syria continues
around the clock" then seems to drop the name "Works". A name finding whose value is only ordinary
words (WordNet knows each in lower case) in such a line compares a headline's capitals, not a
name: it is kept, low, and says why. A value that is a real name ("Turkey") is left alone.
"""
from __future__ import annotations

import re

from storytrace.model import Finding
from storytrace.nlp import wordnet

_NAME_TYPES = frozenset({"omission", "unsupported_addition", "entity_swap"})
_SMALL = frozenset("a an the and or but nor of in on at to for by with from as into over about per via vs".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_PLACEHOLDER = re.compile(r"^\(.*\)$")


def title_case_line(sentence: str) -> bool:
    """No closing full stop, and (the small words of a title aside) every word of three or
    more words capitalised: a headline, not a sentence."""
    text = sentence.strip()
    if not text or text[-1] in ".!?…" or text.endswith(('."', '.”')):
        return False
    words = [w for w in _WORD.findall(text) if w.lower() not in _SMALL]
    return len(words) >= 3 and all(w[0].isupper() for w in words)


def _common_words(value: str) -> bool:
    """Every word is one WordNet knows in lower case and none names a place WordNet knows
    ("Works", "Relief" yes; "Turkey", "Paris" no)."""
    if _PLACEHOLDER.match(value.strip()):
        return False  # "(missing)": no value on this side
    words = [w for part in _WORD.findall(value) for w in part.split("-") if w]
    return bool(words) and all(wordnet.known(w.lower()) and not wordnet.named_places(w) for w in words)


def lower_headline_capitals(findings: list[Finding]) -> list[Finding]:
    for f in findings:
        if f.type not in _NAME_TYPES or f.severity == "low":
            continue
        if (f.derived_value and title_case_line(f.claim) and _common_words(f.derived_value)) or \
                (f.source_value and title_case_line(f.source_text) and _common_words(f.source_value)):
            f.severity = "low"
            f.explanation += (" Low: the word stands in a headline written in title case, where capitals do not"
                              " mark a name, and it is an ordinary word.")
    return findings
