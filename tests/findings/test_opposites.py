"""Opposites: "before" for "after" joining two clauses, "old" for "young" next to a "19-year-old",
and what counts as the source writing a word apart ("non-violently")."""
from __future__ import annotations

import pytest

from storytrace.findings.detectors.polarity import _written_apart

from .helpers import pair_findings


def _flips(findings):
    return [f for f in findings if f.type == "negation_flip"]


def test_before_for_after_between_clauses_is_a_flip(extractor):
    findings = pair_findings(extractor, "The announcement was made after the president had a phone call with his Turkish counterpart.",
                             "The announcement was made before the president had a phone call with his Turkish counterpart.")
    assert [f for f in _flips(findings) if f.derived_value == "before"], findings


def test_before_for_after_between_clauses_is_high_when_both_bear_on_the_same_verb(extractor):
    findings = pair_findings(extractor, "The announcement was made after the president had a phone call with his Turkish counterpart.",
                             "The announcement was made before the president had a phone call with his Turkish counterpart.")
    [flip] = [f for f in _flips(findings) if f.derived_value == "before"]
    assert flip.severity == "high" and "Both words bear on the same word" in flip.explanation


def test_before_for_after_with_the_two_events_swapped_is_not_high(extractor):
    # "A before B" tells what "B after A" tells: the opposite words bear on different verbs (drifted /
    # destroyed), so the opposite word alone is one signal, not two.
    findings = pair_findings(extractor, "On Saturday, the balloon was destroyed near the coast after drifting in the airspace for several days.",
                             "On Saturday, the balloon drifted over the airspace for days before being destroyed off the coast.")
    assert [f.severity for f in _flips(findings) if f.derived_value == "before"] in ([], ["medium"]), findings
    assert not [f for f in findings if f.severity == "high"], findings


def test_an_old_inside_a_compound_does_not_hide_old_for_young(extractor):
    findings = pair_findings(extractor, "During a fight between two groups of young people at the station, a 19 year-old fell onto the track.",
                             "During a dispute between two groups of old people at the station, a 19-year-old fell onto the track.")
    assert [f for f in _flips(findings) if f.derived_value == "old"], findings


def test_written_apart_means_the_whole_word():
    assert _written_apart("nonviolently", "They protested non-violently on Sunday.")
    assert _written_apart("nonviolently", "They protested non violently on Sunday.")
    assert not _written_apart("old", "A 19 year-old was hurt.")
    assert not _written_apart("old", "He told the police.")


def test_the_reversed_word_is_the_opposite_in_the_same_place_whatever_the_set_order(extractor):
    # "start" and "launch" are both opposites of "end"; the rewrite keeps the sentence's order, so
    # "end" takes the place of "start". The choice must not depend on how a set iterates (it varied
    # with PYTHONHASHSEED, so one input gave two different reports).
    findings = pair_findings(extractor, "The start of construction marks the launch of one of Europe's largest energy projects.",
                             "The end of construction marks the beginning of one of Europe's largest energy projects.")
    flips = [f for f in _flips(findings) if f.derived_value == "end"]
    assert flips and flips[0].source_value == "start", findings


# A word the parser gives no slot (a misparse, or a clause worded another way) that WordNet opposes
# to the one source word left unrendered at the same place, in a one-to-one rendering (session 18).
@pytest.mark.parametrize("src,der,pair", [
    ("The two players understand one another splendidly and made enormous progress this season.",
     "The two players get along really poorly and have made enormous progress this season.", ("poorly", "splendidly")),
    ("He was robbed by bandits, escaped marriage in the mountains and was arrested at the border.",
     "He was robbed by bandits, ran away from divorce in the mountains and was arrested at the border.",
     ("divorce", "marriage")),
])
def test_an_opposite_with_no_parser_slot_is_a_flip_in_a_one_to_one_rendering(extractor, src, der, pair):
    flips = _flips(pair_findings(extractor, src, der))
    assert [(f.derived_value, f.source_value, f.severity) for f in flips] == [(*pair, "medium")]


@pytest.mark.parametrize("der", [
    "The two players get along really well and have made enormous progress this season.",
    "The two players understand each other perfectly and made huge progress this season.",
])
def test_a_rendering_with_no_parser_slot_is_no_flip(extractor, der):
    src = "The two players understand one another splendidly and made enormous progress this season."
    assert not _flips(pair_findings(extractor, src, der))



def test_opposites_in_two_different_clauses_at_the_same_place_are_no_flip(extractor):
    # "as the shooting began" / "where the boy was killed": the same relative place, but no word the two
    # sentences share stands next to either, so the two are not one slot. Session 18's candidate A4 (a
    # shared neighbour) was dropped; passes since session 28: one said of a person, the other of an event
    # (polarity._person_and_thing, tests/findings/test_opposites_person_and_event.py)
    src = '"I saw blood coming from her," said the mother, seen shielding her son just feet from where the boy was killed.'
    der = '"I saw blood coming from her," said the mother, who is seen covering her son with her body as the shooting began.'
    assert not _flips(pair_findings(extractor, src, der))
