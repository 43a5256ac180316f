"""The time of day a date stamp gives, and its time zone when the stamp names one.

Article.published is a calendar day; two versions of one day have no order by it. A stamp's time
("Published Thursday, August 4, 2011 5: 55PM EDT", "First Posted: 08 / 04 / 11 06: 44 PM ET") orders
them, but only as far as its zone is known: a local time with no zone can be anywhere from UTC-12 to
UTC+14, so two zoneless times order nothing on one day (lineage.dated_order states the rule).

Kept in ``article.metadata[PUBLISHED_TIME]`` as an ISO 8601 date and time ("2011-08-04T17:55-04:00",
or "2011-08-04T17:55" with no zone): a metadata value travels through the store and the web app as
the other read fields do, and is read back here (``published_time``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

PUBLISHED_TIME = "published_time"  # article.metadata key

# Zones by their abbreviations. The North American ones without S/D ("ET", "PT") name the zone's
# clock on that day, summer or winter: read through the zone database. Abbreviations that name
# several zones ("IST": India, Ireland, Israel; "CST": also China) are read as the one English-language
# news stamps mean by them, or not at all where no one reading prevails (IST, AST).
_FIXED = {
    "UTC": 0, "GMT": 0, "Z": 0, "BST": 60, "CET": 60, "CEST": 120, "EET": 120, "EEST": 180, "MSK": 180,
    "EST": -300, "EDT": -240, "CST": -360, "CDT": -300, "MST": -420, "MDT": -360, "PST": -480, "PDT": -420,
    "AKST": -540, "AKDT": -480, "HST": -600, "JST": 540, "KST": 540, "HKT": 480, "SGT": 480,
    "AEST": 600, "AEDT": 660, "ACST": 570, "AWST": 480, "NZST": 720, "NZDT": 780,
}
_SEASONAL = {"ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver", "PT": "America/Los_Angeles"}

_CLOCK = re.compile(
    r"(?<![\d:./-])(?P<h>\d{1,2})\s*[:.h]\s*(?P<m>\d{2})(?:\s*[:.]\s*\d{2})?(?!\d|[./-]\s*\d)"
    r"(?:\s*(?P<ampm>[ap])\.?\s?m\b\.?)?"
    # an offset first: named ("GMT+02: 00", "UTC-5"), or bare in hours and minutes ("+0100", "-04:00"),
    # since a bare sign and figure after a time is no zone ("5:55 PM - 3 min read"); then an
    # abbreviation, in capitals as stamps write them (a lower-case "et", "in", "at" is a word)
    r"(?:\s*\(?\s*(?P<zone>(?:UTC|GMT)\s*[+-]\s*\d{1,2}(?:\s*:?\s*\d{2})?|[+-]\s?\d{2}\s*:?\s*\d{2}"
    r"|(?-i:[A-Z]{1,4})(?![A-Za-z]))(?![\w]))?",
    re.IGNORECASE)


@dataclass(frozen=True)
class StampTime:
    """A stamp's day and time of day; ``utc_offset`` in minutes east of UTC, None where no zone is given."""
    day: date
    minute: int  # minutes after the local midnight
    utc_offset: int | None = None

    def local(self) -> datetime:
        return datetime(self.day.year, self.day.month, self.day.day) + timedelta(minutes=self.minute)

    def iso(self) -> str:
        text = self.local().strftime("%Y-%m-%dT%H:%M")
        return text if self.utc_offset is None else text + _offset_text(self.utc_offset)


def _offset_text(minutes: int) -> str:
    """ "-04:00", "+05:30": an offset as ISO 8601 and the evidence write it."""
    off = abs(minutes)
    return f"{'+' if minutes >= 0 else '-'}{off // 60:02d}:{off % 60:02d}"


