"""A worker hands the memory its previous group freed back to the system before the next group:
glibc keeps freed heap pages mapped, so without a trim a worker's resident size only grows."""
from __future__ import annotations

import platform
import sys

import pytest

from storytrace.streaming.memory import release_freed_memory


def _rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as f:
        return int(f.read().split()[1]) * 4096 / 2**20


@pytest.mark.skipif(not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc", reason="glibc's malloc")
def test_freed_heap_pages_go_back_to_the_system():
    release_freed_memory()
    before = _rss_mb()
    blocks = [bytes(3000) + str(i).encode() for i in range(60_000)]  # ~180 MB of malloc'ed blocks
    kept = blocks[::50]  # a few survivors scattered over the heap keep it from shrinking by itself
    del blocks
    freed = _rss_mb()
    assert freed - before > 100, "the freed blocks stay resident until trimmed"
    assert release_freed_memory()
    assert _rss_mb() - before < 0.5 * (freed - before)
    assert len(kept) == 1200


def test_the_parent_drops_its_reading_models_and_gets_the_same_answers_after():
    """With workers, the parent only blocks and saves once it has read and signed everything: its
    language identifier and document encoder go while the workers are at their largest."""
    import numpy as np

    from storytrace.nlp import language
    from storytrace.similarity import docvec
    from storytrace.streaming.runner import _release_reading_models

    sentence = "The harbour council voted on Tuesday to close the old bridge for nine weeks of repairs."
    said, vector = language.identify_language(sentence), docvec.encode_documents([sentence])[0]
    _release_reading_models()
    assert language._identifier is None and docvec.encoder.cache_info().currsize == 0
    docvec.clear_document_cache()
    assert language.identify_language(sentence) == said == "en"
    assert np.array_equal(docvec.encode_documents([sentence])[0], vector)


def test_a_worker_freezes_its_models_once_both_are_loaded_and_later_garbage_is_still_collected(monkeypatch):
    """The loaded models are put out of the cycle collector's reach once, when both are loaded (a
    replacement worker loads them in its first group); cycles made later are still collected."""
    import gc
    import weakref

    from storytrace.config import Config
    from storytrace.pipeline import Pipeline
    from storytrace.streaming import workers

    monkeypatch.setattr(workers, "_WORKER", {})
    models = Pipeline(Config(quiet=True))
    try:
        assert not workers.freeze_loaded_models(models), "nothing loaded yet: nothing to freeze"
        models.extractor  # noqa: B018
        assert not workers.freeze_loaded_models(models), "the sentence encoder is not loaded yet"
        assert gc.get_freeze_count() == 0
        models.embedder.model  # noqa: B018
        assert workers.freeze_loaded_models(models)
        frozen = gc.get_freeze_count()
        assert frozen > 100_000, "spaCy's and MiniLM's objects"
        # Spy on gc.freeze rather than compare freeze counts: another test's background analysis
        # thread may still be loading a model (model_loads freezes after its loads) while this runs.
        freezes: list[int] = []
        monkeypatch.setattr(gc, "freeze", lambda: freezes.append(1))
        assert not workers.freeze_loaded_models(models) and not freezes, "once per process"

        class Node:
            pass

        a, b = Node(), Node()
        a.other, b.other = b, a  # a cycle: only the collector frees it
        gone = weakref.ref(a)
        del a, b
        gc.collect()
        assert gone() is None
    finally:
        gc.unfreeze()  # this test process goes on with other tests


def test_a_worker_forgets_its_previous_groups_parses_and_vectors_and_gets_the_same_ones_again():
    """A block is analysed in one group only, so what a worker's findings parser and sentence encoder
    cached for the previous group serves no later group: a worker drops both before its next group
    instead of carrying up to 256 parsed articles and 50,000 vectors for its whole life. Asked again,
    a parse and a vector come back the same."""
    import numpy as np

    from storytrace.config import Config
    from storytrace.ingest.clean import clean_article
    from storytrace.model import Article
    from storytrace.pipeline import Pipeline
    from storytrace.streaming import workers

    text = ("Harbour council approves bridge repairs\n\n"
            "The harbour council voted on Tuesday to close the old bridge for six weeks of repairs, "
            "the mayor, Ines Calloway, said.\n\nThe repairs will cost 4.2 million euros. Residents did not object.")
    sentences = ["The harbour council voted on Tuesday to close the old bridge.", "Residents did not object."]
    models = Pipeline(Config(quiet=True))
    article = Article(id="a", source_path="", original_text=text)
    clean_article(article)
    models.extractor.process(article)

    def tokens(parsed):
        return [(t.text, t.lemma, t.pos, t.dep, t.head, t.start, t.end) for s in parsed.sentences for t in s.tokens]

    parsed, vectors = tokens(models.parser.parse(article)), models.embedder.encode(sentences)
    assert models.parser._cache and models.embedder._cache
    workers.forget_previous_group(models)
    assert not models.parser._cache and not models.embedder._cache
    assert tokens(models.parser.parse(article)) == parsed
    assert np.array_equal(models.embedder.encode(sentences), vectors)
    workers.forget_previous_group(Pipeline(Config(quiet=True)))  # nothing loaded yet: nothing to drop


def test_a_spawned_worker_collects_the_young_generation_as_rarely_as_the_cli(monkeypatch, tmp_path):
    """A spawned worker starts with CPython's threshold (700 allocations): a group builds many long-lived
    containers (parses, token views, alignments) and few cycles, so each young collection mostly re-walks
    survivors. The worker raises it as the CLI process does, without pausing the collector during its loads."""
    import gc
    import sqlite3

    from storytrace import model_loads
    from storytrace.streaming import workers

    threshold = gc.get_threshold()
    monkeypatch.setattr(workers, "_WORKER", {})
    monkeypatch.setattr(workers, "_exit_with_parent", lambda: None)
    monkeypatch.setattr(model_loads, "_enabled", False)
    db = tmp_path / "s.db"
    sqlite3.connect(db).close()
    try:
        gc.set_threshold(700, 10, 10)
        workers._init_worker({"quiet": True}, str(db))
        assert gc.get_threshold() == (model_loads.YOUNG_THRESHOLD, 10, 10)
        assert not model_loads._enabled, "loads still run with the collector on (a worker stays smaller)"
    finally:
        gc.set_threshold(*threshold)
