"""A name or figure that most articles of a window carry is no evidence that two of them tell one story.

Hand-made signatures (no shingles: Jaccard never passes; the two articles of interest meet only by
their document vectors, at a cosine of 0.6, under the cosine-alone bar): the cosine + names rule
(cosine >= 0.55, two or more shared names and figures, at least 35% of the smaller article's)
decides. Two unrelated reports in a dense window both carry the names every article of the
window carries (a year, a capital, a head of state): counted, those alone reach the rule's
containment bar, by chance; left out (``typical_terms``), the two stay apart. Names that two
articles share and few others hold keep their full weight.
"""
from __future__ import annotations

import numpy as np

from storytrace.similarity.minhash import EMPTY
from storytrace.spark import executor
from storytrace.stories.blocking import (
    BlockingParams, SignatureTable, block_corpus, candidate_pairs, pair_passes, typical_terms, verify_pairs,
)
from storytrace.stories.signature import PERMUTATIONS, ArticleSignature, to_bytes

DAY = 739_000
DIM = 256  # unrelated random vectors: cosines ~N(0, 1/256), far under 0.55
COMMON = [11, 12, 13]  # carried by every article of the window (year, capital, head of state)


def unit(x: np.ndarray) -> np.ndarray:
    return x / np.linalg.norm(x, axis=-1, keepdims=True)


def signature(aid: str, vector: np.ndarray, terms: list[int], day: int | None = DAY) -> ArticleSignature:
    return ArticleSignature(
        aid, day, np.full(PERMUTATIONS["text"], EMPTY, dtype=np.uint32),
        np.full(PERMUTATIONS["anchors"], EMPTY, dtype=np.uint32),
        terms=np.array(sorted(set(terms)), dtype=np.uint32), vector=vector.astype(np.float16),
    )


