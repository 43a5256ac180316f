"""Adjectives opposed through WordNet's also-see link (wordnet.also_see_opposite, wordsense.slot_opposed;
issue 17, session 24). Also-see joins head adjectives of one pole ("sudden" ^ "fast", "undemanding" ^
"easy"), so a word at that pole opposes the other pole's cluster: "slow" stands where the source has
"sudden", "undemanding" where it has "challenging" (a satellite of "difficult", the opposite of
"easy"). Before, only direct antonyms and their clusters counted, and neither pair is one. An adverb
reads through its adjective ("slowly" / "suddenly"). Medium (one slot, a looser link than an
antonym), with the relation named; words at one pole ("sudden" / "abrupt", "challenging" /
"difficult", "quickly" / "suddenly") stay no flip.

Session 24 (ant24) built it (commit 104e7f0) and measured it with three other changes (/tmp/s24/ant24/m1): DEMETR
tuning antonyms rose, the confirm part did not move, and it alone added two WMT paraphrase false alarms on the
tuning part ("recent" / "fresh": "recent" as "late" sits in the cluster of "past", past ^ old, and "fresh" is
in "old"'s opposed cluster). Dropped; the
positive cases stay as strict xfails, the same-pole pairs as ordinary tests."""
from __future__ import annotations

import pytest

from storytrace.nlp import wordnet

from .helpers import pair_findings

_DROPPED = pytest.mark.xfail(strict=True, reason="ant24: also-see opposites dropped (WMT paraphrase false alarms on tune, "
                             "confirm unchanged; bench/RESULTS.md, session 24)")


def _flips(findings):
    return [f for f in findings if f.type == "negation_flip" and f.severity != "low"]


@pytest.mark.parametrize("src,der", [
    ("The hikers took the most challenging route across the northern ridge.",
     "The hikers took the most undemanding route across the northern ridge."),
    ("Prices rose suddenly after the announcement from the central bank.",
     "Prices rose slowly after the announcement from the central bank."),
    ("The town saw a sudden rise in rents after the factory opened.",
     "The town saw a slow rise in rents after the factory opened."),
])
@_DROPPED
def test_an_adjective_at_the_other_pole_by_also_see_is_a_medium_flip(extractor, src, der):
    flips = _flips(pair_findings(extractor, src, der))
    assert len(flips) == 1 and flips[0].severity == "medium", flips
    assert "stands at the pole of" in flips[0].explanation


@pytest.mark.parametrize("src,der", [
    ("The town saw a sudden rise in rents after the factory opened.",
     "The town saw an abrupt rise in rents after the factory opened."),
    ("The hikers took the most challenging route across the northern ridge.",
     "The hikers took the most difficult route across the northern ridge."),
    ("Prices rose quickly after the announcement from the central bank.",
     "Prices rose suddenly after the announcement from the central bank."),
])
def test_adjectives_at_one_pole_are_no_flip(extractor, src, der):
    assert not _flips(pair_findings(extractor, src, der))


@_DROPPED
def test_also_see_opposite():
    assert wordnet.also_see_opposite("sudden", "slow") == "fast"
    assert wordnet.also_see_opposite("undemanding", "challenging") == "easy"
    assert wordnet.also_see_opposite("big", "large") is None
    assert wordnet.also_see_opposite("quick", "sudden") is None
