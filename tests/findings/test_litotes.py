"""Litotes: a "not" right before a gradable word says that word's opposite (issue 17, point 2: "a
paraphrase that keeps the meaning ... is no flip").

"not far from the station" is "near the station", "not many people" is "few people", "arrived not long
after" is "arrived shortly after". Before, the count of negations saw one "not" against none and reported
a HIGH negation_flip for "not far" / "near" (the parser reads "near" as a preposition, so no opposite
carried the negation), a medium one for "Not many" / "Few", and the qualifier check read "shortly" as an
unsupported addition (the source says "not long" there). Now the "not" of such a phrase is not counted
where the other version says a plain opposite of the denied word (and not the word itself), and that
opposite is no added qualifier (findings/litotes.py). A "not" added or dropped on the same word, a
second "not" elsewhere in the sentence, and an opposite without any "not" stay findings."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _shown(findings, kind):
    return [(f.derived_value, f.source_value, f.severity) for f in findings
            if f.type == kind and f.severity != "low"]


@pytest.mark.parametrize("src,der", [
    ("The hotel is not far from the station.", "The hotel is near the station."),
    ("The hotel is near the station.", "The hotel is not far from the station."),
    ("Not many people came to the meeting on Friday.", "Few people came to the meeting on Friday."),
    ("The school isn't far from the river.", "The school is close to the river."),
    ("The rescue team arrived not long after the fire started.",
     "The rescue team arrived shortly after the fire started."),
    # a "not" on the verb denies the quantifier on its object
    ("The company did not hire many workers this year.", "The company hired few workers this year."),
    ("The reform did not bring much change to the villages.", "The reform brought little change to the villages."),
])
def test_a_denied_word_rendered_by_its_opposite_is_no_finding(extractor, src, der):
    findings = pair_findings(extractor, src, der)
    assert not _shown(findings, "negation_flip"), findings
    assert not _shown(findings, "unsupported_addition"), findings


@pytest.mark.parametrize("src,der", [
    ("The hotel is not far from the station.", "The hotel is far from the station."),
    ("The hotel is not near the station.", "The hotel is near the station."),
    ("Many people came to the meeting on Friday.", "Not many people came to the meeting on Friday."),
    ("Few people came to the meeting on Friday.", "Not few people came to the meeting on Friday."),
    ("The company hired many workers this year.", "The company did not hire many workers this year."),
])
def test_a_not_added_or_dropped_on_the_same_word_is_still_a_high_flip(extractor, src, der):
    flips = _shown(pair_findings(extractor, src, der), "negation_flip")
    assert flips and flips[0][2] == "high", flips


def test_a_second_not_in_the_sentence_is_still_counted(extractor):
    flips = _shown(pair_findings(extractor, "The hotel is not far from the station, and it is not cheap.",
                                 "The hotel is near the station, and it is cheap."), "negation_flip")
    assert flips, flips


def test_an_opposite_without_a_not_is_still_a_flip(extractor):
    flips = _shown(pair_findings(extractor, "The rescue team arrived long after the fire started.",
                                 "The rescue team arrived shortly after the fire started."), "negation_flip")
    assert flips, flips
