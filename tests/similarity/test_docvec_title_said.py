"""A title named from the article's own text adds nothing to its title + lead vector.

An untitled .txt file or JSON row is named by its headline line or its lead sentence (shortened with an
ellipsis when long). The lead already says that line: put before it again, it would weigh double, and a
JSON row would be encoded differently once it is named than when it was not (its stories would move).
A title that is only a few words of a sentence, or that the text does not carry, is still encoded.
"""
from __future__ import annotations

from storytrace.ingest.jsonl import article_from_object
from storytrace.similarity.docvec import document_text

LEAD = "Actress Marla Quennell has checked into the Stillwater Recovery Center, her publicist said on Tuesday."
LONG_LEAD = ("Actress Marla Quennell has checked into the Stillwater Recovery Center near Lake Orrin for a thirty-day"
             " programme, her publicist said on Tuesday, days after she left the set of Glass Harbour.")
REST = "Quennell, 34, asked fans to respect her privacy.\nShe finished filming Glass Harbour last month."


def _named(text: str) -> str:
    row, _ = article_from_object({"id": "r1", "text": text}, "rows.jsonl", "r1")
    return row.title


def test_a_row_named_from_its_text_encodes_as_it_did_unnamed():
    for text in (LEAD + "\n" + REST, LONG_LEAD + "\n" + REST, "May 03, 2013\nQuennell checks into clinic\n" + LEAD,
                 "Quennell checks into clinic\n" + LEAD + "\n" + REST):
        title = _named(text)
        assert title
        assert document_text(title, text) == document_text("", text), title


def test_a_title_the_text_does_not_carry_is_encoded():
    assert document_text("Quennell in rehab", LEAD).startswith("Quennell in rehab. ")
    # a few words that open a sentence are not that sentence
    assert document_text("Actress Marla Quennell", LEAD).startswith("Actress Marla Quennell. ")
