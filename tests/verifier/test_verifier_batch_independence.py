"""A pair's verifier score depends on the pair alone, never on the pairs scored beside it.

The score is shown on findings and decides downgrades at a threshold (verifier_findings,
verifier_severity): a fact-checker must get the same score for the same two sentences whatever
else is in the run, in whatever order, under any hash seed.
"""
from __future__ import annotations

import pytest

from storytrace.verifier import Verifier
from storytrace.verifier.model import native_bf16

PREMISE = "The city council voted on Tuesday to close the old harbour bridge for repairs until June."
PAIRS = [
    (PREMISE, "The council voted to close the harbour bridge for repairs."),
    (PREMISE, "The council voted to keep the harbour bridge open."),
    (PREMISE, "The mayor resigned after the vote, his office said."),
    (PREMISE, "The council voted to close the bridge on Tuesday."),
    (PREMISE, "The council voted to open the bridge on Friday."),
    ("Floods destroyed 40 houses in the village of Brenno on Sunday.", "Floods destroyed 400 houses in Brenno."),
    ("Floods destroyed 40 houses in the village of Brenno on Sunday.", "Floods destroyed 40 houses in Brenno."),
    ("Anna Berg met the prime minister in Oslo on Friday.", "The prime minister met Anna Berg on Friday."),
    ("Anna Berg met the prime minister in Oslo on Friday.", "The prime minister met Anna Berg in Bergen."),
    ("Maria Lopez, the trade minister, said the talks with Canada had failed.",
     "The trade minister said the talks with Canada had failed."),
    ("Maria Lopez, the trade minister, said the talks with Canada had failed.",
     "The trade minister said the talks with Mexico had failed."),
    ("The harbour board met again. " * 60 + "It voted to close the bridge.", "The board voted to close the bridge."),
    # a hypothesis longer than the 256 word pieces alone: this pair is cut on both sides, no other pair is
    ("The board voted to close the bridge.", "The harbour board met again and again. " * 50),
]


def _unrounded(verifier: Verifier, pairs) -> list[float]:
    """The probabilities before score() rounds them to 4 places (a last-bit change shows here)."""
    verifier._cache.clear()
    verifier.score(pairs)
    return [verifier._cache[p] for p in pairs]


@pytest.fixture(scope="module")
def loaded():
    return Verifier(bf16=False)


@pytest.mark.parametrize("bf16", [False, True])
def test_a_pair_scores_the_same_alone_and_among_other_pairs(loaded, bf16):
    if bf16 and not native_bf16():
        pytest.skip("no native bfloat16 on this CPU")
    loaded.bf16 = bf16
    try:
        together = _unrounded(loaded, PAIRS)
        backwards = _unrounded(loaded, PAIRS[::-1])[::-1]
        alone = [_unrounded(loaded, [p])[0] for p in PAIRS]
    finally:
        loaded.bf16 = False
    assert together == alone
    assert backwards == alone


def test_repeated_and_cached_pairs_keep_their_scores(loaded):
    first = loaded.score(PAIRS[:4])
    again = loaded.score(PAIRS[3::-1] + PAIRS[:2])
    assert again == first[::-1] + first[:2]
