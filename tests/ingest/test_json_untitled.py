"""A JSON row with no title is named as the .txt reader names the same text, never left blank.

A user who exports one article as a .jsonl row without a title saw an empty article title in the
report, where the same text saved as .txt was named by its headline or lead. The row's text is the
article's text as given: naming it cuts nothing from it. A title the row gives is kept as it is.
"""
from __future__ import annotations

import json

import pytest

from storytrace.ingest import article_from_text
from storytrace.ingest.jsonl import article_from_object

LEAD = "Actress Marla Quennell has checked into the Stillwater Recovery Center, her publicist said on Tuesday."
REST = "Quennell, 34, asked fans to respect her privacy.\nShe finished filming Glass Harbour last month."


@pytest.mark.parametrize(
    "text",
    [
        LEAD + "\n" + REST,  # no headline: the lead names it
        "It's about time, right?\n" + LEAD + "\n" + REST,  # a hook is no title
        "Quennell checks into Stillwater clinic\n" + LEAD + "\n" + REST,  # a headline line
        "May 03, 2013\n" + LEAD + "\n" + REST,  # a date stamp is never the title
        "Ferry cancelled as storm surge floods Kestrel Bay harbour road",  # a headline alone
    ],
)
def test_an_untitled_row_is_named_as_the_txt_reader_names_its_text(text):
    row, problems = article_from_object({"id": "r1", "text": text}, "rows.jsonl", "rows-1", line=1)
    assert row is not None and not problems
    assert row.title and row.title == article_from_text(text).title
    assert row.metadata["field_sources"]["title"] == "named from its text"
    assert row.original_text == text  # nothing cut from the given text


@pytest.mark.parametrize("title", [None, ""])
def test_a_null_or_empty_title_field_counts_as_none(title):
    row, _ = article_from_object({"id": "r1", "title": title, "text": LEAD + "\n" + REST}, "rows.jsonl", "rows-1")
    assert row.title == LEAD


def test_a_given_title_is_kept():
    obj = json.loads(json.dumps({"id": "r1", "title": "Quennell in rehab", "text": LEAD + "\n" + REST}))
    row, _ = article_from_object(obj, "rows.jsonl", "rows-1")
    assert row.title == "Quennell in rehab"
    assert row.metadata["field_sources"]["title"] == "JSON field"
