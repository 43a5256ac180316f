"""Issue 20.1 (part): a person's decisions on findings, stored, kept across re-analysis, exported.

The review is keyed by what the finding says (article, type, claim, values), so the same finding
found again by a later run, under another id, gets the same decision.
"""
from __future__ import annotations

import dataclasses
import json

import pytest
from fastapi.testclient import TestClient
from report_helpers import build_hostile_report

from storytrace.store.database import Store
from storytrace.web.app import create_app

BASE = "http://127.0.0.1:8765"


@pytest.fixture
def web(tmp_path):
    db = tmp_path / "store.db"
    with Store(db) as s:
        s.save_report(build_hostile_report())
    return TestClient(create_app(db), base_url=BASE), db


def _finding(client, fid):
    return next(f for f in client.get("/api/stories/story-1/findings").json() if f["id"] == fid)


def test_confirm_dismiss_and_reopen_with_a_note(web):
    client, _ = web
    assert _finding(client, "f-swap")["review"] is None
    r = client.post("/api/findings/f-swap/review", json={"status": "confirmed", "note": "Checked against the wire copy."})
    assert r.status_code == 200 and r.json()["status"] == "confirmed"
    review = _finding(client, "f-swap")["review"]
    assert review["note"] == "Checked against the wire copy." and review["reviewed_at"]
    r = client.post("/api/findings/f-num/review", json={"status": "dismissed", "reason": "translation wording"})
    assert r.status_code == 200 and _finding(client, "f-num")["review"]["reason"] == "translation wording"
    assert client.post("/api/findings/f-num/review", json={"status": "dismissed"}).status_code == 422  # no reason
    assert client.post("/api/findings/f-num/review", json={"status": "dismissed", "reason": "meh"}).status_code == 422
    assert client.post("/api/findings/f-num/review", json={"status": "maybe"}).status_code == 422
    assert client.post("/api/findings/nope/review", json={"status": "confirmed"}).status_code == 404
    client.post("/api/findings/f-num/review", json={"status": "open"})
    assert _finding(client, "f-num")["review"]["status"] == "open"


def test_the_story_page_form_records_a_decision_and_shows_it(web):
    client, _ = web
    page = client.get("/stories/story-1").text
    assert 'action="/findings/f-swap/review"' in page and "translation wording" in page
    r = client.post("/findings/f-swap/review", data={"status": "dismissed", "reason": "wrong pairing", "note": "<b>x</b>"},
                    follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/stories/story-1#review-f-swap"
    page = client.get("/stories/story-1").text
    assert 'data-finding="f-swap" data-status="dismissed"' in page and "(wrong pairing)" in page
    assert "&lt;b&gt;x&lt;/b&gt;" in page and "<b>x</b>" not in page


def test_decisions_survive_reanalysis_and_a_new_finding_id(web):
    client, db = web
    client.post("/api/findings/f-swap/review", json={"status": "confirmed"})
    report = build_hostile_report()  # the same analysis again, its detector now naming the finding differently
    swap = report.stories[0].findings[0]
    report.stories[0].findings[0] = dataclasses.replace(swap, id="entity_swap-0123456789")
    with Store(db) as s:
        s.save_report(report)
    again = _finding(client, "entity_swap-0123456789")
    assert again["review"]["status"] == "confirmed"


def test_decisions_are_exported_as_json_lines(web):
    client, _ = web
    client.post("/api/findings/f-swap/review", json={"status": "confirmed", "note": "ok"})
    client.post("/api/findings/f-num/review", json={"status": "dismissed", "reason": "paraphrase"})
    r = client.get("/reviews.jsonl")
    rows = [json.loads(line) for line in r.text.splitlines()]
    assert r.headers["content-type"].startswith("application/x-ndjson")
    assert sorted((x["finding_id"], x["status"], x["reason"]) for x in rows) == [
        ("f-num", "dismissed", "paraphrase"), ("f-swap", "confirmed", "")]
    assert {"article_id", "type", "claim", "derived_value", "source_value", "note", "reviewed_at"} <= set(rows[0])
    assert client.get("/api/reviews").json() == rows


def test_findings_can_be_filtered_by_decision(web):
    client, _ = web
    client.post("/api/findings/f-swap/review", json={"status": "confirmed"})
    ids = lambda status: [f["id"] for f in client.get("/api/stories/story-1/findings", params={"review": status}).json()]  # noqa: E731
    assert ids("confirmed") == ["f-swap"]
    assert "f-swap" not in ids("open") and ids("open")
    assert ids("dismissed") == []


def test_the_findings_api_filters_by_decision_across_stories(web):
    client, _ = web
    client.post("/api/findings/f-swap/review", json={"status": "confirmed"})
    client.post("/api/findings/f-num/review", json={"status": "dismissed", "reason": "paraphrase"})
    def ids(status):
        r = client.get("/api/findings", params={"review": status})
        return [f["id"] for f in r.json()], int(r.headers["x-total-count"])
    assert ids("confirmed") == (["f-swap"], 1)
    assert ids("dismissed") == (["f-num"], 1)
    open_ids, total = ids("open")
    assert "f-swap" not in open_ids and "f-num" not in open_ids and total == len(open_ids) >= 1
    assert client.get("/api/findings", params={"review": "maybe"}).status_code == 422


def test_report_html_shows_each_decision_and_filters_by_it(web, tmp_path):
    from storytrace.outputs import html_report
    from storytrace.store.database import load_report

    client, db = web
    client.post("/api/findings/f-swap/review", json={"status": "confirmed", "note": "Checked <the> wire copy."})
    client.post("/api/findings/f-num/review", json={"status": "dismissed", "reason": "translation wording"})
    with Store(db) as s:
        report = load_report(s)
    html = html_report.write(report, tmp_path / "report.html").read_text()
    assert 'data-review="confirmed"' in html and 'data-review="dismissed"' in html and 'data-review="open"' in html
    assert "Confirmed by a person" in html and "Checked &lt;the&gt; wire copy." in html
    assert "Dismissed by a person</strong> (translation wording)" in html
    assert '<select name="review">' in html and '<option value="confirmed">confirmed (1)</option>' in html
