"""What web debris looks like: whole-line patterns, pull quotes, and inline residue.

Conservative by design: a line is debris only when the WHOLE line matches (a body sentence that
merely contains "share" or "source" never does), and lines longer than a caption or a footer are
never tested. Every pattern has bounded repetition so a hostile megabyte-long line stays linear.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

# Lines longer than this are body text, never a marker, credit or footer.
MAX_DEBRIS_LINE_CHARS = 400
# Pull quotes: a short paragraph repeating body text. Unquoted repeats need more words to count,
# so a stock phrase ("The ministry declined to comment.") said twice is not taken for one.
MIN_QUOTED_PULL_WORDS = 5
MIN_UNQUOTED_PULL_WORDS = 8
MAX_PULL_WORDS = 60
# Pull-quote search is quadratic in the worst case; beyond this a text is not an article.
MAX_PULL_SEARCH_CHARS = 5_000_000
MAX_PULL_CANDIDATES = 5_000

_I = re.IGNORECASE
_AGENCY = r"(?:AP|AFP|Reuters|Getty Images|Getty|EPA|EPA-EFE|Shutterstock|Alamy|PA|PA Wire|Bloomberg|Xinhua|dpa|ANP|Anadolu|Sipa|Kyodo|Yonhap|AAP|Canadian Press|NurPhoto|Sopa Images|ZUMA|TASS)"
_SHARE_TOKEN = (
    r"(?:share(?: (?:this|the) (?:article|story|page|post|video))?(?: (?:on|via|to) [a-z+]{1,20}(?: [a-z]{1,12})?)?"
    r"|tweet|e-?mail|print|copy(?: the)? link|link copied|save(?: article)?|bookmark|whatsapp|facebook|twitter|x"
    r"|linkedin|reddit|pinterest|messenger|telegram|flipboard|gift(?: this)? article)"
)
_SEP = r"[\s|·•/,:-]{1,5}"

# (kind, pattern) tested against a whole stripped line, first match wins.
LINE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("advert", re.compile(
        r"[\W_]{0,5}(?:advertisement|advertising|advert|ad|sponsored(?: (?:content|post|story|by [^\n]{1,60}))?"
        r"|paid (?:content|post|partnership|for by [^\n]{1,60})|promoted(?: content)?|partner content)[\W_]{0,5}", _I)),
    ("advert", re.compile(
        r"(?:story|article) continues (?:below|after)(?: (?:this |the )?(?:advertisement|ad))?[.\s]{0,3}"
        r"|continue reading (?:the main story|below)[.\s]{0,3}|scroll to continue(?: with content)?[.\s]{0,3}", _I)),
    ("share", re.compile(rf"{_SHARE_TOKEN}(?:{_SEP}{_SHARE_TOKEN}){{0,12}}[\s.!:]{{0,3}}", _I)),
    # Page furniture around the headline: "3 min read", "Listen to this article", "Reading time: 4 minutes".
    ("share", re.compile(
        r"(?:\d{1,3}[\s-]{0,2}(?:min(?:ute)?s?|m)\.?\s(?:read|listen)|listen to this (?:article|story)(?: \W{0,2}\d{1,3} min(?:ute)?s?\W{0,2})?"
        r"|reading time\s{0,2}:?\s{0,2}\d{1,3}\s{0,2}min(?:ute)?s?)[\s.!]{0,3}", _I)),
    ("share", re.compile(
        r"(?:\d{1,7} comments?|comments? ?[(\[]\d{1,7}[)\]]|comments?|(?:view|show|read|see) (?:all )?(?:\d{1,7} )?comments?"
        r"|join the (?:conversation|discussion)|leave a (?:comment|reply)|add a comment|\d{1,7} shares?)[\s.!:]{0,3}", _I)),
    ("footer", re.compile(r"follow us\b[^\n]{0,200}", _I)),
    ("footer", re.compile(
        r"follow [^\n]{1,60} on (?:twitter|x|facebook|instagram|linkedin|tiktok|threads|bluesky|youtube|telegram"
        r"|whatsapp|mastodon|google news)\b[^\n]{0,120}", _I)),
    ("footer", re.compile(r"(?:topics|tags|related topics|filed under|more on)\s{0,3}:[^\n]{0,300}", _I)),
    ("footer", re.compile(
        r"(?:read more|read also|also read|see also|related|related (?:articles?|stories|coverage|content|reading)"
        r"|more on this story|more from [^\n:]{1,40}|recommended(?: stories)?|most read|you may also like|what to read next)"
        r"(?:\s{0,3}[:»›>|][^\n]{0,300}|\s{0,3}[-–—]\s[^\n]{0,300}|[\s.!…]{0,3})", _I)),
    ("footer", re.compile(
        r"(?:sign up|subscribe|register)\b[^\n]{0,150}\bnewsletters?\b[^\n]{0,150}"
        r"|get (?:our|the) [^\n]{0,80}newsletter[^\n]{0,150}|subscribe(?: now| today| here)?[.!]?", _I)),
    # "(c)" is left alone: it also numbers list items ("(c) The committee shall ...").
    ("footer", re.compile(r"(?:©|copyright)\s{0,3}(?:\d{4}|[^\n]{0,100}all rights reserved)[^\n]{0,200}|all rights reserved\.?", _I)),
    ("photo_credit", re.compile(r"©\s{0,3}[^\n\d][^\n]{0,150}", _I)),
    ("photo_credit", re.compile(
        r"(?:photo(?:graph)?s?|images?|pictures?|pic|credit|illustration|photo(?:graph)? illustration|video|"
        r"(?:photo|image|picture) credit)\s{0,3}[:/]\s{0,3}[^\n]{1,150}", _I)),
    # "Photo by Jane Smith/AP": case-sensitive so "Pictures by the hundreds ..." stays.
    ("photo_credit", re.compile(
        r"[(\[]?\s{0,3}(?:[Pp]hoto(?:graph)?|PHOTO|[Pp]icture|[Ii]mage)s? by (?:[A-Z][\w'.\-]*[\s/]{0,3}){1,6}"
        r"(?:for [A-Z][^\n()\[\]]{0,40})?\s{0,3}[)\]]?")),
    # "Jon Eide/Harbour Press": the photographer/agency convention of a credit, on a line of its own.
    ("photo_credit", re.compile(r"(?!(?:The|A|An|This|How|Why|What|When|Who)\s)(?:[A-Z][\w'.\-]*\s){1,3}[A-Z][\w'.\-]*\s{0,2}/\s{0,2}[A-Z][\w'.\-]*(?:\s[A-Z][\w'.\-]*){0,3}")),
    ("photo_credit", re.compile(
        rf"\(\s{{0,3}}{_AGENCY}\b[^()\n]{{0,80}}\)|{_AGENCY}\b (?:photo|images?|pictures?)(?:\s{{0,3}}/\s{{0,3}}[^\n]{{1,80}})?"
        rf"|{_AGENCY}\s{{0,3}}/\s{{0,3}}[^\n]{{1,60}}|getty images|shutterstock|alamy(?: stock photo)?", _I)),
    # "Photo taken on Feb. 7, 2024 shows ...", "Caption: ...": a picture's caption, not story text.
    ("caption", re.compile(
        r"(?:(?:file|archive)\s)?(?:photo|picture|image)\s(?:taken|shot|dated)\s(?!by\b)[^\n]{0,300}"
        r"|(?:caption|pictured|main image|top image)\s{0,3}:\s{0,3}[^\n]{1,300}", _I)),
    # "This article was originally published by ...": where a republisher got the text.
    ("republisher", re.compile(
        r"(?:this\s(?:article|story|piece|report|post)\s(?:was\s|is\s|has\sbeen\s)?(?:originally\s|first\s)?"
        r"(?:published|appeared|republished|reprinted|syndicated)|originally\spublished|first\spublished|first\sappeared"
        r"|republished|reprinted)\s(?:here\s)?(?:with\spermission\s)?(?:by|in|on|at|from|under|courtesy)\b[^\n]{0,250}", _I)),
    # "Translated by Ana Ruiz.", "Translation: Ana Ruiz": the translator's credit.
    ("translator", re.compile(
        r"(?:\(\s{0,3})?(?:translated|translation|translator)(?:\s(?:from|into)\s(?:the\s)?[A-Za-z]+){0,2}"
        r"\s{0,3}(?:by\b|:)[^\n]{1,150}", _I)),
    # "Unauthorised reproduction is prohibited.", "No part may be reproduced without permission."
    ("reproduction_notice", re.compile(
        r"(?=[^\n]{0,250}\b(?:prohibited|forbidden|not\spermitted|without\s(?:(?:prior|written|express)\s)*"
        r"(?:permission|authori[sz]ation|consent)|(?:may|must|shall)\snot\sbe))"
        r"(?=[^\n]{0,250}\b(?:reproduc|reprint|republi|redistribut|cop(?:y|ied|ying)\b))"
        r"(?:unauthori[sz]ed\s|no\spart\sof\s|reproduction|reprinting|republication|redistribution|"
        r"(?:this|the|all)\s(?:article|content|material|story|report|text)s?\b)[^\n]{0,250}", _I)),
    # The comment form under an article.
    ("comment_form", re.compile(
        r"(?:your\semail\saddress\swill\snot\sbe\spublished|required\sfields\sare\smarked|save\smy\sname,?\semail"
        r"|notify\sme\sof\s(?:follow-up|new)\s(?:comments|posts)|post\scomment|submit\scomment|cancel\sreply)[^\n]{0,200}"
        r"|(?:(?:name|e-?mail|website|comment)\s{0,2}\*\s{0,3})+(?:website|url)?", _I)),
    ("chart_caption", re.compile(r"sources?\s{0,3}:\s{0,3}[^\"“”\n]{1,120}", _I)),
    ("chart_caption", re.compile(r"(?:chart|graphic|graph|infographic|map|data|table|figure)\s{0,3}:[^\n]{1,250}", _I)),
]
# Word limits per kind: a longer line is prose even if it starts like a caption.
MAX_WORDS = {"advert": 8, "share": 16, "footer": 40, "photo_credit": 20, "chart_caption": 25, "caption": 60,
             "republisher": 45, "translator": 20, "reproduction_notice": 40, "comment_form": 40}
SOURCE_MAX_WORDS = 10  # "Source: Eurostat" yes; "Source: a senior official said that ..." no

# Inline residue inside kept lines.
IMAGE = re.compile(r"!\[[^\[\]\n]{0,500}\]\([^()\n]{0,2000}\)")
LINK = re.compile(r"(\[)[^\[\]\n]{0,500}(\]\([^()\n]{0,2000}\))")
ESCAPE = re.compile(r"(\\)[\\`*_{}\[\]()#+\-.!$%&>~|]")
TRAILING_CREDIT = re.compile(
    rf"\s{{1,5}}(?:\((?:[^()\n]{{0,60}}\b(?:photo(?:graph)?|images?|pictures?)\b[^()\n]{{0,60}}|{_AGENCY}\b\s{{0,3}}/[^()\n]{{1,60}})\)"
    r"|(?:photo(?:graph)?|image|picture|credit)\s{0,3}:\s{0,3}[^.:\n]{1,80}|©\s{0,3}[^\n]{1,80})\s{0,3}$",
    _I,
)
_QUOTE_OPEN = "\"“‘'«„"


@dataclass
class Line:
    start: int  # offset of the line's first character in the text
    end: int  # offset after its last character, before the newline
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()


def split_lines(text: str) -> list[Line]:
    lines = []
    pos = 0
    for part in text.split("\n"):
        lines.append(Line(pos, pos + len(part), part))
        pos += len(part) + 1
    return lines


# A page's date stamp ("PUBLISHED: WEDNESDAY, MARCH 13, 2013, 2:29 PM", "Jul 13, 2009 11:23am",
# "First Posted: 08/04/11 06:44 PM ET Updated: ..."): a line made of nothing but dates, times, time
# zones and the labels around them says when the page was published, not what happened. It is no
# story sentence: compared with another outlet's stamp it would read as a changed date.
STAMP_WORDS = frozenset(
    """january february march april may june july august september october november december jan feb mar apr
    jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue tues wed
    thu thur thurs fri sat sun am pm a.m p.m a m p at on of the date dated published posted updated last first
    edited modified time local hrs""".split()  # "hrs": the 24-hour clock's unit ("01:19 hrs", "1900 hrs IST")
)
_STAMP_TOKEN = re.compile(r"[A-Za-z]+(?:\.[A-Za-z])*\.?|\d+(?:st|nd|rd|th|am|pm)?", _I)
_STAMP_ZONE = re.compile(r"[A-Z]{1,3}T|UTC|GMT|Z")
_STAMP_SIGNAL = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d{1,2}\s{0,2}:\s{0,2}\d{2}"
    r"|\b\d{1,4}\s{0,2}[/.-]\s{0,2}\d{1,2}\s{0,2}[/.-]\s{0,2}\d{2,4}\b", _I)
MAX_STAMP_CHARS = 160


def is_date_stamp(stripped: str) -> bool:
    """True for a line of only dates and times (with their labels), naming a month, a clock time or a d/m/y date."""
    if len(stripped) > MAX_STAMP_CHARS or not re.search(r"\d", stripped) or not _STAMP_SIGNAL.search(stripped):
        return False
    return only_date_words(_STAMP_TOKEN.findall(stripped))


def only_date_words(tokens: list[str], zone: re.Pattern = _STAMP_ZONE) -> bool:
    """Every token a figure, a word of dates and times (STAMP_WORDS) or a time zone (``zone``)."""
    return bool(tokens) and all(t[0].isdigit() or t.lower().rstrip(".") in STAMP_WORDS or zone.fullmatch(t) for t in tokens)


def line_debris_kind(stripped: str) -> str | None:
    """The debris kind of a whole line, or None for a line to keep."""
    if not stripped or len(stripped) > MAX_DEBRIS_LINE_CHARS:
        return None
    words = len(stripped.split())
    for kind, pattern in LINE_PATTERNS:
        if pattern.fullmatch(stripped) and words <= MAX_WORDS[kind]:
            if kind == "chart_caption" and stripped.lower().startswith("source") and words > SOURCE_MAX_WORDS:
                continue
            return kind
    if is_date_stamp(stripped):
        return "date_stamp"
    if is_navigation(stripped):
        return "navigation"
    return None


# A page's links to its neighbours ("« Previous Post Next Post »", "‹ Older | Newer ›", "<< Prev"):
# a line made of nothing but link labels (capitalised words) and the arrow marks that point the way,
# with no lower-case word and no sentence punctuation. Guillemets there point; they quote nothing, so
# the line is no quotation (a quotation is prose: it has lower-case words or ends a sentence).
_ARROWS = "«»‹›←→⟨⟩<>"
_NAV_WORD = re.compile(r"[A-Z][\w'’-]{0,20}|[0-9]{1,4}")
MAX_NAV_WORDS = 8


def is_navigation(stripped: str) -> bool:
    """True for a line of link labels between arrow marks ("« Previous Post Next Post »")."""
    if len(stripped) > 120 or not any(ch in _ARROWS for ch in stripped):
        return False
    words = re.split(rf"[\s{_ARROWS}|·•/]+", stripped)
    words = [w for w in words if w]
    return 2 <= len(words) <= MAX_NAV_WORDS and all(_NAV_WORD.fullmatch(w) for w in words) \
        and any(not w.isdigit() for w in words)


def _normalized(s: str) -> str:
    return " ".join(re.findall(r"\w+", s.casefold()))


def _pull_quote_core(stripped: str) -> tuple[str, bool]:
    """The words of a candidate pull quote without its marks or a trailing '— Speaker'; and whether it was quoted."""
    core = re.sub(r"^(?:>\s{0,3})+", "", stripped)  # a Markdown blockquote marker
    quoted = core[:1] in _QUOTE_OPEN
    if quoted:
        core = re.sub(r"\s[—–-]{1,2}\s{0,3}[^—–\-\n]{1,60}$", "", core)
    return _normalized(core), quoted


def find_pull_quotes(lines: list[Line], skip: set[int]) -> list[int]:
    """Indices of short lines whose words appear again in another (longer or earlier) kept line."""
    total = sum(len(ln.text) for ln in lines)
    if total > MAX_PULL_SEARCH_CHARS:
        return []
    normalized = [_normalized(ln.text) for ln in lines]
    haystack_parts, starts, pos = [], [], 0
    for norm in normalized:
        starts.append(pos)
        haystack_parts.append(f" {norm} ")
        pos += len(norm) + 3
    haystack = "\n".join(haystack_parts)
    found: list[int] = []
    removed = set(skip)
    candidates = 0
    for i, ln in enumerate(lines):
        if i in removed or not ln.stripped:
            continue
        core, quoted = _pull_quote_core(ln.stripped)
        n_words = len(core.split())
        if n_words < (MIN_QUOTED_PULL_WORDS if quoted else MIN_UNQUOTED_PULL_WORDS) or n_words > MAX_PULL_WORDS:
            continue
        candidates += 1
        if candidates > MAX_PULL_CANDIDATES:
            break
        for j in _occurrences(haystack, f" {core} ", starts):
            if j == i or j in removed:
                continue
            if len(normalized[j]) > len(core) or j < i:
                found.append(i)
                removed.add(i)
                break
    return found


def _occurrences(haystack: str, needle: str, starts: list[int]) -> Iterator[int]:
    """Line indices (via the line start offsets) where ``needle`` occurs in ``haystack``."""
    pos = haystack.find(needle)
    while pos != -1:
        yield bisect.bisect_right(starts, pos) - 1
        pos = haystack.find(needle, pos + 1)


def inline_debris(line: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) spans inside a kept line, relative to the line, sorted and non-overlapping."""
    spans: list[tuple[int, int, str]] = []
    images = [(m.start(), m.end(), "image") for m in IMAGE.finditer(line)]
    spans.extend(images)

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e, _ in spans)

    for m in LINK.finditer(line):
        if free(m.start(), m.end()):
            spans.append((m.start(1), m.end(1), "link_residue"))
            spans.append((m.start(2), m.end(2), "link_residue"))
    for m in ESCAPE.finditer(line):
        if free(m.start(1), m.end(1)):
            spans.append((m.start(1), m.end(1), "escape"))
    m = TRAILING_CREDIT.search(line)
    # Only a caption with text before the credit: the whole-line credits are handled as lines.
    if m and line[: m.start()].strip() and free(m.start(), m.end()):
        spans.append((m.start(), m.end(), "photo_credit"))
    return sorted(spans)
