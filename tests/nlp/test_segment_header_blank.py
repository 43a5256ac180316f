"""A text whose paragraphs sit one a line is read one paragraph a line, also when a blank line sets
off its header (a byline, a date) from the body: that blank line says where the header ends, not that
the body's paragraphs are separated by blank lines. Otherwise the body is one paragraph, and a list
label runs into the item under it ("Did not start:" + "Tom Reyes (hamstring)"), so the same article
read from a page (one paragraph a line) showed a dropped negation."""
from __future__ import annotations

from storytrace.nlp.segment import split_paragraphs

BODY = [
    "The Porto Vela rowing club named its crew for the regatta on Saturday.",
    "Two rowers are out with injuries, the coach said.",
    "Did not start:",
    "Tom Reyes (hamstring)",
    "Ana Ruiz (wrist)",
]


def _paragraphs(text: str) -> list[str]:
    return [text[p.start:p.end] for p in split_paragraphs(text)]


def test_one_paragraph_a_line_under_a_byline_set_off_by_a_blank_line():
    text = "By Mara Jensen\n\n" + "\n".join(BODY)
    assert _paragraphs(text) == ["By Mara Jensen", *BODY]


def test_same_paragraphs_as_the_body_written_with_blank_lines():
    with_header = "By Mara Jensen\n\nMarch 3, 2014\n\n" + "\n".join(BODY)
    blank_lines = "By Mara Jensen\n\nMarch 3, 2014\n\n" + "\n\n".join(BODY)
    assert _paragraphs(with_header) == _paragraphs(blank_lines)


def test_a_hard_wrapped_body_under_a_header_stays_one_paragraph():
    wrapped = ("The Porto Vela rowing club named its crew for the regatta on\n"
               "Saturday, and two rowers are out with injuries, the coach said\n"
               "after the last training session of the week.")
    assert _paragraphs("By Mara Jensen\n\n" + wrapped) == ["By Mara Jensen", wrapped]


def test_paragraphs_separated_by_blank_lines_keep_their_lines_together():
    # a body that uses blank lines between paragraphs: a line break inside one is no paragraph break
    text = "By Mara Jensen\n\n" + BODY[0] + "\n\n" + "\n".join(BODY[1:])
    assert _paragraphs(text) == ["By Mara Jensen", BODY[0], "\n".join(BODY[1:])]
