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


# review21: the first role is compared with the words that place it in time. On c7901f1 these gave no
# role_change at all (title_words leaves out "former" and "then", and _rank_changes reads ranks only
# of the titles in ROLE_NOUNS: "neurosurgeon", "geologist" are not); on d467639 each was a role_change.
@pytest.mark.parametrize(
    "source, derived",
    [
        ("Sanjay Patel, a former neurosurgeon and the network's chief medical reporter, is the leading candidate"
         " for the post.",
         "Sanjay Patel, a neurosurgeon who is among the nation's best-known physicians, is the leading candidate"
         " for the post."),
        ("Maria Olsen, a former geologist and the company's chief executive, is the leading candidate for the post.",
         "Maria Olsen, a geologist who is among the region's best-known scientists, is the leading candidate for"
         " the post."),
        ("Maria Olsen, the then governor and a party leader, is the leading candidate for the post.",
         "Maria Olsen, the governor who is among the region's best-known politicians, is the leading candidate for"
         " the post."),
    ],
)
def test_a_first_role_placed_in_the_past_is_still_a_role_change(extractor, source, derived):
    assert [f.type for f in pair_findings(extractor, source, derived)] == ["role_change"]
