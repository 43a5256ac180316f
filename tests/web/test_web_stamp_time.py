"""The article page shows the stamp's time and zone beside the date (web/app.py, article.html.j2)."""
from __future__ import annotations

from fastapi.testclient import TestClient
from report_helpers import build_hostile_report

from storytrace.store.database import Store
from storytrace.web.app import create_app


def test_the_article_page_shows_the_stamp_time_and_an_unread_value_not_at_all(tmp_path):
    report = build_hostile_report()
    by_id = {a.id: a for a in report.articles}
    by_id["daily-translation"].metadata["published_time"] = "2024-03-10T17:55-04:00"
    by_id["wire-original"].metadata["published_time"] = "<b>noon</b>"
    with Store(tmp_path / "store.db") as s:
        s.save_report(report)
    client = TestClient(create_app(tmp_path / "store.db"), base_url="http://127.0.0.1:8765")
    page = client.get("/articles/daily-translation").text
    assert "2024-03-10 17:55 UTC-04:00 ·" in page
    other = client.get("/articles/wire-original").text
    assert "noon" not in other and "UTC" not in other.split("<p class=\"lede\">", 1)[1].split("</p>", 1)[0]
