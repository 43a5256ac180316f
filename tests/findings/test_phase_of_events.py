"""The phase of a course of events (issue 17, session 29, demetr29): what happened "at first" told
as happening "in the end" reverses the order of events, as "beginning" / "end" are opposites. The
polarity detector reads opposite words, but the phrases that place a clause at one end of a course
of events are adverbs or prepositional phrases ("initially", "at the beginning", "eventually") that
no single word of the other sentence opposes, so the change passed. The same end said in other
words ("finally" / "in the end", "initially" / "at the beginning") is no change.

Measured and dropped (bench/RESULTS.md, session 29): DEMETR antonym rose on the tuning part only
(107 -> 108/141 by this rule), the confirm part did not move. The positive cases are strict xfails,
the controls ordinary tests."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _phase_flips(findings):
    return [(f.derived_value, f.source_value, f.severity) for f in findings
            if f.type == "negation_flip" and f.severity != "low"
            and f.explanation.endswith("the other end of the course of events.")]


_DROPPED = pytest.mark.xfail(strict=True, reason="demetr29: dropped, its gain (DEMETR antonym tune +1) did not show"
                             " on confirm (bench/RESULTS.md, session 29)")


@_DROPPED
@pytest.mark.parametrize("src, der, expected", [
    ("The hospital was not ready for so many patients at the beginning, its director admitted.",
     "The hospital was eventually not ready for so many patients, its director admitted.",
     ("eventually", "at the beginning", "medium")),
    ("The old mill was originally built to grind corn for the village.",
     "The old mill was ultimately built to grind corn for the village.",
     ("ultimately", "originally", "medium")),
    ("In the end the council approved the plan for the new park.",
     "At first the council approved the plan for the new park.",
     ("At first", "In the end", "medium")),
])
def test_the_other_end_of_a_course_of_events_is_a_flip(extractor, src, der, expected):
    assert expected in _phase_flips(pair_findings(extractor, src, der))


@pytest.mark.parametrize("src, der", [
    ("Finally, the minister thanked the volunteers for their work.",
     "In the end, the minister thanked the volunteers for their work."),
    ("The hospital was initially not ready for so many patients.",
     "The hospital was not ready for so many patients at the beginning."),
    # both ends said in both sentences: the order is kept
    ("At first the talks went well, but in the end they collapsed.",
     "Initially the talks went well, but eventually they collapsed."),
    # no phase in the source: nothing to compare
    ("The council approved the plan for the new park.",
     "The council finally approved the plan for the new park."),
])
def test_the_same_end_or_no_end_in_the_source_is_no_flip(extractor, src, der):
    assert _phase_flips(pair_findings(extractor, src, der)) == []


@_DROPPED
def test_phases_reads_phrases_in_order():
    from storytrace.findings.detectors.attributes_cmp import phases

    assert phases("At first it rained, but eventually the sun came out.") == [("start", "At first"), ("end", "eventually")]
    assert phases("The first time it rained, the last train left.") == []
