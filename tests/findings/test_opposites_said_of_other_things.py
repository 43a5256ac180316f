"""Opposite verbs reverse a claim only when they are said of one thing. "as the shooting began" and
"where the courier was killed" stand in one place of their sentences, and "kill" has a sense near "end"
(the opposite of "begin"), but one is said of a shooting, the other of a person: two events, no flip.
The same pair said of one subject is still a flip. Hand-written pairs.

Session 25 (real25) built this (negation_flip: no flip between verbs whose subjects differ, a pronoun
telling nothing apart) and measured it: translations confirm lost a right medium negation_flip (high+medium
141/176 -> 140/175) and Falke tune caught fell 12 -> 10/107, as session 18's candidate A4 did. Dropped; the
cases stay as strict xfails."""
from __future__ import annotations

import pytest

from findings.helpers import pair_findings


def _flips(findings):
    return [(f.derived_value, f.source_value) for f in findings if f.type == "negation_flip" and f.severity != "low"]


@pytest.mark.parametrize(
    "source, derived",
    [
        ("The guard said she covered her son with her coat just feet from where the courier was killed.",
         "The guard said she covered her son with her coat as the shooting began."),
        ("Witnesses said the crowd ran for cover just feet from where the courier was killed.",
         "Witnesses said the crowd ran for cover as the shooting began."),
    ],
)
@pytest.mark.xfail(strict=True, reason="real25's different-subjects gate (session 25) cost a right translation flip on"
                   " confirm (141/176 -> 140/175) and Falke tune caught (12 -> 10): dropped; known wrong flip")
def test_opposite_verbs_said_of_different_subjects_are_no_flip(extractor, source, derived):
    assert _flips(pair_findings(extractor, source, derived)) == []


@pytest.mark.parametrize(
    "source, derived",
    [
        ("Witnesses said the crowd ran for cover as the shooting ended.",
         "Witnesses said the crowd ran for cover as the shooting began."),
        ("The council approved the harbour plan on Monday, the mayor said.",
         "The council rejected the harbour plan on Monday, the mayor said."),
    ],
)
def test_opposite_verbs_said_of_one_subject_are_still_a_flip(extractor, source, derived):
    assert _flips(pair_findings(extractor, source, derived)) != []
