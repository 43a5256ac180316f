"""A quantity word about the same noun changed to another step of its scale says another amount
(session 23, issue 17): a share of a group (all > most > a part) or an order of magnitude (a few <
dozens < hundreds < thousands). Words on one step ("most" / "the majority of", "a few" / "several",
"all" / "every") and vague words ("many") are renderings of each other."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _changes(extractor, src, der):
    return [(f.derived_value.lower(), f.source_value.lower(), f.severity) for f in pair_findings(extractor, src, der)
            if f.type == "number_change"]


@pytest.mark.parametrize("src,der,new,old", [
    ("Most residents voted for the plan on Sunday.", "Some residents voted for the plan on Sunday.", "some", "most"),
    ("Most residents voted for the plan on Sunday.", "All residents voted for the plan on Sunday.", "all", "most"),
    ("All the passengers survived the crash.", "Some of the passengers survived the crash.", "some", "all"),
    ("A handful of protesters gathered outside the court.", "Thousands of protesters gathered outside the court.",
     "thousands", "a handful"),
    ("The company sacked a few employees last week.", "The company sacked hundreds of employees last week.",
     "hundreds", "a few"),
])
def test_a_quantity_word_on_another_step_is_a_medium_change(extractor, src, der, new, old):
    assert _changes(extractor, src, der) == [(new, old, "medium")]


@pytest.mark.parametrize("src,der", [
    ("Most residents voted for the plan on Sunday.", "The majority of residents voted for the plan on Sunday."),
    ("The minister met a few journalists.", "The minister met several journalists."),
    ("All the passengers survived the crash.", "Every passenger survived the crash."),
    ("Most residents voted for the plan on Sunday.", "Many residents voted for the plan on Sunday."),  # vague
    ("Hundreds of people joined the march.", "Hundreds of people took part in the march."),
    # another noun: the words say nothing about each other
    ("Most residents voted for the plan, and a few officials objected.",
     "Most residents voted for the plan, and some officials objected."),
])
def test_words_on_one_step_or_vague_words_are_no_change(extractor, src, der):
    assert _changes(extractor, src, der) == []


def test_each_other_is_no_share_of_a_group(extractor):
    src = "The couple never lived together but would see each other several times a week."
    der = "The couple never lived together but would see each other times a week."
    assert _changes(extractor, src, der) == []


def test_quantity_words_are_read_in_english_versions_only(extractor):
    # Hungarian "most" is "now": the English tagger reads the letters all the same
    from .helpers import prepare

    src = prepare(extractor, "Most residents voted for the plan on Sunday.", "s")
    der = prepare(extractor, "Some residents voted for the plan on Sunday.", "d")
    der.language = "hu"
    assert not [f for f in pair_findings(extractor, src, der) if f.type == "number_change"]
