"""Date stamps in figures with a two-digit year ("First Posted: 08 / 04 / 11", "Posted 4/8/11").

The year is last, as English writes it. Which of the other two figures is the month shows where one is
over 12 ("10 / 25 / 11"), or where the file shows its convention: another date in figures with a figure
over 12, or a North American time zone on the stamp ("06: 44 PM ET"; those stamps write the month first).
Otherwise the date is ambiguous (08/04/11 is 4 August in New York, 8 April in London): it stays unknown
with a note saying why, never a guess, because a wrong date can turn a copy's lineage round.
"""
from __future__ import annotations

from datetime import date

import pytest

from storytrace.ingest import article_from_text
from storytrace.ingest.dates import parse_published

TITLE = "Harbour board signs the terminal contract in Valdora"
BODY = ("The harbour board signed the contract for the new terminal on Thursday after a two-hour meeting.\n\n"
        "Fishermen protested outside the hall, and the board said work would start in the spring.")


def _article(stamp: str, body: str = BODY):
    return article_from_text(f"{TITLE}\n{stamp}\n{body}")


@pytest.mark.parametrize(
    "stamp, day",
    [
        # A stamp and its update on one line: the first is the published date; ET shows the month first.
        ("First Posted: 08 / 04 / 11 06: 44 PM ET Updated: 10 / 04 / 11 06: 12 AM ET", date(2011, 8, 4)),
        # A figure over 12 can only be the day.
        ("First Posted: 10 / 25 / 11 06: 44 PM Updated: 12 / 25 / 11 05: 12 AM", date(2011, 10, 25)),
        ("Posted 4/18/11", date(2011, 4, 18)),
        ("Posted: 25/12/13", date(2013, 12, 25)),
        ("Posted 7/7/12", date(2012, 7, 7)),  # both the same: no order to know
    ],
)
def test_a_two_digit_year_stamp_whose_order_shows_is_read(stamp, day):
    a = _article(stamp)
    assert (a.title, a.published) == (TITLE, day)


@pytest.mark.parametrize("stamp", ["Posted 4/8/11", "First Posted: 08 / 04 / 11 06: 44 PM Updated: 10 / 04 / 11 06: 12 AM"])
def test_an_ambiguous_two_digit_year_stamp_is_not_guessed_and_the_user_is_told(stamp):
    # 4/8/11: 8 April or 4 August; nothing in the file says which.
    a = _article(stamp)
    assert a.published is None
    assert "could be day or month first" in a.metadata["published_note"]


def test_the_files_own_convention_settles_an_ambiguous_stamp():
    # The text writes another date in figures day first (13/04/11): the stamp 08/04/11 is 8 April.
    body = BODY + "\n\nThe previous contract, signed on 13/04/11, was cancelled."
    assert _article("Posted 08/04/11", body).published == date(2011, 4, 8)
    # ...and month first (04/13/11): 4 August.
    body = BODY + "\n\nThe previous contract, signed on 04/13/11, was cancelled."
    assert _article("Posted 08/04/11", body).published == date(2011, 8, 4)


def test_a_file_that_writes_both_orders_shows_no_convention():
    from storytrace.ingest.dates import numeric_convention

    assert numeric_convention("signed 13/04/11 and renewed 04/13/12") is None
    assert numeric_convention("06: 44 PM ET") is True
    assert numeric_convention("at 6.44pm in Leeds, 4/8/11") is None


def test_a_metadata_value_with_a_two_digit_year_follows_the_same_rule():
    assert parse_published("4/8/11") is None
    assert parse_published("4/18/11") == date(2011, 4, 18)
    assert parse_published("4/8/11", month_first=False) == date(2011, 8, 4)


def test_a_published_field_whose_order_nothing_shows_says_so():
    from storytrace.ingest.jsonl import article_from_object

    row, problems = article_from_object({"id": "r1", "text": BODY, "published": "4/8/11"}, "rows.jsonl", "r1")
    assert row.published is None
    assert [p.problem for p in problems] == [
        "could not read published date '4/8/11' as a calendar day (it could be day or month first); kept as text"]
    _, problems = article_from_object({"id": "r1", "text": BODY, "published": "4/31/11"}, "rows.jsonl", "r1")
    assert "(not an absolute date)" in problems[0].problem  # no such day either way round
