"""A hyphenated word whose first part negates the second (issue 17, session 29, demetr29):
"non-violent" is not violent, "ill-prepared" is not prepared. The tokenizer splits "non" / "ill"
off as words of their own, so "was not violent" against "was non-violent" read as a "not" dropped
from "violent" (a high flip) where both sentences say the same thing. The first part now negates
its word, as a "not" does (polarity._negated) and as a joined prefix does in the count of negations
("unclear" / "not clear"). A real reversal ("well prepared" / "ill-prepared") stays a flip."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _flips(findings):
    return [f for f in findings if f.type == "negation_flip" and f.severity != "low"]


@pytest.mark.parametrize("src, der", [
    ("The march through the capital was not violent, the police said.",
     "The march through the capital was non-violent, the police said."),
    ("The town was not prepared for a flood of that size.",
     "The town was ill-prepared for a flood of that size."),
    ("The climbers were not equipped for the winter storm.",
     "The climbers were ill-equipped for the winter storm."),
])
def test_a_negating_first_part_says_what_not_says(extractor, src, der):
    assert _flips(pair_findings(extractor, src, der)) == []


def test_well_against_ill_is_still_a_flip(extractor):
    flips = _flips(pair_findings(extractor, "The town was well prepared for a flood of that size.",
                                 "The town was ill-prepared for a flood of that size."))
    assert [(f.derived_value, f.source_value) for f in flips] == [("ill", "well")]
