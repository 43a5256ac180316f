"""Two reports of one robbery give figures of different kinds: one the loot ("jewels worth $40 million"),
the other the gang ("three gunmen"). A sum of money and a count of people neither agree nor differ, so
their figures are not compared (no "few figures in common": the figures veto is for reports giving the
same kind of figure, the loot, and giving different ones). Figures of a kind both give are compared as
before, whatever other kinds either adds.

Hand-written reports; the figures are given as the extractor keys them (stories.build._quantity_keys).
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import numpy as np
import pytest

from storytrace.stories.build import signals

from article_helpers import sentences_article
from profile_helpers import profile

LOOT = ["Masked robbers stole jewels worth $40 million from the Lorvane jewellery house in Geneva on Thursday.",
        "The Lorvane store on the Quai Kessler was closed on Friday while police searched for the thieves."]
GANG = ["Three gunmen, two of them dressed as women, raided the Lorvane jewellers in central Geneva.",
        "They fled on foot along the Quai Kessler, Geneva police said."]


def _pair(loot_figures: set[str], gang_figures: set[str]):
    a = sentences_article("loot", LOOT, date(2026, 3, 5))
    b = sentences_article("gang", GANG, date(2026, 3, 5))
    cosine = 0.75
    pa = profile(0, a, np.array([1.0, 0.0, 0.0]))
    pb = profile(1, b, np.array([cosine, (1 - cosine ** 2) ** 0.5, 0.0]))
    names = frozenset({"lorvane", "geneva", "quai", "kessler"})
    return (replace(pa, names=names, quantities=frozenset(loot_figures)),
            replace(pb, names=names, quantities=frozenset(gang_figures)))


@pytest.mark.xfail(strict=True, reason="stories28 fd85c9c (figures of no kind in common not compared) merged a "
                   "second confirm topic (B3 P 0.991 -> 0.984, topics merged 0.13 -> 0.20): taken back")
def test_a_sum_and_a_count_are_not_compared():
    s = signals(*_pair({"4e+07USD"}, {"3#", "2#"}))
    assert s.quantities is None
    assert s.same_story


def test_two_sums_that_differ_are_another_event():
    s = signals(*_pair({"4e+07USD"}, {"9e+06USD"}))
    assert s.quantities == 0.0
    assert not s.same_story


def test_a_kind_both_give_is_compared_whatever_else_either_gives():
    s = signals(*_pair({"4e+07USD", "3#"}, {"5#", "1.2e+06EUR"}))
    assert s.quantities == 0.0
    assert not s.same_story
