"""A "not" added to a bare clause beside a negated one (issue 17, session 29, demetr29): "It worked
and nobody was hurt" / "It did not work and nobody was hurt". With a negation on both sides the
count of negations says too little, and a negated word is compared with its counterpart only where
the two clauses share a content word besides it: a clause of a pronoun and a verb has none, so the
flip passed. Two such bare clauses are tied by their subject instead (the same subject word), and
the flip is medium (one signal). A bare clause of another subject is left alone.

Measured and dropped (no figure moved on either part): the positive cases are strict xfails, the
controls ordinary tests."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _flips(findings):
    return [(f.severity, f.explanation) for f in findings if f.type == "negation_flip" and f.severity != "low"]


_DROPPED = pytest.mark.xfail(strict=True, reason="demetr29: dropped, moved no benchmark figure on either part"
                             " (bench/RESULTS.md, session 29)")


@_DROPPED
@pytest.mark.parametrize("src, der", [
    ('"It worked very well and I didn\'t have to wait long," says the coach.',
     '"It did not work well and I didn\'t have to wait long," says the coach.'),
    ('"It worked and nobody was hurt," the engineer said.',
     '"It did not work and nobody was hurt," the engineer said.'),
    ("She agreed, although she did not sign the letter.",
     "She did not agree, although she did not sign the letter."),
])
def test_a_not_on_a_bare_clause_of_the_same_subject_is_a_flip(extractor, src, der):
    flips = _flips(pair_findings(extractor, src, der))
    assert [sev for sev, _ in flips] == ["medium"], flips
    assert "the same subject" in flips[0][1]


@pytest.mark.parametrize("src, der", [
    # another subject: not the same clause
    ("It worked, but he did not stay long.", "He did not work, but he did not stay long."),
    # the negation written another way, on the same clause
    ('"It worked very well and I didn\'t have to wait long," says the coach.',
     '"It worked well and I did not have to wait long," says the coach.'),
])
def test_bare_clauses_of_other_subjects_or_the_same_polarity_are_no_flip(extractor, src, der):
    assert _flips(pair_findings(extractor, src, der)) == []
