"""Unit tests of the scale layer: codec, band join, blocking, story ids, the one-article shortcut."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from scale_helpers import make_corpus
from storytrace.outputs.json_report import report_to_dict
from storytrace.streaming.runner import run_into_store
from storytrace.store import codec
from storytrace.model import Story
from storytrace.stories.blocking import SignatureTable, block_corpus, bucket_pairs
from storytrace.stories.ids import assign_story_ids
from storytrace.stories.signature import anchor_terms, from_bytes, signatures_for, to_bytes

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "corpus"


@pytest.fixture(scope="module")
def pipeline():
    from storytrace.config import Config
    from storytrace.pipeline import Pipeline

    return Pipeline(Config(quiet=True))


@pytest.fixture(scope="module")
def example_articles(pipeline):
    from storytrace.model import Article

    articles = [a for a in pipeline.read([EXAMPLES]) if isinstance(a, Article)]
    return [a for a in pipeline.prepare_many(articles) if isinstance(a, Article)]


def test_codec_round_trip_is_exact_on_extracted_articles(example_articles):
    assert any(a.mentions and a.quotes for a in example_articles), "extraction must have filled something"
    for a in example_articles:
        back = codec.unpack_article(codec.pack_article(a))
        assert back == a
        assert codec.pack_article(back) == codec.pack_article(a)  # deterministic bytes


def test_codec_round_trip_of_analysed_stories(pipeline, example_articles):
    stories = pipeline.analyze_articles(example_articles)
    assert any(s.lineage for s in stories)
    for s in stories:
        assert codec.unpack_story(codec.pack_story(s)) == s


def test_band_join_equals_brute_force():
    rng = np.random.default_rng(3)
    keys = rng.integers(0, 40, size=600).astype(np.uint64)
    rows = rng.integers(0, 200, size=600).astype(np.int64)
    got = {tuple(p) for p in bucket_pairs(keys, rows, max_bucket=12).tolist()}
    expected = set()
    for k in np.unique(keys):
        members = rows[keys == k]
        if 2 <= len(members) <= 12:
            expected |= {(min(a, b), max(a, b)) for a in members.tolist() for b in members.tolist() if a != b}
    assert got == expected


def test_blocks_keep_planted_stories_together_and_apart(tmp_path):
    from storytrace.ingest import read_paths
    from storytrace.ingest.clean import clean_article
    from storytrace.model import Article

    make_corpus(tmp_path, 300, words=200, shard=300, seed=5)
    truth = {t["id"]: t for t in map(json.loads, (tmp_path / ".truth.jsonl").read_text().splitlines())}
    articles = [a for a in read_paths([tmp_path]) if isinstance(a, Article)]
    for a in articles:
        clean_article(a)
    table = SignatureTable()
    table.add(signatures_for(articles))
    blocks = block_corpus(table).blocks
    block_of = {i: n for n, b in enumerate(blocks) for i in b}
    versions = [t for t in truth.values() if t["source"]]
    together = sum(block_of[t["id"]] == block_of[t["source"]] for t in versions)
    assert together / len(versions) >= 0.95
    mixed = [b for b in blocks if len({truth[i]["story"] for i in b}) > 1]
    assert len(mixed) <= 0.02 * len(blocks)


def test_examples_form_one_block_for_the_story(example_articles):
    table = SignatureTable()
    table.add(signatures_for(example_articles))
    blocks = block_corpus(table).blocks
    assert any({"copy", "garbled", "independent", "original", "summary", "translation"} <= set(b) for b in blocks)
    assert ["unrelated-satellite"] in blocks and ["unrelated-steel"] in blocks


def test_signature_bytes_round_trip_and_anchor_terms(example_articles):
    sig = signatures_for(example_articles[:1])[0]
    back = from_bytes(sig.id, sig.published, to_bytes(sig))
    assert np.array_equal(back.text, sig.text) and np.array_equal(back.anchors, sig.anchors)
    terms = anchor_terms("The talks in Brussels ended on Tuesday with a $210bn deal, said Catherine Vollmer.")
    assert {"brussels", "catherine", "vollmer", "210bn"} <= set(terms)
    assert "the" not in terms and "tuesday" not in terms


def test_story_ids_inherit_on_growth_and_split():
    grown = [Story(id="story-new", title="", article_ids=["a", "b", "z"])]
    assign_story_ids(grown, previous={"a": "story-old", "b": "story-old"})
    assert grown[0].id == "story-old"

    halves = [Story(id="s1", title="", article_ids=["a"]), Story(id="s2", title="", article_ids=["b", "c"])]
    assign_story_ids(halves, previous={"a": "story-old", "b": "story-old", "c": "story-old"})
    assert halves[1].id == "story-old"  # keeps more of the old members
    assert halves[0].id == "s1"

    clash = [Story(id="story-x", title="", article_ids=["q"])]
    assign_story_ids(clash, taken={"story-x"})
    assert clash[0].id == "story-x-2"


def test_one_article_shortcut_equals_build_stories(pipeline, example_articles):
    from storytrace.stories.build import single_story
    from storytrace.stories.build import build_stories

    for a in example_articles[:3]:
        assert single_story(a) == build_stories([a], pipeline.embedder, pipeline.config)


def test_in_memory_and_store_paths_agree(pipeline, tmp_path, monkeypatch):
    from storytrace.version import __version__
    from storytrace.outputs.from_store import write_from_store

    report = pipeline.run([EXAMPLES])
    run = run_into_store(pipeline, [EXAMPLES], tmp_path / "st.db")
    assert run.articles_extracted == len(report.articles) and not run.errors
    write_from_store(tmp_path / "st.db", tmp_path, __version__, [])
    stored = json.loads((tmp_path / "report.json").read_text())
    assert stored["stories"] == report_to_dict(report)["stories"]

    # Past the full-report limit report.json is streamed from the store: same content.
    from storytrace.outputs import from_store as report_files

    monkeypatch.setattr(report_files, "FULL_REPORT_LIMIT", 2)
    big = tmp_path / "big"
    write_from_store(tmp_path / "st.db", big, __version__, [])
    streamed = json.loads((big / "report.json").read_text())
    assert streamed == stored
    assert (big / "report.html").exists()
    # findings.csv and ClaimReview are written one story at a time there: same files
    assert (big / "findings.csv").read_text() == (tmp_path / "findings.csv").read_text()
    assert (big / "claimreview.jsonld").read_text() == (tmp_path / "claimreview.jsonld").read_text()
    assert len((big / "findings.csv").read_text().splitlines()) > 10


def test_texts_with_nothing_in_a_channel_are_not_alike_in_it():
    """Two articles without names or numbers have identical (empty) anchor signatures: not a match."""
    from storytrace.model import Article
    from storytrace.stories.blocking import BlockingParams, pair_passes

    a, b = signatures_for([Article(id="a", source_path="a", original_text="lower case only here", text="lower case only here"),
                           Article(id="b", source_path="b", original_text="entirely different words", text="entirely different words")])
    assert (a.anchors == b.anchors).all()
    assert not pair_passes(a, b, BlockingParams())
