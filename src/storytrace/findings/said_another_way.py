"""One figure said another way: the one place the number detectors ask whether a figure that one
version gives and the other lacks is the same thing put otherwise, so that ``numbers_cmp`` (a figure
added) and ``omissions`` (a figure left out) ask it the same way, in the same order.

A stretch of the calendar said by its count or by its months (``calendar_stretches``), a count said
by its order of magnitude or its floor, a growth said by its factor or its percentage
(``magnitudes``): no figure added or left out. A year said from the calendar or from the day of
writing (``relative_years``) is the same only where the writer's date says so; the detectors decide
what to do without that date, so it has a reader of its own here.
"""
from __future__ import annotations

from datetime import date

from storytrace.findings.calendar_stretches import same_stretch_otherwise
from storytrace.findings.magnitudes import factor_said_as_percent, order_said_in_words
from storytrace.findings.relative_years import span_said_as_year, year_said_relatively


def said_another_way(value: float, start: int, end: int, here: str, there: str) -> bool:
    """Is the figure ``value`` at ``here[start:end]`` said in ``there`` another way: "three" of "the
    first three quarters" for "from January to September", "more than 10,000" for "tens of thousands
    of", "up 100%" for "doubled"?"""
    return (same_stretch_otherwise(start, end, here, there) or order_said_in_words(value, start, here, there)
            or factor_said_as_percent(value, end, here, there))


def time_said_from_writing(value: float, is_year: bool, start: int, here: str, there: str,
                           written: date | None) -> tuple[bool, str]:
    """Is the figure ``value`` at ``here[start:]`` a time that ``there`` says from the day of writing:
    a year for "last year" (``year_said_relatively``, years only), a year for a count of years or a
    count for "since <year>" (``span_said_as_year``)? (True, the phrase ``there`` says) or (False, "");
    ``written`` (the date of the text that says the phrase) known, only where the two meet."""
    if is_year:
        relative, phrase = year_said_relatively(value, here, there, written)
        if relative:
            return relative, phrase
    return span_said_as_year(value, start, here, there, written)
