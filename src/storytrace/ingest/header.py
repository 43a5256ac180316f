"""Metadata from the header of a pasted plain-text article: title, outlet, author, published date.

People paste articles with whatever came above the headline and around it: a section label ("The
Big Read"), a byline in brackets, a photo caption, a header line from the page ("date 2025-07-16
403"), a dateline with an agency ("(MENAFN) -"). This module reads the first lines of the body,
says what each one is, and infers:

- the title: the first line that reads like a headline and is none of the above;
- the outlet and author from bylines ("By <outlet>, <name>", "By Observer News", "Text by
  <outlet>, Translation by <name>": also a translation-of cue) and from an agency dateline;
- the published date from a header line ("date 2025-07-16", "Published 14 July 2025", "Updated
  ..."); a relative phrase ("Published yesterday") names no day: the date stays unknown and a
  note says why.

Inference never overrides explicit metadata (front matter, JSON fields, HTML meta, --meta).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from storytrace.ingest.dates import SHORT_YEAR_DATE, numeric_convention, parse_published
from storytrace.ingest.stamp_time import StampTime, stamp_time
from storytrace.ingest.debris import STAMP_WORDS, line_debris_kind, only_date_words
from storytrace.ingest.lead import is_poor_title
from storytrace.nlp.attribution import is_byline
from storytrace.nlp.names import looks_like_outlet

HEADER_LINES = 12  # lines read before the headline; an article's header is never longer
MAX_TITLE_WORDS = 25
MAX_TITLE_CHARS = 300

_BY = r"(?:written\s+by|text\s+by|words\s+by|reporting\s+by|by)"
_BYLINE = re.compile(rf"^[\[(]?\s*{_BY}\s*:?\s+(?P<who>.+?)\s*[\])]?\s*$", re.IGNORECASE)
_TRANSLATION = re.compile(r"\b(?:translation|translated)\s+by\s*:?\s+(?P<name>[^,;|\])]+)", re.IGNORECASE)
_AGENCY_DATELINE = re.compile(r"^(?:[A-Z][A-Za-z .'-]{1,40}\s+)?\((?P<agency>[A-Z][A-Za-z&.]*(?: [A-Z][A-Za-z&.]*){0,3})\)\s*[-–—:]?\s")
_DATE_LINE = re.compile(
    # the label may name what it gives before its colon: "Published time: March 12, 2013 02: 03",
    # "Posted at: 5:03 pm", "Publication date: ..."; without it the value read "time: March 12, ..." (no date)
    r"^(?P<label>(?:date|dated|published|posted|updated|last\s+updated|first\s+published|publication(?=\s+date))"
    r"(?:\s+(?:date\s+and\s+time|and\s+time|on|at|time|date))?)(?![A-Za-z])\s*(?P<colon>:?)\s*(?P<value>.*)$",
    re.IGNORECASE,
)
# The words a date can begin with: month and weekday names (a figure or a relative day also may).
_CALENDAR_WORDS = STAMP_WORDS - frozenset(
    "am pm a.m p.m a m p at on of the date dated published posted updated last first edited modified time local "
    "hrs".split())
_RELATIVE = re.compile(r"\b(?:yesterday|today|ago|last\s+\w+|this\s+(?:morning|evening|week))\b", re.IGNORECASE)
_ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
_CAPTION = re.compile(
    r"^(?:photo|image|picture|photograph|file\s+photo|caption)\s*[:|/-]|"
    r"[(\[]?\s*(?:photo|image|picture|photograph|credit)\s*:\s*[^)\]]+[)\]]?\s*$|"
    r"\b(?:getty\s+images|shutterstock|afp\s+via\s+getty|/\s*reuters|/\s*ap)\s*[)\]]?\s*$",
    re.IGNORECASE,
)
_BREADCRUMB = re.compile(r"\s(?:\||›|»|>|/)\s")
_TIME_ZONE = re.compile(r"[A-Z]{1,4}T|UTC|GMT|Z")
_TIME = re.compile(r"\b\d{1,2}\s*[:.h]\s*\d{2}(?:\s*[:.]\s*\d{2})?(?:\s*[ap]\.?\s?m\b\.?)?|\b\d{1,2}\s*[ap]\.?m\b\.?", re.IGNORECASE)
_SEGMENTS = re.compile(r"\s+[|·•]\s+|\s+[-–—]\s+")
# A stamp line giving two dates ("First Posted: 08 / 04 / 11 06: 44 PM ET Updated: 10 / 04 / 11 ..."):
# the published date is the one before the update label, the label in front of it is no part of it.
_UPDATE_LABEL = re.compile(r"[,;|]?\s*\b(?:last\s+)?(?:updated|edited|modified)\b", re.IGNORECASE)
_POSTED_LABEL = re.compile(r"^\W*(?:first\s+)?(?:posted|published|on)\b\s*(?:on\b|at\b)?\s*:?\s*", re.IGNORECASE)
# The last word of a masthead ("Harbour Times", "THE KESTREL BAY HERALD"): the nouns newspapers are named by.
_MASTHEAD_NOUNS = frozenset(
    """news times post press journal herald daily weekly wire tribune gazette observer ledger dispatch chronicle
    telegraph guardian independent mail express courier examiner globe monitor bulletin record mirror star sun
    review magazine insider today agency network media online""".split()
)


@dataclass
class HeaderInfo:
    title: str = ""
    outlet: str = ""
    author: str = ""
    published: object = None  # a date, or None
    published_time: StampTime | None = None  # the time (and zone) of the stamp that gave ``published``
    translator: str = ""
    notes: list[str] = field(default_factory=list)  # what could not be read, and why
    title_line: int | None = None  # index into the body's lines
    body_line: int | None = None  # with no headline: the first line after the header lines
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (kind, line) before the title
    byline_lines: list[int] = field(default_factory=list)  # bylines of names just under the title (indices)
    month_first: bool | None = None  # the file's order of dates in figures (dates.numeric_convention)


def _clean_name(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip(" .,;:-–—|[]()")


def read_byline(line: str) -> tuple[str, str, str] | None:
    """(outlet, author, translator) from a byline, or None if the line is not one."""
    m = _BYLINE.match(line.strip())
    if not m:
        return None
    who = m.group("who")
    translator = ""
    t = _TRANSLATION.search(who)
    if t:
        translator = _clean_name(t.group("name"))
        who = who[: t.start()]
    # "By Mara Jensen for (the) Lakeside Daily": the writer, then the outlet she writes for
    parts = [_clean_name(p) for p in re.split(r",|\s+\|\s+|\s+-\s+|\s+for\s+(?:the\s+)?", who) if _clean_name(p)]
    if not parts or len(" ".join(parts).split()) > 12:
        return None
    outlet = author = ""
    for p in parts:
        if looks_like_outlet(p) and not outlet:
            outlet = p
        elif not author and not re.search(r"\d", p):
            author = p
    return outlet, author, translator


def _date_label(s: str) -> re.Match | None:
    """``_DATE_LINE``'s match where the line is a label and its date. Without a colon after the label,
    the value must begin as a date does (a figure, a month or weekday, a relative day): "Posted at the
    scene, 3 officers ...", "Publication date of the report moved to 2014" and "Updated timeline of the
    2013 floods" are headlines, not date lines."""
    m = _DATE_LINE.match(s)
    if m is None or m.group("colon"):
        return m
    value = m.group("value").strip()
    first = re.match(r"[A-Za-z]+(?:\.[A-Za-z])*|\d", value)
    if not value or _RELATIVE.match(value) or (first and (first.group()[0].isdigit()
                                                          or first.group().lower() in _CALENDAR_WORDS)):
        return m
    return None


