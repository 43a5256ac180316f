"""Attribution cues: where a text says its content came from.

according_to: "according to Reuters"     told: "told the Guardian"
reported:     "The New York Times reported", "as reported by Le Monde", datelines ("LONDON (Reuters) -",
              "Chinanews.com, Beijing, March 3 --")
translation_by: "Translation by Ana Ruiz", "Translated by ..."
original_url: "Original: https://...", "Originally published at https://..."

Targets are written without a leading "the" ("Guardian"), like entity names.
"""
from __future__ import annotations

import re

from storytrace.model import Attribution, Mention, Removal
from storytrace.nlp.segment import SentenceIndex

# A source name: capitalised words, allowing "of", "de", "&" and "-" inside ("The Times of India").
_WORD = r"[A-Z](?:[\w&'’-]|\.(?=\w))*"  # a dot only inside ("U.S"), never the sentence's full stop
_NAME = rf"(?:{_WORD}(?:[ \t]+(?:of|de|du|del|der|di|&|and|für)[ \t]+{_WORD}|[ \t]+{_WORD}){{0,5}})"
_THE = r"(?:[Tt]he\s+)?"
_URL = r"(?P<url>(?:https?://|www\.)[^\s<>\"“”]+)"

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = rf"(?:{_MONTH}[ \t]+{_DAY}|{_DAY}[ \t]+{_MONTH})(?:,?[ \t]+\d{{4}})?"

# Datelines credit the outlet that filed the report, at the start of a paragraph: a wire's
# "LONDON (Reuters) - ..." and an outlet's "Chinanews.com, Beijing, March 3 (Reporter Li Wei) -- ...".
_WIRE_DATELINE = re.compile(r"(?m)^[A-Z][A-Z .,'’-]{1,40}\s*\((?P<target>[A-Z][\w.&' -]{1,40})\)\s*[-–—]")
_OUTLET_DATELINE = re.compile(rf"(?m)^(?P<target>{_NAME}),[ \t]+{_WORD}(?:[ \t]+{_WORD}){{0,2}},[ \t]+{_DATE}"
                              rf"(?:[ \t]*\((?P<byline>[^()\n]{{1,60}})\))?[ \t]*(?:--|[-–—])")

# Any dateline that opens a paragraph, with or without a credit: "KESTREL BAY, May 4 --",
# "Beijing, March 3 —", "LONDON (Reuters) -". The story's own first sentence starts after its dash.
_ANY_DATELINE = re.compile(
    rf"(?:[A-Z][A-Z .'’-]{{1,40}}|{_NAME})(?:,[ \t]+{_NAME})?(?:,[ \t]+{_DATE})?"
    rf"(?:[ \t]*\([^()\n]{{1,60}}\))?[ \t]*(?:--|[-–—])[ \t]+(?=[\"'“‘(]?[A-Z0-9])")

# A byline of names, on a line of its own: "By" and up to four names joined by commas, "and" or "&", and
# at most an outlet after "for", "|" or a dash ("By Mara Jensen for Lakeside Daily"). A name is
# capitalised words, initials ("J. K. Osei") and hyphens, with the lower-case particles of surnames
# between them ("Piet van Dam", "Ana de la Cruz", "Bashar al-Assad"). "By the end of May, Mara Jensen
# had ..." is a sentence: "the" is no name.
_PARTICLE = r"(?:van|von|de|der|den|da|di|du|dos|del|la|le|ter|bin|ibn|al|el)"
_BYLINE_WORD = r"[A-Z][\w.'’-]*"
_BYLINE_NAME = rf"{_BYLINE_WORD}(?:\s+(?:{_PARTICLE}(?:\s+|-))*{_BYLINE_WORD}){{0,4}}"
_BYLINE_OUTLET = r"[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}"
_BYLINE = re.compile(rf"[\[(]?\s*(?:[Bb]y|BY):?\s+{_BYLINE_NAME}(?:\s*(?:,|\band\b|&)\s*{_BYLINE_NAME}){{0,3}}"
                     rf"(?:\s*(?:\bfor\b|\||[-–—])\s*{_BYLINE_OUTLET})?\s*[\])]?\.?")

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("according_to", re.compile(rf"\b[Aa]ccording to\s+{_THE}(?P<target>{_NAME})")),
    ("told", re.compile(rf"\b(?:told|telling|tells)\s+{_THE}(?P<target>{_NAME})")),
    ("reported", re.compile(rf"\b(?:as\s+)?(?:first\s+)?reported\s+(?:earlier\s+)?(?:by|in)\s+{_THE}(?P<target>{_NAME})")),
    ("reported", re.compile(rf"(?:^|(?<=[\s(,;:]))(?:[Tt]he\s+)?(?P<target>{_NAME}),?\s+(?:first\s+|previously\s+|earlier\s+|also\s+)?(?:has\s+|had\s+)?(?:reported|reports|revealed|first\s+reported)\b")),
    ("reported", _WIRE_DATELINE),
    ("reported", _OUTLET_DATELINE),
    ("translation_by", re.compile(r"\b(?:[Tt]ranslation|[Tt]ranslated(?:\s+from\s+[A-Z]\w+)?)\s+by:?\s+(?P<target>[^\n.;,()]{2,80})")),
    ("original_url", re.compile(rf"\b(?:[Oo]riginal(?:\s+(?:article|story|text|version))?|[Oo]riginally\s+published(?:\s+(?:at|in|on|by))?|[Ss]ource|[Rr]ead\s+the\s+original)\s*(?::|at|on|in)?\s*{_URL}")),
]
_TRAILING = ".,;:)]}'\"’”"
# Words that start with a capital only because they start a sentence: not a source.
_NOT_SOURCES = {"He", "She", "They", "It", "We", "I", "You", "This", "That", "These", "Those", "There", "Officials", "Police", "Reporters"}


