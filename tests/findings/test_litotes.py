"""Litotes: a "not" right before a gradable word says that word's opposite (issue 17, point 2: "a
paraphrase that keeps the meaning ... is no flip"; point 3: high only where two signals agree).

"not far from the station" is "near the station", "not many people" is "few people", "arrived not long
after" is "arrived shortly after", "did not hire many workers" is "hired few workers". Before, the count of
negations saw one "not" against none and reported a HIGH negation_flip for "not far" / "near" (the parser
reads "near" as a preposition, so no opposite carried the negation) and for "did not hire many" / "hired
few", and the qualifier check read "shortly" and "little" as unsupported additions (the source says "not
long", "not much" there). Now such a "not" lowers the count's flip to medium and the explanation names the
opposite (findings/litotes.py, polarity._lower_for_litotes), and the opposite is no added qualifier.
Lowered, not cleared: clearing was measured (session 23, para23, /tmp/s23/para23/m2) and lost a right high
flip on the bench_translations confirm part (recall 114 -> 112/288). A "not" added or dropped on the same
word, and an opposite without any "not", stay findings."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _shown(findings, kind):
    return [f for f in findings if f.type == kind and f.severity != "low"]


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
    # a denied preposition of distance: the parser reads "near the river" as a preposition
    ("The new school is not near the river, officials said.", "The new school is far from the river, officials said."),
    ("The new school is far from the river, officials said.", "The new school is not near the river, officials said."),
])
def test_a_denied_word_rendered_by_its_opposite_is_no_high_flip_and_no_addition(extractor, src, der):
    findings = pair_findings(extractor, src, der)
    flips = _shown(findings, "negation_flip")
    assert all(f.severity == "medium" for f in flips), flips
    assert all("may say what" in f.explanation or "plain opposite" in f.explanation for f in flips), flips
    assert not _shown(findings, "unsupported_addition"), findings


def test_the_explanation_names_the_litotes(extractor):
    flips = _shown(pair_findings(extractor, "The hotel is not far from the station.", "The hotel is near the station."),
                   "negation_flip")
    assert len(flips) == 1 and '"not far" may say what "near" says' in flips[0].explanation, flips


def test_not_long_after_rendered_by_shortly_after_is_no_finding(extractor):
    findings = pair_findings(extractor, "The rescue team arrived not long after the fire started.",
                             "The rescue team arrived shortly after the fire started.")
    assert not [f for f in findings if f.severity != "low"], findings


@pytest.mark.parametrize("src,der", [
    ("The hotel is not far from the station.", "The hotel is far from the station."),
    ("The hotel is not near the station.", "The hotel is near the station."),
    ("Many people came to the meeting on Friday.", "Not many people came to the meeting on Friday."),
    ("Few people came to the meeting on Friday.", "Not few people came to the meeting on Friday."),
    ("The company hired many workers this year.", "The company did not hire many workers this year."),
])
def test_a_not_added_or_dropped_on_the_same_word_is_still_a_high_flip(extractor, src, der):
    flips = _shown(pair_findings(extractor, src, der), "negation_flip")
    assert flips and flips[0].severity == "high", flips


def test_an_opposite_without_a_not_is_still_a_flip(extractor):
    flips = _shown(pair_findings(extractor, "The rescue team arrived long after the fire started.",
                                 "The rescue team arrived shortly after the fire started."), "negation_flip")
    assert flips, flips
