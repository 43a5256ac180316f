"""Issue 21.12: a long story is read in pages, and rendered pages are kept per store version."""
from __future__ import annotations

import re
import sqlite3

import pytest
from fastapi.testclient import TestClient

from storytrace.model import Alignment, Article, Edge, Finding, Report, Sentence, Story
from storytrace.store.database import Store
from storytrace.web import app as app_module
from storytrace.web.app import create_app
from storytrace.web.story_pages import VERSIONS_PER_PAGE

BASE = "http://127.0.0.1:8765"
VERSIONS = 25


def _long_story_store(path) -> str:
    """One story: an original and 24 versions, each changing the figure (one finding each)."""
    articles, findings, edges, alignments = [], [], [], []
    for n in range(VERSIONS):
        text = f"The council approved {100 + n} new homes on Monday, the mayor said."
        articles.append(Article(id=f"v{n:02d}", source_path="", original_text=text, text=text, outlet=f"Outlet {n:02d}",
                                sentences=[Sentence(0, 0, len(text), text)]))
        if n:
            findings.append(Finding(f"f-v{n:02d}", "number_change", "high", f"v{n:02d}", ["v00"], text, (0, len(text)),
                                    str(100 + n), "v00", articles[0].text, (0, len(articles[0].text)), "100",
                                    f"marker-{n:02d}: the figure differs", 0.9))
            edges.append(Edge("v00", f"v{n:02d}", "rewrite", 0.8, 0.9, 0.9, ["same sentence"]))
            alignments.append(Alignment("v00", f"v{n:02d}", pairs=[], unaligned_source=[0], unaligned_derived=[0]))
    story = Story("story-long", "Council approves homes", [a.id for a in articles], lineage=edges,
                  alignments=alignments, findings=findings)
    with Store(path) as s:
        s.save_report(Report("test", articles, [story]))
    return story.id


@pytest.fixture
def long_client(tmp_path):
    db = tmp_path / "store.db"
    _long_story_store(db)
    return TestClient(create_app(db), base_url=BASE), db


def _markers(html: str) -> set[str]:
    return set(re.findall(r"marker-(\d\d)", html))


def test_a_long_story_is_shown_ten_versions_at_a_time(long_client):
    client, _ = long_client
    pages = [client.get("/stories/story-long", params={"page": n}) for n in (1, 2, 3)]
    assert all(r.status_code == 200 for r in pages)
    seen = [_markers(r.text) for r in pages]
    assert all(len(m) <= VERSIONS_PER_PAGE for m in seen)
    assert set().union(*seen) == {f"{n:02d}" for n in range(1, VERSIONS)}, "every finding is on a page"
    assert not (seen[0] & seen[1]) and not (seen[1] & seen[2]), "and on one page only"
    assert "versions 1–10 of 25 (page 1 of 3)" in pages[0].text
    assert 'href="/stories/story-long?page=3"' in pages[0].text
    # The versions table and the lede count the whole story on every page.
    assert all(r.text.count("Outlet 24") >= 1 for r in pages)
    assert all('title="high severity findings">24 high</span>' in r.text for r in pages)
    assert client.get("/stories/story-long", params={"page": 4}).status_code == 404


def test_an_article_page_renders_only_what_concerns_it(long_client, monkeypatch):
    """Not the whole story's findings and reading views (24 of each) for one version's page."""
    client, _ = long_client
    seen = []
    real = app_module.story_view
    monkeypatch.setattr(app_module, "story_view", lambda story, *a, **k: seen.append(story) or real(story, *a, **k))
    html = client.get("/articles/v07").text
    assert _markers(html) == {"07"}
    [story] = seen
    assert [(al.source, al.derived) for al in story.alignments] == [("v00", "v07")]
    assert [f.id for f in story.findings] == ["f-v07"]


def test_pages_are_rendered_once_per_store_version(long_client, monkeypatch):
    client, db = long_client
    calls = []
    real = app_module.story_page_view
    monkeypatch.setattr(app_module, "story_page_view", lambda *a, **k: calls.append(1) or real(*a, **k))
    first = client.get("/stories/story-long").text
    assert client.get("/stories/story-long").text == first
    assert len(calls) == 1, "the second request was answered from the cache"
    with sqlite3.connect(db) as conn:  # another process changes the store: the page follows
        conn.execute("UPDATE stories SET title = 'Council approves 124 homes' WHERE id = 'story-long'")
    again = client.get("/stories/story-long").text
    assert "Council approves 124 homes" in again and len(calls) == 2
