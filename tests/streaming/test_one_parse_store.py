"""An incremental run (analyze --db, the web app's re-analysis) never parses a stored member again:
its token view comes back from its blob (issue 16.2)."""
from __future__ import annotations

from parse_helpers import CHANGED, ORIGINAL, count_parsed

from storytrace.config import Config
from storytrace.model import Article
from storytrace.nlp.parsed import kept_view
from storytrace.pipeline import Pipeline
from storytrace.store import stream_tables
from storytrace.store.database import Store
from storytrace.streaming.runner import run_into_store


def test_a_stored_member_of_a_recomputed_block_is_not_parsed_again(tmp_path, monkeypatch):
    engine = Pipeline(Config(quiet=True))
    db = tmp_path / "store.db"
    first = run_into_store(engine, [Article(id="first", source_path="", original_text=ORIGINAL)], db)
    assert first.articles_extracted == 1
    with Store(db) as store:
        assert kept_view(stream_tables.load_articles(store, ["first"])[0]) is not None  # its blob holds the view

    parsed = count_parsed(monkeypatch)
    second = run_into_store(engine, [Article(id="second", source_path="", original_text=CHANGED)], db, keep_others=True)
    assert second.articles_extracted == 1 and second.blocks_recomputed == 1
    with Store(db) as store:
        members = {aid for (aid,) in store.conn.execute("SELECT article_id FROM story_articles")}
        findings = store.conn.execute("SELECT count(*) FROM findings").fetchone()[0]
        new = stream_tables.load_articles(store, ["second"])[0]
    assert members == {"first", "second"} and findings > 0, "the two versions are one story with findings"
    assert sorted(parsed) == sorted(new.text[p.start:p.end] for p in new.paragraphs), \
        "only the new article's paragraphs are parsed; the stored one's view comes from its blob"
