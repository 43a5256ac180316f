"""The web app over a store: views, JSON API, adding articles, and the safety rules (issue 7 item 4)."""
from __future__ import annotations

import base64
import hashlib
import inspect
import re
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pipeline_stubs import SimplePipeline
from report_helpers import HOSTILE, build_hostile_report

from storytrace.model import Article, Report, Sentence, Story
from storytrace.store.database import Store
from storytrace.web.app import create_app, run
from storytrace.web.uploads import UploadLimits, safe_filename


BASE = "http://127.0.0.1:8765"


def _make_store(path: Path) -> Path:
    with Store(path) as s:
        s.save_report(build_hostile_report())
    return path


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    return _make_store(tmp_path_factory.mktemp("web") / "store.db")


@pytest.fixture(scope="module")
def client(store_path) -> TestClient:
    return TestClient(create_app(store_path, pipeline_factory=SimplePipeline), base_url=BASE)


@pytest.fixture
def writable(tmp_path) -> TestClient:
    """An app over its own copy of the store, with small limits, for tests that add articles."""
    db = _make_store(tmp_path / "store.db")
    limits = UploadLimits(max_file_bytes=2000, max_files=3, max_text_bytes=3000)
    return TestClient(create_app(db, limits=limits, pipeline_factory=SimplePipeline), base_url=BASE)


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def _assert_no_raw_hostile(html: str) -> None:
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>Friends" not in html
    assert len(re.findall(r"<script\b", html)) == 1


# -- reading views ------------------------------------------------------------------------------------
def test_index_lists_the_story_escaped(client):
    r = client.get("/")
    assert r.status_code == 200
    assert 'href="/stories/story-1"' in r.text
    assert "Trade talks &lt;script&gt;alert(1)&lt;/script&gt;" in r.text
    assert 'href="/articles/lonely"' in r.text  # the one-article story is listed as a loose article
    _assert_no_raw_hostile(r.text)


def test_story_page_renders_findings_lineage_and_reading_view(client):
    r = client.get("/stories/story-1")
    assert r.status_code == 200
    page = r.text
    assert page.count('<article class="finding') == 3
    assert '<mark class="val">Hana Morikawa</mark>' in page and '<mark class="val">Emi Sato</mark>' in page
    assert "translation · 0.93" in page
    assert '<tr class="dropped">' in page and '<tr class="added">' in page
    assert 'href="/articles/blog-rewrite"' in page
    _assert_no_raw_hostile(page)


def test_article_page_shows_text_as_plain_text(client):
    r = client.get("/articles/blog-rewrite")
    assert r.status_code == 200
    assert "Readers said &lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;" in r.text
    assert r.text.count('<article class="finding') == 3
    _assert_no_raw_hostile(r.text)


# -- safety -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("path", [
    "/", "/stories/story-1", "/articles/lonely", "/api/stories", "/openapi.json", "/stories/missing", "/nowhere",
])
def test_every_response_has_csp_and_nosniff(client, path):
    r = client.get(path)
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp and "http" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"


def test_csp_header_allows_exactly_the_inline_script_and_style(client):
    r = client.get("/stories/story-1")
    csp = dict(p.strip().split(" ", 1) for p in r.headers["content-security-policy"].split(";"))
    script = re.search(r"<script>(.*?)</script>", r.text, re.S).group(1)
    style = re.search(r"<style>(.*?)</style>", r.text, re.S).group(1)
    assert csp["script-src"] == _sha(script) and csp["style-src"] == _sha(style)


@pytest.mark.parametrize("path", [
    "/articles/..%2F..%2F..%2Fetc%2Fpasswd", "/articles/%2Fetc%2Fpasswd", "/stories/..%2Fstore.db",
    "/articles/../../etc/passwd", "/static/../../etc/passwd", "/api/articles/..%2F..%2Fetc%2Fhosts",
])
def test_no_path_traversal(client, path):
    r = client.get(path)
    assert r.status_code == 404
    assert "root:" not in r.text and "localhost" not in r.text.lower().replace("storytrace", "")


