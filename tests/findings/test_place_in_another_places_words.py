"""A place named by words another place's name shares is not that place (issue 17, session 21 fix21b).

"The United Kingdom sent a delegation" for "The United States sent a delegation" names another country,
the core case of a fact-checker; before, no finding: every word of "United Kingdom" is a word that names
nothing alone ("united", "kingdom"), so the name counted as supported. "New Mexico" for "Mexico", "West
Virginia" for "Virginia": the longer name carries the source's name as a word, yet WordNet gives it as
another place, outside the first. A name of several words that WordNet knows as a place is supported by
the source only where the source says it whole, by another of its names, or by a place it lies inside;
not by words it shares with another place's name.

A place WordNet puts inside the place the source names with its words ("Northern Ireland" where the source
says "Ireland", "South Korea" where it says "Korea") is decided supported, as before: news writes "Korea"
for South Korea, and the longer name may only say the same place more precisely (precision first)."""
from __future__ import annotations

import pytest

from .helpers import pair_findings

FRAME = " sent a delegation to the talks on Monday."


def _flagged(findings):
    return [f for f in findings if f.severity != "low"]


@pytest.mark.parametrize("src,der", [
    ("The United States", "The United Kingdom"),
    ("The United Kingdom", "The United States"),
    ("The United Arab Emirates", "The United States"),
    ("Mexico", "New Mexico"),
    ("Virginia", "West Virginia"),
])
def test_a_place_named_with_another_places_words_is_a_swap(extractor, src, der):
    findings = pair_findings(extractor, src + FRAME, der + FRAME)
    changed = der.removeprefix("The ")
    swaps = [f for f in _flagged(findings) if f.type == "entity_swap" and f.derived_value == changed]
    assert swaps, findings
    assert swaps[0].source_value == src.removeprefix("The ")


@pytest.mark.parametrize("src,der", [
    ("Mr. Smith", "John Smith"),
    ("The US", "The United States"),
    ("The United States", "The US"),
    ("The U.S.", "The United States of America"),
    ("Obama", "Barack Obama"),
    ("Washington", "Washington D.C."),
    ("Washington D.C.", "Washington"),
    ("New York City", "New York"),
    ("New York", "New York City"),
    ("Britain", "The United Kingdom"),
    ("The UK", "The United Kingdom"),
    ("Ireland", "Northern Ireland"),
    ("Korea", "South Korea"),
])
def test_one_place_or_person_said_two_ways_is_no_swap(extractor, src, der):
    assert not _flagged(pair_findings(extractor, src + FRAME, der + FRAME))


@pytest.mark.parametrize("src,der", [
    ("British officials" + FRAME, "The United Kingdom" + FRAME),
    ("South African officials" + FRAME, "Officials from South Africa" + FRAME),
    ("The Saudi government" + FRAME, "Saudi Arabia" + FRAME),
    ("Officials in Belfast, Ireland," + FRAME, "Officials in Belfast, Northern Ireland," + FRAME),
    ("The governor of New Mexico" + FRAME, "New Mexico's governor" + FRAME),
])
def test_a_place_said_by_its_adjective_or_in_other_words_is_no_swap(extractor, src, der):
    assert not _flagged(pair_findings(extractor, src, der))
