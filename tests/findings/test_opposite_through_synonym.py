"""An opposite reached through a synonym (findings/wordsense.py, _listed_opposite_in_main_sense;
issue 17, session 24): the curated list knows "conceal" ! "reveal", and WordNet knows that "disclose"
shares "reveal"'s main sense (make known), so "concealed" in the slot of "disclosed" says the
opposite. Before, the list's opposites met only the list's own synonyms, and WordNet's opposites
only WordNet's (conceal ! show). Only senses among the first two of both words link: a rare sense
("discover" as "reveal") links nothing. Medium (one slot, one signal), and the explanation names the
relation."""
from __future__ import annotations

import pytest

from storytrace.nlp import wordnet

from .helpers import pair_findings


def _flips(findings):
    return [f for f in findings if f.type == "negation_flip" and f.severity != "low"]


@pytest.mark.xfail(strict=True, reason="ant24: dropped, its tuning gain (DEMETR antonym 105 -> 109/141) did not show on confirm (108/155); bench/RESULTS.md, session 24")
@pytest.mark.parametrize("src,der", [
    ("The ministry disclosed the new budget figures on Monday.",
     "The ministry concealed the new budget figures on Monday."),
    ("The company concealed the test results from its shareholders.",
     "The company disclosed the test results to its shareholders."),
])
def test_a_synonym_of_a_listed_opposite_in_the_slot_is_a_medium_flip(extractor, src, der):
    flips = _flips(pair_findings(extractor, src, der))
    assert len(flips) == 1 and flips[0].severity == "medium", flips
    assert 'is the opposite of "reveal", which "disclosed" means in its main sense' in flips[0].explanation


def test_a_synonym_in_the_slot_is_no_flip(extractor):
    src = "The ministry disclosed the new budget figures on Monday."
    der = "The ministry revealed the new budget figures on Monday."
    assert not _flips(pair_findings(extractor, src, der))


@pytest.mark.xfail(strict=True, reason="ant24: dropped, its tuning gain (DEMETR antonym 105 -> 109/141) did not show on confirm (108/155); bench/RESULTS.md, session 24")
def test_main_senses_only():
    assert wordnet.share_main_sense("reveal", "disclose", "v")
    assert not wordnet.share_main_sense("reveal", "discover", "v")  # "discover" reveals only in a rare sense
