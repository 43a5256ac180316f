"""Issue 18.6: a story of one article keeps why it joined no other (``stories.alone_because``,
schema version 3), and a version 2 store is migrated with the reasons it kept in its story blobs.

tests/data/store-v2.db was written by the release before this column (commit 61b68cf, session 10's
base): `storytrace analyze` on three short fictional articles (Harbour Wire and Coast Daily on the
Lundholm ferry; Valley Echo on a choir prize, alone), then journal_mode=DELETE and VACUUM.
"""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from storytrace.model import Story
from storytrace.stories.build import NO_CANDIDATE
from storytrace.store import schema
from storytrace.store.database import OldLayout, Store, article_summaries, load_stories, open_readonly

V2 = Path(__file__).parents[1] / "data" / "store-v2.db"
CHOIR = "story-802d5f4876d2"  # the story of the one unrelated article


@pytest.fixture
def v2_copy(tmp_path) -> Path:
    path = tmp_path / "storytrace.db"
    shutil.copyfile(V2, path)
    return path


def test_the_v2_fixture_has_no_alone_column():
    with sqlite3.connect(f"file:{V2}?mode=ro", uri=True) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
        assert "alone_because" not in [r[1] for r in conn.execute("PRAGMA table_info(stories)")]


def test_a_v2_store_read_only_says_it_must_be_migrated(v2_copy):
    with pytest.raises(OldLayout, match="earlier storytrace layout"):
        open_readonly(v2_copy)


def test_a_v2_store_is_migrated_and_keeps_the_reason_from_its_story_blobs(v2_copy):
    with sqlite3.connect(v2_copy) as conn:
        before = conn.execute("SELECT id, title, article_count FROM stories ORDER BY id").fetchall()
    with Store(v2_copy) as s:
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION == 4
        rows = s.conn.execute("SELECT id, title, article_count, alone_because FROM stories ORDER BY id").fetchall()
        assert [r[:3] for r in rows] == before  # nothing stored is lost
        assert {r[0]: r[3] for r in rows} == {CHOIR: NO_CANDIDATE, "story-c93c989dfe11": None}
        [choir] = load_stories(s, [CHOIR])
        assert choir.note == NO_CANDIDATE
        loose = article_summaries(s, loose_only=True)
        assert [(a["id"], a["alone_because"]) for a in loose] == [("choir-valley", NO_CANDIDATE)]
    with Store(v2_copy) as s:  # opening again changes nothing
        assert s.conn.execute("SELECT count(*) FROM stories WHERE alone_because IS NOT NULL").fetchone()[0] == 1


def test_a_failed_migration_leaves_the_v2_store_as_it_was(v2_copy, monkeypatch):
    from storytrace.store import codec

    def broken(data):
        raise ValueError("unreadable story blob")

    monkeypatch.setattr(codec, "unpack_story", broken)
    with pytest.raises(Exception):
        Store(v2_copy)
    with sqlite3.connect(v2_copy) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
        assert "alone_because" not in [r[1] for r in conn.execute("PRAGMA table_info(stories)")]


def test_a_saved_story_of_one_article_stores_its_reason_and_a_larger_one_none(tmp_path):
    with Store(tmp_path / "s.db") as s:
        s.save_story(Story(id="a", title="A", article_ids=["x"], note="closest: y (document similarity 0.41)"))
        s.save_story(Story(id="b", title="B", article_ids=["y", "z"], note="not kept for two versions"))
        assert dict(s.conn.execute("SELECT id, alone_because FROM stories")) == {
            "a": "closest: y (document similarity 0.41)", "b": None}
        assert [st.note for st in load_stories(s, ["a", "b"])] == ["closest: y (document similarity 0.41)", ""]


def test_the_streaming_run_stores_the_reason_report_json_gives(tmp_path):
    """examples/corpus through the streaming runner (the path of analyze, --db and --workers): the
    stories table says for each unrelated article what report.json says."""
    from storytrace.config import Config
    from storytrace.outputs.from_store import write_from_store
    from storytrace.pipeline import Pipeline
    from storytrace.streaming.runner import run_into_store
    from storytrace.version import __version__
    import json

    examples = Path(__file__).parents[2] / "examples" / "corpus"
    db = tmp_path / "st.db"
    run_into_store(Pipeline(Config(quiet=True)), [examples], db)
    write_from_store(db, tmp_path, __version__, [])
    written = {s["id"]: s["alone_because"] for s in json.loads((tmp_path / "report.json").read_text())["stories"]}
    with sqlite3.connect(db) as conn:
        stored = {sid: alone or "" for sid, alone in conn.execute("SELECT id, alone_because FROM stories")}
        alone = conn.execute("SELECT count(*) FROM stories WHERE article_count = 1").fetchone()[0]
    assert stored == written
    assert alone >= 2 and sum(1 for v in stored.values() if v) == alone  # every story of one article says why
