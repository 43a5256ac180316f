"""A date stamp's time of day, and its time zone where it names one, are kept with the published day:
they order two versions of one day (tests/tracing/test_lineage_times.py). The stamp's own time, not its
update's; no time where the stamp gives none or an impossible one; a date in figures with dots is no
time. Invented stamps and articles."""
from __future__ import annotations

from datetime import date

import pytest

from storytrace.ingest import article_from_text
from storytrace.ingest.stamp_time import stamp_time

BODY = "The harbour board approved the new ferry timetable on Thursday after a long public meeting."


def _time(stamp_line: str) -> tuple[date | None, str | None]:
    article = article_from_text(f"Ferry timetable approved\n{stamp_line}\n{BODY}\n", id="x")
    return article.published, article.metadata.get("published_time")


@pytest.mark.parametrize("line, expected", [
    ("Published Thursday, August 4, 2011 5: 55PM EDT", "2011-08-04T17:55-04:00"),
    # "ET" names New York's clock on that day: summer time in August, standard time in January
    ("First Posted: 08 / 04 / 11 06: 44 PM ET Updated: 10 / 04 / 11 06: 12 AM ET", "2011-08-04T18:44-04:00"),
    ("Posted: January 12, 2012 6:44 pm ET", "2012-01-12T18:44-05:00"),
    ("March 12, 2013 14:03 GMT", "2013-03-12T14:03+00:00"),
    ("Published: 12 March 2013 09:10 +0100", "2013-03-12T09:10+01:00"),
    ("Published: 09 Sep 2013 11: 25 GMT+02: 00", "2013-09-09T11:25+02:00"),
    ("March 12, 2013 02: 03", "2013-03-12T02:03"),  # no zone given: the time alone
])
def test_a_stamps_time_and_zone_are_kept_with_its_day(line, expected):
    published, when = _time(line)
    assert when == expected
    assert published.isoformat() == expected[:10]


@pytest.mark.parametrize("line", [
    "9 September 2013 Last updated at 14: 39 GMT",  # the time is the update's, not the publication's
    "Published: 12 March 2013",
    "12.03.2013",  # a date in figures with dots, no time
])
def test_no_time_where_the_stamp_gives_none_for_its_publication(line):
    assert _time(line)[1] is None


def test_a_json_rows_iso_time_is_kept():
    article = article_from_text(BODY, id="x", title="Ferry timetable approved", published="2011-08-04T17:55:00-04:00")
    assert article.published == date(2011, 8, 4)
    assert article.metadata["published_time"] == "2011-08-04T17:55-04:00"


@pytest.mark.parametrize("stamp", [
    "August 4, 2011 5:55 PM - 3 min read",  # a sign and a figure after the time: a reading time, no offset
    "Thursday 4 August 2011, 10:30 - 12 photos",
    "4 août 2011 à 17h55 et mis à jour à 18h10",  # French "et" ("and") is no Eastern Time
    "August 4, 2011 5:55 pm in London",
])
def test_words_and_figures_after_a_time_are_no_zone(stamp):
    found = stamp_time(stamp, date(2011, 8, 4))
    assert found is not None and found.utc_offset is None


@pytest.mark.parametrize("stamp, offset", [
    ("4 Aug 2011 17:55 -0400", -240), ("4 Aug 2011 17:55 (-04:00)", -240), ("4 Aug 2011 17:55 GMT-5", -300),
    ("4 Aug 2011 5:55 p.m. EDT", -240), ("4 Aug 2011 17:55Z", 0),
])
def test_offsets_and_capital_abbreviations_are_zones(stamp, offset):
    assert stamp_time(stamp, date(2011, 8, 4)).utc_offset == offset


def test_without_a_zone_database_a_seasonal_zone_is_not_read(monkeypatch):
    # "ET" is summer or winter time by the date: with no tzdata installed it cannot be told, so the time
    # is kept with no zone (which orders only versions far apart) rather than guessed
    from storytrace.ingest import stamp_time as module

    def missing(key):
        raise module.ZoneInfoNotFoundError(key)

    monkeypatch.setattr(module, "ZoneInfo", missing)
    found = stamp_time("Posted: January 12, 2012 6:44 pm ET", date(2012, 1, 12))
    assert found is not None and found.minute == 18 * 60 + 44 and found.utc_offset is None
    assert stamp_time("Posted: January 12, 2012 6:44 pm EST", date(2012, 1, 12)).utc_offset == -300