def extract_attributions(text: str, index: SentenceIndex, mentions: list[Mention]) -> list[Attribution]:
    found: list[Attribution] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            group = "url" if kind == "original_url" else "target"
            start, end = m.start(group), m.end(group)
            while end > start and text[end - 1] in _TRAILING:
                end -= 1
            target = text[start:end].strip()
            if not target or target in _NOT_SOURCES or any(s < end and start < e for s, e in taken):
                continue
            if kind == "reported" and not _is_known_source(start, end, mentions, m.group(0)):
                continue
            taken.append((start, end))
            found.append(Attribution(kind=kind, target=target, start=m.start(), end=end, sentence=index.at(m.start())))
    found.sort(key=lambda a: a.start)
    return found


def in_dateline(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` the outlet a dateline credits, or its reporter's byline in brackets
    ("(Reporter Li Wei)")? Those say who filed the report, not what the report says: a version that
    keeps or drops the credit changes no fact of the story. The dateline's place and date are kept."""
    line = text.rfind("\n", 0, start) + 1
    for pattern in (_WIRE_DATELINE, _OUTLET_DATELINE):
        m = pattern.match(text, line)
        if m is None:
            continue
        for group in ("target", "byline"):
            if group in pattern.groupindex and m.start(group) != -1 and m.start(group) <= start and end <= m.end(group):
                return True
    return False


def dateline_length(text: str) -> int:
    """How many characters of ``text`` (a sentence or paragraph) a dateline takes before the story's
    first word ("KESTREL BAY, May 4 -- Councillors in ..." -> up to "Councillors"); 0 without one.
    A dateline needs a date, a credit in brackets or a place in capitals: "Councillors - who ..."
    is no dateline."""
    m = _ANY_DATELINE.match(text)
    if m is None:
        return 0
    head = m.group(0)
    if "(" in head or re.search(_DATE, head) or re.match(r"[A-Z][A-Z .'’-]*[A-Z]\b", head) and \
            head.split(",")[0].split(" (")[0].strip(" -–—").isupper():
        return m.end()
    return 0


def is_byline(line: str) -> bool:
    """Is ``line`` a byline and nothing else ("By Piet van Dam", "[By J. K. Osei]", "By Ana Ruiz and Tom
    Bell", "By Mara Jensen for Lakeside Daily")? It says who wrote the text: the header takes it out of a
    body under a headline, and the names it gives are no person the story adds."""
    return _BYLINE.fullmatch(line.strip()) is not None


def _is_known_source(start: int, end: int, mentions: list[Mention], matched: str) -> bool:
    """"X reported" needs X to be an org/person mention, or an outlet-like name ("The New York Times")."""
    for m in mentions:
        if m.kind in ("org", "person") and m.start < end and start < m.end:
            return True
    return matched.startswith(("The ", "the ")) or " by " in matched or " in " in matched or matched.rstrip().endswith(("-", "–", "—"))


# Lines the cleaner takes out of the story text but whose cue still tells where the text came from.
_CUE_LINE_KINDS = frozenset({"translator", "republisher"})


def removed_line_attributions(removals: list[Removal], index: SentenceIndex) -> list[Attribution]:
    """Translator and republisher cues of lines the cleaner removed ("Translated by Ana Ruiz",
    "Originally published at https://..."). The line is no story sentence, but lineage still
    needs the cue. Offsets are where the line was in the cleaned text (an empty span)."""
    found: list[Attribution] = []
    cut = 0  # characters removed before the current removal
    for r in sorted(removals, key=lambda r: r.start):
        at = r.start - cut
        cut += r.end - r.start
        if r.kind not in _CUE_LINE_KINDS:
            continue
        for kind, pattern in _PATTERNS:
            if kind not in ("translation_by", "original_url"):
                continue
            for m in pattern.finditer(r.text):
                target = m.group("url" if kind == "original_url" else "target").strip().rstrip(_TRAILING).strip()
                if target:
                    sentence = index.at(max(0, at - 1)) if index is not None else 0
                    found.append(Attribution(kind=kind, target=target, start=at, end=at, sentence=sentence))
    return found
