"""A byline names its writer in brackets after a dateline; two renderings of a romanised name join
or split its syllables ("(Men Rui)" / "(Menrui)") and may keep or drop the role word ("(Reporter Men
Rui)"). The same letters in the brackets are the same writer, not another person; other letters
stay a swap."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _counted(findings):
    return [f for f in findings if f.type in ("entity_swap", "unsupported_addition", "omission") and f.severity != "low"]


@pytest.mark.parametrize("source,derived", [
    ("Chinanews.com, Beijing, February 11 (Reporter Men Rui) -- Exports rose by 8.6% last year.",
     "Chinanews.com, Beijing, February 11 (Menrui) -- Exports rose by 8.6% last year."),
    ("Chinanews.com, Beijing, February 11 (Menrui) -- Exports rose by 8.6% last year.",
     "Chinanews.com, Beijing, February 11 (Men Rui) -- Exports rose by 8.6% last year."),
    ("Chinanews.com, Beijing, February 11 (Men Rui) recently released the report, which shows that exports rose by 8.6%.",
     "Beijing, Feb. 11 (Menrui) -- According to the report recently released, exports rose by 8.6%."),
])
def test_a_byline_name_with_its_syllables_joined_or_split_is_no_finding(extractor, source, derived):
    assert _counted(pair_findings(extractor, source, derived, [([0], [0])])) == []


def test_another_writer_is_still_a_swap(extractor):
    found = _counted(pair_findings(extractor, "Chinanews.com, Beijing, February 11 (Reporter Men Rui) -- Exports rose.",
                                   "Chinanews.com, Beijing, February 11 (Li Jing) -- Exports rose.", [([0], [0])]))
    assert [f.type for f in found] == ["entity_swap"], found
