"""Removes web debris while keeping the original.

The cleaned text is built only from runs copied out of the original text (escapes and link
residue are cleaned by cutting the backslash or the brackets, never by substituting), so every
cleaned character equals the original character at ``offset_map.to_original``. The kept runs and
the recorded removals together tile the original exactly: nothing is lost.
"""
from __future__ import annotations

from storytrace.ingest.debris import Line, find_pull_quotes, inline_debris, line_debris_kind, split_lines
from storytrace.model import Article, OffsetMap, Removal

__all__ = ["clean_article", "clean_text", "find_removals"]


def _line_removals(text: str, lines: list[Line]) -> tuple[list[Removal], set[int]]:
    """Whole debris lines (with their newline), and the indices of the lines removed."""
    kinds = {i: k for i, ln in enumerate(lines) if (k := line_debris_kind(ln.stripped))}
    for i in find_pull_quotes(lines, set(kinds)):
        kinds[i] = "pull_quote"
    removals: list[Removal] = []
    # A blank line right after a removed line is swallowed when the kept text before it already
    # ends a paragraph, so removing "Advertisement" between two paragraphs leaves one blank line.
    at_paragraph_start = True
    swallowing = False
    for i, ln in enumerate(lines):
        end = min(ln.end + 1, len(text))  # include the newline
        if i in kinds:
            removals.append(Removal(ln.start, end, kinds[i], ""))
            swallowing = at_paragraph_start
        elif not ln.stripped and swallowing:
            last = removals[-1]
            last.end = end
        else:
            at_paragraph_start = not ln.stripped
            swallowing = False
    for r in removals:
        r.text = text[r.start:r.end]
    return removals, set(kinds)


def find_removals(text: str) -> list[Removal]:
    """Every piece of debris in ``text``, in original offsets, sorted and non-overlapping."""
    lines = split_lines(text)
    removals, removed_lines = _line_removals(text, lines)
    for i, ln in enumerate(lines):
        if i in removed_lines or not ln.stripped:
            continue
        for start, end, kind in inline_debris(ln.text):
            removals.append(Removal(ln.start + start, ln.start + end, kind, ln.text[start:end]))
    removals.sort(key=lambda r: (r.start, r.end))
    return removals


def clean_text(text: str, removals: list[Removal]) -> tuple[str, OffsetMap]:
    """The text with ``removals`` cut out, and the map from cleaned offsets to original offsets."""
    parts: list[str] = []
    clean_starts: list[int] = []
    orig_starts: list[int] = []
    pos = 0
    length = 0
    for r in removals:
        if r.start > pos:
            clean_starts.append(length)
            orig_starts.append(pos)
            parts.append(text[pos:r.start])
            length += r.start - pos
        pos = max(pos, r.end)
    if pos < len(text):
        clean_starts.append(length)
        orig_starts.append(pos)
        parts.append(text[pos:])
    if not clean_starts:
        return "", OffsetMap()
    return "".join(parts), OffsetMap(clean_starts=clean_starts, orig_starts=orig_starts)


def clean_article(article: Article) -> None:
    """Fill ``article.text``, ``offset_map`` and ``removals`` from ``original_text``, then its language.

    Idempotent: it always starts again from the original text.
    """
    removals = find_removals(article.original_text)
    article.text, article.offset_map = clean_text(article.original_text, removals)
    article.removals = removals
    from storytrace.nlp.language import annotate_language

    annotate_language(article)
    if not article.text:
        article.language_spans = []  # all debris (a lone translator line): no text to tag, spans would point past it
