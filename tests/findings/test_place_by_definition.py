"""A people or language word stands for the place WordNet's definitions name when WordNet links it
to no place otherwise: "Breton" is "a native or inhabitant of Brittany" and "a Celtic language of
Brittany", so "Breton cultural traditions" and "the culture and traditions of Brittany" name one
region (entities_cmp._place_of_word): neither "Breton" is left out nor "Brittany" added. Another
region stays a new name."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _names(findings):
    return [f for f in findings if f.type in ("omission", "unsupported_addition", "entity_swap") and f.severity != "low"]


@pytest.mark.parametrize("source,derived", [
    ("The museum shows Breton cultural traditions to visitors from abroad.",
     "The museum shows the culture and traditions of Brittany to visitors from abroad."),
    ("The festival celebrates Breton music and dance every summer.",
     "The festival celebrates the music and dance of Brittany every summer."),
    ("Every summer the town hosts a festival of Breton songs.", "Every summer the town hosts a festival of songs from Brittany."),
    ("Every summer the town hosts a festival of songs from Brittany.", "Every summer the town hosts a festival of Breton songs."),
])
def test_a_people_word_and_its_place_name_one_region(extractor, source, derived):
    assert _names(pair_findings(extractor, source, derived, [([0], [0])])) == []


def test_another_region_is_still_a_new_name(extractor):
    findings = pair_findings(extractor, "Every summer the town hosts a festival of Breton songs.",
                             "Every summer the town hosts a festival of songs from Normandy.", [([0], [0])])
    assert any(f.derived_value == "Normandy" for f in _names(findings)), findings
