"""One value written two ways is no change (issue 17.5: a paraphrase read as a change).

Translations and house styles write the same value differently: a figure with its thousands grouped by a
space ("3 000", the French, Russian and SI style) or by a comma ("3,000"); a mixed number in words ("two
and a half hours") or in digits ("2.5 hours"); a romanised given name as one word or as its syllables
("Menrui" / "Men Rui"). Read as different values, each gave a high number, date or entity change on a
faithful pair. A different value written either way is still a change.

Session 20 (fa20) coded these as candidate A (7562236) and A' (d966d8c, without the 12-hour clock): measured once
each on both parts, no confirm false-alarm figure moved (bench_findings identical; bench_translations confirm
identical, tune one high fewer: "Wang Ling-li" / "Wang Lingli", the same name, counted right only by its
segment's other error) and bench_independent confirm gained one medium date_change; dropped by the acceptance
rule. The cases stay here as strict xfails (known wrong findings), so a later rule that clears them shows up.

(A time on the 12-hour clock, "3 p.m." for "15:00", was part of the first measured form and is left out:
a bare hour, "at 10" or "10 o'clock", may be either half of the day, so reading "10 p.m." as 22 makes it
differ from a bare "10" that may say the same.)"""
from __future__ import annotations

import pytest

from .helpers import pair_findings


_DROPPED = pytest.mark.xfail(strict=True, reason="known wrong findings: fa20's candidate A/A' (one value written two "
                              "ways) moved no confirm false-alarm figure and was dropped")


def _flagged(findings):
    return [f for f in findings if f.severity != "low"]


@_DROPPED
@pytest.mark.parametrize("src,der", [
    ("The plant employs 3000 workers in the region.", "The plant employs 3 000 workers in the region."),
    ("The plant employs 3,000 workers in the region.", "The plant employs 3\u00a0000 workers in the region."),
    ("The fund holds 12.5 million dollars in bonds.", "The fund holds 12 500 000 dollars in bonds."),
])
def test_digits_grouped_by_a_space_are_one_figure(extractor, src, der):
    assert not _flagged(pair_findings(extractor, src, der))


@_DROPPED
def test_a_figure_grouped_by_a_space_that_differs_is_a_change(extractor):
    findings = pair_findings(extractor, "The plant employs 3,000 workers in the region.",
                             "The plant employs 3 500 workers in the region.")
    assert [f for f in _flagged(findings) if f.type == "number_change" and f.derived_value == "3 500"], findings


def test_a_day_before_a_count_is_not_one_figure(extractor):
    findings = pair_findings(extractor, "On March 3, 200 people were arrested in the capital.",
                             "On March 3 200 people were arrested in the capital.")
    assert not _flagged(findings), findings


@_DROPPED
@pytest.mark.parametrize("src,der", [
    ("The meeting lasted two and a half hours on Monday.", "The meeting lasted 2.5 hours on Monday."),
    ("Some one and a half million people voted on Sunday.", "Some 1.5 million people voted on Sunday."),
])
def test_a_mixed_number_in_words_is_its_figure(extractor, src, der):
    assert not _flagged(pair_findings(extractor, src, der))


@_DROPPED
def test_a_mixed_number_against_another_figure_is_a_change(extractor):
    findings = pair_findings(extractor, "The meeting lasted two and a half hours on Monday.",
                             "The meeting lasted three hours on Monday.")
    assert [f for f in _flagged(findings) if f.source_value == "two and a half"], findings


@_DROPPED
def test_a_name_cut_into_syllables_is_one_name(extractor):
    findings = pair_findings(extractor, "Reporter Men Rui said the survey was released on Monday.",
                             "Reporter Menrui said the survey was released on Monday.")
    assert not _flagged(findings), findings


def test_another_name_with_one_syllable_alike_is_a_swap(extractor):
    findings = pair_findings(extractor, "Reporter Men Rui said the survey was released on Monday.",
                             "Reporter Wang Rui said the survey was released on Monday.")
    assert [f for f in _flagged(findings) if f.type == "entity_swap"], findings
