"""The store's scale tables: per-article blobs and signatures, per-story blobs, and block records.

Internal, so their names start with ``_st_`` (store/schema.py). They sit beside the readable
tables of ``store/database.py`` (which Datasette and the web app read)
and are written in the same transactions: an article's rows, its blob and its signature commit
together, as do a block's stories, its record and the members it extracted, so a killed run
leaves whole articles and whole blocks or nothing. An article is stored cleaned and signed first
(``_st_pending_extraction`` marks it); spaCy extraction waits for its block, which is where the work
can run in parallel and where ``--fast`` may skip articles that share a block with no other. ``_st_article_blobs`` lets a later run reload an analysed article exactly without
re-extracting it; ``_st_blocks`` records which block membership produced which stories, so an
incremental run recomputes only the blocks whose membership changed.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from storytrace.store import codec
from storytrace.model import Article, InputError, Story
from storytrace.store.reviews import reviews_of
from storytrace.store.database import Store, content_hash
from storytrace.stories.blocking import SignatureTable
from storytrace.stories.signature import ArticleSignature, from_bytes, to_bytes

SCALE_SCHEMA = """
CREATE TABLE IF NOT EXISTS _st_article_blobs (article_id TEXT PRIMARY KEY, codec INTEGER, data BLOB);
CREATE TABLE IF NOT EXISTS _st_signatures (article_id TEXT PRIMARY KEY, published INTEGER, data BLOB);
CREATE TABLE IF NOT EXISTS _st_story_blobs (story_id TEXT PRIMARY KEY, block_hash TEXT, data BLOB);
CREATE TABLE IF NOT EXISTS _st_blocks (block_hash TEXT PRIMARY KEY, story_ids TEXT);
CREATE INDEX IF NOT EXISTS idx_story_blobs_block ON _st_story_blobs(block_hash);
CREATE TABLE IF NOT EXISTS _st_pending_extraction (article_id TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS _st_document_vectors (article_id TEXT PRIMARY KEY, encoder TEXT, text_key BLOB, vector BLOB);
"""


def ensure_schema(store: Store) -> None:
    store.conn.executescript(SCALE_SCHEMA)
    store.conn.commit()


# -- articles ---------------------------------------------------------------------------------
def save_cleaned_article(store: Store, article: Article, signature: ArticleSignature,
                         document_vector: DocumentVector | None = None) -> None:
    """A cleaned, not yet extracted article: its rows, blob, signature and pending mark, in one transaction.

    ``document_vector``: the full-precision vector its signature was made from (the signature keeps
    float16), kept so that the block's analysis, often in a worker process, need not encode it again.
    """
    with store.conn:
        _write_article(store, article)
        store.conn.execute(
            "INSERT OR REPLACE INTO _st_signatures VALUES (?,?,?)", (article.id, signature.published, to_bytes(signature))
        )
        store.conn.execute("INSERT OR IGNORE INTO _st_pending_extraction VALUES (?)", (article.id,))
        store.conn.execute("DELETE FROM _st_document_vectors WHERE article_id = ?", (article.id,))
        if document_vector is not None:
            store.conn.execute(
                "INSERT INTO _st_document_vectors VALUES (?,?,?,?)",
                (article.id, document_vector.encoder, document_vector.text_key,
                 np.asarray(document_vector.vector, dtype="<f4").tobytes()),
            )


@dataclass
class DocumentVector:
    encoder: str  # docvec's encoder name
    text_key: bytes  # docvec.text_key of the title + lead it encodes
    vector: np.ndarray  # float32, as encode_documents returned it


def document_vectors_among(conn, ids: list[str]) -> list[DocumentVector]:
    """The kept document vectors of those of ``ids`` that have one (``conn``: the store's or a read-only one)."""
    out: list[DocumentVector] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for encoder, key, data in conn.execute(
            f"SELECT encoder, text_key, vector FROM _st_document_vectors WHERE article_id IN ({marks})", chunk
        ):
            out.append(DocumentVector(encoder, bytes(key), np.frombuffer(data, dtype="<f4").astype(np.float32)))
    return out


def _write_article(store: Store, article: Article) -> None:
    store.write_article_rows(article)
    store.conn.execute(
        "INSERT OR REPLACE INTO _st_article_blobs VALUES (?,?,?)",
        (article.id, codec.CODEC_VERSION, codec.pack_article(article)),
    )


def pending_among(conn, ids: list[str]) -> set[str]:
    """Which of ``ids`` are stored but not yet extracted (``conn``: the store's or a read-only one)."""
    out: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        out.update(r[0] for r in conn.execute(f"SELECT article_id FROM _st_pending_extraction WHERE article_id IN ({marks})", chunk))
    return out


def analysed_hashes(store: Store) -> dict[str, str]:
    """Content hash of every stored article (rows, blob and signature present; extracted or still pending)."""
    return dict(
        store.conn.execute(
            "SELECT a.id, a.content_hash FROM articles a"
            " JOIN _st_article_blobs b ON b.article_id = a.id AND b.codec = ?"
            " JOIN _st_signatures s ON s.article_id = a.id",
            (codec.CODEC_VERSION,),
        )
    )


def load_signature_table(store: Store, batch: int = 5000) -> SignatureTable:
    table = SignatureTable()
    cur = store.conn.execute("SELECT article_id, published, data FROM _st_signatures ORDER BY article_id")
    while rows := cur.fetchmany(batch):
        table.add([from_bytes(aid, published, data) for aid, published, data in rows])
    return table


def load_articles(store: Store, ids: list[str]) -> list[Article]:
    """Stored articles, exactly as they were saved, in the order of ``ids``."""
    return load_articles_from(store.conn, ids)


def load_articles_from(conn, ids: list[str]) -> list[Article]:
    """``load_articles`` on a bare sqlite3 connection (worker processes open the store read-only)."""
    found: dict[str, Article] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for aid, data in conn.execute(f"SELECT article_id, data FROM _st_article_blobs WHERE article_id IN ({marks})", chunk):
            found[aid] = codec.unpack_article(data)
    return [found[i] for i in ids if i in found]


def delete_articles(store: Store, ids: list[str]) -> None:
    for aid in ids:
        with store.conn:
            store._delete_article_rows(aid)
            store.conn.execute("DELETE FROM _st_article_blobs WHERE article_id = ?", (aid,))
            store.conn.execute("DELETE FROM _st_signatures WHERE article_id = ?", (aid,))
            store.conn.execute("DELETE FROM _st_pending_extraction WHERE article_id = ?", (aid,))
            store.conn.execute("DELETE FROM _st_document_vectors WHERE article_id = ?", (aid,))


# -- blocks and stories -------------------------------------------------------------------------
def block_story_ids(store: Store, block_hash: str) -> list[str] | None:
    row = store.conn.execute("SELECT story_ids FROM _st_blocks WHERE block_hash = ?", (block_hash,)).fetchone()
    return json.loads(row[0]) if row else None


def current_story_of(store: Store, article_ids: list[str]) -> dict[str, str]:
    """article id -> the story it is in now (what new stories inherit their ids from)."""
    out: dict[str, str] = {}
    for start in range(0, len(article_ids), 500):
        chunk = article_ids[start : start + 500]
        marks = ",".join("?" * len(chunk))
        out.update(store.conn.execute(
            f"SELECT article_id, story_id FROM story_articles WHERE article_id IN ({marks})", chunk
        ))
    return out


def save_block(
    store: Store, block_hash: str, stories: list[Story], articles: dict[str, Article], extracted: list[Article] = (),
) -> None:
    """Every story of one block, the block's record and the members it extracted, in one transaction."""
    with store.conn:
        for a in extracted:
            _write_article(store, a)
            store.conn.execute("DELETE FROM _st_pending_extraction WHERE article_id = ?", (a.id,))
        for s in stories:
            store.write_story_rows(s, articles)
            store.conn.execute("INSERT OR REPLACE INTO _st_story_blobs VALUES (?,?,?)", (s.id, block_hash, codec.pack_story(s)))
        store.conn.execute(
            "INSERT OR REPLACE INTO _st_blocks VALUES (?,?)", (block_hash, json.dumps([s.id for s in stories]))
        )


def remove_stale(store: Store, keep_blocks: set[str], keep_stories: set[str]) -> int:
    """Drop stories and block records the current run did not produce or keep."""
    stale = [sid for (sid,) in store.conn.execute("SELECT id FROM stories") if sid not in keep_stories]
    for sid in stale:
        with store.conn:
            store._delete_story_rows(sid)
            store.conn.execute("DELETE FROM _st_story_blobs WHERE story_id = ?", (sid,))
    with store.conn:
        for (bh,) in store.conn.execute("SELECT block_hash FROM _st_blocks").fetchall():
            if bh not in keep_blocks:
                store.conn.execute("DELETE FROM _st_blocks WHERE block_hash = ?", (bh,))
        store.conn.execute("DELETE FROM _st_story_blobs WHERE story_id NOT IN (SELECT id FROM stories)")
    return len(stale)


def iter_stories(store: Store, ids: list[str]) -> Iterator[Story]:
    for sid in ids:
        row = store.conn.execute("SELECT data FROM _st_story_blobs WHERE story_id = ?", (sid,)).fetchone()
        if row:
            story = codec.unpack_story(row[0])
            decided = reviews_of(store.conn, story.findings)  # a person's decisions, kept beside the analysis
            for f in story.findings:
                f.review = decided[f.id].to_dict() if f.id in decided else None
            yield story


def ordered_story_ids(store: Store) -> list[str]:
    """Largest stories first, then by id: the order of report.json (deterministic)."""
    return [r[0] for r in store.conn.execute("SELECT id FROM stories ORDER BY article_count DESC, id")]


def save_errors(store: Store, errors: list[InputError]) -> None:
    """Add this run's input problems once each (a rerun on the same inputs adds nothing)."""
    with store.conn:
        for e in errors:
            exists = store.conn.execute(
                "SELECT 1 FROM input_errors WHERE path IS ? AND line IS ? AND problem IS ?", (e.path, e.line, e.problem)
            ).fetchone()
            if not exists:
                store.conn.execute("INSERT INTO input_errors VALUES (?,?,?,?)", (e.path, e.line, e.problem, int(e.fatal)))


__all__ = [
    "ensure_schema", "save_cleaned_article", "DocumentVector", "document_vectors_among", "pending_among", "analysed_hashes", "load_signature_table",
    "load_articles", "load_articles_from",
    "delete_articles", "block_story_ids", "current_story_of", "save_block", "remove_stale", "iter_stories",
    "ordered_story_ids", "save_errors", "content_hash",
]
