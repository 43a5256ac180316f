"""A name in the place of a common noun the version leaves unrendered is that noun's rendering, also
when the noun comes with words that only point at it: "in the country" / "in China", "our country's
enterprises" / "Chinese enterprises", and at the start of a sentence, "Our country will" / "China
will" (Chinese news says "our country" for China; translations write either). A name slipped in
beside words the source has side by side stays an addition."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _counted(findings):
    return [f for f in findings if f.type == "unsupported_addition" and f.severity != "low"]


@pytest.mark.parametrize("source,derived", [
    ("The number of returnees seeking jobs in the country hit a new high.",
     "The number of returnees seeking jobs in China hit a new high."),
    ("The demand of our country's enterprises for overseas talent is also rising.",
     "The demand of Chinese enterprises for overseas talent is also rising."),
    ("Our country will continue to expand its opening up.", "China will continue to expand its opening up."),
])
def test_a_name_for_a_pointed_noun_is_its_rendering(extractor, source, derived):
    found = pair_findings(extractor, source, derived, [([0], [0])])
    assert _counted(found) == [], found
    assert any(f.type == "unsupported_addition" and "country" in f.explanation for f in found)


@pytest.mark.parametrize("source,derived", [
    ("The secret plan was leaked on Monday.", "The secret Pentagon plan was leaked on Monday."),
    ("The plan was leaked on Monday.", "The Pentagon plan was leaked on Monday."),
])
def test_a_name_slipped_in_stays_an_addition(extractor, source, derived):
    assert _counted(pair_findings(extractor, source, derived, [([0], [0])]))