def _date_of(line: str, info: HeaderInfo) -> tuple[bool, object]:
    """(is a date line, date or None); notes a relative date that names no day."""
    s = line.strip()
    m = _date_label(s)
    if m and (not m.group("value").strip() or re.search(r"\d", m.group("value")) or _RELATIVE.search(m.group("value"))):
        # "Updated guidance on port fees" is a headline: a label line must carry a date, a time or a relative day.
        value = m.group("value").strip()
        iso = _ISO.search(value)
        if iso:
            return True, parse_published(iso.group())
        if _RELATIVE.search(value) and not re.search(r"\d{4}", value):
            info.notes.append(f"published date unknown: {s[:60]!r} names no day")
            return True, None
        return True, _read_noting(value, info)
    if _ISO.fullmatch(s) or is_date_time_only(s):
        return True, _read_noting(s, info)
    return False, None


def _read_noting(value: str, info: HeaderInfo) -> object:
    """read_date in the file's convention; notes a date in figures whose order nothing shows."""
    found = read_date(value, info.month_first)
    short = SHORT_YEAR_DATE.search(_before_update(value))
    if found is None and short:
        info.notes.append(f"published date unknown: {short.group()!r} could be day or month first, and "
                          "nothing in the file shows which")
    return found


def _before_update(value: str) -> str:
    """Of a stamp and its update ("08/04/11 ... Updated: 10/04/11") the stamp; all of it when it is the update."""
    return _UPDATE_LABEL.split(value)[0] or value