def test_unknown_ids_give_404_in_html_and_json(client):
    r = client.get("/stories/<img src=x onerror=alert(1)>")
    assert r.status_code == 404 and "no such story" in r.text
    _assert_no_raw_hostile(r.text)
    r = client.get("/api/stories/nope")
    assert r.status_code == 404 and r.json() == {"detail": "no such story"}


def test_other_host_names_are_refused(client):
    """DNS rebinding: a page at evil.example resolving to 127.0.0.1 sends Host: evil.example."""
    r = client.get("/api/stories", headers={"host": "evil.example"})
    assert r.status_code == 400 and r.headers["content-security-policy"]
    assert client.get("/api/stories", headers={"host": "localhost:8765"}).status_code == 200


def test_serve_binds_loopback_by_default():
    assert inspect.signature(run).parameters["host"].default == "127.0.0.1"
    from storytrace.cli import serve

    assert inspect.signature(serve).parameters["host"].default.default == "127.0.0.1"


def test_serve_with_bad_store_is_one_clear_line(tmp_path):
    not_a_store = tmp_path / "notes.db"
    not_a_store.write_text("just text, not SQLite")
    for target, words, status in ((tmp_path / "missing.db", "no such store", 2), (not_a_store, "not a storytrace store", 3)):
        r = subprocess.run([sys.executable, "-m", "storytrace.cli", "serve", str(target)], capture_output=True,
                           text=True, timeout=60)
        assert r.returncode == status
        assert words in r.stderr and str(target) in r.stderr and "Traceback" not in r.stderr


def test_oversized_file_is_refused_with_413(writable):
    r = writable.post("/articles", files=[("files", ("big.txt", b"x" * 2001, "text/plain"))],
                      headers={"accept": "application/json"})
    assert r.status_code == 413 and "big.txt" in r.json()["detail"] and "too large" in r.json()["detail"]


def test_too_many_files_is_refused_with_400(writable):
    files = [("files", (f"f{i}.txt", b"Some text. More text.", "text/plain")) for i in range(4)]
    r = writable.post("/articles", files=files, headers={"accept": "application/json"})
    assert r.status_code == 400 and "Too many files" in r.json()["detail"]
    assert "f0" not in writable.get("/api/articles").text  # nothing was added


def test_oversized_pasted_text_is_refused(writable):
    r = writable.post("/articles", data={"text": "y" * 3500}, files=[("files", ("", b"", "application/octet-stream"))])
    assert r.status_code == 413
    assert "Not added: pasted text too large" in r.text


def test_body_over_the_total_limit_is_refused_before_reading(writable):
    limit = UploadLimits(max_file_bytes=2000, max_files=3, max_text_bytes=3000).max_request_bytes
    r = writable.post("/articles", content=b"z" * (limit + 1),
                      headers={"content-type": "multipart/form-data; boundary=xyz"})
    assert r.status_code == 413 and "too large" in r.text