def pair_at(cosine: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    a = unit(rng.normal(size=DIM))
    other = rng.normal(size=DIM)
    other = unit(other - (other @ a) * a)
    return a, unit(cosine * a + np.sqrt(1 - cosine**2) * other)


def own_terms(k: int, n: int) -> list[int]:
    """Names only this article holds."""
    return [1_000_000 + 100 * k + i for i in range(n)]


def corpus(background: int, a_terms: list[int], b_terms: list[int], seed: int = 0, day: int | None = DAY,
           background_day: int | None = DAY) -> list[ArticleSignature]:
    rng = np.random.default_rng(seed)
    va, vb = pair_at(0.6, rng)
    sigs = [signature("a", va, a_terms, day), signature("b", vb, b_terms, day)]
    for k in range(background):
        sigs.append(signature(f"x{k:04d}", unit(rng.normal(size=DIM)), COMMON + own_terms(10 + k, 5), background_day))
    return sigs


def table_of(sigs: list[ArticleSignature]) -> SignatureTable:
    table = SignatureTable()
    table.add(sigs)
    return table


def joined(table: SignatureTable, params: BlockingParams | None = None) -> bool:
    params = params or BlockingParams()
    edges = verify_pairs(table, candidate_pairs(table, params), params)
    a, b = table.ids.index("a"), table.ids.index("b")
    return any(sorted(e) == sorted((a, b)) for e in edges.tolist())


# a and b share only the window's common names: 3 of the smaller's 8 (0.375 >= 0.35)
CHANCE_A = COMMON + own_terms(1, 5)
CHANCE_B = COMMON + own_terms(2, 5)
# a and b share two names nobody else holds, beside the common ones: 2 of 5 once those are left out
STORY_A = COMMON + [501, 502] + own_terms(1, 3)
STORY_B = COMMON + [501, 502] + own_terms(2, 3)


def test_names_every_window_article_carries_do_not_join_two_unrelated_reports():
    table = table_of(corpus(200, CHANCE_A, CHANCE_B))
    assert not joined(table)
    blocks = block_corpus(table).blocks
    assert ["a"] in blocks and ["b"] in blocks


def test_names_of_the_story_still_join_in_a_dense_window():
    table = table_of(corpus(200, STORY_A, STORY_B))
    assert joined(table)
    assert ["a", "b"] in block_corpus(table).blocks


def test_typical_terms_are_those_most_of_the_window_carries():
    table = table_of(corpus(200, STORY_A, STORY_B))
    typical = typical_terms(table, BlockingParams())
    assert all(t.tolist() == COMMON for t in typical)
    # a name in a minority of the window (here 40% of it) is not typical
    sigs = corpus(200, STORY_A, STORY_B)
    for s in sigs[2:82]:
        s.terms = np.array(sorted(set(s.terms.tolist()) | {777}), dtype=np.uint32)
    typical = typical_terms(table_of(sigs), BlockingParams())
    assert all(777 not in t.tolist() for t in typical)


def test_a_sparse_window_counts_every_name_as_before():
    # fewer than min_background articles in the window: nothing is judged typical
    table = table_of(corpus(60, CHANCE_A, CHANCE_B))
    assert not any(len(t) for t in typical_terms(table, BlockingParams()))
    assert joined(table)


def test_typical_is_measured_in_each_article_s_own_window():
    # the common names fill a window 200 days before a and b: in theirs, only a and b carry them
    sigs = corpus(200, CHANCE_A, CHANCE_B, background_day=DAY - 200)
    # a dense window of their own, with other names
    rng = np.random.default_rng(5)
    sigs += [signature(f"y{k:04d}", unit(rng.normal(size=DIM)), own_terms(400 + k, 8)) for k in range(150)]
    table = table_of(sigs)
    typical = typical_terms(table, BlockingParams())
    assert typical[table.ids.index("a")].tolist() == []
    assert typical[table.ids.index("x0000")].tolist() == COMMON
    assert joined(table)  # 3 names that only a and b hold in their window: evidence


def test_undated_articles_weigh_names_over_the_whole_corpus():
    sigs = corpus(200, CHANCE_A, CHANCE_B, day=None)
    table = table_of(sigs)
    assert typical_terms(table, BlockingParams())[table.ids.index("a")].tolist() == COMMON
    assert not joined(table)


def test_the_same_typical_names_whatever_order_the_articles_arrive_in():
    sigs = corpus(200, STORY_A, STORY_B)
    first = table_of(sigs)
    second = table_of(list(reversed(sigs)))
    a = dict(zip(first.ids, (t.tolist() for t in typical_terms(first, BlockingParams()))))
    b = dict(zip(second.ids, (t.tolist() for t in typical_terms(second, BlockingParams()))))
    assert a == b


def test_the_spark_path_uses_the_same_typical_names():
    for a_terms, b_terms, expected in ((CHANCE_A, CHANCE_B, False), (STORY_A, STORY_B, True)):
        sigs = corpus(200, a_terms, b_terms)
        rows = sorted(((s.id, s.published, to_bytes(s)) for s in sigs), key=lambda r: r[0])
        params = BlockingParams()
        _, chance, typical = executor.vector_pair_ids(rows, params)
        assert typical["a"] == COMMON
        by_id = {r[0]: r for r in rows}
        joined_rows = [(*by_id["a"], *by_id["b"])]
        assert (list(executor.verify_rows(joined_rows, params, chance, typical)) == [("a", "b")]) is expected
        # one pair alone, with no corpus measured: every name counts (the rule as it was)
        assert pair_passes(sigs[0], sigs[1], params)
        assert pair_passes(sigs[0], sigs[1], params, typical=(typical["a"], typical["b"])) is expected


def test_leaving_typical_names_out_never_joins_a_pair_the_plain_count_leaves_apart():
    # a carries six names typical of the window that b lacks: plain, 2 shared of b's 6 (0.33, under
    # the bar); without the typical ones, 2 of a's 4 (0.5). Leaving names out only takes evidence away.
    typical6 = [21, 22, 23, 24, 25, 26]
    rng = np.random.default_rng(3)
    va, vb = pair_at(0.6, rng)
    sigs = [signature("a", va, [501, 502] + typical6 + own_terms(1, 2)), signature("b", vb, [501, 502] + own_terms(2, 4))]
    sigs += [signature(f"x{k:04d}", unit(rng.normal(size=DIM)), typical6 + own_terms(10 + k, 5)) for k in range(200)]
    table = table_of(sigs)
    assert typical_terms(table, BlockingParams())[0].tolist() == typical6
    assert not joined(table)
