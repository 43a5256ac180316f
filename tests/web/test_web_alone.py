"""Issue 18.6 in the web app: an article alone says why (escaped) on the index and on its story
page, and the index lists the same stories and loose articles as report.html ("1 version" included)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from report_helpers import HOSTILE, _article, _finding, build_hostile_report

from storytrace.model import Report, Story
from storytrace.outputs.html_report import render
from storytrace.store.database import Store
from storytrace.web.app import create_app

BASE = "http://127.0.0.1:8765"
WHY = f"closest: story-1 {HOSTILE}: combined score 0.21 < 0.40"


def _report() -> Report:
    report = build_hostile_report()
    lonely = next(s for s in report.stories if s.article_ids == ["lonely"])
    lonely.note = WHY
    # One article that contradicts itself: a story of "1 version" with a finding, listed as a story.
    selfish = _article("memo", ["The levy is 4 per cent.", "The levy is 5 per cent."], title="Levy memo", outlet="Memo Post")
    finding = _finding("f-self", "number_change", "medium", selfish, 1, "5 per cent", selfish, 0, "4 per cent",
                       "The article gives two values.", ["memo"])
    report.articles.append(selfish)
    report.stories.append(Story("story-3", "Levy memo", ["memo"], findings=[finding], note="no other article shares it"))
    return report


@pytest.fixture(scope="module")
def client(tmp_path_factory) -> TestClient:
    path = tmp_path_factory.mktemp("alone") / "store.db"
    with Store(path) as s:
        s.save_report(_report())
    return TestClient(create_app(path), base_url=BASE)


def _loose_section(html: str) -> str:
    return html.split("Articles in no story", 1)[1].split("<h2", 1)[0]


def test_the_index_says_why_a_loose_article_is_alone_escaped(client):
    page = client.get("/").text
    loose = _loose_section(page)
    assert "Alone because closest: story-1 &lt;script&gt;alert(1)&lt;/script&gt;" in loose
    assert "<script>alert" not in page


def test_the_story_page_of_one_article_says_why_it_is_alone(client):
    page = client.get("/stories/story-2").text
    assert 'class="muted small alone-because">Alone because closest: story-1 &lt;script&gt;' in page
    assert "alone-because" not in client.get("/stories/story-1").text  # three versions: no reason to give


def test_index_and_report_list_the_same_stories_and_the_same_loose_articles(client):
    index = client.get("/").text
    report = render(_report())
    stories_index = re.findall(r'<tr data-story="([^"]+)">', index)
    assert stories_index == ["story-1", "story-3"]  # the self-contradicting memo is a story of 1 version
    assert report.count('id="s') >= 2 and "Levy memo" in report.split("Articles in no story")[0]
    loose_index = re.findall(r'href="/articles/([^"]+)"', _loose_section(index))
    assert loose_index == ["lonely"]  # not the memo: it is listed as a story above
    assert "Memo Post" not in _loose_section(report) and "Town Paper" in _loose_section(report)
    assert "(1)</span>" in index.split("Articles in no story", 1)[1][:60]  # the count matches the list
    assert "2 stories with more than one version or a finding" in index
    assert "2 stories with more than one version or a finding" in report


def test_the_json_api_gives_the_reason_of_a_story_of_one_article(client):
    listed = {s["id"]: s for s in client.get("/api/stories").json()}
    assert listed["story-2"]["alone_because"] == WHY and listed["story-1"]["alone_because"] == ""
    assert client.get("/api/stories/story-2").json()["alone_because"] == WHY
    assert client.get("/api/stories/story-1").json()["alone_because"] == ""
