"""Inserted modifiers: a qualifier the source never states is an unsupported addition; a
paraphrase that keeps the source's qualifiers (or adds only an emphatic word) is not."""
from __future__ import annotations

import pytest

from storytrace.nlp import Extractor

from findings_helpers import pair_findings


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def _pair(extractor, src, der):
    return pair_findings(extractor, src, der)


def test_inserted_adjective_is_unsupported_addition(extractor):
    findings = _pair(extractor,
                     "She is in custody pending prosecution and trial, the court said on Monday.",
                     "She is in private custody pending prosecution and trial, the court said on Monday.")
    hits = [f for f in findings if f.type == "unsupported_addition" and f.derived_value == "private"]
    assert hits and hits[0].severity == "medium"


@pytest.mark.parametrize("src,der", [
    ("She is in custody pending prosecution and trial, the court said on Monday.",
     "She is in custody awaiting prosecution and trial, the court said on Monday."),
    ("Murray lost the first set after both men held each and every serve in the set.",
     "Murray lost the first set after both men held every single serve in the set."),
    ("The old bridge was closed to traffic for repairs on Monday.",
     "The aged bridge was closed to traffic for repairs on Monday."),
])
def test_faithful_paraphrase_gets_no_modifier_finding(extractor, src, der):
    findings = _pair(extractor, src, der)
    assert not [f for f in findings if f.type == "unsupported_addition" and f.severity != "low"], findings


def test_adjective_inserted_before_a_name_is_unsupported_addition(extractor):
    src = "The storm flooded farms across the Netherlands on Sunday, officials in Utrecht said."
    findings = _pair(extractor, src, "The storm flooded farms across the northern Netherlands on Sunday, officials in Utrecht said.")
    hits = [f for f in findings if f.type == "unsupported_addition" and f.derived_value == "northern"]
    assert hits and hits[0].severity == "medium", findings
    # the same qualifier where the source has it is no addition
    same = _pair(extractor, src.replace("the Netherlands", "the northern Netherlands"),
                 "The storm flooded farms across the northern Netherlands on Sunday, officials in Utrecht said.")
    assert not [f for f in same if f.type == "unsupported_addition" and f.severity != "low"], same
