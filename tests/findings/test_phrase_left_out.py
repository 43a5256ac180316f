"""A number left out with the whole phrase it stands in (issue 17.5, Falke consistent pairs): a
condensed sentence that drops a further conjunct, an apposition or an added clause, number and all,
changes no claim it keeps; the omission is shown, low. A number dropped from a phrase the version
keeps, or a phrase left out of a full rendering (a translation keeps every phrase), stays medium."""
from __future__ import annotations

from .helpers import pair_findings


def _omissions(source, derived, extractor):
    return [f for f in pair_findings(extractor, source, derived, [([0], [0])]) if f.type == "omission"]


def test_a_number_left_out_with_its_whole_phrase_by_a_condensed_sentence_is_low(extractor):
    cases = [
        # a further conjunct: the version says nothing of the painkillers
        ("Americans are about 5% of the world's population, yet they take half its pills, and 80% of its painkillers.",
         "Americans are about 5% of the world's population, yet they take half its pills.", "80"),
        # an added relative clause
        ("The plant, which employs 1,200 workers, will close next year, the company said.",
         "The plant will close next year, the company said.", "1,200"),
        # a coordinated object with its own count
        ("The fire destroyed the old mill and 14 houses nearby, officials said.",
         "The fire destroyed the old mill, officials said.", "14"),
    ]
    for source, derived, number in cases:
        found = _omissions(source, derived, extractor)
        assert [(f.source_value, f.severity) for f in found] == [(number, "low")], (derived, found)
        assert "leaves out the whole phrase" in found[0].explanation


def test_a_number_dropped_from_a_phrase_the_version_keeps_stays_medium(extractor):
    # "people" and "buses" are still said: the claim lost its figure
    for source, derived in (("The storm killed 30 people in the coastal town on Monday.",
                             "The storm killed people in the coastal town on Monday."),
                            ("The ministry bought 40 new buses for the city.",
                             "The ministry bought new buses for the city.")):
        found = _omissions(source, derived, extractor)
        assert [f.severity for f in found] == ["medium"], (derived, found)


def test_a_phrase_left_out_of_a_full_rendering_stays_medium(extractor):
    # Most of the sentence kept (a translation's length): leaving the conjunct out is an error.
    source = "The fire destroyed the old mill by the river and 14 houses, officials said."
    derived = "The fire destroyed the old mill by the river, officials said."
    found = _omissions(source, derived, extractor)
    assert [(f.source_value, f.severity) for f in found] == [("14", "medium")], found
