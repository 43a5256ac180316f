"""Two descriptions of one person that begin with the same role and go on to say different things about
its holder ("a surgeon and the hospital's chief medical officer" / "a surgeon who is among the region's
best-known doctors") are no role_change: a person holds several roles and a report names those it needs.
Hand-written pairs; the first two gave a medium role_change on d467639."""
from __future__ import annotations

import pytest

from findings.helpers import pair_findings


@pytest.mark.parametrize(
    "source, derived",
    [
        ("Dr. Maria Olsen, a surgeon and the hospital's chief medical officer, is the leading candidate for the"
         " post, officials said.",
         "Dr. Maria Olsen, a surgeon who is among the region's best-known doctors, is the leading candidate for"
         " the post, officials said."),
        ("Maria Olsen, a surgeon and the hospital's chief medical officer, is the leading candidate for the post.",
         "Maria Olsen, a surgeon who is among the region's best-known doctors, is the leading candidate for the"
         " post."),
    ],
)
def test_the_same_first_role_with_more_said_is_no_role_change(extractor, source, derived):
    assert [f for f in pair_findings(extractor, source, derived) if f.type == "role_change"] == []


def test_another_first_role_is_still_a_role_change(extractor):
    findings = pair_findings(
        extractor,
        "Maria Olsen, a surgeon and the hospital's chief medical officer, is the leading candidate for the post.",
        "Maria Olsen, a dentist who is among the region's best-known doctors, is the leading candidate for the post.")
    assert [f.type for f in findings] == ["role_change"]
