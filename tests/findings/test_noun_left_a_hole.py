"""A word dropped from a one-to-one rendering that leaves a hole ("the source of 's heat", "the fashion
of the may lag") where the source has a noun the version renders nowhere, even one written in lower
case ("the planet", "the north") and so no name (session 18, issue 17: DEMETR critical detection)."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _omissions(extractor, src, der):
    return [f for f in pair_findings(extractor, src, der) if f.type == "omission" and f.severity != "low"]


@pytest.mark.parametrize("src,der,word", [
    ("Because of slow trade routes, fashions in the north could lag behind by ten years.",
     "Because of slow trade routes, the fashion of the may lag ten years behind.", "north"),
    ("Volcanoes may have been a source of heat for the planet along with minerals that support life.",
     "Volcanoes may have been the source of 's heat and minerals that sustain life.", "planet"),
])
def test_a_hole_where_the_source_has_an_unrendered_noun_is_an_omission(extractor, src, der, word):
    found = _omissions(extractor, src, der)
    assert [(f.source_value, f.severity) for f in found] == [(word, "medium")]


@pytest.mark.parametrize("src,der", [
    ("Because of slow trade routes, fashions in the north could lag behind by ten years.",
     "Because of slow trade routes, northern fashions may lag ten years behind."),
    ("Volcanoes may have been a source of heat for the planet along with minerals that support life.",
     "Volcanoes may have been the source of the planet's heat and minerals that sustain life."),
])
def test_a_rendering_with_no_hole_has_no_omission(extractor, src, der):
    assert not _omissions(extractor, src, der)


@pytest.mark.xfail(strict=True, reason="candidate C2 dropped (session 18): leaving out holes at two prepositions in a row "
                   "cost one DEMETR critical row and one right translation omission on confirm")
def test_two_prepositions_in_a_row_from_swapped_words_are_no_omission(extractor):
    # "from session session to at" is "from session to session at" with two words swapped, not a word
    # dropped; known wrong omission
    src = "We made enormous progress at the track from season to season, the driver said."
    der = "We have made enormous progress from session session to at the track, the driver said."
    assert not _omissions(extractor, src, der)