def _take_date(info: HeaderInfo, value: object, line: str) -> None:
    """The first date read is the published one; its stamp's time and zone come with it (the stamp's,
    not its update's: "08/04/11 06:44 PM ET Updated: 10/04/11 06:12 AM ET" was published at 06:44 PM)."""
    if value is not None and info.published is None:
        info.published = value
        info.published_time = stamp_time(_before_update(line), value)


def _posted_date(line: str, info: HeaderInfo) -> object:
    """The published date of a stamp line of dates and labels only (the cleaner's date_stamp)."""
    posted = _UPDATE_LABEL.split(line)[0]
    return _read_noting(_POSTED_LABEL.sub("", posted), info) if posted.strip() else None


# The characters a Chinese, Japanese or Korean date stamp is written with besides its figures: units of
# the calendar and the clock, morning/afternoon, and weekday names ("2013年3月12日 星期二 下午3:05",
# "3月12日(火)", "2013년 3월 12일").
_CJK_DATE_CHARACTERS = frozenset("年月日号號时時分秒点點午上下前后後星期周週曜一二三四五六天火水木金土년월일시분오전후요")


def _has_other_words(line: str) -> bool:
    """Letters outside the ASCII date words and the CJK date characters: a sentence, not a stamp. The
    date-word test below reads only ASCII words, so without this a Chinese sentence with a figure in it
    ("欧盟委员会周三表示，关税将在7年内降至零。") passed as a line of nothing but a date."""
    return any(ch.isalpha() and not ch.isascii() and ch not in _CJK_DATE_CHARACTERS for ch in line)


def is_date_time_only(line: str) -> bool:
    """True for a line made only of a date and/or a time ("May 2, 2013 | 5: 03pm", "05 / 02 / 2013", "2:15 PM EDT")."""
    if not re.search(r"\d", line) or len(line) > 80 or _has_other_words(line):
        return False
    tokens = re.findall(r"[A-Za-z]+(?:\.[A-Za-z])*\.?|\d+(?:st|nd|rd|th)?", line)
    # a line of nothing but date and time words ("Friday, May 3, 2013 | 5:03 pm EDT", "Updated 2:15 PM") is
    # the page's date stamp, never a headline
    return 0 < len(tokens) <= 14 and only_date_words(tokens, _TIME_ZONE)


def read_date(value: str, month_first: bool | None = None) -> object:
    """The day a date stamp names, or None: times, time zones and weekday names are read past; of a
    stamp and its update ("08/04/11 ... Updated: 10/04/11") the first. ``month_first``: the file's
    convention for dates in figures (dates.numeric_convention)."""
    value = _before_update(value)
    iso = _ISO.search(value)
    if iso:
        return parse_published(iso.group())
    for part in [value, *re.split(r"\s*[|·•]\s*", value)]:
        part = _TIME.sub(" ", part)
        part = re.sub(r"\b[A-Z]{1,4}T\b|\b(?:UTC|GMT)\b|\b(?:at|on|local|time)\b", " ", part)
        part = re.sub(r"\s*([/.-])\s*", r"\1", part)  # "05 / 02 / 2013" -> "05/02/2013"
        part = re.sub(r"\s+", " ", part).strip(" ,|-–—")
        if part and re.search(r"\d", part):
            found = parse_published(part, month_first)
            if found is not None:
                return found
    return None


def _is_masthead(line: str, following: str | None) -> bool:
    """A lone outlet name above the headline ("Harbour Times", "THE KESTREL BAY HERALD")."""
    words = re.findall(r"[A-Za-z][A-Za-z'&.-]*", line)
    shaped = (
        0 < len(words) <= 5
        and len(words) == len(line.split())
        and words[-1].lower().strip(".") in _MASTHEAD_NOUNS
        and all(w[0].isupper() or w.lower() in ("of", "the", "and") for w in words)
    )
    # Only above a headline: "Bad News" followed by the story's text is itself the headline.
    return shaped and following is not None and headline_like(following) and not _is_masthead(following, None)


