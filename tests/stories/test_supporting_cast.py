"""Two look-alike events of one protagonist (two title fights of one boxer) differ by the other
people they are told around; a bridging article does not chain them into one story.

Hand-written articles (fiction); the extractor is the real spaCy one.
"""
from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from storytrace.model import Article
from storytrace.similarity.minhash import MinHasher
from storytrace.stories.build import ArticleProfile, PairSignals, cluster
from storytrace.stories.protagonists import cast_differs, protagonists, supporting_cast

PELLEW_FIGHT = (
    "Drazan keeps his title against Pellew\n\n"
    "Viktor Drazan kept his heavyweight title on Saturday, stopping Omar Pellew in the ninth round in Varno. "
    "The challenger had never been knocked down before. Drazan said Pellew was the hardest puncher he had met. "
    "Drazan, 31, will defend the title again in the spring."
)
HURST_FIGHT = (
    "Drazan beats Hurst on points\n\n"
    "Viktor Drazan beat Tomas Hurst on points in Lisk to keep his heavyweight title. "
    "The younger man complained about the judges. Drazan said he would give Hurst a rematch. "
    "Drazan, 31, has now won all of his 28 fights."
)


def article(aid: str, text: str) -> Article:
    return Article(id=aid, source_path=aid, original_text=text, text=text, title=text.split("\n")[0],
                   published=date(2025, 3, 4), language="en")


@pytest.fixture(scope="module")
def fights(extractor) -> dict[str, Article]:
    out = {"pellew": article("pellew", PELLEW_FIGHT), "hurst": article("hurst", HURST_FIGHT)}
    for a in out.values():
        extractor.process(a)
    return out


def test_the_cast_is_the_other_people_named_twice(fights):
    assert protagonists(fights["pellew"]) == {"drazan"}
    assert supporting_cast(fights["pellew"]) == {"pellew"}
    assert supporting_cast(fights["hurst"]) == {"hurst"}


def test_each_told_around_people_the_other_never_names():
    drazan_pellew, drazan_hurst = frozenset({"drazan", "pellew", "varno"}), frozenset({"drazan", "hurst", "lisk"})
    assert cast_differs(frozenset({"pellew"}), drazan_pellew, frozenset({"hurst"}), drazan_hurst)
    # A preview naming both opponents once shares the cast of each fight.
    both = frozenset({"drazan", "pellew", "hurst"})
    assert not cast_differs(frozenset({"pellew"}), drazan_pellew, frozenset({"hurst"}), both)
    # One-sided is not enough: a short report leaves out the spokesman a long one names twice.
    assert not cast_differs(frozenset({"pellew"}), drazan_pellew, frozenset(), frozenset({"drazan"}))


def test_same_protagonist_among_other_people_needs_the_rest_of_the_evidence():
    # Close documents about one boxer, little else shared: one fight if the people agree ...
    pair = dict(embedding=0.64, containment=0.02, names=0.3, quantities=0.0, protagonists="same")
    assert PairSignals(**pair).same_story
    # ... but not when each is told around an opponent the other never names.
    assert not PairSignals(**pair, other_cast=True).same_story
    assert PairSignals(**pair, other_cast=True).another_event


def _profiles(names: dict[str, set[str]], casts: dict[str, set[str]], gram: np.ndarray) -> list[ArticleProfile]:
    ids = list(names)
    vectors = np.linalg.cholesky(gram)  # rows whose dot products are the gram matrix
    signatures, sizes = MinHasher().signatures_and_sizes([f"text of {i} " * 3 + i * 20 for i in ids])
    return [
        ArticleProfile(index=k, id=i, day=date(2025, 3, 4).toordinal(), signature=signatures[k], shingles=int(sizes[k]),
                       vector=vectors[k].astype(np.float32), names=frozenset(names[i]), quantities=frozenset(),
                       protagonists=frozenset({"drazan"}), cast=frozenset(casts[i]))
        for k, i in enumerate(ids)
    ]


def test_a_bridging_article_does_not_chain_the_other_fight_in():
    # Two reports of the Pellew fight, a preview naming both opponents, a report of the Hurst fight.
    names = {"pellew-1": {"drazan", "pellew"}, "pellew-2": {"drazan", "pellew"},
             "preview": {"drazan", "pellew", "hurst"}, "hurst": {"drazan", "hurst"}}
    casts = {"pellew-1": {"pellew"}, "pellew-2": {"pellew"}, "preview": set(), "hurst": {"hurst"}}
    gram = np.array([[1.0, 0.9, 0.8, 0.5], [0.9, 1.0, 0.8, 0.5], [0.8, 0.8, 1.0, 0.7], [0.5, 0.5, 0.7, 1.0]])
    profiles = _profiles(names, casts, gram)
    # Candidates: the two reports, each with the preview, the preview with the Hurst report.
    groups = cluster(profiles, {(0, 1), (0, 2), (1, 2), (2, 3)}, window_days=30)
    assert sorted(sorted(profiles[k].id for k in g) for g in groups) == [["hurst"], ["pellew-1", "pellew-2", "preview"]]
