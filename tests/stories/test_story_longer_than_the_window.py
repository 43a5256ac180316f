"""A story followed for longer than the story window: a charge, a hearing three weeks later, the verdict
three weeks after that. The reports of the charge and of the verdict are six weeks apart, so they are never
compared; the hearing's reports agree with both. When the group of the charge (with the hearing) and the
group of the verdict meet, the chaining guard's average linkage must be over the cross pairs that can be
compared: pairs beyond the window are no evidence either way, not evidence of another event.

Profiles of hand-written reports (fiction), reduced to their names, figures and set document vectors.
"""
from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from storytrace.similarity.minhash import MinHasher
from storytrace.stories.build import ArticleProfile, cluster

START = date(2025, 3, 4)
# Fraud case of Edda Vorn (invented): who each report names, what figures, on which day.
REPORTS = {
    # "Vorn charged over 4 million missing at Kessel Bank"
    "charge-1": ({"vorn", "edda", "kessel", "bank"}, {"4million"}, 0),
    "charge-2": ({"vorn", "kessel", "bank", "prosecutors"}, {"4million"}, 1),
    "hearing": ({"vorn", "kessel", "bank", "court"}, {"4million", "2#"}, 21),  # "Vorn denies fraud at a hearing"
    "verdict-1": ({"vorn", "edda", "court", "kessel"}, {"4million", "6years"}, 42),  # "Vorn jailed for 6 years"
    "verdict-2": ({"vorn", "court", "kessel", "bank"}, {"4million", "6years"}, 43),
}


def profiles(cosines: np.ndarray) -> list[ArticleProfile]:
    vectors = np.linalg.cholesky(cosines)  # rows whose dot products are the given cosines
    ids = list(REPORTS)
    signatures, sizes = MinHasher().signatures_and_sizes([f"report {i} " * 3 + i * 20 for i in ids])
    return [
        ArticleProfile(index=k, id=i, day=(START + timedelta(days=REPORTS[i][2])).toordinal(),
                       signature=signatures[k], shingles=int(sizes[k]), vector=vectors[k].astype(np.float32),
                       names=frozenset(REPORTS[i][0]), quantities=frozenset(REPORTS[i][1]),
                       protagonists=frozenset({"vorn"}))
        for k, i in enumerate(ids)
    ]


# charge, charge, hearing, verdict, verdict: each report close to the reports of its stage and the next
COSINES = np.array([
    [1.0, 0.9, 0.75, 0.6, 0.6],
    [0.9, 1.0, 0.75, 0.6, 0.6],
    [0.75, 0.75, 1.0, 0.75, 0.75],
    [0.6, 0.6, 0.75, 1.0, 0.9],
    [0.6, 0.6, 0.75, 0.9, 1.0],
])
ALL_PAIRS = {(i, j) for i in range(5) for j in range(i + 1, 5)}


def stories(found: list[list[int]], ps: list[ArticleProfile]) -> list[list[str]]:
    return sorted(sorted(ps[k].id for k in g) for g in found)


def test_the_charge_the_hearing_and_the_verdict_are_one_story():
    ps = profiles(COSINES)
    assert stories(cluster(ps, ALL_PAIRS, window_days=30), ps) == [list(sorted(REPORTS))]


def test_reports_beyond_the_window_still_never_join_alone():
    ps = profiles(COSINES)
    # without the hearing's report nothing links the charge to the verdict
    pairs = {(i, j) for i, j in ALL_PAIRS if 2 not in (i, j)}
    assert stories(cluster(ps, pairs, window_days=30), ps) == [
        ["charge-1", "charge-2"], ["hearing"], ["verdict-1", "verdict-2"]]
