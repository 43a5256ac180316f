"""A person noun's sex read from WordNet (issue 17, session 29, demetr29): the attribute detector's
closed gender list holds "boy" and "girl" but not "lad", "widow" or "groom", so one person told as a
man in the source and a woman in the version passed when the word was outside the list. WordNet
says it: the noun's main sense sits below "male person" / "female person", or its definition
opens on a gendered noun ("a married man", "the wife of a duke"). A noun naming no sex ("actor",
"soldier": "an enlisted man or woman") changes nothing."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _gender_swaps(findings):
    return [(f.derived_value, f.source_value) for f in findings
            if f.type == "entity_swap" and f.severity != "low"]


@pytest.mark.parametrize("src, der, expected", [
    ("The lad was one of the forty children treated at the clinic last winter.",
     "The girl was one of the forty children treated at the clinic last winter.", ("girl", "lad")),
    ("The groom arrived at the church an hour late because of the snow.",
     "The bride arrived at the church an hour late because of the snow.", ("bride", "groom")),
    ("The widow of the former mayor opened the new library on Monday.",
     "The widower of the former mayor opened the new library on Monday.", ("widower", "widow")),
    ("The nun ran the village school for thirty years.",
     "The monk ran the village school for thirty years.", ("monk", "nun")),
])
def test_a_person_noun_of_the_other_sex_is_a_gender_change(extractor, src, der, expected):
    assert expected in _gender_swaps(pair_findings(extractor, src, der))


@pytest.mark.parametrize("src, der", [
    # a noun naming no sex against a gendered one: no change of sex is said
    ("The actress thanked the director for the award.", "The actor thanked the director for the award."),
    ("The soldier was wounded near the border on Sunday.", "The young man was wounded near the border on Sunday."),
    # the same sex in other words
    ("The lad was taken to the clinic by his aunt.", "The boy was taken to the clinic by his aunt."),
    ("The couple's son was found safe in the forest.", "The couple's lad was found safe in the forest."),
    # a man the version adds beside the source's women replaces none of them
    ("The mayor's widow and her daughter opened the new library on Monday.",
     "The mayor's widow and her daughter opened the new library on Monday, a spokesman said."),
])
def test_a_noun_of_no_sex_or_the_same_sex_is_no_gender_change(extractor, src, der):
    assert _gender_swaps(pair_findings(extractor, src, der)) == []


def test_noun_sex_reads_wordnet():
    from storytrace.findings.person_sex import noun_sex

    assert [noun_sex(w) for w in ("lad", "widow", "groom", "actress", "grandson")] == ["m", "f", "m", "f", "m"]
    # no sex, or both in one phrase, or not a person
    assert [noun_sex(w) for w in ("actor", "soldier", "parent", "doctor", "cow", "team")] == [""] * 6


# A title written with its abbreviation point ("Mr." / "Ms."): the closed list holds "mr" and "ms",
# and the word with its point was not looked up, so "Mr. Dutton" / "Ms. Dutton" passed.
@pytest.mark.parametrize("src, der, expected", [
    ("Mr. Dutton called on the minister to explain the decision.",
     "Ms. Dutton called on the minister to explain the decision.", ("Ms.", "Mr.")),
    ("The board thanked Mrs. Lee for the years she gave the school.",
     "The board thanked Mr. Lee for the years she gave the school.", ("Mr.", "Mrs.")),
])
def test_a_title_with_its_point_of_the_other_sex_is_a_gender_change(extractor, src, der, expected):
    assert expected in _gender_swaps(pair_findings(extractor, src, der))


def test_a_title_with_and_without_its_point_is_no_gender_change(extractor):
    assert _gender_swaps(pair_findings(extractor, "Mr. Dutton called on the minister to explain the decision.",
                                       "Mr Dutton called on the minister to explain the decision.")) == []
