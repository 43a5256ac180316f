"""Extraction: quantities (value, unit, scale, approximation) and dates resolved against publication."""
from datetime import date

import pytest

from storytrace.model import Article


def quantities(extractor, text):
    a = extractor.process(Article(id="q", source_path="", original_text=text, published=date(2024, 3, 14)))
    return [(a.text[m.start : m.end], m.value) for m in a.mentions if m.kind == "quantity"]


def dates(extractor, text, published=date(2024, 3, 14)):
    a = extractor.process(Article(id="d", source_path="", original_text=text, published=published))
    return [(a.text[m.start : m.end], m.value) for m in a.mentions if m.kind == "date"]


def one(found):
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text, span, value, unit, scale",
    [
        ("The package is worth $210bn in total.", "$210bn", 210e9, "USD", "bn"),
        ("Exports reached \\$42.7bn last year.", "\\$42.7bn", 42.7e9, "USD", "bn"),
        ("The fund holds €3.5 million in bonds.", "€3.5 million", 3.5e6, "EUR", "million"),
        ("The club paid £1.2bn for the stadium.", "£1.2bn", 1.2e9, "GBP", "bn"),
        ("It costs US$5m a year.", "US$5m", 5e6, "USD", "m"),
        ("They raised 40 million euros.", "40 million euros", 40e6, "EUR", "million"),
        ("Sales of 1.2 million cars were recorded.", "1.2 million cars", None, None, None),
    ],
)
def test_money_and_scales(extractor, text, span, value, unit, scale):
    got_span, q = one(quantities(extractor, text))
    if span == "1.2 million cars":
        assert got_span == "1.2 million"
        assert q.value == pytest.approx(1.2e6) and q.unit == "cars" and q.scale == "million"
        return
    assert got_span == span
    assert q.value == pytest.approx(value)
    assert (q.unit, q.scale) == (unit, scale)


def test_percent_of_gdp_and_plain_percent(extractor):
    found = quantities(extractor, "Spending will rise to 2.5 per cent of GDP, while inflation hit 15% in March.")
    assert found[0][0] == "2.5 per cent of GDP"
    assert (found[0][1].value, found[0][1].unit, found[0][1].of) == (2.5, "%", "GDP")
    assert found[1][0] == "15%"
    assert (found[1][1].value, found[1][1].unit, found[1][1].of) == (15, "%", "")


def test_approximations(extractor):
    found = quantities(extractor, "More than 30 people were hurt and about 200 homes lost power.")
    assert found[0][0] == "More than 30"
    assert (found[0][1].value, found[0][1].approx, found[0][1].unit) == (30, "more than", "people")
    assert found[1][0] == "about 200"
    assert (found[1][1].value, found[1][1].approx, found[1][1].unit) == (200, "about", "homes")


@pytest.mark.parametrize(
    "text, span, value, unit",
    [
        ("Three officials resigned.", "Three", 3, "officials"),
        ("Twenty-five boats sank overnight.", "Twenty-five", 25, "boats"),
        ("A dozen protesters were arrested.", "A dozen", 12, "protesters"),
        ("The city has two million residents.", "two million", 2e6, "residents"),
    ],
)
def test_number_words(extractor, text, span, value, unit):
    got_span, q = one(quantities(extractor, text))
    assert got_span == span
    assert q.value == pytest.approx(value) and q.unit == unit


def test_ranges(extractor):
    found = quantities(extractor, "Between 10 and 12 ships were seized; prices rose 3-4% this year.")
    assert found[0][0] == "Between 10 and 12"
    assert (found[0][1].value, found[0][1].high, found[0][1].unit) == (10, 12, "ships")
    assert found[1][0] == "3-4%"
    assert (found[1][1].value, found[1][1].high, found[1][1].unit) == (3, 4, "%")


def test_years_dates_times_ordinals_are_not_quantities(extractor):
    text = "In 2019, on March 11 at 10:30 and again at 3 p.m. on the 12th, the 5th round of COVID-19 talks met at 9am."
    assert quantities(extractor, text) == []


def test_number_in_url_is_not_a_quantity(extractor):
    assert quantities(extractor, "Original: https://example.com/story?id=12345") == []


def test_thousands_separator_and_decimals(extractor):
    (span, q), = quantities(extractor, "Police counted 12,500 marchers.")
    assert span == "12,500" and q.value == 12500 and q.unit == "marchers"


# ---- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, span, iso, granularity",
    [
        ("The deal was signed on March 11.", "March 11", "2024-03-11", "day"),
        ("The deal was signed on March 11, 2023.", "March 11, 2023", "2023-03-11", "day"),
        ("The deal was signed on 11 March.", "11 March", "2024-03-11", "day"),
        ("Talks resumed on the 12th, officials said.", "the 12th", "2024-03-12", "day"),
        ("Prices fell last month.", "last month", "2024-02", "month"),
        ("Talks continue this week.", "this week", "2024-W11", "week"),
        ("The ship sank yesterday.", "yesterday", "2024-03-13", "day"),
        ("The minister resigned on Monday.", "Monday", "2024-03-11", "day"),
        ("The plan was first drafted in 2019.", "2019", "2019", "year"),
        ("Elections are due in May.", "May", "2024-05", "month"),
        ("The report of 2024-02-29 was withdrawn.", "2024-02-29", "2024-02-29", "day"),
    ],
)
def test_dates_resolved_against_publication(extractor, text, span, iso, granularity):
    got_span, v = one(dates(extractor, text))
    assert got_span == span
    assert (v.iso, v.granularity) == (iso, granularity)


