"""A qualifier that spells out part of what a dropped source noun means is that noun's rendering, not an
addition: WordNet defines "bill" as "a statute in draft before it becomes law", so "the draft pension
reform" renders "the pension reform bill". Only a source word the version leaves unrendered can be spelt
out that way; a planted qualifier beside a fully rendered sentence stays an addition.

Built in session 27 (92b8361, findings/modifiers_cmp._defines) and taken back: WMT paraphrase false alarms
29 -> 28/222 on tune, confirm 20/166 unchanged, and two right medium findings of bench_translations' tuning part
lost (recall 123 -> 121/303): a tuning gain only (bench/RESULTS.md, "Issue 17, session 27 (coordinator)")."""
from __future__ import annotations

import pytest

from .helpers import pair_findings

_ADDED = "unsupported_addition"


def _added(findings, word):
    return [f for f in findings if f.type == _ADDED and f.derived_value == word and f.severity != "low"]


_TAKEN_BACK = "92b8361, taken back: tuning gain only (WMT paraphrase 29 -> 28/222, confirm 20/166; translations recall -2 on tune)"


@pytest.mark.xfail(strict=True, reason=_TAKEN_BACK)
@pytest.mark.parametrize("source,derived,word", [
    ("Parliament will debate the pension reform bill next week, the speaker said.",
     "Parliament will debate the draft pension reform next week, the speaker said.", "draft"),
    ("The council approved the budget bill on Tuesday after a long session.",
     "The council approved the draft budget on Tuesday after a long session.", "draft"),
])
def test_a_qualifier_from_the_definition_of_an_unrendered_source_noun_is_no_addition(extractor, source, derived, word):
    assert _added(pair_findings(extractor, source, derived, [([0], [0])]), word) == []


def test_a_qualifier_the_dropped_noun_does_not_define_is_still_an_addition(extractor):
    findings = pair_findings(extractor, "Parliament will debate the pension reform bill next week, the speaker said.",
                             "Parliament will debate the controversial pension reform next week, the speaker said.",
                             [([0], [0])])
    assert _added(findings, "controversial"), findings


def test_a_qualifier_beside_a_fully_rendered_source_is_still_an_addition(extractor):
    findings = pair_findings(extractor, "Parliament will debate the pension reform bill next week, the speaker said.",
                             "Parliament will debate the draft pension reform bill next week, the speaker said.",
                             [([0], [0])])
    assert _added(findings, "draft"), findings
