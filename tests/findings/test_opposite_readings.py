"""Opposites the engine reads through a word's grammar: an adjective describing a clause's subject
is outside that clause's negation ("the internal audit did not find" / "the external audit found
no"), and a noun for a person spelled as an adjective says that adjective ("an expert" /
"an amateur"), and a "not" on a degree adverb is a negation ("not long after" / "long after").

Session 22 (ant22) built all three (commits f589f0a, 3ef6178 on branch ant22) and measured them:
DEMETR tuning antonyms 106 -> 109 of 141, the confirm part unchanged (108/155), no other figure
moved. A tuning-only gain is noise by bench/README.md's discipline, so the code was reverted; the
cases stay here as strict xfails, and the paraphrase pairs as tests that hold either way."""
from __future__ import annotations

import pytest

from .helpers import pair_findings

_DROPPED = pytest.mark.xfail(strict=True, reason="ant22: built and measured, tuning-only gain, reverted (bench/RESULTS.md, session 22)")


def _flips(findings, word):
    return [f for f in findings if f.type == "negation_flip" and f.derived_value == word]


@_DROPPED
def test_an_opposite_adjective_on_the_subject_of_a_negated_clause_is_a_flip(extractor):
    # The source's "not" denies the finding, not the audit's being internal: the version names
    # another audit whether or not its own clause is negated.
    findings = pair_findings(extractor, "The internal audit did not find any fraud in the accounts of the charity.",
                             "The external audit found no fraud in the accounts of the charity.")
    assert _flips(findings, "external"), findings


def test_a_negated_predicate_adjective_against_its_opposite_is_no_flip(extractor):
    # "was not public" says what "was private" says: the negation reaches a predicate adjective.
    findings = pair_findings(extractor, "The inquiry into the collapse of the bridge was not public.",
                             "The inquiry into the collapse of the bridge was private.")
    # (the dropped "not" is reported on its own; no word reverses another)
    assert not _flips(findings, "private"), findings


def test_did_not_win_against_lost_is_no_flip(extractor):
    findings = pair_findings(extractor, "The home team did not win the final on Sunday.",
                             "The home team lost the final on Sunday.")
    assert not _flips(findings, "lost"), findings


def test_the_same_adjective_in_other_words_is_no_flip(extractor):
    findings = pair_findings(extractor, "The huge crowd did not leave the square until midnight.",
                             "The large crowd did not leave the square until midnight.")
    assert not [f for f in findings if f.type == "negation_flip"], findings


@_DROPPED
def test_an_amateur_for_an_expert_is_a_flip(extractor):
    findings = pair_findings(extractor, "A local expert on the disease said the outbreak began in the spring.",
                             "A local amateur on the disease said the outbreak began in the spring.")
    flips = _flips(findings, "amateur")
    # one signal (WordNet through the noun's adjective reading, in the slot): medium, not high
    assert flips and all(f.severity == "medium" for f in flips), findings


def test_a_specialist_or_a_professional_for_an_expert_is_no_flip(extractor):
    for other in ("specialist", "professional"):
        findings = pair_findings(extractor, "A local expert on the disease said the outbreak began in the spring.",
                                 f"A local {other} on the disease said the outbreak began in the spring.")
        assert not [f for f in findings if f.type == "negation_flip"], (other, findings)


@_DROPPED
def test_a_dropped_not_before_a_degree_adverb_is_a_flip(extractor):
    # "not long after" is soon after; "long after" is late: the same adverb, its "not" dropped.
    findings = pair_findings(extractor, "The rescue team arrived not long after the fire started in the kitchen.",
                             "The rescue team arrived long after the fire started in the kitchen.")
    flips = [f for f in findings if f.type == "negation_flip"]
    assert flips and all(f.severity == "medium" for f in flips), findings


@_DROPPED
def test_an_added_not_before_a_degree_adverb_is_a_flip(extractor):
    findings = pair_findings(extractor, "The village lies far from the border with its northern neighbour.",
                             "The village lies not far from the border with its northern neighbour.")
    assert [f for f in findings if f.type == "negation_flip"], findings


def test_not_long_after_in_other_words_is_no_flip(extractor):
    for derived in ("The rescue team arrived soon after the fire started in the kitchen.",
                    "The rescue team arrived not long after the fire started in the kitchen."):
        findings = pair_findings(extractor, "The rescue team arrived not long after the fire started in the kitchen.", derived)
        assert not [f for f in findings if f.type == "negation_flip"], (derived, findings)