def test_chunked_body_over_the_limit_is_refused(writable):
    limit = UploadLimits(max_file_bytes=2000, max_files=3, max_text_bytes=3000).max_request_bytes

    def chunks():
        for _ in range(limit // 1000 + 2):
            yield b"z" * 1000

    r = writable.post("/articles", content=chunks(), headers={"content-type": "multipart/form-data; boundary=xyz"})
    assert r.status_code == 413


def test_cross_site_post_is_refused(writable):
    r = writable.post("/articles", data={"text": "A. B."}, files=[("files", ("", b""))],
                      headers={"origin": "http://evil.example"})
    assert r.status_code == 403
    r = writable.post("/articles", data={"text": "A. B."}, files=[("files", ("", b""))],
                      headers={"sec-fetch-site": "cross-site"})
    assert r.status_code == 403


def test_empty_or_wrong_form_is_a_clear_400(writable):
    r = writable.post("/articles", data={"text": "  "}, files=[("files", ("", b""))])
    assert r.status_code == 400 and "nothing to add" in r.text
    r = writable.post("/articles", json={"text": "hello"}, headers={"accept": "application/json"})
    assert r.status_code == 400 and "multipart/form-data" in r.json()["detail"]


def test_safe_filename_keeps_only_the_last_plain_component():
    assert safe_filename("../../etc/passwd", "x") == "passwd"
    assert safe_filename("..\\..\\win.ini", "x") == "win.ini"
    assert safe_filename("/abs/path/Story One!.html", "x") == "Story_One_.html"
    assert safe_filename("....", "fallback.txt") == "fallback.txt"


# -- adding articles ----------------------------------------------------------------------------------
def test_pasting_text_adds_an_article_and_reanalyses(writable):
    text = f"Harbour fire {HOSTILE}\n\nA fire broke out at the harbour on Monday. Two boats burned."
    r = writable.post("/articles", data={"text": text, "outlet": "Port News", "published": "2024-03-14"},
                      files=[("files", ("", b""))], headers={"accept": "application/json"})
    assert r.status_code == 200, r.text
    result = r.json()
    assert len(result["added"]) == 1 and result["articles"] == 5
    new_id = result["added"][0]
    detail = writable.get(f"/api/articles/{new_id}").json()
    assert detail["outlet"] == "Port News" and detail["published"] == "2024-03-14" and detail["text"] == text
    # Re-analysis replaced the old stories with what the pipeline found now.
    assert [s["id"] for s in writable.get("/api/stories").json()] == ["story-all"]
    page = writable.get(f"/articles/{new_id}").text
    _assert_no_raw_hostile(page)


def test_uploaded_files_are_read_under_a_safe_name(writable, tmp_path):
    files = [
        ("files", ("../../outside.txt", b"Outside title\n\nThe mayor opened a bridge over the river on Monday. It cost $3m, the council said.", "text/plain")),
        ("files", ("notes.md", b"Notes\n\nThe council met on Tuesday to discuss the new bridge and the budget for next year.", "text/markdown")),
    ]
    r = writable.post("/articles", files=files)
    assert r.status_code == 200 and "Added 2 article(s)" in r.text
    ids = {a["id"]: a for a in writable.get("/api/articles").json()}
    assert "outside" in ids and ids["outside"]["source_path"] == "upload:outside.txt"
    assert "notes" in ids
    assert not (tmp_path.parent / "outside.txt").exists() and not Path("outside.txt").exists()


def test_bad_date_is_refused(writable):
    r = writable.post("/articles", data={"text": "The council approved the new bridge over the river on Monday, the mayor said.", "published": "<script>"}, files=[("files", ("", b""))])
    assert r.status_code == 400 and "is not YYYY-MM-DD" in r.text
    _assert_no_raw_hostile(r.text.replace("<script>alert", "x"))  # the page's own script only
    assert "&#39;&lt;script&gt;&#39;" in r.text or "&lt;script&gt;" in r.text


# -- JSON API -----------------------------------------------------------------------------------------
def test_api_stories_lineage_and_findings_follow_the_contract(client):
    stories = client.get("/api/stories").json()
    assert {s["id"]: s["findings"] for s in stories}["story-1"] == {"high": 1, "medium": 1, "low": 1}
    story = client.get("/api/stories/story-1").json()
    assert story["article_ids"] == ["wire-original", "daily-translation", "blog-rewrite"]
    assert set(story["findings"][0]) == {
        "id", "type", "severity", "article", "against", "claim", "claim_span", "derived_value", "source_article",
        "source_text", "source_span", "source_value", "explanation", "confidence", "signals", "lacks",
        "severity_reason", "review", "direction_known"}
    # the hand-built report records no severity basis: unknown, as for a finding of an older store
    assert (story["findings"][0]["signals"], story["findings"][0]["severity_reason"]) == (None, None)
    lineage = client.get("/api/stories/story-1/lineage").json()
    assert [(e["source"], e["derived"], e["relation"]) for e in lineage] == [
        ("wire-original", "daily-translation", "translation"), ("wire-original", "blog-rewrite", "rewrite")]
    high = client.get("/api/stories/story-1/findings", params={"severity": "high"}).json()
    assert [f["id"] for f in high] == ["f-swap"] and high[0]["derived_value"] == "Hana Morikawa"
    # Spans come back as original-text offsets that point at the claim.
    article = client.get("/api/articles/blog-rewrite").json()
    start, end = high[0]["claim_span"]
    assert article["text"][start:end] == high[0]["claim"]
    assert client.get("/api/stories/story-1/findings", params={"severity": "urgent"}).status_code == 422
    everything = client.get("/api/findings", params={"type": "number_change"}).json()
    assert [(f["id"], f["story"]) for f in everything] == [("f-num", "story-1")]


def test_openapi_schema_describes_the_json_endpoints(client):
    schema = client.get("/openapi.json").json()
    for path in ("/api/stories", "/api/stories/{story_id}", "/api/stories/{story_id}/lineage",
                 "/api/stories/{story_id}/findings", "/api/findings", "/api/articles", "/api/articles/{article_id}"):
        assert "get" in schema["paths"][path], path
    assert "FindingOut" in schema["components"]["schemas"]
    assert client.get("/docs").status_code == 404  # the CDN-loading docs page is off


def test_real_pipeline_reanalysis(tmp_path):
    """The default pipeline (real readers, models and stages) behind the add form."""
    db = tmp_path / "store.db"
    Store(db).close()
    client = TestClient(create_app(db), base_url=BASE)
    text = "Harbour fire\n\nA fire broke out at the harbour in Tromsø on Monday. Two boats burned, police said."
    r = client.post("/articles", data={"text": text, "language": "en"}, files=[("files", ("", b""))],
                    headers={"accept": "application/json"})
    assert r.status_code == 200, r.text
    [new_id] = r.json()["added"]
    import sqlite3

    with sqlite3.connect(db) as conn:
        n = conn.execute("SELECT count(*) FROM sentences WHERE article_id = ?", (new_id,)).fetchone()[0]
    assert n >= 2


@pytest.mark.slow
def test_adding_to_an_analysed_store_recomputes_only_the_story_it_joins(tmp_path):
    """A store from `storytrace analyze` is updated like `analyze --db`: the other stories keep their rows."""
    from scale_helpers import cli, table_digests

    examples = Path(__file__).resolve().parents[2] / "examples" / "corpus"
    out = tmp_path / "out"
    done = cli("analyze", str(examples), "--out", str(out), "--quiet")
    assert done.returncode == 0, done.stderr
    db = out / "storytrace.db"
    before = table_digests(db, "_st_story_blobs", "story_id")
    steel = (examples / "unrelated-steel.md").read_text(encoding="utf-8")
    client = TestClient(create_app(db), base_url=BASE)
    r = client.post("/articles", data={"text": steel.replace("---", "", 2), "language": "en"},
                    files=[("files", ("", b""))], headers={"accept": "application/json"})
    assert r.status_code == 200, r.text
    [new_id] = r.json()["added"]
    after = table_digests(db, "_st_story_blobs", "story_id")
    import sqlite3

    with sqlite3.connect(db) as conn:
        joined = conn.execute("SELECT story_id FROM story_articles WHERE article_id = ?", (new_id,)).fetchone()[0]
        steel_story = conn.execute("SELECT story_id FROM story_articles WHERE article_id LIKE '%steel%'").fetchone()[0]
    assert joined == steel_story, "the pasted copy joins the steel article's story"
    assert after[joined] != before[joined]
    assert {k: v for k, v in after.items() if k != joined} == {k: v for k, v in before.items() if k != joined}


@pytest.fixture(scope="module")
def big_client(tmp_path_factory) -> TestClient:
    """A store of 130 two-version stories, each with three findings (high, medium, low), and 30 loose articles."""
    from storytrace.model import Finding

    articles, stories = [], []
    for n in range(130):
        pair = []
        for v in ("a", "b"):
            text = f"Story {n} version {v}. The council approved {n} new homes."
            articles.append(Article(id=f"s{n:03d}{v}", source_path="", original_text=text, text=text,
                                    sentences=[Sentence(0, 0, len(text), text)]))
            pair.append(f"s{n:03d}{v}")
        findings = [
            Finding(f"f{n:03d}-{sev}", "number_change", sev, pair[1], [pair[0]], articles[-1].text, (0, 5), str(n),
                    pair[0], articles[-2].text, (0, 5), str(n + 1), "a figure changed", 0.9)
            for sev in ("high", "medium", "low")
        ]
        stories.append(Story(f"story-{n:03d}", f"Story {n}", pair, findings=findings))
    for n in range(30):
        text = f"Loose article {n}."
        articles.append(Article(id=f"loose{n:02d}", source_path="", original_text=text, text=text,
                                sentences=[Sentence(0, 0, len(text), text)]))
        stories.append(Story(f"story-loose{n:02d}", text, [f"loose{n:02d}"]))
    db = tmp_path_factory.mktemp("big") / "store.db"
    with Store(db) as s:
        s.save_report(Report("test", articles, stories))
    return TestClient(create_app(db, pipeline_factory=SimplePipeline), base_url=BASE)


def test_index_pages_through_a_large_store(big_client):
    first = big_client.get("/").text
    assert "290 articles in the store" in first and "130 stories" in first and "page 1 of 2" in first
    assert first.count('data-story="') == 100 and 'href="/?page=2"' in first and 'rel="prev"' not in first
    second = big_client.get("/", params={"page": 2}).text
    assert second.count('data-story="') == 30 and 'href="/?page=1"' in second and 'rel="next"' not in second
    assert "story-129" in second and "story-000" not in second
    assert big_client.get("/", params={"page": 0}).status_code == 422


def test_api_lists_are_paged_with_a_total(big_client):
    r = big_client.get("/api/stories", params={"limit": 50, "offset": 140})
    assert r.headers["x-total-count"] == "160" and [s["id"] for s in r.json()][:2] == ["story-loose10", "story-loose11"]
    assert len(r.json()) == 20
    assert len(big_client.get("/api/stories").json()) == 100  # the default page
    assert big_client.get("/api/stories", params={"limit": 5000}).status_code == 422
    r = big_client.get("/api/articles", params={"limit": 10, "offset": 285})
    assert r.headers["x-total-count"] == "290" and len(r.json()) == 5


def test_api_findings_pages_across_stories(big_client):
    every = big_client.get("/api/findings", params={"limit": 1000}).json()
    assert len(every) == 390
    page = big_client.get("/api/findings", params={"limit": 7, "offset": 4})
    assert page.headers["x-total-count"] == "390"
    assert [f["id"] for f in page.json()] == [f["id"] for f in every[4:11]]
    high = big_client.get("/api/findings", params={"severity": "high", "offset": 125})
    assert high.headers["x-total-count"] == "130"
    assert [(f["story"], f["severity"]) for f in high.json()] == [(f"story-{n}", "high") for n in range(125, 130)]


@pytest.mark.parametrize("path", ["/api/stories?offset=9223372036854775808", "/api/articles?offset=99999999999999999999",
                                  "/api/findings?offset=9223372036854775808", "/?page=92233720368547758080",
                                  "/?page=9223372036854775807"])
def test_huge_offsets_and_pages_are_a_422_with_the_security_headers(client, path):
    r = client.get(path)
    assert r.status_code == 422, (path, r.status_code)
    assert "content-security-policy" in r.headers and r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"


def test_an_internal_error_still_carries_the_security_headers(tmp_path):
    """The store vanishes under a running app: the 500 is answered inside the header middleware."""
    db = _make_store(tmp_path / "store.db")
    app_client = TestClient(create_app(db, pipeline_factory=SimplePipeline), base_url=BASE, raise_server_exceptions=False)
    assert app_client.get("/").status_code == 200
    db.unlink()
    for path in ("/", "/api/stories"):
        r = app_client.get(path)
        assert r.status_code == 500, path
        assert "content-security-policy" in r.headers and r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY" and "Traceback" not in r.text


# -- issue 20.5: what a paste or upload adds -------------------------------------------------------------
def test_a_very_short_paste_gets_a_clear_message_not_a_story(writable):
    before = len(writable.get("/api/articles").json())
    for text in ("hello", "Harbour fire destroys two boats", "https://news.example/a https://news.example/b " * 3,
                 "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 a b c d"):
        r = writable.post("/articles", data={"text": text}, files=[("files", ("", b""))], headers={"accept": "application/json"})
        assert r.status_code == 400, text
        assert "pasted text: " in r.json()["detail"] and ("too short to be an article" in r.json()["detail"]
                                                           or "does not read as an article" in r.json()["detail"])
    assert len(writable.get("/api/articles").json()) == before


def test_a_short_upload_is_one_error_and_the_others_are_added(writable):
    files = [("files", ("hello.txt", b"Greeting\n\nhello there", "text/plain")),
             ("files", ("bridge.txt", b"Bridge\n\nThe council approved the new bridge over the river on Monday, the mayor said.", "text/plain"))]
    r = writable.post("/articles", files=files, headers={"accept": "application/json"})
    assert r.status_code == 200, r.text
    assert r.json()["added"] == ["bridge"]
    assert any(e.startswith("error: hello.txt: too short to be an article") for e in r.json()["errors"])


def test_after_adding_the_page_links_to_the_stories_joined(writable):
    text = "Bridge opens\n\nThe council approved the new bridge over the river on Monday, the mayor said."
    r = writable.post("/articles", data={"text": text}, files=[("files", ("", b""))], headers={"accept": "application/json"})
    assert r.status_code == 200 and r.json()["joined"] == [{"id": "story-all", "title": "All articles"}]
    page = writable.post("/articles", data={"text": text + " Again."}, files=[("files", ("", b""))])
    assert 'Joined: <a href="/stories/story-all">All articles</a>' in page.text


# -- pairs whose order is unknown ------------------------------------------------------------------------
def test_pages_and_api_say_when_the_order_of_two_versions_is_unknown(tmp_path):
    """A store whose wire -> blog edge is marked "direction unknown": the story page and the article
    page say beside each finding on it that which came first is not known, the reading view calls
    the other side "the other version", and the API carries "direction_known"; text stays escaped."""
    from report_helpers import build_unordered_report

    db = tmp_path / "store.db"
    with Store(db) as s:
        s.save_report(build_unordered_report())
    app = TestClient(create_app(db, pipeline_factory=SimplePipeline), base_url=BASE)
    note = "(which of the two came first is not known)"
    story = app.get("/stories/story-1").text
    assert story.count(note) == 3  # f-swap, f-num, f-omit: not f-name (dated edge) nor f-add (no version named)
    assert "beside the other version" in story and "what reads as added here may have been dropped there" in story
    _assert_no_raw_hostile(story)
    article = app.get("/articles/blog-rewrite").text
    assert article.count(note) == 3 and "The versions differ here" in article
    _assert_no_raw_hostile(article)
    api = app.get("/api/stories/story-1").json()
    assert {(e["derived"], e["direction_known"]) for e in api["lineage"]} == {
        ("daily-translation", True), ("blog-rewrite", False)}
    assert {f["id"]: f["direction_known"] for f in api["findings"]} == {
        "f-swap": False, "f-num": False, "f-omit": False, "f-name": True, "f-add": True}
    found = app.get("/api/findings").json()
    assert {f["id"]: f["direction_known"] for f in found}["f-num"] is False
    assert app.get("/api/stories/story-1/lineage").json()[1]["direction_known"] is False
