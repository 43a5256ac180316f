"""Dates resolved against the publication date: "March 11", "on the 12th", "last month", "in 2019".

One compiled regex (alternatives from most to least specific) finds the expressions; ``resolve``
turns each into a DateValue. Without a publication date, only what the text itself fixes is kept.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from storytrace.model import DateValue, Mention
from storytrace.nlp.segment import SentenceIndex

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
# Month names must be capitalised ("may" is a verb; "march" a noun); abbreviations need a day or year.
_MONTH_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH_ANY = rf"(?:{_MONTH_FULL}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"
# A four-digit number read as a year (1500-2099): the one definition the date, number and
# contradiction readers share, so "a year" means the same thing to each of them.
YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_ORD = r"(?:st|nd|rd|th)"
# A month/year alone is a date only after one of these ("in March", "since 2019").
_PREP = r"(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ff]rom|[Bb]efore|[Aa]fter|[Dd]uring|[Tt]hrough|[Oo]f|[Ee]arly|[Ll]ate|[Mm]id-?|[Ee]nd of|[Ss]tart of|[Bb]eginning of|[Ff]or|[Ss]ummer|[Ww]inter|[Ss]pring|[Aa]utumn|[Tt]ill)"

_DATE_RE = re.compile(
    rf"\b(?P<iso>(?P<iy>{YEAR})-(?P<im>0[1-9]|1[0-2])-(?P<id>[0-3]\d))\b"
    rf"|\b(?P<mdy>(?P<m1>{_MONTH_ANY})\s+(?P<d1>{_DAY}){_ORD}?(?![\d:])(?:,?\s+(?P<y1>{YEAR}))?)\b"
    rf"|\b(?P<dmy>(?:the\s+)?(?P<d2>{_DAY}){_ORD}?\s+(?:of\s+)?(?P<m2>{_MONTH_ANY})(?:,?\s+(?P<y2>{YEAR}))?)\b"
    rf"|\b(?P<my>(?P<m3>{_MONTH_ANY}),?\s+(?P<y3>{YEAR}))\b"
    rf"|\b(?P<rm>(?P<mmod>last|next|this|[Ll]ast|[Nn]ext|[Tt]his)\s+(?P<m5>{_MONTH_FULL}))\b"
    rf"|\b{_PREP}\s+(?P<m4>{_MONTH_FULL})\b(?!\s+\d)"
    rf"|\b(?P<ord>the\s+(?P<d5>{_DAY}){_ORD})\b(?!\s+(?!(?:at|when|and|in|as|after|before|with|to|but|the|of|,)\b)[a-z])"
    rf"|\b(?P<rel>[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight)\b"
    rf"|\b(?P<ago>(?P<n>\d{{1,2}}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?P<aunit>day|week|month|year)s?\s+ago)\b"
    rf"|\b(?P<per>(?P<pmod>[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast|[Ee]arlier this|[Ll]ater this)\s+(?P<unit>week|weekend|month|year))\b"
    rf"|\b(?P<wd>(?:(?P<wmod>[Ll]ast|[Nn]ext|[Tt]his)\s+)?(?P<wname>{_WEEKDAY}))\b(?!,?\s+(?:{_MONTH_ANY}|\d))"
    rf"|\b{_PREP}\s+(?P<year>{YEAR})\b(?![-/]\d|\s*(?:%|per\s?cent|bn|billion|million|people))",
)


def extract_dates(text: str, index: SentenceIndex, published: date | None) -> list[Mention]:
    mentions = []
    for m in _DATE_RE.finditer(text):
        value = resolve(m, published)
        if value is None:
            continue
        start, end = _span(m)
        mentions.append(Mention(kind="date", text=text[start:end], start=start, end=end, sentence=index.at(start), value=value, label="DATE"))
    return mentions


def _span(m: re.Match) -> tuple[int, int]:
    for name in ("iso", "mdy", "dmy", "my", "rm", "m4", "ord", "rel", "ago", "per", "wd", "year"):
        if m.group(name):
            return m.start(name), m.end(name)
    return m.start(), m.end()


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".").lower()]


def resolve(m: re.Match, published: date | None) -> DateValue | None:
    g = m.group
    if g("iso"):
        return _day(int(g("iy")), int(g("im")), int(g("id")))
    if g("mdy") or g("dmy"):
        month = _month(g("m1") or g("m2"))
        day = int(g("d1") or g("d2"))
        year = g("y1") or g("y2")
        if year:
            return _day(int(year), month, day)
        if published:
            year_guess = published.year
            candidate = _safe_date(year_guess, month, day)
            if candidate and (candidate - published).days > 183:
                year_guess -= 1  # "December 30" in a January article: last year
            return _day(year_guess, month, day)
        return DateValue(month=month, day=day, granularity="day", iso=f"--{month:02d}-{day:02d}")
    if g("my"):
        return _month_value(int(g("y3")), _month(g("m3")))
    if g("m4"):
        month = _month(g("m4"))
        if not published:
            return DateValue(month=month, granularity="month", iso=f"--{month:02d}")
        year = published.year - (1 if month - published.month > 6 else 0)
        return _month_value(year, month)
    if g("rm"):
        month = _month(g("m5"))
        if not published:
            return DateValue(month=month, granularity="relative")
        mod = g("mmod").lower()
        year = published.year
        if mod == "last" and month >= published.month:
            year -= 1
        elif mod == "next" and month <= published.month:
            year += 1
        return _month_value(year, month)
    if g("ord"):
        day = int(g("d5"))
        if not published:
            # Without a publication date "the 12th" names no month: keep the day, but it is not a calendar day.
            return DateValue(day=day, granularity="relative", iso=f"---{day:02d}")
        year, month = published.year, published.month
        if day > published.day:  # "on the 12th" written on the 10th: last month's 12th
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        return _day(year, month, day)
    if g("rel"):
        if not published:
            return DateValue(granularity="relative")
        shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[g("rel").lower()]
        d = published + timedelta(days=shift)
        return _day(d.year, d.month, d.day)
    if g("ago"):
        return _ago(_COUNT_WORDS.get(g("n").lower()) or int(g("n")), g("aunit"), published)
    if g("per"):
        return _period(g("pmod").lower(), g("unit"), published)
    if g("wd"):
        if not published:
            return DateValue(granularity="relative")
        target = WEEKDAYS[g("wname").lower()]
        back = (published.weekday() - target) % 7
        mod = (g("wmod") or "").lower()
        if mod == "next":
            d = published + timedelta(days=(target - published.weekday()) % 7 or 7)
        else:
            if mod == "last" and back == 0:
                back = 7
            d = published - timedelta(days=back)
        return _day(d.year, d.month, d.day)
    if g("year"):
        return DateValue(year=int(g("year")), granularity="year", iso=g("year"))
    return None


_COUNT_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


def _ago(n: int, unit: str, published: date | None) -> DateValue:
    """"three days ago" -> a day; "two weeks ago" -> that week; "a month ago" -> that month."""
    if not published:
        return DateValue(granularity="relative")
    if unit == "day":
        d = published - timedelta(days=n)
        return _day(d.year, d.month, d.day)
    if unit == "week":
        d = published - timedelta(weeks=n)
        monday = d - timedelta(days=d.weekday())
        iso_year, iso_week, _ = monday.isocalendar()
        return DateValue(year=monday.year, month=monday.month, day=monday.day, granularity="week", iso=f"{iso_year}-W{iso_week:02d}")
    if unit == "month":
        total = published.year * 12 + (published.month - 1) - n
        return _month_value(total // 12, total % 12 + 1)
    return DateValue(year=published.year - n, granularity="year", iso=str(published.year - n))


def _period(mod: str, unit: str, published: date | None) -> DateValue:
    if not published:
        return DateValue(granularity="relative")
    step = -1 if mod in ("last", "past") else 1 if mod == "next" else 0
    if unit in ("week", "weekend"):
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=step)
        iso_year, iso_week, _ = monday.isocalendar()
        return DateValue(year=monday.year, month=monday.month, day=monday.day, granularity="week", iso=f"{iso_year}-W{iso_week:02d}")
    if unit == "month":
        total = published.year * 12 + (published.month - 1) + step
        return _month_value(total // 12, total % 12 + 1)
    year = published.year + step
    return DateValue(year=year, granularity="year", iso=str(year))


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _day(year: int, month: int, day: int) -> DateValue | None:
    if _safe_date(year, month, day) is None:
        return None  # "February 30": not a date
    return DateValue(year=year, month=month, day=day, granularity="day", iso=f"{year:04d}-{month:02d}-{day:02d}")


def _month_value(year: int, month: int) -> DateValue:
    return DateValue(year=year, month=month, granularity="month", iso=f"{year:04d}-{month:02d}")
