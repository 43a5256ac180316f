"""A negated word against its plain opposite may say the same thing: never a high negation flip (issue 17,
point 2: "a paraphrase that keeps the meaning, such as a negated verb against its opposite, is no flip").

Two reversals cancel: "did not win" is "lost", "was not large" is "was small". The sentence-level count of
negations (polarity._count_flip) saw one "not" on one side and none on the other and reported a high
negation_flip; the word-level checks already treated a negated opposite as no flip. Now a plain opposite of the
word the counted "not" stands on lowers the count's flip to medium, and the explanation names it. Not cleared:
measured (bench/RESULTS.md, session 22), clearing lost real negations added beside such a word on the confirm
parts (DEMETR negation 148 -> 147/157, a right high flip on the translations confirm part). A negation that
reverses the claim stays high: the same word with and without "not", and an opposite under a negation of its
own ("not large" / "not small")."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _flips(findings):
    return [f for f in findings if f.type == "negation_flip" and f.severity != "low"]


@pytest.mark.parametrize("src,der", [
    ("The rally on Sunday was not large.", "The rally on Sunday was small."),
    ("The rally on Sunday was large.", "The rally on Sunday was not small."),
    ("The home team did not win the final on Sunday.", "The home team lost the final on Sunday."),
    ("The home team won the final on Sunday.", "The home team did not lose the final on Sunday."),
    ("The road to the village is not safe.", "The road to the village is dangerous."),
    ("The price of bread did not increase last year.", "The price of bread decreased last year."),
    ("The inquiry into the collapse of the bridge was not public.", "The inquiry into the collapse of the bridge was private."),
])
def test_a_negated_word_against_its_opposite_is_no_high_flip(extractor, src, der):
    flips = _flips(pair_findings(extractor, src, der))
    assert all(f.severity == "medium" and "plain opposite" in f.explanation for f in flips), flips


@pytest.mark.parametrize("src,der", [
    ("The rally on Sunday was large.", "The rally on Sunday was not large."),
    ("The rally on Sunday was not large.", "The rally on Sunday was large."),
    ("The rally on Sunday was not large.", "The rally on Sunday was not small."),
    ("The home team won the final on Sunday.", "The home team did not win the final on Sunday."),
    ("The road to the village is safe.", "The road to the village is not safe."),
])
def test_a_negation_that_reverses_the_claim_is_still_a_flip(extractor, src, der):
    flips = _flips(pair_findings(extractor, src, der))
    assert flips and flips[0].severity == "high", flips


def test_an_opposite_does_not_cancel_a_negation_added_elsewhere(extractor):
    # "shortly" renders "not long" (a "not" on an adverb, which the count of negations does not see);
    # the version's own "not" denies the cause: that reversal is still reported.
    flips = _flips(pair_findings(
        extractor, "The ferry left the harbour not long after noon because of the storm.",
        "The ferry left the harbour shortly after noon, but it was not because of the storm."))
    assert flips, flips
