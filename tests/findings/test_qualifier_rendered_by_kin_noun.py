"""A source qualifier the version renders elsewhere by a noun one or two WordNet steps above or
below it ("the pandemic" for "the epidemic") is not dropped, so a new word on its head cannot be
its rendering: the new word is an addition.

Session 22 (ant22, candidate K, commit 2730edf) built this and measured it: DEMETR tuning additions
87 -> 88, confirm unchanged (83/157), but DEMETR confirm faithful false alarms 9 -> 10 of 157. Reverted;
the addition stays as a strict xfail."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _additions(findings, word):
    return [f for f in findings if f.type == "unsupported_addition" and f.derived_value == word and f.severity != "low"]


@pytest.mark.xfail(strict=True, reason="ant22 candidate K: a confirm faithful false alarm more; reverted (bench/RESULTS.md, session 22)")
def test_an_adverb_added_where_the_source_qualifier_is_said_by_a_narrower_noun(extractor):
    findings = pair_findings(extractor, "According to officials, so far around 5000 people have died in the province due to the Corona epidemic.",
                             "According to officials, around 5,000 people have suddenly died in the province as a result of the corona pandemic.")
    assert _additions(findings, "suddenly"), findings


def test_a_new_word_that_renders_a_dropped_qualifier_is_no_addition(extractor):
    # "population" is said nowhere else: "demographic" renders it
    findings = pair_findings(extractor, "The report describes changes in population across the region after the war.",
                             "The report describes demographic changes across the region after the war.")
    assert not _additions(findings, "demographic"), findings
