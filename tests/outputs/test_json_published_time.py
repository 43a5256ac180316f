"""report.json gives each article's stamp time ("published_time", schema 5), in-memory and streamed alike."""
from __future__ import annotations

import datetime

from storytrace.model import Article
from storytrace.outputs.json_report import article_to_dict


def _article(published: datetime.date | None, metadata: dict) -> Article:
    return Article(id="a", source_path="a.txt", original_text="Text.", published=published, metadata=metadata)


def test_an_articles_stamp_time_and_zone_are_in_report_json():
    a = _article(datetime.date(2011, 8, 4), {"published_time": "2011-08-04T17:55-04:00"})
    assert article_to_dict(a)["published_time"] == "2011-08-04T17:55-04:00"


def test_a_stamp_without_a_zone_gives_a_time_without_an_offset():
    a = _article(datetime.date(2011, 8, 4), {"published_time": "2011-08-04T17:55"})
    assert article_to_dict(a)["published_time"] == "2011-08-04T17:55"


def test_no_time_when_none_was_read_or_the_day_was_corrected_since():
    assert article_to_dict(_article(datetime.date(2011, 8, 4), {}))["published_time"] is None
    assert article_to_dict(_article(None, {"published_time": "2011-08-04T17:55"}))["published_time"] is None
    # a person corrected the date to another day: the old stamp's time belongs to no day shown
    moved = _article(datetime.date(2011, 8, 6), {"published_time": "2011-08-04T17:55-04:00"})
    assert article_to_dict(moved)["published_time"] is None


def test_the_streamed_report_gives_the_same_article_rows(tmp_path):
    from storytrace.outputs.from_store import _article_rows
    from storytrace.store.database import Store

    a = _article(datetime.date(2011, 8, 4), {"published_time": "2011-08-04T17:55-04:00"})
    with Store(tmp_path / "s.db") as store:
        store.save_article(a)
        rows = list(_article_rows(store))
    expected = article_to_dict(a)
    assert [{k: r[k] for k in expected} for r in rows] == [expected]
