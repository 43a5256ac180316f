"""A JSON row named from its own text (it gave no title) encodes as it did unnamed.

Its name is the headline line or lead sentence the .txt reader would take, but the row's text was not
cut: the lead already says it, and encoding it again before the lead would weigh it double and move
the row's stories (its name is for the reader, not a new signal). A title the row gives is encoded, and
a .txt file's headline, cut from its text, too.
"""
from __future__ import annotations

from storytrace.ingest import article_from_text
from storytrace.ingest.jsonl import article_from_object
from storytrace.similarity.docvec import document_text, vector_title
from storytrace.store import codec

LEAD = "Actress Marla Quennell has checked into the Stillwater Recovery Center, her publicist said on Tuesday."
LONG_LEAD = ("Actress Marla Quennell has checked into the Stillwater Recovery Center near Lake Orrin for a thirty-day"
             " programme, her publicist said on Tuesday, days after she left the set of Glass Harbour.")
REST = "Quennell, 34, asked fans to respect her privacy.\nShe finished filming Glass Harbour last month."


def _row(obj: dict):
    row, _ = article_from_object(obj, "rows.jsonl", "r1")
    return row


def test_a_row_named_from_its_text_encodes_as_with_no_title():
    for text in (LEAD + "\n" + REST, LONG_LEAD + "\n" + REST, "May 03, 2013\nQuennell checks into clinic\n" + LEAD):
        row = _row({"id": "r1", "text": text})
        assert row.title  # shown by name...
        assert document_text(vector_title(row), text) == document_text("", text)  # ...encoded as before
        kept = codec.unpack_article(codec.pack_article(row))  # as the store gives it back
        assert vector_title(kept) == ""


def test_a_given_title_and_a_txt_headline_are_encoded():
    row = _row({"id": "r1", "title": "Quennell in rehab", "text": LEAD})
    assert vector_title(row) == "Quennell in rehab"
    txt = article_from_text("Quennell checks into Stillwater clinic\n\n" + LEAD + "\n" + REST)
    assert vector_title(txt) == "Quennell checks into Stillwater clinic"
