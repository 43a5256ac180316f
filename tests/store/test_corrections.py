"""Issue 20.1: a person corrects an article's metadata in the web app; the correction is kept in
the store, applied over what is read on every later analysis (web additions, `analyze --db`), and
the report files and pages say the field was corrected by a person."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from report_helpers import build_hostile_report
from pipeline_stubs import SimplePipeline

from storytrace.store import corrections
from storytrace.store.database import Store
from storytrace.web.app import create_app

BASE = "http://127.0.0.1:8765"


def test_corrected_values_are_checked_and_normalised():
    assert corrections.checked({"published": " 2025-03-11 ", "language": "English", "outlet": "  Harbour   Wire "}) == {
        "published": "2025-03-11", "language": "en", "outlet": "Harbour Wire"}
    for bad, field in (({"published": "next Tuesday"}, "published"), ({"language": "Klingon!"}, "language"),
                       ({"url": "javascript:alert(1)"}, "url"), ({"title": "x" * 501}, "title"),
                       ({"wordcount": "3"}, "wordcount")):
        with pytest.raises(corrections.BadCorrection, match=field):
            corrections.checked(bad)


def test_applying_a_correction_records_that_a_person_made_it():
    from storytrace.model import Article

    a = Article(id="a", source_path="a.txt", original_text="Text.", title="Wrong title", outlet="Wire",
                metadata={"field_sources": {"title": "inferred from text"}})
    corrections.apply_correction(a, {"title": "Ferry route approved", "published": "2025-03-11"})
    assert a.title == "Ferry route approved" and a.published.isoformat() == "2025-03-11" and a.outlet == "Wire"
    assert a.metadata["field_sources"]["title"] == corrections.BY_PERSON
    assert corrections.corrected_fields(a) == ["title", "published"]


@pytest.fixture
def web(tmp_path):
    db = tmp_path / "store.db"
    with Store(db) as s:
        s.save_report(build_hostile_report())
    return TestClient(create_app(db, pipeline_factory=SimplePipeline), base_url=BASE), db


def test_a_correction_is_stored_shown_and_survives_adding_articles(web):
    client, db = web
    r = client.post("/api/articles/blog-rewrite/metadata", json={"outlet": "Harbour <Blog>", "published": "2024-03-13",
                                                                  "note": "checked the archive"})
    assert r.status_code == 200 and r.json()["corrected"] == {"outlet": "Harbour <Blog>", "published": "2024-03-13"}
    detail = client.get("/api/articles/blog-rewrite").json()
    assert detail["outlet"] == "Harbour <Blog>" and detail["published"] == "2024-03-13"
    assert detail["corrected"] == ["outlet", "published"]
    page = client.get("/articles/blog-rewrite").text
    assert "outlet, published corrected by a person" in page and "Harbour &lt;Blog&gt;" in page
    # a re-analysis (another article pasted) keeps the correction
    text = "The harbour council met again on Friday to discuss the new ferry timetable and the fares for islanders."
    assert client.post("/articles", data={"text": text}, files={"files": ("", b"")}).status_code == 200
    detail = client.get("/api/articles/blog-rewrite").json()
    assert detail["outlet"] == "Harbour <Blog>" and detail["corrected"] == ["outlet", "published"]
    story = client.get("/stories/story-all").text
    assert "outlet, published corrected by a person" in story
    with Store(db) as s:
        row = s.conn.execute("SELECT outlet, published, title, note FROM article_corrections WHERE article_id = ?",
                             ("blog-rewrite",)).fetchone()
    assert row == ("Harbour <Blog>", "2024-03-13", None, "checked the archive")


def test_bad_corrections_are_refused_and_nothing_is_stored(web):
    client, db = web
    r = client.post("/api/articles/blog-rewrite/metadata", json={"published": "last week"})
    assert r.status_code == 422 and "published" in r.json()["detail"]
    assert client.post("/api/articles/nope/metadata", json={"title": "x"}).status_code == 404
    with Store(db) as s:
        assert s.conn.execute("SELECT count(*) FROM article_corrections").fetchone()[0] == 0


def test_the_article_page_form_records_only_the_changed_fields(web):
    client, db = web
    page = client.get("/articles/wire-original").text
    assert 'action="/articles/wire-original/metadata"' in page and 'value="Wire Service"' in page
    form = {"title": "Trade talks to resume", "outlet": "Wire Service Ltd", "author": "", "published": "2024-03-09",
            "url": "https://wire.example/trade", "language": "en", "note": ""}
    r = client.post("/articles/wire-original/metadata", data=form, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/articles/wire-original#metadata"
    with Store(db) as s:
        assert corrections.corrections_of(s.conn) == {"wire-original": {"outlet": "Wire Service Ltd"}}


@pytest.mark.slow
def test_analyze_db_applies_a_web_correction_and_reruns_keep_it(tmp_path):
    """The real pipeline: the streaming store, a correction made in the web app, then `analyze --db`
    on the same files: the article is not duplicated, the correction wins, report.json says so."""
    from storytrace.config import Config
    from storytrace.outputs.from_store import write_from_store
    from storytrace.pipeline import Pipeline
    from storytrace.streaming.runner import run_into_store
    from storytrace.web.analysis import Reanalyser

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    body = ("The Harbour council approved a new ferry route to Eldholm on Tuesday, March 11. Council chair Mara "
            "Lindqvist said the route would carry 1,200 passengers a day from June. The project will cost 14 million "
            "crowns, according to the council's budget office.")
    (corpus / "wire.txt").write_text(f"Ferry route approved\n\n{body}\n")
    (corpus / "daily.txt").write_text(f"New ferry to Eldholm\n\n{body.replace('1,200', '2,100')}\n")
    db = tmp_path / "out" / "storytrace.db"
    pipeline = Pipeline(Config(quiet=True))
    run_into_store(pipeline, [corpus], db)
    Reanalyser(db, lambda: pipeline).correct("daily", {"outlet": "Coast Daily", "published": "2025-03-12"})

    def stored(article_id: str) -> tuple:
        with Store(db) as s:
            return s.conn.execute("SELECT outlet, published FROM articles WHERE id = ?", (article_id,)).fetchone()

    assert stored("daily") == ("Coast Daily", "2025-03-12")
    with Store(db) as s:  # replaced in place: no collision note, no second copy under another id
        assert s.conn.execute("SELECT count(*) FROM input_errors").fetchone()[0] == 0
        assert s.article_ids() == ["daily", "wire"]
    again = run_into_store(pipeline, [corpus], db, keep_others=True)  # analyze --db on the same files
    assert again.articles_skipped == 2 and not again.errors
    assert stored("daily") == ("Coast Daily", "2025-03-12")
    with Store(db) as s:
        assert s.article_ids() == ["daily", "wire"]
    fresh = run_into_store(pipeline, [corpus], db)  # analyze without --db into the same folder
    assert fresh.articles_skipped == 2 and stored("daily") == ("Coast Daily", "2025-03-12")
    # a different text arriving under the corrected id is kept apart, without the other text's correction
    (corpus / "daily.txt").write_text(f"New ferry to Eldholm\n\n{body.replace('1,200', '3,000')}\n")
    run_into_store(pipeline, [corpus / "daily.txt"], db, keep_others=True)
    with Store(db) as s:
        [(other, outlet, metadata)] = s.conn.execute(
            "SELECT id, outlet, metadata FROM articles WHERE id NOT IN ('daily', 'wire')").fetchall()
    assert other.startswith("daily-") and outlet != "Coast Daily" and "corrected" not in json.loads(metadata)
    assert stored("daily") == ("Coast Daily", "2025-03-12")
    write_from_store(db, tmp_path / "out", "test", [])
    report = json.loads(Path(tmp_path / "out" / "report.json").read_text())
    by_id = {a["id"]: a for a in report["articles"]}
    assert by_id["daily"]["corrected"] == ["outlet", "published"] and by_id["wire"]["corrected"] == []
    assert by_id["daily"]["outlet"] == "Coast Daily"
