"""Word-level highlighting of two versions of a sentence, as plain-text segments.

The result is a list of ``Segment`` (text + a CSS class name) that templates render with
autoescaping: highlighting never builds HTML strings, so hostile text stays text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

# Below this token similarity the two sentences are paraphrases or translations: a word diff
# would mark almost everything, so only the finding's own values are highlighted.
MIN_DIFF_SIMILARITY = 0.5

_TOKEN = re.compile(r"\w+(?:['’.-]\w+)*|[^\w\s]")

CHANGED = "chg"  # a word that differs from the other version
VALUE = "val"  # the value the finding is about ("Hana Morikawa")


@dataclass(frozen=True)
class Segment:
    text: str
    cls: str = ""  # "" (unchanged), CHANGED or VALUE


@dataclass(frozen=True)
class HighlightedPair:
    derived: list[Segment]
    source: list[Segment]
    diffed: bool  # False when the sentences were too different for a word diff


def _tokens(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group().casefold()) for m in _TOKEN.finditer(text)]


def _find_value(text: str, value: str) -> tuple[int, int] | None:
    """Where ``value`` occurs in ``text`` (case-insensitive, whitespace-tolerant)."""
    value = value.strip()
    if not value or not text:
        return None
    pattern = r"\s+".join(re.escape(part) for part in value.split())
    m = re.search(pattern, text, flags=re.IGNORECASE)
    return (m.start(), m.end()) if m else None


def _segments(text: str, classes: list[str]) -> list[Segment]:
    """Group consecutive characters with the same class; whitespace between two marks of one
    class joins them, so "Hana Morikawa" is one mark, not two."""
    classes = list(classes)
    i = 0
    while i < len(text):
        if text[i].isspace() and not classes[i]:
            j = i
            while j < len(text) and text[j].isspace():
                j += 1
            if i > 0 and j < len(text) and classes[i - 1] and classes[i - 1] == classes[j]:
                for k in range(i, j):
                    classes[k] = classes[j]
            i = j
        else:
            i += 1
    out: list[Segment] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or classes[i] != classes[start]:
            out.append(Segment(text[start:i], classes[start]))
            start = i
    return out


def _mark(classes: list[str], span: tuple[int, int] | None, cls: str, overwrite: bool) -> None:
    if not span:
        return
    for k in range(span[0], span[1]):
        if overwrite or not classes[k]:
            classes[k] = cls


def highlight_pair(derived: str, source: str, derived_value: str = "", source_value: str = "") -> HighlightedPair:
    """Highlight what differs between a derived sentence and its source sentence."""
    d_cls = [""] * len(derived)
    s_cls = [""] * len(source)
    d_tok, s_tok = _tokens(derived), _tokens(source)
    matcher = SequenceMatcher(a=[t[2] for t in s_tok], b=[t[2] for t in d_tok], autojunk=False)
    diffed = bool(d_tok and s_tok) and matcher.ratio() >= MIN_DIFF_SIMILARITY
    if diffed:
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                continue
            for start, end, _ in s_tok[i1:i2]:
                _mark(s_cls, (start, end), CHANGED, overwrite=True)
            for start, end, _ in d_tok[j1:j2]:
                _mark(d_cls, (start, end), CHANGED, overwrite=True)
    _mark(d_cls, _find_value(derived, derived_value), VALUE, overwrite=True)
    _mark(s_cls, _find_value(source, source_value), VALUE, overwrite=True)
    return HighlightedPair(_segments(derived, d_cls), _segments(source, s_cls), diffed)


def plain(text: str) -> list[Segment]:
    return [Segment(text)] if text else []
