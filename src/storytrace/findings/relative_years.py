"""A year said two ways: "last year" in one version, "2022" in the other.

"Last year", "this year" and "next year" point from the day the text was written; a translator may
name the year they point to instead (Chinese news writes 去年, "last year", and one rendering gives
"2022"). So a year one version gives where the other says such a phrase is no figure added from
nowhere, nor a figure left out: it is the same time said from the calendar. With the writer's date
known the year is checked (a year that is not the one pointed to stays a finding); without it the
pair cannot check it, and the finding is low, saying so.
"""
from __future__ import annotations

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
    if not extra or year != int(year) or not 1000 <= year <= 2999:
        return False, ""
    if written is not None:
        extra = [o for o in extra if written.year + o == int(year)]
        if not extra:
            return False, ""
    word = next(k for k, v in _OFFSETS.items() if v == extra[0])
    return True, f"{word} year"
