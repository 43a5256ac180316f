"""Datelines credit the outlet that filed a report (nlp/attribution.py): the outlet and a reporter's
byline in brackets are credits; the dateline's place and date, and names in an ordinary sentence, are not."""
from __future__ import annotations

import pytest

from storytrace.nlp.attribution import in_dateline, is_byline


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def test_the_outlet_and_the_byline_of_a_dateline_are_credits():
    text = "Opening line.\nChinanews.com, Beijing, March 3rd (Reporter Li Wei) -- The city opened parks."
    assert in_dateline(text, *_span(text, "Chinanews.com"))
    assert in_dateline(text, *_span(text, "Li Wei"))
    wire = "LONDON (Reuters) - The city opened parks."
    assert in_dateline(wire, *_span(wire, "Reuters"))


def test_the_place_and_date_of_a_dateline_are_not_credits():
    text = "Lakeside Daily, Beijing, 3 March 2024 -- The city opened parks."
    assert in_dateline(text, *_span(text, "Lakeside Daily"))
    assert not in_dateline(text, *_span(text, "Beijing"))
    assert not in_dateline(text, *_span(text, "March"))


def test_names_in_an_ordinary_sentence_are_not_credits():
    text = "Lakeside Holdings, the bureau said on March 3, opened parks in Beijing."
    assert not in_dateline(text, *_span(text, "Lakeside Holdings"))
    listing = "Officials in Beijing, Shanghai and Tianjin said on March 3 that parks opened."
    assert not in_dateline(listing, *_span(listing, "Beijing"))


# A translated wire credit often has no dash: the reporter's name in brackets closes the dateline, and
# the first sentence runs on after it ("Chinanews.com, Beijing, February 11 (Men Rui) recently released ...").
# fa25 built this (3c59e78) and took it back (e1ff201): measured with the hedging-verb rule, it moved WMT
# paraphrase false alarms on tune only and bench_translations lost right omissions on both parts.
_TAKEN_BACK = "fa25 3c59e78, taken back: no confirm gain, bench_translations right omissions lost (bench/RESULTS.md)"


@pytest.mark.xfail(strict=True, reason=_TAKEN_BACK)
def test_a_byline_in_brackets_closes_a_dateline_without_a_dash():
    from storytrace.nlp.attribution import dateline_span
    text = "Lakeside Daily, Beijing, March 3 (Li Wei) recently released a report on the city's parks."
    assert in_dateline(text, *_span(text, "Lakeside Daily"))
    assert in_dateline(text, *_span(text, "Li Wei"))
    assert not in_dateline(text, *_span(text, "Beijing"))
    assert dateline_span(text, *_span(text, "3"))  # the date belongs to the dateline, not to the sentence


def test_without_brackets_or_a_dash_an_opening_name_is_no_dateline():
    text = "Lakeside Daily, Beijing, March 3 recently released a report on the city's parks."
    assert not in_dateline(text, *_span(text, "Lakeside Daily"))
    brackets = "Lakeside Holdings, the owner, March 3 (a Monday) opened parks."
    assert not in_dateline(brackets, *_span(brackets, "Lakeside Holdings"))


# One byline shape (is_byline) for the header, which takes a byline under a headline out of the body, and
# for the entity comparison, for which a byline's names are no person the story adds.
@pytest.mark.parametrize("line", [
    "By Piet van Dam", "By Ana de la Cruz-Molina", "By Bashar al-Assad", "By J. K. Osei", "[By J.K. Osei]",
    "By Ana Ruiz and Tom Bell", "By Ana Ruiz & Tom Bell", "By Ana Ruiz, Tom Bell and Li Wei",
    "By Mara Jensen, Lakeside Daily", "By Mara Jensen for Lakeside Daily", "By Mara Jensen | Lakeside Daily",
    "By: Mara Jensen.", "BY MARA JENSEN",
])
def test_a_byline_of_names(line):
    assert is_byline(line)


@pytest.mark.parametrize("line", [
    "By the end of May, Mara Jensen had opened 12 new parks.",
    "By Monday the harbour was open again.",
    "By 2030 the city wants 40 new parks.",
    "Mara Jensen wrote the report.",
    "Written off by Mara Jensen",
])
def test_a_sentence_opening_with_by_is_no_byline(line):
    assert not is_byline(line)
