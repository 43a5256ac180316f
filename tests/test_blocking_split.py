"""Oversized blocks: a chain of look-alike stories is cut at its weak links, never inside a story."""
from __future__ import annotations

import random

import numpy as np

from storytrace.model import Article
from storytrace.scale.blocking import BlockingParams, SignatureTable, block_corpus, split_block
from storytrace.scale.signature import CHANNELS, signatures_for

# lower-case words without digits: not anchors (names and numbers), only text
VOCAB = ["".join(random.Random(i).choices("abcdefghijklmnopqrstuvwxyz", k=7)) for i in range(5000)]


def _chained_corpus(stories: int = 12, copies: int = 3, seed: int = 3) -> tuple[list[Article], dict[str, int]]:
    """Each story: its own words and ten names, told in near-copies (2% of words changed). Story k
    shares eight of its names with story k+1 (the same officials in look-alike reports): enough to
    chain neighbouring stories at the default threshold, weaker than any link inside a story."""
    rng = random.Random(seed)
    names = ["N" + "".join(random.Random(-i).choices("aeioulmnrst", k=6)) for i in range(2 * stories + 10)]
    articles, truth = [], {}
    for k in range(stories):
        base = [rng.choice(VOCAB) for _ in range(300)] + names[2 * k : 2 * k + 10]
        for c in range(copies):
            words = [rng.choice(VOCAB) if c and rng.random() < 0.02 and not w[0].isupper() else w for w in base]
            aid = f"s{k:02d}-v{c}"
            articles.append(Article(id=aid, source_path=aid, original_text=" ".join(words), text=" ".join(words)))
            truth[aid] = k
    return articles, truth


def test_a_chain_of_stories_is_cut_into_its_stories():
    articles, truth = _chained_corpus()
    table = SignatureTable()
    table.add(signatures_for(articles))
    whole = block_corpus(table, BlockingParams(max_block=10_000)).blocks
    assert len(whole) == 1, "the corpus must chain into one block for this test to mean anything"

    blocks = block_corpus(table, BlockingParams(max_block=10)).blocks
    assert len(blocks) > 1 and all(len(b) <= 10 for b in blocks)
    block_of = {i: n for n, b in enumerate(blocks) for i in b}
    for k in range(12):  # cut only between stories: each story's versions stay together
        assert len({block_of[f"s{k:02d}-v{c}"] for c in range(3)}) == 1

    # a cap of 3 leaves exactly the stories (the links inside a story are the strongest)
    blocks = block_corpus(table, BlockingParams(max_block=3)).blocks
    assert sorted(blocks) == sorted(sorted(a for a in truth if truth[a] == k) for k in range(12))


def test_split_block_keeps_small_blocks_and_unsplittable_pieces_whole():
    articles, _ = _chained_corpus(stories=2)
    sigs = signatures_for(articles)
    mats = {c: np.stack([s.channel(c) for s in sigs]) for c in CHANNELS}
    published = np.full(len(sigs), -1, dtype=np.int64)
    ids = [s.id for s in sigs]
    assert split_block(ids, mats, published, BlockingParams(max_block=10)) == [sorted(ids)]
    # three identical texts cannot be cut at any threshold: the piece stays whole, however small the cap
    same = {c: np.repeat(mats[c][:1], 3, axis=0) for c in CHANNELS}
    assert split_block(["a", "b", "c"], same, published[:3], BlockingParams(max_block=1)) == [["a", "b", "c"]]


def test_texts_with_nothing_in_a_channel_are_not_alike_in_it():
    from storytrace.scale.blocking import pair_passes

    a, b = signatures_for([Article(id="a", source_path="a", original_text="lower case only here", text="lower case only here"),
                           Article(id="b", source_path="b", original_text="entirely different words", text="entirely different words")])
    assert not pair_passes(a, b, BlockingParams())  # both anchor channels are empty: no match there