def _offset(zone: str, local: datetime) -> int | None:
    """Minutes east of UTC of ``zone`` (an abbreviation or "+02:00", "GMT-5") at ``local``; None: unknown."""
    z = zone.strip().upper()
    if z in _FIXED:
        return _FIXED[z]
    if z in _SEASONAL:
        try:
            return int(local.replace(tzinfo=ZoneInfo(_SEASONAL[z])).utcoffset().total_seconds() // 60)
        except (ZoneInfoNotFoundError, ValueError):  # no zone database on this system: the zone stays unknown
            return None
    m = re.fullmatch(r"(?:UTC|GMT)?\s*([+-])\s*(\d{1,2})(?:\s*:?\s*(\d{2}))?", z)
    if m and int(m.group(2)) <= 14:
        return (1 if m.group(1) == "+" else -1) * (60 * int(m.group(2)) + int(m.group(3) or 0))
    return None


def stamp_time(stamp: str, day: date) -> StampTime | None:
    """The first time of day in ``stamp`` (the part of a stamp line that gives ``day``), with its zone
    where one follows it; None when the stamp gives no time, or an impossible one ("25:10", "13 pm")."""
    if not isinstance(day, date) or isinstance(day, datetime):
        return None
    m = _CLOCK.search(stamp)
    if m is None:
        return None
    hour, minute, ampm = int(m.group("h")), int(m.group("m")), (m.group("ampm") or "").lower()
    if minute > 59 or hour > 23 or (ampm and not 1 <= hour <= 12):
        return None
    if ampm:
        hour = hour % 12 + (12 if ampm == "p" else 0)
    local = datetime(day.year, day.month, day.day, hour, minute)
    offset = _offset(m.group("zone"), local) if m.group("zone") else None
    return StampTime(day, 60 * hour + minute, offset)


def from_value(value: object) -> StampTime | None:
    """The time of a metadata value that gives one: a datetime, an ISO string with a time
    ("2011-08-04T17:55:00-04:00", "2011-08-04 17:55Z") or a feed's RFC 822 stamp; None for a bare day."""
    if isinstance(value, str):
        s = value.strip()
        try:
            if re.match(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}", s):
                value = datetime.fromisoformat(s.replace("Z", "+00:00"))
            elif re.match(r"(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{2}:\d{2}", s):  # RFC 822 (feeds)
                value = parsedate_to_datetime(s)
            else:
                return None
        except (TypeError, ValueError, IndexError):
            return None
    if not isinstance(value, datetime):
        return None
    off = value.utcoffset()
    return StampTime(value.date(), 60 * value.hour + value.minute,
                     None if off is None else int(off.total_seconds() // 60))


def published_time(metadata: dict, day: date | None) -> StampTime | None:
    """The stamp time kept for an article published on ``day``; None when none was read, or when it
    is of another day (the date was corrected by a person since)."""
    found = from_value(metadata.get(PUBLISHED_TIME)) if isinstance(metadata, dict) and day else None
    return found if found is not None and found.day == day else None


def as_utc(t: StampTime) -> datetime | None:
    if t.utc_offset is None:
        return None
    return (t.local() - timedelta(minutes=t.utc_offset)).replace(tzinfo=timezone.utc)


# When two stamps order their versions (lineage.dated_order). With both zones known: instants half an
# hour apart or more (a page's stamp is its system's clock when saved, and a wire copy's can be the
# wire's time: minutes apart say little). With a zone unknown on either side: local times further apart
# than the widest spread of the world's zones (UTC-12 to UTC+14, 26 hours), which no pair of zones closes.
ORDER_MINUTES = 30
ZONE_SPREAD = timedelta(hours=26)


def certain_gap(a: StampTime | None, b: StampTime | None) -> timedelta | None:
    """How long after ``a`` ``b`` was published (negative: before), where the stamps show it beyond the
    doubt of their zones; None where they do not, or a time is missing."""
    if a is None or b is None:
        return None
    ua, ub = as_utc(a), as_utc(b)
    if ua is not None and ub is not None:
        gap = ub - ua
        return gap if abs(gap) >= timedelta(minutes=ORDER_MINUTES) else None
    gap = b.local() - a.local()
    return gap if abs(gap) > ZONE_SPREAD else None


def gap_words(gap: timedelta) -> str:
    """ "49 minutes", "5 hours", "30 hours": how far apart, in the unit a reader expects."""
    minutes = round(abs(gap).total_seconds() / 60)
    if minutes < 120:
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    return f"{round(minutes / 60)} hours"


def clock_words(t: StampTime) -> str:
    """ "17:55 UTC-04:00", "17:55 (no time zone given)"."""
    hhmm = f"{t.minute // 60:02d}:{t.minute % 60:02d}"
    return f"{hhmm} (no time zone given)" if t.utc_offset is None else f"{hhmm} UTC{_offset_text(t.utc_offset)}"
