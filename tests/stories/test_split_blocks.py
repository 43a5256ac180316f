"""Blocks stay small at scale: a component of verified pairs above ``max_block`` is cut at its weakest
links (split_block), without cutting a story that is verified all over.

Synthetic signatures: each group's members are copies of one random MinHash signature with a
fifth of the slots changed (pairwise Jaccard ~0.64 in both channels: verified, not firm); two groups
meet only through a pair of document vectors at cosine 0.76 (verified by the vector alone).
"""
from __future__ import annotations

import random
from dataclasses import replace

import numpy as np

from storytrace.stories.blocking import (
    BlockingParams,
    SignatureTable,
    block_corpus,
    pair_strength,
    split_block,
)
from storytrace.stories.signature import PERMUTATIONS, ArticleSignature

DAY = 739000


def group(name: str, size: int, seed: int, changed: float = 0.2) -> list[ArticleSignature]:
    rng = np.random.default_rng(seed)
    bases = {c: rng.integers(0, 2**32 - 2, PERMUTATIONS[c], dtype=np.uint32) for c in ("text", "anchors")}
    out = []
    for k in range(size):
        chans = {}
        for c, base in bases.items():
            sig = base.copy()
            slots = rng.random(len(sig)) < changed
            sig[slots] = rng.integers(0, 2**32 - 2, int(slots.sum()), dtype=np.uint32)
            chans[c] = sig
        out.append(ArticleSignature(f"{name}{k:02d}", DAY + k, chans["text"], chans["anchors"]))
    return out


def with_vector(sig: ArticleSignature, vector: np.ndarray) -> ArticleSignature:
    return replace(sig, vector=np.asarray(vector, dtype=np.float16))


def chained(a: list[ArticleSignature], b: list[ArticleSignature]) -> list[ArticleSignature]:
    """The last member of each group gets a document vector, the two at cosine 0.76."""
    angle = np.arccos(0.76)
    a[-1] = with_vector(a[-1], [1.0, 0.0])
    b[-1] = with_vector(b[-1], [np.cos(angle), np.sin(angle)])
    return a + b


def blocks(sigs: list[ArticleSignature], params: BlockingParams) -> list[list[str]]:
    table = SignatureTable()
    table.add(sigs)
    return block_corpus(table, params).blocks


def test_two_groups_joined_by_one_weak_pair_are_two_blocks_above_the_cap():
    sigs = chained(group("a", 6, 1), group("b", 6, 2))
    ids_a, ids_b = sorted(s.id for s in sigs[:6]), sorted(s.id for s in sigs[6:])
    # under the cap the component stays whole (build_stories decides inside it)
    assert blocks(sigs, BlockingParams()) == [ids_a + ids_b]
    assert blocks(sigs, BlockingParams(max_block=8)) == [ids_a, ids_b]


def test_the_cut_does_not_depend_on_the_order_articles_arrive_in():
    sigs = chained(group("a", 6, 1), group("b", 6, 2)) + group("c", 5, 3)
    params = BlockingParams(max_block=8)
    expected = blocks(sigs, params)
    for seed in range(3):
        shuffled = sigs[:]
        random.Random(seed).shuffle(shuffled)
        assert blocks(shuffled, params) == expected


def test_one_group_above_the_cap_verified_all_over_stays_one_block():
    sigs = group("a", 12, 4)
    table = SignatureTable()
    table.add(sigs)
    result = block_corpus(table, BlockingParams(max_block=5))
    assert result.verified_pairs == 66  # every pair verified, none firm (strength 3-4 of 8)
    assert result.blocks == [sorted(s.id for s in sigs)]


def test_pair_strength_counts_agreeing_signals():
    sigs = chained(group("a", 3, 5), group("b", 3, 6))
    table = SignatureTable()
    table.add(sigs)
    inside, chain = np.array([[0, 1]]), np.array([[2, 5]])
    # two MinHash channels near 0.64 (over their bars 0.2 and 0.4): 2 + ~1.6; the chain pair: the vector only
    assert 3.0 < pair_strength(table, inside, BlockingParams())[0] < 4.0
    assert abs(pair_strength(table, chain, BlockingParams())[0] - 0.76 / 0.75) < 0.01


def edges_of(pairs):
    return np.array(sorted(tuple(sorted(p)) for p in pairs), dtype=np.int64).reshape(-1, 2)


def test_a_version_held_by_one_weak_pair_stays_with_its_story():
    # rows 0-3: a story verified all over (strength 4); row 4: its translation, one weak pair to row 0;
    # rows 5-8: another story, reached from row 3 by one weak pair (1.1) that is stronger than the
    # translation's (1.05)
    story = [(i, j) for i in range(4) for j in range(i + 1, 4)]
    other = [(i, j) for i in range(5, 9) for j in range(i + 1, 9)]
    edges = edges_of(story + other + [(0, 4), (3, 5)])
    strength = np.array([{(0, 4): 1.05, (3, 5): 1.1}.get(tuple(e), 4.0) for e in edges.tolist()])
    parts = split_block([f"r{i}" for i in range(9)], edges, strength, BlockingParams(max_block=6))
    assert parts == [[0, 1, 2, 3, 4], [5, 6, 7, 8]]


def test_firm_pairs_are_never_cut():
    # a chain of near-copies (strength 7) longer than the cap, and a weak pair to a second group
    chain = [(i, i + 1) for i in range(7)]
    other = [(8, 9), (9, 10), (8, 10)]
    edges = edges_of(chain + other + [(7, 8)])
    strength = np.array([1.2 if tuple(e) == (7, 8) else (7.0 if e[0] < 7 else 3.0) for e in edges.tolist()])
    parts = split_block([f"r{i:02d}" for i in range(11)], edges, strength, BlockingParams(max_block=5))
    assert parts == [list(range(8)), [8, 9, 10]]


def test_a_long_chain_of_small_stories_is_cut_into_parts_under_the_cap_with_each_story_whole():
    # percolation: 12 stories of 3 versions (verified all over, strength 3.5-4) chained by one
    # cross-story pair each (strengths 1.1-1.9, all different)
    stories = [[3 * k, 3 * k + 1, 3 * k + 2] for k in range(12)]
    inside = [(s[i], s[j]) for s in stories for i in range(3) for j in range(i + 1, 3)]
    links = [(stories[k][2], stories[k + 1][0]) for k in range(11)]
    edges = edges_of(inside + links)
    weak = {link: 1.1 + 0.07 * k for k, link in enumerate(links)}
    strength = np.array([weak.get(tuple(e), 3.5 + 0.01 * e[0]) for e in edges.tolist()])
    parts = split_block([f"r{i:02d}" for i in range(36)], edges, strength, BlockingParams(max_block=10))
    assert sorted(r for p in parts for r in p) == list(range(36))
    assert max(len(p) for p in parts) <= 10
    part_of = {r: n for n, p in enumerate(parts) for r in p}
    assert all(len({part_of[r] for r in s}) == 1 for s in stories)
