"""The shipped verifier: loads offline from the package, fits the size limit, judges meaning."""
from __future__ import annotations

import pytest

from storytrace.verifier import Verifier, default_weights


@pytest.fixture(scope="module")
def verifier():
    return Verifier()


def test_shipped_weights_are_in_the_package_with_a_model_card_and_fit_60_mb():
    weights = default_weights()
    total = sum(p.stat().st_size for p in weights.iterdir())
    assert (weights / "model.safetensors").is_file() and total <= 60 * 1024 * 1024
    assert (weights.parent / "MODEL_CARD.md").is_file()


@pytest.mark.parametrize("premise, entailed, contradicted", [
    ("The city council voted on Tuesday to close the old harbour bridge for repairs until June.",
     "The council voted to close the harbour bridge for repairs.",
     "The council voted to keep the harbour bridge open."),
    ("Maria Lopez, the trade minister, said the talks with Canada had failed.",
     "The trade minister said the talks with Canada had failed.",
     "The trade minister said the talks with Canada had succeeded."),
    ("Floods destroyed 40 houses in the village of Brenno on Sunday.",
     "Floods destroyed houses in Brenno.",
     "Floods destroyed 400 houses in Brenno."),
    ("Anna Berg met the prime minister in Oslo on Friday.",
     "The prime minister met Anna Berg on Friday.",
     "The prime minister met Anna Berg in Stockholm on Friday."),
])
def test_an_entailed_sentence_scores_above_a_contradicted_one(verifier, premise, entailed, contradicted):
    supported, unsupported = verifier.score([(premise, entailed), (premise, contradicted)])
    assert supported > unsupported


def test_on_clear_cases_the_shipped_model_decides_on_its_own_side_of_one_half(verifier):
    premise = "The city council voted on Tuesday to close the old harbour bridge for repairs until June."
    kept, flipped, invented = verifier.score([
        (premise, "The council voted to close the harbour bridge for repairs."),
        (premise, "The council voted to keep the harbour bridge open."),
        (premise, "The mayor resigned after the vote, his office said.")])
    assert kept > 0.5 > max(flipped, invented)
