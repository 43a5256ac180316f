"""A group's meaning checks (findings/meaning.py) are encoded in one batch before its findings.

Asked pair by pair, the meaning signal's texts ("the claim without the word") came a few at a time,
each length a model call of its own: several times the cost of a sentence in a big batch. A worker now
aligns every block of its group, encodes all the texts their findings will ask for at once, and only
then detects; the findings ask the encoder for nothing new, and are the findings of each block
analysed alone (a vector depends on its text only)."""
from __future__ import annotations

import copy
import datetime

import pytest

from storytrace.config import Config
from storytrace.model import Article
from storytrace.outputs.json_report import story_to_dict
from storytrace.pipeline import Pipeline, analyze_block, finish_block, prefetch_meaning, prepare_block

# Two stories, each a report and a version that slips in a word changing what a sentence claims.
HIKERS = (
    "Two hikers rescued in the northern forest\n\n"
    "Two hikers were found in the forest on Sunday, the mountain rescue service said. "
    "They had been missing since Friday evening after a storm cut the trail.\n\n"
    "A helicopter carried both to the hospital in Veldon, where doctors examined them."
)
HIKERS_VERSION = HIKERS.replace("Two hikers were found in the forest", "Two hikers were found injured in the forest")
LAB = (
    "Institute publishes study of damaged cells\n\n"
    "Researchers studied DNA in the damaged cells of mice, the Varno institute said on Monday. "
    "The study took four years and was paid for by a national grant.\n\n"
    "The team will present its results at a conference in Lisbon in May."
)
LAB_VERSION = LAB.replace("Researchers studied DNA in the damaged cells", "Researchers studied DNA repair in the damaged cells")


def _blocks() -> list[list[Article]]:
    from storytrace.ingest.clean import clean_article

    blocks = []
    for prefix, first, second in (("h", HIKERS, HIKERS_VERSION), ("l", LAB, LAB_VERSION)):
        block = []
        for n, (text, day) in enumerate(((first, 7), (second, 9))):
            a = Article(id=f"{prefix}{n}", source_path="", original_text=text, published=datetime.date(2024, 5, day))
            clean_article(a)
            block.append(a)
        blocks.append(block)
    return blocks


@pytest.mark.slow
def test_a_groups_meaning_texts_are_encoded_in_one_batch_and_move_no_finding():
    engine = Pipeline(Config(quiet=True))
    blocks = _blocks()
    for block in blocks:
        for a in block:
            engine.extractor.process(a)
    prepared = [prepare_block(block, engine, previous={}, taken=set()) for block in blocks]
    assert all(len(p.stories) == 1 and p.stories[0].lineage for p in prepared), "each block: one story of two"
    calls: list[list[str]] = []
    real = engine.embedder._encode_uncached
    engine.embedder._encode_uncached = lambda texts: calls.append(list(texts)) or real(texts)
    prefetch_meaning(prepared, engine)
    assert len(calls) == 1, "one batch for the whole group"
    batched = [finish_block(p, engine) for p in prepared]
    assert len(calls) == 1, "the findings asked the encoder for nothing new"
    added = {f.derived_value for stories in batched for s in stories for f in s.findings if f.type == "unsupported_addition"}
    assert {"injured", "repair"} <= added, "the test needs meaning checks that fire"
    # each block alone, by a fresh engine, its checks encoded pair by pair (no prefetch): the same findings
    for block, stories in zip(_blocks(), batched):
        fresh = Pipeline(Config(quiet=True))
        for a in block:
            fresh.extractor.process(a)
        alone = finish_block(prepare_block(copy.deepcopy(block), fresh, previous={}, taken=set()), fresh)
        assert [story_to_dict(s) for s in alone] == [story_to_dict(s) for s in stories]
        assert [story_to_dict(s) for s in analyze_block(copy.deepcopy(block), fresh, previous={}, taken=set())] \
            == [story_to_dict(s) for s in stories]
