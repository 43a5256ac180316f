"""Issue 20.4: a store people can query: consistent names, foreign keys, internal tables behind
``_st_``, a schema version with a migration of earlier stores, and a Datasette metadata file that
names only what exists.

tests/data/store-v1.db was written by the release before this layout (the base checkout of
session 9, commit 8bec421): `storytrace analyze` on two short fictional articles (Harbour Wire and
Coast Daily on a ferry route; Coast Daily swaps the council chair and changes a figure), then
one finding confirmed with that release's review code, then VACUUM.
"""
from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor
import shutil
import sqlite3
from importlib import resources
from pathlib import Path

import pytest

from storytrace.store import schema, stream_tables
from storytrace.store.database import OldLayout, Store, load_stories, open_readonly

V1 = Path(__file__).parents[1] / "data" / "store-v1.db"


def _tables(conn) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _columns(conn, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]


@pytest.fixture
def v1_copy(tmp_path) -> Path:
    path = tmp_path / "storytrace.db"
    shutil.copyfile(V1, path)
    return path


def _fresh(tmp_path) -> Path:
    path = tmp_path / "fresh.db"
    with Store(path) as s:
        stream_tables.ensure_schema(s)
    return path


def test_the_v1_fixture_is_the_earlier_layout():
    with sqlite3.connect(f"file:{V1}?mode=ro", uri=True) as conn:
        assert {"edges", "meta", "article_blobs", "pending_extraction"} <= _tables(conn)
        assert "article" in _columns(conn, "findings")
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 0


def test_a_v1_store_is_migrated_in_place_keeping_every_row_and_decision(v1_copy):
    with sqlite3.connect(v1_copy) as conn:
        old_findings = conn.execute("SELECT id, article, source_article, type FROM findings ORDER BY rowid").fetchall()
        old_edges = conn.execute("SELECT source, derived, relation FROM edges ORDER BY rowid").fetchall()
        old_articles = conn.execute("SELECT id, content_hash FROM articles ORDER BY id").fetchall()
    assert old_findings and old_edges
    with Store(v1_copy) as s:
        conn = s.conn
        assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        tables = _tables(conn)
        assert "edges" not in tables and "meta" not in tables and "lineage" in tables
        assert {"_st_meta", "_st_article_blobs", "_st_signatures", "_st_story_blobs", "_st_blocks",
                "_st_pending_extraction"} <= tables
        assert not [t for t in tables if t.startswith("_st_v1_")]  # no leftovers of the rebuild
        assert conn.execute("SELECT id, article_id, source_article_id, type FROM findings ORDER BY rowid").fetchall() == old_findings
        assert conn.execute(
            "SELECT source_article_id, derived_article_id, relation FROM lineage ORDER BY rowid").fetchall() == old_edges
        assert conn.execute("SELECT id, content_hash FROM articles ORDER BY id").fetchall() == old_articles
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        # the decision made with the earlier release joins its finding through the new key column
        joined = conn.execute(
            "SELECT f.id, r.status FROM findings f JOIN reviews r ON r.finding_key = f.finding_key").fetchall()
        assert [status for _, status in joined] == ["confirmed"]
        [story] = load_stories(s)
        decided = [f.id for f in story.findings if f.review and f.review["status"] == "confirmed"]
        assert decided == [joined[0][0]]
        # the streaming tables survived the rename: an incremental run finds both articles analysed
        assert set(stream_tables.analysed_hashes(s)) == {a for a, _ in old_articles}
        assert [a.id for a in stream_tables.load_articles(s, [a for a, _ in old_articles])] == [a for a, _ in old_articles]
    with Store(v1_copy) as s:  # opening again changes nothing
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION


def test_a_v1_store_read_only_says_it_must_be_migrated(v1_copy):
    with pytest.raises(OldLayout, match="earlier storytrace layout"):
        open_readonly(v1_copy)


def test_the_web_app_migrates_a_writable_v1_store(v1_copy):
    from fastapi.testclient import TestClient

    from storytrace.web.app import create_app

    client = TestClient(create_app(v1_copy), base_url="http://127.0.0.1:8765")
    findings = client.get("/api/findings").json()
    assert len(findings) == 2 and sorted(f["review"]["status"] if f["review"] else "open" for f in findings) == [
        "confirmed", "open"]
    assert [f["id"] for f in client.get("/api/findings", params={"review": "confirmed"}).json()] == [
        next(f["id"] for f in findings if f["review"])]


def test_user_tables_name_article_columns_consistently_and_declare_foreign_keys(tmp_path):
    with sqlite3.connect(_fresh(tmp_path)) as conn:
        user = [t for t in _tables(conn) if not t.startswith(schema.INTERNAL_PREFIX)]
        assert "edges" not in user and "lineage" in user
        for table in user:
            cols = _columns(conn, table)
            assert "article" not in cols and "source" not in cols and "derived" not in cols, table
            fks = {(r[3], r[2]) for r in conn.execute(f'PRAGMA foreign_key_list("{table}")')}  # (from, to table)
            for col in cols:
                if col.endswith("article_id"):
                    assert (col, "articles") in fks, f"{table}.{col} has no foreign key to articles"
                if col == "story_id" and table not in ("_st_story_blobs",):
                    assert (col, "stories") in fks, f"{table}.{col} has no foreign key to stories"


def _metadata() -> dict:
    return json.loads(resources.files("storytrace.store").joinpath("datasette-metadata.json").read_text())


def test_the_datasette_metadata_names_only_tables_and_columns_that_exist(tmp_path):
    meta = _metadata()["databases"]["storytrace"]["tables"]
    with sqlite3.connect(_fresh(tmp_path)) as conn:
        tables = _tables(conn)
        for table, spec in meta.items():
            assert table in tables, f"metadata names a table the store does not have: {table}"
            cols = set(_columns(conn, table))
            for key in ("columns",):
                assert set(spec.get(key, {})) <= cols, f"{table}: {set(spec[key]) - cols}"
            assert set(spec.get("facets", [])) <= cols, table
            for key in ("label_column", "sort_desc", "sort"):
                assert spec.get(key) is None or spec[key] in cols, (table, key)
        internal = {t for t in tables if t.startswith(schema.INTERNAL_PREFIX)}
        assert internal and all(meta.get(t, {}).get("hidden") for t in internal), "internal tables are hidden"
        user = tables - internal
        assert user <= set(meta), f"user tables without a description: {user - set(meta)}"
        for table, cols in schema.JSON_COLUMNS.items():  # every JSON column says so
            for col in cols:
                assert "JSON" in meta[table]["columns"][col], (table, col)


def test_datasette_opens_the_store_with_the_metadata(tmp_path):
    datasette_app = pytest.importorskip("datasette.app")
    db = tmp_path / "storytrace.db"
    shutil.copyfile(V1, db)
    Store(db).close()  # migrate
    ds = datasette_app.Datasette(files=[str(db)], metadata=_metadata())

    def get(path):
        # in a thread of its own: Playwright's sync API may hold an event loop open in this one
        with ThreadPoolExecutor(1) as pool:
            return pool.submit(asyncio.run, ds.client.get(path)).result()

    tables = get("/storytrace.json").json()["tables"]
    shown = {t["name"]: t for t in tables}
    assert shown["_st_article_blobs"]["hidden"] and not shown["findings"]["hidden"]
    rows = get("/storytrace/findings.json?_labels=on&_shape=objects").json()["rows"]
    # the foreign key is labelled with the article's title (label_column)
    assert {r["article_id"]["label"] for r in rows} == {"New ferry to Eldholm approved"}
