"""Publication dates: ISO strings, RFC 822 (feeds, HTTP), and the common written forms."""
from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y", "%Y/%m/%d", "%d.%m.%Y")
# Dates outside this range are typos or hostile input, not publication dates.
_MIN_YEAR, _MAX_YEAR = 1800, 2200


def _in_range(d: date) -> date | None:
    return d if _MIN_YEAR <= d.year <= _MAX_YEAR else None


def _in_figures(year: str) -> re.Pattern[str]:
    """Day and month in one or two figures, then the year, apart from any other figures or slashes."""
    return re.compile(rf"(?<![\d/])(\d{{1,2}})\s*/\s*(\d{{1,2}})\s*/\s*({year})(?![\d/])")


# A date in figures with a two-digit year ("08 / 04 / 11", "4/8/11"): the year is last, as English writes
# it. Which of the other two is the month shows only where one of them is over 12, or where the file's
# own convention says (numeric_convention); otherwise the date stays unknown: 08/04/11 is 4 August in
# New York and 8 April in London, and a guessed date can turn a copy's lineage round.
SHORT_YEAR_DATE = _in_figures(r"\d{2}")
_NUMERIC_DATE = _in_figures(r"\d{4}|\d{2}")  # any date in figures: the file's convention (numeric_convention)
# A North American time zone after a stamp's time ("06: 44 PM ET"): such stamps write the month first.
_MONTH_FIRST_ZONE = re.compile(
    r"\b\d{1,2}\s*[:.]\s*\d{2}\s*(?:[APap]\.?[Mm]\.?\s*)?\(?(?:ET|EST|EDT|CT|CDT|MT|MST|MDT|PT|PST|PDT)\b")


def numeric_convention(text: str) -> bool | None:
    """True: ``text`` writes dates in figures month first (a date with its second figure over 12, or a
    stamp in a North American time zone); False: day first (its first figure over 12); None: it does
    not show, or shows both."""
    seen = set()
    for m in _NUMERIC_DATE.finditer(text):
        first, second = int(m.group(1)), int(m.group(2))
        if first > 12 >= second:
            seen.add(False)
        elif second > 12 >= first:
            seen.add(True)
    if not seen and _MONTH_FIRST_ZONE.search(text):
        seen.add(True)
    return seen.pop() if len(seen) == 1 else None


def _short_year(m: re.Match, month_first: bool | None) -> date | None:
    first, second, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    year += 2000 if year < 69 else 1900  # strptime's %y pivot
    if first == second or (second > 12 >= first):
        month, day = first, second
    elif first > 12 >= second:
        month, day = second, first
    elif month_first is None:
        return None  # both could be the month: no guess
    else:
        month, day = (first, second) if month_first else (second, first)
    try:
        return _in_range(date(year, month, day))
    except ValueError:
        return None


def unread_because(value: object) -> str:
    """Why parse_published read no day from ``value``: for the warning that keeps it as text."""
    short = SHORT_YEAR_DATE.fullmatch(value.strip()) if isinstance(value, str) else None
    if short and _short_year(short, None) is None and _short_year(short, True) is not None:
        return "it could be day or month first"
    return "not an absolute date"


def parse_published(value: object, month_first: bool | None = None) -> date | None:
    """A publication date from a metadata value, or None when it cannot be read as one.

    Relative phrases ("yesterday", "2 days ago", "today 9", "1h") are refused: a published field must
    name a day, the same whatever the clock or time zone of the run. A date in figures with a two-digit
    year is read only where its order shows (SHORT_YEAR_DATE; ``month_first``: the file's convention).
    """
    if isinstance(value, datetime):
        return _in_range(value.date())
    if isinstance(value, date):
        return _in_range(value)
    if not isinstance(value, str):
        return None
    s = value.strip()
    if not s or len(s) > 100 or not re.search(r"\d", s):
        return None
    short = SHORT_YEAR_DATE.fullmatch(s)
    if short:
        return _short_year(short, month_first)
    try:
        return _in_range(date.fromisoformat(s[:10]))
    except ValueError:
        pass
    try:
        return _in_range(datetime.fromisoformat(s.replace("Z", "+00:00")).date())
    except ValueError:
        pass
    try:
        return _in_range(parsedate_to_datetime(s).date())
    except (TypeError, ValueError, IndexError):
        pass
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", s)
    for fmt in _FORMATS:
        try:
            return _in_range(datetime.strptime(cleaned, fmt).date())
        except ValueError:
            continue
    return _parse_with_dateparser(s)


# Two far-apart "nows": a date that reads the same against both names a day of its own; one that
# moves with them ("2 days ago", "today 9", "1h") depends on the clock and the time zone of the run.
_BASES = (datetime(2001, 1, 1, 12, 0), datetime(2013, 7, 17, 3, 0))


def _parse_with_dateparser(s: str) -> date | None:
    import dateparser  # slow to import and to run: only for the forms above that did not match

    found = []
    for base in _BASES:
        try:
            parsed = dateparser.parse(
                s,
                languages=["en", "fr", "de", "es", "it", "pt", "nl"],
                settings={"REQUIRE_PARTS": ["year", "month", "day"], "RETURN_AS_TIMEZONE_AWARE": False,
                          "RELATIVE_BASE": base},
            )
        except Exception:  # dateparser raises assorted errors on odd strings; a bad date is not fatal
            return None
        found.append(parsed.date() if parsed else None)
    if found[0] is None or found[0] != found[1]:
        return None  # unreadable, or relative: refused (the caller keeps the text with a warning)
    return _in_range(found[0])
