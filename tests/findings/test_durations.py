"""An amount of time is not a point in time (issue 17: date and number changes only between values about
the same thing). "4 1/2 hours", "three days", "for 25 years" measure how long; "February 7" and "three
days ago" say when.

Dropped in session 19, taken up again in session 20 (real20; tests/findings/test_spaced_figures.py): a figure
written in spaced pieces ("4 1 / 2", "4. 5" inside a sentence) is one value. Its pieces compared as figures of
their own made topic 36's two wrong highs between a copy and its source, on an edge typed verbatim_copy with the
sentences one-to-one: no rule on durations can lower those, since both signals for high are there; what is wrong
is the value read.

Dropped in session 19 (strict xfails below, the rule as it was measured): a duration never compared with
a date, an amount of time against another typed number_change and high only when both are said of one
word. On bench_translations confirm it cost six right high date_changes and a right medium (high
49/55 -> 45/51, recall 112 -> 110): between machine translations of one Chinese text, a value one system
renders as an amount of time and another as a date may be the mistranslation itself (日 "day"/"the
Nth", 月 "month"/a month's name): a guess, since confirm rows are not read. A second form (c4) kept the
pairing as it was and only typed duration against duration number_change, high only when both amounts are
said of one word: bench_independent confirm high 8 -> 9 (number_change high 3 -> 4), as session 18's "C";
dropped too."""
from __future__ import annotations

import pytest

from .helpers import pair_findings

_DROPPED = pytest.mark.xfail(strict=True, reason="duration typing dropped in session 19 (bench_translations confirm)")


def _changes(findings):
    return [f for f in findings if f.type in ("date_change", "number_change")]


@pytest.mark.parametrize("source,derived", [
    ("The witness spoke for about 10 minutes after 4.5 hours of testimony on Wednesday evening.",
     "The witness spoke for about 10 minutes after 4 1 / 2 hours of testimony on Wednesday evening."),
    ("The witness spoke for about 10 minutes after 4. 5 hours of testimony on Wednesday evening.",
     "The witness spoke for about 10 minutes after 4 1 / 2 hours of testimony on Wednesday evening."),
])
def test_tokenised_mixed_number_and_decimal_are_one_value(extractor, source, derived):
    findings = pair_findings(extractor, source, derived)
    assert not [f for f in findings if f.severity != "low"], findings


@_DROPPED
@pytest.mark.parametrize("source,derived", [
    ("The family opened the mill 25 years ago in the valley.", "The family ran the mill for 20 years in the valley."),
    ("The ceremony in the valley took place three days ago.", "The ceremony in the valley lasted four days."),
])
def test_a_duration_is_never_compared_with_a_point_in_time(extractor, source, derived):
    """"25 years ago" says when (a point reckoned back); "for 20 years" says how long."""
    assert not _changes(pair_findings(extractor, source, derived))


@pytest.mark.parametrize("source,derived,changed", [
    # typed number_change since session 21 (fix21; tests/findings/test_amounts_of_time_typed.py)
    ("Police questioned the suspect on Tuesday for three hours.", "Police questioned the suspect on Tuesday for five hours.",
     "five"),
    ("He has worked at the mine for 25 years.", "He has worked at the mine for 20 years.", "20"),
    ("The strike lasted three days.", "The strike lasted four days.", "four"),
    # an age ("years old") is no amount of time to amount_of_time: still a date_change
    pytest.param("The girl was 14 years old when she married him.", "The girl was 15 years old when she married him.",
                 "15", marks=_DROPPED),
])
def test_an_amount_of_time_changed_is_a_number_change(extractor, source, derived, changed):
    changes = _changes(pair_findings(extractor, source, derived))
    assert [(f.type, f.derived_value) for f in changes] == [("number_change", changed)], changes


@_DROPPED
def test_amounts_of_time_said_of_different_words_are_not_high(extractor):
    """"lasted three hours" / "ended after five hours": one unit, but the unit names no thing counted,
    and the amounts hang off different words: one signal, medium at most."""
    changes = _changes(pair_findings(extractor, "The talks lasted three hours on Wednesday, officials said.",
                                     "The meeting ended after five hours on Wednesday, officials said."))
    assert changes and all(f.severity != "high" for f in changes), changes


def test_a_point_reckoned_back_stays_a_date(extractor):
    changes = _changes(pair_findings(extractor, "The fire started three days ago in the north.",
                                     "The fire started five days ago in the north."))
    assert [f.type for f in changes] == ["date_change"], changes
