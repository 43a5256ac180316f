"""A year said two ways: "last year" in one version, "2022" in the other.

"Last year", "this year" and "next year" point from the day the text was written; a translator may
name the year they point to instead (Chinese news writes 去年, "last year", and one rendering gives
"2022"). So a year one version gives where the other says such a phrase is no figure added from
nowhere, nor a figure left out: it is the same time said from the calendar. With the writer's date
known the year is checked (a year that is not the one pointed to stays a finding); without it the
pair cannot check it, and the finding is low, saying so.
"""
from __future__ import annotations

import math
import re
from datetime import date

# The year a deictic phrase points to, counted from the year of writing.
_OFFSETS = {"last": -1, "this": 0, "next": 1}
_DEICTIC_YEAR = re.compile(r"\b(last|this|next)\s+year\b", re.IGNORECASE)


def _offsets(text: str) -> list[int]:
    return [_OFFSETS[m.group(1).lower()] for m in _DEICTIC_YEAR.finditer(text)]


def year_said_relatively(year: float, here: str, there: str, written: date | None) -> tuple[bool, str]:
    """Does ``there`` (the other version's sentence) say "last/this/next year" where ``here`` (the
    sentence giving ``year``) says no such phrase as often, so that the year may be that phrase said
    from the calendar? (False, "") when not; (True, phrase) when it may be, ``written`` (the date the
    phrase was written, None when unknown) not ruling it out. A year the phrase cannot point to
    (``written`` known, another year) is (False, "")."""
    theirs, mine = _offsets(there), _offsets(here)
    extra = [o for o in set(theirs) if theirs.count(o) > mine.count(o)]
    if not extra or not math.isfinite(year) or year != int(year) or not 1000 <= year <= 2999:
        return False, ""
    if written is not None:
        extra = [o for o in extra if written.year + o == int(year)]
        if not extra:
            return False, ""
    word = next(k for k, v in _OFFSETS.items() if v == extra[0])
    return True, f"{word} year"


# "since 1969" against "in 53 years": a span counted back from the day of writing to a year.
_SINCE_YEAR = re.compile(r"\bsince\s+(\d{4})\b", re.IGNORECASE)
_YEARS_BACK = re.compile(r"\b(?:in|for|over)\s+(?:(?:the\s+)?(?:past|last)\s+)?(\d{1,3})\s+years\b", re.IGNORECASE)


def span_said_as_year(value: float, start: int, here: str, there: str, written: date | None) -> tuple[bool, str]:
    """Is the figure ``value`` at ``here[start:]`` either a count of years back ("in 53 years") where
    ``there`` says "since <year>", or that year where ``there`` says the count, the phrase not said
    ``here``? With ``written`` known the two must meet (the year of writing minus the count, a year
    either way: the day in the year is unknown); without it the pair cannot check them. Returns
    (True, the other version's phrase) or (False, "")."""
    if not math.isfinite(value) or value != int(value):  # a run of digits too long for a float is inf
        return False, ""
    value = int(value)
    for m in _YEARS_BACK.finditer(here):
        if m.start(1) <= start < m.end(1) and m.group(1) == str(value):
            for s in _SINCE_YEAR.finditer(there):
                year = int(s.group(1))
                if not _SINCE_YEAR.search(here) and (written is None or abs(written.year - value - year) <= 1):
                    return True, s.group(0)
    for m in _SINCE_YEAR.finditer(here):
        if m.start(1) <= start < m.end(1) and int(m.group(1)) == value:
            for s in _YEARS_BACK.finditer(there):
                years = int(s.group(1))
                if not _YEARS_BACK.search(here) and (written is None or abs(written.year - years - value) <= 1):
                    return True, s.group(0)
    return False, ""
