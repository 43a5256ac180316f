"""Vague amounts said by a phrase (findings/amount_phrases.py; issue 17, session 24): "a lot of",
"lots of" and "plenty of" say "many", so "few residents" against "a lot of residents" reverses the
amount, though no word of the two phrases is listed as the other's opposite. Before, neither the
opposites (few ! many) nor the quantity scale (which leaves vague words out) saw it. Medium: the
phrase is read as "many", one signal. "a few" says "some", and "many" says what "a lot of" says:
neither is a flip."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _flips(findings):
    return [f for f in findings if f.type == "negation_flip" and f.severity != "low"]


@pytest.mark.xfail(strict=True, reason="ant24: dropped, its tuning gain (DEMETR antonym 105 -> 109/141) did not show on confirm (108/155); bench/RESULTS.md, session 24")
@pytest.mark.parametrize("src,der", [
    ("A lot of residents still remember the old bridge over the river.",
     "Few residents still remember the old bridge over the river."),
    ("Few visitors came to the exhibition during the first week.",
     "Lots of visitors came to the exhibition during the first week."),
])
def test_few_against_a_lot_of_the_same_noun_is_a_medium_flip(extractor, src, der):
    flips = _flips(pair_findings(extractor, src, der))
    assert len(flips) == 1 and flips[0].severity == "medium", flips
    assert '"a lot of" says "many"' in flips[0].explanation


@pytest.mark.parametrize("src,der", [
    ("A lot of residents still remember the old bridge over the river.",
     "Many residents still remember the old bridge over the river."),
    ("A lot of residents still remember the old bridge over the river.",
     "A few residents still remember the old bridge over the river."),
])
def test_many_or_a_few_against_a_lot_of_is_no_flip(extractor, src, der):
    assert not _flips(pair_findings(extractor, src, der))