def test_ordinal_day_after_publication_day_is_previous_month(extractor):
    (span, v), = dates(extractor, "The vote took place on the 20th.")
    assert span == "the 20th" and v.iso == "2024-02-20"


def test_ordinal_day_in_january_rolls_back_a_year(extractor):
    (span, v), = dates(extractor, "The vote took place on the 20th.", published=date(2024, 1, 5))
    assert v.iso == "2023-12-20"


def test_month_day_late_in_year_written_in_january_is_last_year(extractor):
    (span, v), = dates(extractor, "The fire started on December 30.", published=date(2024, 1, 5))
    assert v.iso == "2023-12-30"


def test_weekday_on_publication_day_is_that_day(extractor):
    (span, v), = dates(extractor, "The committee met on Thursday.", published=date(2024, 3, 14))  # a Thursday
    assert v.iso == "2024-03-14"


def test_without_publication_date_keeps_only_what_the_text_fixes(extractor):
    found = dates(extractor, "It happened on March 11, and again last week, and in 2019.", published=None)
    by_span = {s: v for s, v in found}
    assert by_span["March 11"].iso == "--03-11" and by_span["March 11"].year is None
    assert by_span["last week"].granularity == "relative" and by_span["last week"].iso == ""
    assert by_span["2019"].iso == "2019"


def test_words_that_look_like_dates_are_not(extractor):
    assert dates(extractor, "She may march on the 12th floor, said a spokesman.") == []


def test_from_to_is_a_change_not_a_range(extractor):
    found = quantities(extractor, "Unemployment rose from 10 to 12 per cent.")
    assert [(s, q.value, q.high) for s, q in found] == [("10", 10, None), ("12 per cent", 12, None)]


def test_no_range_across_different_units(extractor):
    found = quantities(extractor, "Profits rose 7.2pc to £1bn.")
    assert [(s, q.value, q.unit) for s, q in found] == [("7.2pc", 7.2, "%"), ("£1bn", 1e9, "GBP")]


def test_short_million_without_currency_needs_a_counted_noun(extractor):
    (span, q), = quantities(extractor, "Some 3.5m voters stayed at home.")
    assert span == "Some 3.5m" and q.value == pytest.approx(3.5e6) and q.unit == "voters" and q.approx == "some"
    assert all(q.value != 5e6 for _, q in quantities(extractor, "The 5m high wall fell."))


def test_hyphenated_scale_word(extractor):
    (span, q), = quantities(extractor, "A $1.2-billion loan was approved.")
    assert span == "$1.2-billion" and q.value == pytest.approx(1.2e9) and q.unit == "USD"


@pytest.mark.parametrize(
    "text, span, iso, granularity",
    [
        ("The ship left three days ago.", "three days ago", "2024-03-11", "day"),
        ("The ship left two weeks ago.", "two weeks ago", "2024-W09", "week"),
        ("The law passed a year ago.", "a year ago", "2023", "year"),
    ],
)
def test_ago_expressions(extractor, text, span, iso, granularity):
    got_span, v = one(dates(extractor, text))
    assert (got_span, v.iso, v.granularity) == (span, iso, granularity)
    assert quantities(extractor, text) == []


@pytest.mark.parametrize(
    "text, span, value, unit",
    [
        ("Water could rise by another 30cm overnight.", "30cm", 30, "cm"),
        ("The convoy drove 120 km/h on the motorway.", "120 km/h", 120, "km/h"),
        ("A 5m wall collapsed.", "5m", 5, "m"),
        ("The storm cut power to 40,000 homes.", "40,000", 40000, "homes"),
    ],
)
def test_measurement_units(extractor, text, span, value, unit):
    got_span, q = one(quantities(extractor, text))
    assert (got_span, q.value, q.unit) == (span, value, unit)


def test_vote_tally_is_not_a_range_and_plural_proper_nouns_are_units(extractor):
    found = quantities(extractor, "The Senate voted 52 to 48. Roughly 19 Republicans backed it; 10 to 12 million people watched.")
    assert [(s, q.value, q.high, q.unit) for s, q in found] == [
        ("52", 52, None, ""),
        ("48", 48, None, ""),
        ("Roughly 19", 19, None, "republicans"),
        ("10 to 12 million", 10e6, 12e6, "people"),
    ]


def test_dateline_place_in_capitals_is_title_cased(extractor):
    a = extractor.process(Article(id="c", source_path="", original_text="LONDON (Reuters) - Rain fell in London."))
    assert [m.value for m in a.mentions if m.kind == "place"] == ["London", "London"]