def _header_segments(line: str, info: HeaderInfo) -> bool:
    """A line of header fields joined by separators ("Harbour Times | May 3, 2013 | 5:03 pm"): reads them."""
    parts = [p.strip() for p in _SEGMENTS.split(line) if p.strip()]
    if len(parts) < 2:
        return False
    dates = [p for p in parts if is_date_time_only(p) or _date_label(p) and re.search(r"\d", p)]
    outlets = [p for p in parts if p not in dates and looks_like_outlet(p) and len(p.split()) <= 5]
    if len(dates) + len(outlets) != len(parts) or not dates:
        return False
    for p in dates:
        _, value = _date_of(p, info)
        _take_date(info, value, p)
    if outlets and not info.outlet:
        info.outlet = _clean_name(outlets[0])
    return True


def headline_like(line: str) -> bool:
    """Short, and not cut off: a line that ends in a dash after a space is the head of a sentence
    that goes on below (a dateline set on its own line: "Lakeside Daily, Beijing, March 3 --")."""
    words = line.split()
    return 0 < len(words) <= MAX_TITLE_WORDS and len(line) <= MAX_TITLE_CHARS \
        and not re.search(r"[.,;:]$|\s(?:--|[-–—])$", line)


def _is_label(line: str, following: str | None) -> bool:
    """A section label: a breadcrumb, or a line of a few words above a longer headline."""
    if _BREADCRUMB.search(line) and len(line.split()) <= 8:
        return True
    words = line.split()
    return (
        following is not None
        and len(words) <= 4
        and not re.search(r"[.!?:;,]$", line)
        and headline_like(following)
        and len(following.split()) > len(words) + 2
    )


def infer_header(body: str) -> HeaderInfo:
    """Read the first lines of ``body`` (markdown headings allowed) and infer the header fields."""
    info = HeaderInfo(month_first=numeric_convention(body))
    lines = body.split("\n")
    nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
    for n, i in enumerate(nonblank[:HEADER_LINES]):
        raw = lines[i]
        line = re.sub(r"^\s{0,3}#{1,6}\s+|\s+#+\s*$", "", raw).strip()
        following = lines[nonblank[n + 1]].strip() if n + 1 < len(nonblank) else None
        kind = _kind(line, following, info)
        if kind == "title":
            info.title, info.title_line = line, i
            break
        if kind == "body":
            info.body_line = i
            break
        info.skipped.append((kind, line))
    # Bylines and datelines just below the headline belong to the header too.
    start = (info.title_line + 1) if info.title_line is not None else 0
    for i in [j for j in nonblank if j >= start][:4]:
        line = lines[i].strip()
        kind = _kind(line, None, info, after_title=True)
        # only a byline of names (nlp.attribution.is_byline) leaves the body: "By the end of Monday ..."
        # reads as a byline to read_byline but is the story's first sentence
        if kind == "byline" and info.title_line is not None and is_byline(line):
            info.byline_lines.append(i)
        if kind == "body":
            agency = _AGENCY_DATELINE.match(line)
            if agency and not info.outlet:
                info.outlet = agency.group("agency").strip()
            break
    return info


def _kind(line: str, following: str | None, info: HeaderInfo, after_title: bool = False) -> str:
    byline = read_byline(line)
    if byline:
        outlet, author, translator = byline
        info.outlet = info.outlet or outlet
        info.author = info.author or author
        info.translator = info.translator or translator
        return "byline"
    is_date, value = _date_of(line, info)
    if is_date:
        _take_date(info, value, line)
        return "date"
    if _header_segments(line, info):
        return "date"
    if _CAPTION.search(line):
        return "caption"
    # Page debris the cleaner also knows ("Advertisement", "Share this article", a photo credit).
    debris = line_debris_kind(line)
    if debris == "date_stamp" and info.published is None:
        _take_date(info, _posted_date(line, info), line)
    if debris:
        return debris
    if after_title:
        return "body"
    if _is_masthead(line, following):
        info.outlet = info.outlet or _clean_name(line)
        return "outlet"
    if _is_label(line, following):
        return "label"
    if headline_like(line) and not is_poor_title(line):
        return "title"
    return "body"
