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

from storytrace.ingest.dates import parse_published

HEADER_LINES = 12  # lines read before the headline; an article's header is never longer
MAX_TITLE_WORDS = 25
MAX_TITLE_CHARS = 300

# Words that make a byline name an organisation rather than a person.
_OUTLET_WORDS = frozenset(
    """news times post press agency journal herald daily weekly media wire network tribune gazette observer
    ledger digest dispatch chronicle reuters ap afp menafn bloomberg bbc cnn xinhua kyodo tass ansa efe dpa
    telegraph guardian independent mail express standard review magazine radio television tv broadcasting
    online insider monitor courier examiner star sun mirror record bulletin report reporter today globe
    service services desk editors staff""".split()
)
_BY = r"(?:written\s+by|text\s+by|words\s+by|reporting\s+by|by)"
_BYLINE = re.compile(rf"^[\[(]?\s*{_BY}\s*:?\s+(?P<who>.+?)\s*[\])]?\s*$", re.IGNORECASE)
_TRANSLATION = re.compile(r"\b(?:translation|translated)\s+by\s*:?\s+(?P<name>[^,;|\])]+)", re.IGNORECASE)
_AGENCY_DATELINE = re.compile(r"^(?:[A-Z][A-Za-z .'-]{1,40}\s+)?\((?P<agency>[A-Z][A-Za-z&.]*(?: [A-Z][A-Za-z&.]*){0,3})\)\s*[-–—:]?\s")
_DATE_LINE = re.compile(
    r"^(?P<label>date|dated|published(?:\s+on)?|posted(?:\s+on)?|updated(?:\s+on)?|last\s+updated|first\s+published)\s*:?\s*(?P<value>.*)$",
    re.IGNORECASE,
)
_RELATIVE = re.compile(r"\b(?:yesterday|today|ago|last\s+\w+|this\s+(?:morning|evening|week))\b", re.IGNORECASE)
_ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
_CAPTION = re.compile(
    r"^(?:photo|image|picture|photograph|file\s+photo|caption)\s*[:|/-]|"
    r"[(\[]?\s*(?:photo|image|picture|photograph|credit)\s*:\s*[^)\]]+[)\]]?\s*$|"
    r"\b(?:getty\s+images|shutterstock|afp\s+via\s+getty|/\s*reuters|/\s*ap)\s*[)\]]?\s*$",
    re.IGNORECASE,
)
_BREADCRUMB = re.compile(r"\s(?:\||›|»|>|/)\s")


@dataclass
class HeaderInfo:
    title: str = ""
    outlet: str = ""
    author: str = ""
    published: object = None  # a date, or None
    translator: str = ""
    notes: list[str] = field(default_factory=list)  # what could not be read, and why
    title_line: int | None = None  # index into the body's lines
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (kind, line) before the title


def looks_like_outlet(name: str) -> bool:
    """A news organisation's name rather than a person's ("Observer News", "The Washington Post", "AFP")."""
    return _is_outlet(name.strip())


def _is_outlet(name: str) -> bool:
    words = re.findall(r"[A-Za-z]+", name)
    return bool(words) and (any(w.lower() in _OUTLET_WORDS for w in words) or name.isupper() and len(name) <= 12)


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
    parts = [_clean_name(p) for p in re.split(r",|\s+\|\s+|\s+-\s+", who) if _clean_name(p)]
    if not parts or len(" ".join(parts).split()) > 12:
        return None
    outlet = author = ""
    for p in parts:
        if _is_outlet(p) and not outlet:
            outlet = p
        elif not author and not re.search(r"\d", p):
            author = p
    return outlet, author, translator


def _date_of(line: str, info: HeaderInfo) -> tuple[bool, object]:
    """(is a date line, date or None); notes a relative date that names no day."""
    s = line.strip()
    m = _DATE_LINE.match(s)
    if m:
        value = m.group("value").strip()
        iso = _ISO.search(value)
        if iso:
            return True, parse_published(iso.group())
        if _RELATIVE.search(value) and not re.search(r"\d{4}", value):
            info.notes.append(f"published date unknown: {s[:60]!r} names no day")
            return True, None
        value = re.split(r"\s+(?:at|\||-|–|,\s*\d{1,2}[:.]\d{2})\s*", value)[0]
        return True, parse_published(value)
    iso = _ISO.fullmatch(s)
    if iso or (len(s.split()) <= 5 and re.search(r"\b\d{4}\b", s) and parse_published(s)):
        return True, parse_published(s)
    return False, None


def _headline_like(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= MAX_TITLE_WORDS and len(line) <= MAX_TITLE_CHARS and not re.search(r"[.,;:]$", line)


def _is_label(line: str, following: str | None) -> bool:
    """A section label: a breadcrumb, or a line of a few words above a longer headline."""
    if _BREADCRUMB.search(line) and len(line.split()) <= 8:
        return True
    words = line.split()
    return (
        following is not None
        and len(words) <= 4
        and not re.search(r"[.!?:;,]$", line)
        and _headline_like(following)
        and len(following.split()) > len(words) + 2
    )


def infer_header(body: str) -> HeaderInfo:
    """Read the first lines of ``body`` (markdown headings allowed) and infer the header fields."""
    info = HeaderInfo()
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
            break
        info.skipped.append((kind, line))
    # Bylines and datelines just below the headline belong to the header too.
    start = (info.title_line + 1) if info.title_line is not None else 0
    for i in [j for j in nonblank if j >= start][:4]:
        line = lines[i].strip()
        kind = _kind(line, None, info, after_title=True)
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
        if value is not None and info.published is None:
            info.published = value
        return "date"
    if _CAPTION.search(line):
        return "caption"
    if after_title:
        return "body"
    if _is_label(line, following):
        return "label"
    if _headline_like(line):
        return "title"
    return "body"
