"""An office written in capitals with no person's name after it ("the last Prime Minister of
Norway") is an office, not a name: when the other version names the same office in other words
("premier", which WordNet gives as a synonym of "prime minister"; "lawman", its hypernym for
"attorney general"), no name was left out or added (entities_cmp.office_rendered). Another office
("Foreign Minister") renders nothing, so leaving the first one out stays a finding."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _names_counted(findings):
    return [f for f in findings if f.type in ("omission", "unsupported_addition") and f.severity != "low"]


@pytest.mark.xfail(strict=True, reason="fa24: dropped, its tuning gain (DEMETR faithful 8 -> 7/143, WMT paraphrase 29 -> 28/222) did not show on confirm; bench/RESULTS.md, session 24")
@pytest.mark.parametrize("source,derived", [
    ("The old Prime Minister of Norway died on Sunday.", "Norway's former premier died on Sunday."),
    ("The last Socialist Prime Minister of Hungary retired yesterday.",
     "Hungary's last socialist premier retired yesterday."),
    ("The former Attorney General of Kenya spoke at the hearing.", "Kenya's former top lawman spoke at the hearing."),
])
def test_one_office_in_other_words_is_no_name_left_out(extractor, source, derived):
    assert _names_counted(pair_findings(extractor, source, derived, [([0], [0])])) == []


@pytest.mark.xfail(strict=True, reason="fa24: dropped, its tuning gain (DEMETR faithful 8 -> 7/143, WMT paraphrase 29 -> 28/222) did not show on confirm; bench/RESULTS.md, session 24")
def test_the_office_added_in_capitals_is_no_new_name(extractor):
    findings = pair_findings(extractor, "Norway's former premier died on Sunday.",
                             "The old Prime Minister of Norway died on Sunday.", [([0], [0])])
    assert _names_counted(findings) == []


def test_another_office_still_leaves_the_first_out(extractor):
    findings = pair_findings(extractor, "The old Prime Minister of Norway died on Sunday.",
                             "The old Foreign Minister of Norway died on Sunday.", [([0], [0])])
    assert any(f.type == "omission" and f.source_value == "Prime" for f in _names_counted(findings)), findings
