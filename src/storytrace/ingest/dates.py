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


def parse_published(value: object) -> date | None:
    """A publication date from a metadata value, or None when it cannot be read as one.

    Relative phrases ("yesterday", "2 days ago", "today 9", "1h") are refused: a published field must
    name a day, the same whatever the clock or time zone of the run.
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
