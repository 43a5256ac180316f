"""A document-vector cosine is evidence only above what chance gives at the corpus's density.

Hand-made signatures (no text, no names: only document vectors meet), so the vector rules decide:
the best of M unrelated articles reaches a higher cosine the larger M is, so in a dense window a
fixed bar ("cosine 0.75", "the 10 nearest") joins unrelated articles by chance; a pair counts only
when its cosine stands out from the article's own background (``chance_cosines``).
"""
from __future__ import annotations

import numpy as np

from storytrace.similarity.minhash import EMPTY
from storytrace.stories.blocking import (
    BlockingParams, SignatureTable, block_corpus, candidate_pairs, chance_cosines, pair_passes, verify_pairs,
)
from storytrace.stories.signature import PERMUTATIONS, ArticleSignature

DAY = 739_000
DIM = 32


def unit(x: np.ndarray) -> np.ndarray:
    return x / np.linalg.norm(x, axis=-1, keepdims=True)


def signature(aid: str, vector: np.ndarray, day: int = DAY) -> ArticleSignature:
    """No shingles, no names or figures: only the document vector can join it to another."""
    return ArticleSignature(
        aid, day, np.full(PERMUTATIONS["text"], EMPTY, dtype=np.uint32), np.full(PERMUTATIONS["anchors"], EMPTY, dtype=np.uint32),
        vector=vector.astype(np.float16),
    )


