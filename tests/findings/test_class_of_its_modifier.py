"""A noun that only names the class of its own modifier adds nothing: "Latin language skills" for
"knowledge of Latin" spells out that Latin is a language (WordNet: Latin -> Italic -> Indo-European
-> natural language -> language). Before, "language" was reported as an unsupported addition to
"skills" (modifiers_cmp._names_the_class_of_its_modifier). A noun that is no class of the modifier
("Latin grammar skills") still adds something."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _additions(findings):
    return [f for f in findings if f.type == "unsupported_addition" and f.severity != "low"]


@pytest.mark.xfail(strict=True, reason="fa24: dropped, its tuning gain (DEMETR faithful 8 -> 7/143, WMT paraphrase 29 -> 28/222) did not show on confirm; bench/RESULTS.md, session 24")
@pytest.mark.parametrize("source,derived", [
    ("Her knowledge of Latin impressed the examiners.", "Her Latin language skills impressed the examiners."),
    ("His knowledge of French helped the delegation.", "His French language skills helped the delegation."),
])
def test_a_noun_naming_what_its_modifier_is_adds_nothing(extractor, source, derived):
    assert _additions(pair_findings(extractor, source, derived, [([0], [0])])) == []


def test_a_noun_that_is_no_class_of_its_modifier_is_still_added(extractor):
    findings = pair_findings(extractor, "Her knowledge of Latin impressed the examiners.",
                             "Her Latin grammar skills impressed the examiners.", [([0], [0])])
    assert [f.derived_value for f in _additions(findings)] == ["grammar"], findings
