"""A romanised name written with its syllables run together in one version and spaced in the other
("Baorui" / "Bao Rui") is one name (issue 17: names read wrongly on real translations).

``names.cut_differently`` already says so for two whole names of the same kind; but the tagger reads
the two forms differently: the spaced form a PERSON and the joined one an untyped word, or the spaced
form cut into two untyped units ("Men", "Hao"). The whole-name rule then never sees the pair, and the
spaced form came out as an unsupported addition (or the joined one as a swap for one of the pieces).
No letter differs between the two forms, so no other person is named. Names are invented."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _flagged(findings):
    return [f for f in findings if f.severity != "low"]


_JOINED = 'Beijing, Feb. 11 (Tanmei) -- According to the "2022 Farm Survey Report" recently released, the number of farms grew.'
_SPACED = 'Xinhuanet.com, Beijing, February 11th (Tan Mei) recently released the "2022 Farm Survey Report", showing the number of farms grew.'
_JOINED_2 = "Beijing, Feb. 11 (Menhao) -- According to the report recently released, the number of farms grew."
_SPACED_2 = 'Xinhuanet.com, Beijing, February 11th (Men Hao) recently released the report, showing the number of farms grew.'


@pytest.mark.parametrize("src,der", [(_JOINED, _SPACED), (_SPACED, _JOINED), (_JOINED_2, _SPACED_2), (_SPACED_2, _JOINED_2)])
def test_a_dateline_name_cut_another_way_is_one_name(extractor, src, der):
    findings = [f for f in _flagged(pair_findings(extractor, src, der))
                if {f.derived_value, f.source_value} & {"Tanmei", "Tan Mei", "Tan", "Mei", "Menhao", "Men", "Hao"}]
    assert not findings, findings


def test_another_name_in_the_dateline_is_still_added(extractor):
    findings = pair_findings(extractor, _JOINED, _SPACED.replace("Tan Mei", "Tan Wei"))
    assert [f for f in _flagged(findings) if "Tan Wei" in f.derived_value or f.derived_value in ("Tan", "Wei")], findings


def test_a_person_against_a_body_with_the_same_letters_is_still_flagged(extractor):
    # The spaced form is read as a body (ORG), the joined one as a person (after "Mr."): the same
    # letters, two kinds of thing; which of them spoke is changed.
    findings = pair_findings(extractor, "Heng Yuan said the February retail sales figures were strong.",
                             "Mr. Hengyuan said the February retail sales figures were strong.")
    assert [f for f in _flagged(findings) if f.derived_value == "Hengyuan"], findings


def test_a_piece_of_a_longer_name_is_not_the_name_cut_another_way(extractor):
    # "Hengyuan" is only a piece of the column's name "Hengyuan Q&A" (tagged as one name): the spaced
    # "Heng Yuan" who asks is not that column's name cut another way.
    findings = pair_findings(extractor, "Hengyuan Q&A: how to read the February retail sales figures - Market Weekly",
                             "Heng Yuan asked Li Li how he read the February retail sales figures - Market Weekly")
    assert [f for f in _flagged(findings) if f.derived_value == "Heng Yuan"], findings
