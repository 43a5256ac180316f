"""A bracketed acronym a version coins for the name just before it adds nothing (issue 17.4, prec14).

"the Singapore Tourism Board (STB)": the short form's letters are the name's initials, so it names
what the name names; a source that spells the name out without the short form says the same.
A translation may take the short form from another language, its letters in another order ("TSB").
A bracketed name that is not such a form ("(Reuters)") is still an addition.
"""
from __future__ import annotations

from .helpers import pair_findings


def _added(findings, value):
    return [f for f in findings if f.type == "unsupported_addition" and f.derived_value == value]


SOURCE = "The Singapore Tourism Board has called for proposals to build a wellness resort on the southern coast."



def test_a_bracketed_acronym_of_the_name_before_it_is_low(extractor):
    derived = "The Singapore Tourism Board (STB) has called for proposals to build a wellness resort on the southern coast."
    found = _added(pair_findings(extractor, SOURCE, derived), "STB")
    assert found and all(f.severity == "low" for f in found), found
    assert "abbreviates that name" in found[0].explanation


def test_its_letters_may_come_in_another_order(extractor):
    derived = "The Singapore Tourism Board (TSB) has called for proposals to build a wellness resort on the southern coast."
    found = _added(pair_findings(extractor, SOURCE, derived), "TSB")
    assert found and all(f.severity == "low" for f in found), found


def test_a_bracketed_acronym_of_other_initials_stays_medium(extractor):
    derived = "The Singapore Tourism Board (SRB) has called for proposals to build a wellness resort on the southern coast."
    found = _added(pair_findings(extractor, SOURCE, derived), "SRB")
    assert [f.severity for f in found] == ["medium"], found
