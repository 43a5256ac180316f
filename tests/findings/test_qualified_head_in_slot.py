"""Session 20's candidate A2 (crit20, dropped): a qualifier on a head the version words
differently, checked against the source word standing in the head's slot (slots.slot_partner).
It found more DEMETR additions on both parts but flagged more faithful translations and WMT
paraphrase pairs on the confirm part ("inbound tourists" for "visitor arrivals"): a head matched
only by its place is too weak a counterpart. The additions it would find stay as strict xfails."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


@pytest.mark.xfail(strict=True, reason="crit20 A2 dropped: a head matched only by its slot is too weak a counterpart")
@pytest.mark.parametrize("src,der,word", [
    ("The fund will help poor countries cope with the impacts of the drought.",
     "The fund will help poor countries deal with the invisible effects of the drought.", "invisible"),
    ("The letter extends an offer to work with the city council.",
     "The letter shortly expands a proposal to work with the city council.", "shortly"),
])
def test_new_qualifier_on_a_head_in_the_source_words_slot_is_an_addition(extractor, src, der, word):
    findings = pair_findings(extractor, src, der)
    assert [f for f in findings if f.type == "unsupported_addition" and f.derived_value == word
            and f.severity == "medium"], findings