def pair_at(cosine: float, rng: np.random.Generator, around: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Two unit vectors with this cosine (a version and its translation, say)."""
    a = unit(rng.normal(size=DIM)) if around is None else around
    other = rng.normal(size=DIM)
    other = unit(other - (other @ a) * a)
    return a, unit(cosine * a + np.sqrt(1 - cosine**2) * other)


def dense_background(n: int, rng: np.random.Generator) -> np.ndarray:
    """n articles on one broad topic: cosines ~0.45 +- 0.12 between any two, so a few dozen
    unrelated pairs of 300 articles reach 0.75 and more by chance."""
    topic = unit(np.arange(1, DIM + 1, dtype=np.float64))
    return unit(topic + 0.2 * rng.normal(size=(n, DIM)))


def table_of(sigs: list[ArticleSignature]) -> SignatureTable:
    table = SignatureTable()
    table.add(sigs)
    return table


def test_in_a_dense_window_cosines_that_chance_reaches_join_nothing_and_a_standout_pair_still_does():
    rng = np.random.default_rng(7)
    background = dense_background(300, rng)
    cos = background @ background.T
    assert (cos[np.triu_indices(300, 1)] >= BlockingParams().cosine_alone).sum() > 20  # chance passes the fixed bar
    a, b = pair_at(0.97, rng)
    sigs = [signature(f"bg{k:03d}", v) for k, v in enumerate(background)] + [signature("version", a), signature("translation", b)]
    blocks = block_corpus(table_of(sigs)).blocks
    assert ["translation", "version"] in blocks
    assert all(len(block) == 1 for block in blocks if "version" not in block)


def test_the_same_cosine_against_a_sparse_background_is_evidence():
    rng = np.random.default_rng(7)
    background = unit(rng.normal(size=(300, DIM)))  # unrelated topics: cosines ~0 +- 0.18
    a, b = pair_at(0.78, rng)
    sigs = [signature(f"bg{k:03d}", v) for k, v in enumerate(background)] + [signature("version", a), signature("rewrite", b)]
    assert ["rewrite", "version"] in block_corpus(table_of(sigs)).blocks


def test_the_chance_bar_rises_with_the_number_of_articles_in_the_window():
    rng = np.random.default_rng(3)
    background = dense_background(2000, rng)
    small = chance_cosines(table_of([signature(f"a{k:04d}", v) for k, v in enumerate(background[:200])]), BlockingParams())
    large = chance_cosines(table_of([signature(f"a{k:04d}", v) for k, v in enumerate(background)]), BlockingParams())
    assert np.median(large) > np.median(small) > BlockingParams().cosine_alone


def test_articles_outside_the_window_are_not_its_background():
    rng = np.random.default_rng(5)
    background = dense_background(300, rng)
    a, b = pair_at(0.8, rng)
    # the dense topic ran a year earlier: this week's two articles have no background to beat
    sigs = [signature(f"bg{k:03d}", v, DAY - 365) for k, v in enumerate(background)]
    sigs += [signature("version", a), signature("rewrite", b)]
    table = table_of(sigs)
    chance = chance_cosines(table, BlockingParams())
    assert np.isinf(chance[table.ids.index("version")]) and np.isfinite(chance[0])
    assert ["rewrite", "version"] in block_corpus(table).blocks


def test_too_few_articles_to_estimate_chance_keep_the_fixed_bars():
    rng = np.random.default_rng(7)
    background = dense_background(300, rng)
    a, b = pair_at(0.8, rng, around=background[0])
    small = [signature(f"bg{k:03d}", v) for k, v in enumerate(background[:20])] + [signature("rewrite", b)]
    assert np.all(np.isinf(chance_cosines(table_of(small), BlockingParams())))
    assert any({"bg000", "rewrite"} <= set(block) for block in block_corpus(table_of(small)).blocks)


def test_one_pair_with_its_chance_bars_decides_as_the_table_does():
    """The Spark job verifies joined rows with pair_passes and the articles' chance bars."""
    rng = np.random.default_rng(7)
    background = dense_background(300, rng)
    a, b = pair_at(0.97, rng)
    sigs = sorted([signature(f"bg{k:03d}", v) for k, v in enumerate(background)] + [signature("version", a), signature("translation", b)],
                  key=lambda s: s.id)
    table = table_of(sigs)
    params = BlockingParams()
    chance = chance_cosines(table, params)
    pairs = candidate_pairs(table, params)
    kept = {tuple(p) for p in verify_pairs(table, pairs, params).tolist()}
    assert len(kept) == 1
    for i, j in pairs.tolist():
        assert ((i, j) in kept) == pair_passes(sigs[i], sigs[j], params, (chance[i], chance[j]))
    # without its corpus, one pair has no chance bar: the fixed bars alone pass chance pairs
    assert sum(pair_passes(sigs[i], sigs[j], params) for i, j in pairs.tolist()) > 1


def test_shared_names_and_figures_keep_their_fixed_bar_in_a_dense_window():
    """Names and figures in common are evidence that chance in the vectors does not give: two of
    300 look-alike articles at cosine ~0.7 (under both their chance bars) that share 3 of their 8
    names meet; without the names they stay apart."""
    rng = np.random.default_rng(7)
    background = dense_background(302, rng)
    cos = background @ background.T
    i, j = next((i, j) for i, j in zip(*np.triu_indices(302, 1)) if 0.68 <= cos[i, j] <= 0.72)
    names = np.arange(1, 14, dtype=np.uint32) * 7919  # 13 distinct name hashes; the two share 3
    sigs = [signature(f"bg{k:03d}", v) for k, v in enumerate(background)]
    table = table_of(sigs)
    assert chance_cosines(table, BlockingParams())[[i, j]].min() > cos[i, j]
    assert not any({f"bg{i:03d}", f"bg{j:03d}"} <= set(b) for b in block_corpus(table).blocks)
    sigs[i].terms, sigs[j].terms = np.sort(names[:8]), np.sort(names[5:])
    assert any({f"bg{i:03d}", f"bg{j:03d}"} <= set(b) for b in block_corpus(table_of(sigs)).blocks)


def test_the_stories_own_versions_do_not_raise_its_chance_bar():
    """The background is the window's unrelated articles: 30 close versions of one big story among
    400 unrelated articles must not lift that story's bar above a translation's cosine."""
    rng = np.random.default_rng(11)
    unrelated = unit(rng.normal(size=(400, DIM)))
    version, translation = pair_at(0.8, rng)
    copies = unit(version + 0.3 * rng.normal(size=(30, DIM)) / np.sqrt(DIM))
    sigs = [signature(f"bg{k:03d}", v) for k, v in enumerate(unrelated)]
    sigs += [signature(f"copy{k:02d}", v) for k, v in enumerate(copies)]
    sigs += [signature("version", version), signature("translation", translation)]
    table = table_of(sigs)
    assert chance_cosines(table, BlockingParams())[table.ids.index("version")] < 0.8
    story = next(b for b in block_corpus(table).blocks if "version" in b)
    assert "translation" in story and len(story) == 32


def _measured_rows(monkeypatch) -> list[int]:
    """How many rows the window scan takes a median and a MAD of (two nanmedian calls a chunk)."""
    rows: list[int] = []
    median = np.nanmedian

    def counting(a, *args, **kwargs):
        rows.append(len(a))
        return median(a, *args, **kwargs)

    monkeypatch.setattr(np, "nanmedian", counting)
    return rows


def _near_rows(sigs: list[ArticleSignature], bar: float) -> set[int]:
    """Rows with another article (all in one window here) at ``bar`` or more, by brute force."""
    mat = np.stack([s.vector for s in sigs]).astype(np.float32)
    cos = mat @ mat.T
    np.fill_diagonal(cos, -1.0)
    return set(np.flatnonzero(cos.max(axis=1) >= bar).tolist())


def test_blocking_measures_the_background_only_of_articles_whose_bar_can_decide_a_pair(monkeypatch):
    """The bar is read by the cosine-alone rule only, which needs a cosine of cosine_alone anyway: an
    article none of whose window articles comes that close never needs its median and MAD (the
    costly part of the chance bar)."""
    rng = np.random.default_rng(7)
    unrelated = unit(rng.normal(size=(300, DIM)))
    a, b = pair_at(0.97, rng)
    c, d = pair_at(0.76, rng)
    sigs = [signature(f"bg{k:03d}", v) for k, v in enumerate(unrelated)]
    sigs += [signature("version", a), signature("translation", b), signature("rewrite", c), signature("copy", d)]
    table = table_of(sigs)
    params = BlockingParams()
    near = _near_rows(sigs, params.cosine_alone - 0.001)
    assert near == {table.ids.index(i) for i in ("version", "translation", "rewrite", "copy")}
    measured = _measured_rows(monkeypatch)
    blocks = block_corpus(table, params).blocks
    assert sum(measured) == 2 * len(near)  # a median and a MAD for each of the four
    assert ["translation", "version"] in blocks and ["copy", "rewrite"] in blocks
    bars = chance_cosines(table, params, deciding_only=True)
    assert set(np.flatnonzero(np.isfinite(bars)).tolist()) == near
    full = chance_cosines(table_of(sigs), params)
    assert np.array_equal(bars[list(near)], full[list(near)]) and np.isfinite(full).all()


def test_the_bars_blocking_reads_decide_every_pair_as_all_the_bars_do():
    """deciding_only changes no pair's fate: dense and sparse windows, cosines around cosine_alone,
    dated and undated articles."""
    params = BlockingParams()
    for seed in range(4):
        rng = np.random.default_rng(seed)
        background = dense_background(260, rng) if seed % 2 else unit(rng.normal(size=(260, DIM)))
        sigs = [signature(f"bg{k:03d}", v, DAY + int(rng.integers(0, 90)) if k % 7 else None) for k, v in enumerate(background)]
        for n, cosine in enumerate((0.74, 0.749, 0.75, 0.751, 0.8, 0.9, 0.99)):
            a, b = pair_at(cosine, rng, around=background[int(rng.integers(0, 260))] if n % 2 else None)
            sigs += [signature(f"p{n}a", a, DAY + 30), signature(f"p{n}b", b, DAY + 31 if n % 3 else None)]
        deciding = table_of(sigs)
        pairs = candidate_pairs(deciding, params)  # its scan keeps the deciding bars only
        everything = table_of(sigs)
        chance_cosines(everything, params)  # all the bars, kept on the table: verify_pairs reads them
        assert deciding._chance[1] and not everything._chance[1]
        assert np.array_equal(verify_pairs(everything, pairs, params), verify_pairs(deciding, pairs, params))


def test_the_chance_bars_and_the_blocks_do_not_depend_on_the_order_articles_arrive_in():
    """An article's bar is measured on the set of its window articles, whichever order they came in
    and however the scan's chunks fall (rows are scanned in date order, ties by arrival)."""
    rng = np.random.default_rng(13)
    background = dense_background(400, rng)
    sigs = [signature(f"bg{k:03d}", v, DAY + int(rng.integers(0, 120)) if k % 9 else None) for k, v in enumerate(background)]
    for n, cosine in enumerate((0.76, 0.8, 0.9, 0.97)):
        a, b = pair_at(cosine, rng)
        sigs += [signature(f"p{n}a", a, DAY + 60), signature(f"p{n}b", b, DAY + 61)]
    params = BlockingParams()
    reference = table_of(sigs)
    bars = dict(zip(reference.ids, chance_cosines(reference, params)))
    blocks = sorted(map(sorted, block_corpus(reference, params).blocks))
    for seed in range(3):
        shuffled = [sigs[i] for i in np.random.default_rng(seed).permutation(len(sigs))]
        for chunk in (64, 1024):
            table = table_of(shuffled)
            assert dict(zip(table.ids, chance_cosines(table, params, chunk=chunk))) == bars
        assert sorted(map(sorted, block_corpus(table_of(shuffled), params).blocks)) == blocks
