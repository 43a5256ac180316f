"""Issue 21.1: a different text arriving under a stored article's id never replaces it silently.

Ids come from file stems and positions (``feed-1``, ``crawl-1``, ``index``), so a daily feed, a new
crawl or a second ``index.txt`` reuses them. Both texts are kept (the new one under an id derived
from its path and content) unless ``--replace`` is asked for, and a warning says what happened.
"""
from __future__ import annotations

import io
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pipeline_stubs import ReadersOnly
from scale_helpers import cli

from storytrace.streaming.runner import run_into_store
from storytrace.config import Config
from storytrace.pipeline import Pipeline

BASE = "http://127.0.0.1:8765"


def _rss(items: list[tuple[str, str]]) -> str:
    body = "".join(
        f"<item><title>{title}</title><link>https://news.example/{n}</link>"
        f"<description>{text}</description></item>"
        for n, (title, text) in enumerate(items)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Coast Gazette</title>{body}</channel></rss>'


DAY1 = [
    ("Ferry runs aground", "The evening ferry ran aground near Holm island on Friday. All 80 passengers were taken off by lifeboat."),
    ("Steel plant to close", "The Varde steel plant will close in June, its owner said, ending 400 jobs in the town."),
]
DAY2 = [
    ("Library reopens", "The town library reopened on Monday after a two-year rebuild paid for by the council."),
    ("Storm warning", "Forecasters issued a storm warning for the coast, with gusts of 120 km/h expected on Tuesday."),
]


def _stored(db: Path) -> dict[str, str]:
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT id, title FROM articles"))


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Config(quiet=True))


def test_cli_daily_feed_into_one_store_keeps_both_days(tmp_path):
    (tmp_path / "day1").mkdir()
    (tmp_path / "day2").mkdir()
    (tmp_path / "day1" / "feed.xml").write_text(_rss(DAY1))
    (tmp_path / "day2" / "feed.xml").write_text(_rss(DAY2))
    db = tmp_path / "r1" / "storytrace.db"
    first = cli("analyze", str(tmp_path / "day1"), "--out", str(tmp_path / "r1"), "--quiet")
    assert first.returncode == 0, first.stderr
    second = cli("analyze", str(tmp_path / "day2"), "--db", str(db), "--out", str(tmp_path / "r2"), "--quiet")
    assert second.returncode == 0, second.stderr
    titles = sorted(_stored(db).values())
    assert titles == sorted(t for t, _ in DAY1 + DAY2)
    notes = [ln for ln in second.stderr.splitlines() if "already stored with a different text" in ln]
    assert len(notes) == 2 and all("feed.xml" in ln and "--replace" in ln for ln in notes), second.stderr
    # The same second day again changes nothing: the derived ids are stable.
    again = cli("analyze", str(tmp_path / "day2"), "--db", str(db), "--out", str(tmp_path / "r3"), "--quiet")
    assert again.returncode == 0 and len(_stored(db)) == 4
    assert "already stored" not in again.stderr


def test_replace_replaces_and_says_so(tmp_path, pipeline):
    feed = tmp_path / "feed.xml"
    db = tmp_path / "store.db"
    feed.write_text(_rss(DAY1))
    run_into_store(pipeline, [feed], db)
    feed.write_text(_rss(DAY2))
    run = run_into_store(pipeline, [feed], db, keep_others=True, replace=True)
    assert sorted(_stored(db).values()) == sorted(t for t, _ in DAY2)
    assert sum("replaced the stored article" in e.problem for e in run.errors) == 2


def _warc(pages: list[tuple[str, str, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for url, title, text in pages:
        body = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{text}</p></article></body></html>"
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body.encode()), http_headers=headers))
    return buf.getvalue()


def test_a_new_crawl_with_the_same_file_name_keeps_the_old_pages(tmp_path, pipeline):
    crawl = tmp_path / "crawl.warc.gz"
    db = tmp_path / "store.db"
    crawl.write_bytes(_warc([("https://news.example/ferry", *DAY1[0])]))
    run_into_store(pipeline, [crawl], db)
    crawl.write_bytes(_warc([("https://news.example/library", *DAY2[0])]))
    run = run_into_store(pipeline, [crawl], db, keep_others=True)
    stored = _stored(db)
    assert sorted(stored.values()) == sorted([DAY1[0][0], DAY2[0][0]])
    assert stored["crawl-1"] == DAY1[0][0]
    assert any("'crawl-1' is already stored" in e.problem and not e.fatal for e in run.errors)


def test_json_lines_without_ids_keep_earlier_days(tmp_path, pipeline):
    export = tmp_path / "export.jsonl"
    db = tmp_path / "store.db"
    export.write_text('{"title": "%s", "text": "%s"}\n' % DAY1[1])
    run_into_store(pipeline, [export], db)
    export.write_text('{"title": "%s", "text": "%s"}\n' % DAY2[1])
    run_into_store(pipeline, [export], db, keep_others=True)
    assert sorted(_stored(db).values()) == sorted([DAY1[1][0], DAY2[1][0]])


@pytest.fixture
def web(tmp_path) -> TestClient:
    from storytrace.store.database import Store
    from storytrace.web.app import create_app

    db = tmp_path / "store.db"
    Store(db).close()
    return TestClient(create_app(db, pipeline_factory=ReadersOnly), base_url=BASE)


def _upload(client: TestClient, *files: tuple[str, str]):
    r = client.post("/articles", files=[("files", (name, text.encode(), "text/plain")) for name, text in files],
                    headers={"accept": "application/json"})
    assert r.status_code == 200, r.text
    return r.json()


def test_web_uploading_article_txt_twice_keeps_both(web):
    first = _upload(web, ("article.txt", "\n\n".join(DAY1[0])))
    second = _upload(web, ("article.txt", "\n\n".join(DAY2[0])))
    titles = {a["id"]: a["title"] for a in web.get("/api/articles").json()}
    assert sorted(titles.values()) == sorted([DAY1[0][0], DAY2[0][0]])
    assert first["added"] == ["article"] and second["added"] != ["article"]
    assert any("already stored with a different text" in e for e in second["errors"])


def test_web_one_request_with_two_files_of_one_name_stores_two(web):
    result = _upload(web, ("site1/index.txt", "\n\n".join(DAY1[0])), ("site2/index.txt", "\n\n".join(DAY2[0])))
    assert len(set(result["added"])) == 2
    assert len(web.get("/api/articles").json()) == 2


def test_web_incremental_store_keeps_both(tmp_path, pipeline):
    """A store written by `analyze` is updated through run_into_store: the same rule holds there."""
    from storytrace.web.analysis import Reanalyser
    from storytrace.ingest import article_from_text

    db = tmp_path / "store.db"
    run_into_store(pipeline, [article_from_text("\n\n".join(DAY1[1]), id="article")], db)
    result = Reanalyser(db, lambda: pipeline).add([article_from_text("\n\n".join(DAY2[1]), id="article")])
    assert sorted(_stored(db).values()) == sorted([DAY1[1][0], DAY2[1][0]])
    assert result.added != ["article"] and len(result.added) == 1
