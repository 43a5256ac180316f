"""A body or place written two ways is no certain swap (issue 17.5, wrong highs on faithful pairs).

Two translations of one sentence write one body or place in different forms: an acronym for some
of its words ("UN Security Council" / "United Nations Security Council"), one word transliterated two
ways ("Gyeonggi Province" / "Kyonggi Province", "Tsinghua University" / "Qinghua University"), or
its first word cut short ("the Fed" / "the Federal Reserve"). The name in the other's place is one
signal; that it is a distinct name is not known, so the swap is medium, not high, and says how the
two may be one name. Another body or place stays a high swap, and a person keeps the person check."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _swaps(findings):
    return [f for f in findings if f.type == "entity_swap" and f.severity != "low"]


@pytest.mark.parametrize("source,derived", [
    ("The UN Security Council met in New York on Friday.", "The United Nations Security Council met in New York on Friday."),
    ("Workers in Gyeonggi Province went on strike on Monday.", "Workers in Kyonggi Province went on strike on Monday."),
    ("Tsinghua University opened a new laboratory in Beijing.", "Qinghua University opened a new laboratory in Beijing."),
    ("The Fed raised interest rates again on Wednesday.", "The Federal Reserve raised interest rates again on Wednesday."),
])
def test_one_name_written_two_ways_is_no_high_swap(extractor, source, derived):
    swaps = _swaps(pair_findings(extractor, source, derived, [([0], [0])]))
    assert all(f.severity == "medium" for f in swaps), swaps
    assert all("one name written two ways" in f.explanation for f in swaps), swaps


@pytest.mark.parametrize("source,derived", [
    ("Workers in Gyeonggi Province went on strike on Monday.", "Workers in Jeolla Province went on strike on Monday."),
    ("The Bank of England raised interest rates again on Wednesday.", "The Fed raised interest rates again on Wednesday."),
    ("The UN Security Council met in New York on Friday.", "The EU Security Council met in New York on Friday."),
])
def test_another_body_or_place_is_still_a_high_swap(extractor, source, derived):
    swaps = _swaps(pair_findings(extractor, source, derived, [([0], [0])]))
    assert [f.severity for f in swaps] == ["high"], swaps
