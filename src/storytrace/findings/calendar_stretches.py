"""A stretch of the calendar said by its count or by its ends: "the first three quarters" is "from
January to September", "the first half of the year" is "the first six months", "the first two months"
is "January-February". Economic news names such stretches either way (Chinese 前三季度 is rendered
both "the first three quarters" and "January to September"), so the count in one version ("three",
"six", "two") is no figure added or left out when the other version names the same months otherwise.
Only the months matter: "the first three quarters" against "January to June" is another stretch.
"""
from __future__ import annotations

import re

from storytrace.findings.lexicon import NUMBER_WORDS
from storytrace.nlp.dates import MONTHS  # the date reader's month numbers: one reading of "Sept." everywhere

_COUNT = r"(\d{1,2}|[a-z]+)"
_MONTH = r"(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
# "the first three quarters", "the first six months", "the first half", "the second quarter"
_FIRST_COUNT = re.compile(rf"\bfirst\s+{_COUNT}\s+(months|quarters)\b", re.IGNORECASE)
_PART = re.compile(r"\b(first|second|third|fourth|latter|last)\s+(half|quarter)\b", re.IGNORECASE)
_QUARTER_CODE = re.compile(r"\b([QH])([1-4])\b")
# "from January to September", "January-September", "between January and March", "January and February"
# (month names are capitalised: "may" is a verb)
_MONTH_RANGE = re.compile(rf"\b{_MONTH}\s*(?:to|through|till|until|-|–|—|and)\s*{_MONTH}\b", re.IGNORECASE)


def _count(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    value = NUMBER_WORDS.get(word)
    return int(value) if isinstance(value, (int, float)) and value == int(value) and value >= 1 else None


def _month(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def stretches(text: str) -> list[tuple[int, int, int, int]]:
    """(first month, last month, start, end) of each stretch of the calendar ``text`` names, with the
    character span of its words."""
    out = []
    for m in _FIRST_COUNT.finditer(text):
        n = _count(m.group(1))
        if n is not None:
            months = n if m.group(2).lower() == "months" else 3 * n
            if 1 <= months <= 12:
                out.append((1, months, m.start(), m.end()))
    for m in _PART.finditer(text):
        which, part = m.group(1).lower(), m.group(2).lower()
        size = 6 if part == "half" else 3
        index = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get(which)
        if which in ("latter", "last"):
            index = 12 // size
        if index is not None and index * size <= 12:
            out.append(((index - 1) * size + 1, index * size, m.start(), m.end()))
    for m in _QUARTER_CODE.finditer(text):
        size, index = (3 if m.group(1) == "Q" else 6), int(m.group(2))
        if index * size <= 12:
            out.append(((index - 1) * size + 1, index * size, m.start(), m.end()))
    for m in _MONTH_RANGE.finditer(text):
        a, b = _month(m.group(1)), _month(m.group(2))
        if m.group(1)[:1].isupper() and m.group(2)[:1].isupper() and a is not None and b is not None and a < b:
            out.append((a, b, m.start(), m.end()))
    return out


def same_stretch_otherwise(start: int, end: int, here: str, there: str) -> bool:
    """Is the number at ``here[start:end]`` part of a stretch of the calendar that ``there`` names by
    the same months in other words ("three" of "the first three quarters" against "January to
    September")?"""
    mine = {(a, b) for a, b, s, e in stretches(here) if s <= start and end <= e}
    return bool(mine & {(a, b) for a, b, _, _ in stretches(there)})
