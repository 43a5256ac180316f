"""Misspellings are noise, not distortions: a typo never yields a medium or high finding, while a
real change of a similar-looking word (an opposite, another place) still does."""
from __future__ import annotations

import pytest

from storytrace.findings.spelling import spelling_variant

from .helpers import pair_findings


@pytest.mark.parametrize("a,b", [("world", "worls"), ("Real", "Rela"), ("third", "thrid"),
                                 ("reportedly", "reportadly"), ("emissions", "emmisions"),
                                 ("Europeans", "Europians")])
def test_typos_are_spelling_variants(a, b):
    assert spelling_variant(a, b)


@pytest.mark.parametrize("a,b", [("majority", "minority"), ("major", "minor"), ("season", "session"),
                                 ("Iran", "Iraq"), ("Slovakia", "Slovenia"), ("Austria", "Australia"),
                                 ("increase", "decrease"), ("fifteen", "fifty")])
def test_different_words_are_not(a, b):
    assert not spelling_variant(a, b)


@pytest.mark.parametrize("src,der", [
    ("Real Madrid or Manchester City would then be waiting in the next round.",
     "Rela Madrid or Manchester City would then be waiting in the next round."),
    ("The network had not been compromised, the spokesperson told reporters.",
     "The network had nto been compromised, the spokesperson told reporters."),
    ("\"We will see cardinals from the rest of the world,\" he said.",
     "\"We will see cardinals from the rest of the worls,\" he said."),
])
def test_typo_gets_no_medium_or_high_finding(extractor, src, der):
    findings = pair_findings(extractor, src, der)
    assert not [f for f in findings if f.severity != "low"], findings


def test_opposite_with_similar_spelling_still_found(extractor):
    findings = pair_findings(extractor, "The ruling party retained a majority in the parliamentary elections.",
                             "The ruling party retained a minority in the parliamentary elections.")
    assert [f for f in findings if f.severity != "low"]


def test_inserted_negation_still_found_next_to_short_words(extractor):
    findings = pair_findings(extractor, "The festival was held in Shaoshan on the 25th.",
                             "The festival was not held in Shaoshan on the 25th.")
    assert [f for f in findings if f.type == "negation_flip" and f.severity == "high"], findings
