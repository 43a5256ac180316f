"""Paragraphs and sentences with character offsets into the cleaned text."""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from storytrace.model import Paragraph, Sentence

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_LINE = re.compile(r"[^\n]+")
# A title is a short first line that does not end like a sentence.
_TITLE_MAX_CHARS = 200
_SENTENCE_END = re.compile(r"[.!?…:;\"”’)]\s*$")
# Full stops and their CJK counterparts: split inside a paragraph even when the parser did not.
# A closing quote or bracket right after the stop belongs to the sentence it closes (“……赢家。”).
_CJK_SENTENCE_END = re.compile(r"[。！？]+[”’」』）)]*")
_CJK_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LETTER = re.compile(r"[^\W\d_]")


def _mostly_cjk(text: str) -> bool:
    """Most letters are Chinese or Japanese characters: the English parser's sentence starts are noise
    there (it starts sentences at Latin names and at quote marks), the stops 。！？ are not."""
    letters = len(_LETTER.findall(text))
    return letters > 0 and len(_CJK_CHAR.findall(text)) >= 0.5 * letters


def _blank_lines_only_after_header(text: str) -> bool:
    """Every blank line comes after header lines (a headline, a byline, a date: short lines not ending
    like a sentence) and the body below them is one line a paragraph, not hard-wrapped: most of its
    lines end a sentence. Such a blank line sets off the header; the body's paragraphs are its lines."""
    blocks = [b for b in _BLANK_LINE.split(text) if b.strip()]
    if len(blocks) < 2:
        return False
    if not all(_is_title(line) for block in blocks[:-1] for line in block.strip().split("\n")):
        return False
    lines = [line.strip() for line in blocks[-1].strip().split("\n")]
    breaks = lines[:-1]  # the lines a paragraph break would follow
    return bool(breaks) and sum(bool(_SENTENCE_END.search(line)) for line in breaks) * 2 > len(breaks)


def split_paragraphs(text: str) -> list[Paragraph]:
    """Blank-line separated blocks; single lines when the text has no blank line at all, or blank
    lines only below its header lines (``_blank_lines_only_after_header``).

    A title line (short, no closing punctuation) is its own paragraph even when only a single
    newline separates it from the body.
    """
    blocks: list[tuple[int, int]] = []
    if _BLANK_LINE.search(text) and not _blank_lines_only_after_header(text):
        pos = 0
        for m in _BLANK_LINE.finditer(text):
            blocks.append((pos, m.start()))
            pos = m.end()
        blocks.append((pos, len(text)))
    else:
        blocks = [(m.start(), m.end()) for m in _LINE.finditer(text)]
    spans = [_strip(text, s, e) for s, e in blocks]
    spans = [(s, e) for s, e in spans if e > s]
    if spans:
        first_start, first_end = spans[0]
        newline = text.find("\n", first_start, first_end)
        if newline != -1 and _is_title(text[first_start:newline]):
            body = _strip(text, newline, first_end)
            spans[0:1] = [_strip(text, first_start, newline)] + ([body] if body[1] > body[0] else [])
    return [Paragraph(index=i, start=s, end=e) for i, (s, e) in enumerate(spans)]


def _is_title(line: str) -> bool:
    line = line.strip()
    return 0 < len(line) <= _TITLE_MAX_CHARS and not _SENTENCE_END.search(line)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_spans(text: str, paragraphs: list[Paragraph], parser_starts: Iterable[int]) -> list[Sentence]:
    """Cut paragraphs at the parser's sentence starts (a sentence never crosses a paragraph).

    Lines inside a paragraph that look like titles or list items stay joined; the parser decides.
    """
    starts = sorted(set(parser_starts))
    sentences: list[Sentence] = []
    for para in paragraphs:
        lo = bisect.bisect_right(starts, para.start)
        hi = bisect.bisect_left(starts, para.end)
        cjk = _mostly_cjk(text[para.start:para.end])
        cuts = [para.start, para.end] if cjk else [para.start, *starts[lo:hi], para.end]
        cuts.extend(m.end() for m in _CJK_SENTENCE_END.finditer(text, para.start, para.end))
        cuts = sorted(set(cuts))
        for s, e in zip(cuts, cuts[1:]):
            s, e = _strip(text, s, e)
            if e > s:
                sentences.append(Sentence(index=len(sentences), start=s, end=e, text=text[s:e], paragraph=para.index))
    return sentences


class SentenceIndex:
    """Finds the sentence that holds a character offset in O(log n)."""

    def __init__(self, sentences: list[Sentence]):
        self._starts = [s.start for s in sentences]
        self.sentences = sentences

    def at(self, offset: int) -> int:
        """Index of the sentence holding ``offset`` (the previous one when it falls in a gap)."""
        return max(bisect.bisect_right(self._starts, offset) - 1, 0)
