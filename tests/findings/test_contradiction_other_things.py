"""Two figures for one slot in one article are no contradiction when each sentence is about another
thing that its other figures tell apart: "the poll of 1,200 voters ... a 2.8 percent margin of error"
and "the poll of 600 voters ... a 4 percent margin of error" are two polls (issue 17, real26).
When the other figures agree (the same poll of 1,200 voters) or there are none, the two values still
clash. Hand-written sentences, real extractor."""
from __future__ import annotations

from storytrace.findings.detectors.contradiction import detect_internal_contradictions

from .helpers import prepare


def _contradictions(extractor, text: str):
    return [(f.derived_value, f.source_value) for f in detect_internal_contradictions(prepare(extractor, text, "x"))
            if f.type == "internal_contradiction"]


def test_two_polls_each_with_its_own_margin_are_no_contradiction(extractor):
    text = ("Two polls published on Sunday put the ruling party ahead in Varno.\n\n"
            "The Delta poll of 1,200 voters for the Morning Star gave a 2.8 percent margin of error.\n\n"
            "The poll of 600 voters published in the Evening Post gave a 4 percent margin of error.")
    assert _contradictions(extractor, text) == []


def test_one_poll_with_two_margins_is_still_a_contradiction(extractor):
    same_poll = ("A poll published on Sunday put the ruling party ahead in Varno.\n\n"
                 "The Delta poll of 1,200 voters for the Morning Star gave a 2.8 percent margin of error.\n\n"
                 "The survey of 1,200 voters by telephone gave a 4 percent margin of error.")
    assert _contradictions(extractor, same_poll)
    no_other_figure = ("A poll published on Sunday put the ruling party ahead in Varno.\n\n"
                       "The Delta poll for the Morning Star gave a 2.8 percent margin of error.\n\n"
                       "The survey, carried out by telephone, gave a 4 percent margin of error.")
    assert _contradictions(extractor, no_other_figure)
