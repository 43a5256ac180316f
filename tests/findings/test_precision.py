"""Precision of the detectors on the kind of pair storytrace exists for: a news text and its
translation or rewrite. Each case is a hand-written sentence pair stating one linguistic rule."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .helpers import pair_findings, prepare


def _of(findings, kind):
    return [f for f in findings if f.type == kind]


# -- one rule per pair: a change of this kind is found, or none is -----------------------------

_NO_CHANGE = [
    # "not ... much" says what "little" says: the clause keeps its polarity.
    pytest.param("The new policy appears to have little effect on prices, the ministry said.",
                 "The new policy has not appeared to make much difference to prices, the ministry said.",
                 "negation_flip", id="a negation moved onto a quantifier"),
    pytest.param("The council did not approve the plan on Monday.", "The council rejected the plan on Monday.",
                 "negation_flip", id="a negated verb against its opposite"),
    # "upcoming" describes one summit, "last" dates another event: nothing is reversed.
    pytest.param("The upcoming summit will open on July 20 in Vienna.", "The summit held last October in Vienna was a failure.",
                 "negation_flip", id="opposites in different phrases"),
    pytest.param("The upcoming summit will open on July 20 in Vienna.", "The summit held last October in Vienna was a failure.",
                 "date_change", id="dates of different events"),
    # "25 years" measures a span; "February 7" names a day: one cannot be a changed version of the other.
    pytest.param("The museum was founded 25 years ago by the city.", "The museum was founded on February 7 by the city.",
                 "date_change", id="a span of years is no calendar date"),
    # "open in 2026" and "was held in 2019" date two different summits.
    pytest.param("The next summit will open in 2026 in Vienna.", "The summit was held in 2019 in Vienna.",
                 "date_change", id="a year of another event"),
    pytest.param('"We will not give up until every family has a home," said Anna Berg, the minister.',
                 '"We won\'t surrender until all families have a house," said Anna Berg, the minister.',
                 "quote_change", id="translation wording in a quote"),
    # Two nouns reworded at once: a looser translation of the quote, not one word changed.
    pytest.param('"Funding, the cultivation of talent and policy incentives all matter," said Anna Berg, the minister.',
                 '"Capital investment, talent training and policy incentives all matter," said Anna Berg, the minister.',
                 "quote_change", id="a quote reworded throughout"),
]


@pytest.mark.parametrize("source, derived, kind", _NO_CHANGE)
def test_no_change_of_this_kind(extractor, source, derived, kind):
    assert not _of(pair_findings(extractor, source, derived), kind)


_CHANGED = [
    pytest.param("The council approved the plan on Monday.", "The council did not approve the plan on Monday.",
                 "negation_flip", None, None, id="a negation added to the same clause"),
    pytest.param("The summit will open on July 20 in Vienna.", "The summit will open on July 21 in Vienna.",
                 "date_change", "21", "20", id="the same event on another day"),
    # A summary hangs the figure on another verb ("12 people were killed" / "killed 15 people").
    pytest.param("Rescuers said 12 people were killed when the storm hit the harbour town on Monday.",
                 "The storm killed 15 people in the harbour town on Monday.",
                 "number_change", "15", None, id="a figure rehung by a summary"),
]


@pytest.mark.parametrize("source, derived, kind, derived_value, source_value", _CHANGED)
def test_a_change_of_this_kind(extractor, source, derived, kind, derived_value, source_value):
    findings = pair_findings(extractor, source, derived)
    assert [f for f in _of(findings, kind) if derived_value in (None, f.derived_value)
            and source_value in (None, f.source_value)], findings


# -- negation and opposites --------------------------------------------------------------------

_NOT_INSIDE = ["another", "notable", "knotted", "denoted", "nominal", "economic", "innovative", "canonical"]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(first=st.sampled_from(_NOT_INSIDE), second=st.sampled_from(_NOT_INSIDE))
def test_negations_are_whole_tokens(extractor, first, second):
    """A word with "not" or "no" inside it ("another", "nominal") negates nothing."""
    findings = pair_findings(extractor, f"The {first} report was published by the agency on Monday.",
                             f"The {second} report was published by the agency on Monday.")
    assert not _of(findings, "negation_flip"), findings


# -- quotations --------------------------------------------------------------------------------

def test_a_quote_naming_a_thing_by_its_class_drops_nothing(extractor):
    findings = pair_findings(extractor, '"This is the biggest discovery on Earth in a decade," said Anna Berg, the minister.',
                             '"This is the largest discovery on the planet in ten years," said Anna Berg, the minister.')
    assert not [f for f in findings if f.severity in ("high", "medium")], findings


def test_a_different_noun_in_a_quote_is_a_change_but_not_high(extractor):
    findings = pair_findings(extractor, '"The farmers have lost their harvest to the floods," said Anna Berg, the minister.',
                             '"The fishermen have lost their harvest to the floods," said Anna Berg, the minister.')
    changes = _of(findings, "quote_change")
    assert [f.severity for f in changes] == ["medium"], findings
    assert "loose translation" in changes[0].explanation


def test_one_change_seen_by_two_detectors_is_one_finding(extractor):
    findings = pair_findings(extractor, '"We lost 12 million euros to the floods this spring," said Anna Berg, the minister.',
                             '"We lost 20 million euros to the floods this spring," said Anna Berg, the minister.')
    assert [f.type for f in findings] == ["number_change"], findings
    assert "Supporting evidence: quote change" in findings[0].explanation


# -- speakers of "she added" -------------------------------------------------------------------

def _speakers(extractor, text):
    return [(q.text, q.speaker) for q in prepare(extractor, text, "x").quotes]


def test_she_added_continues_the_person_reported_speaking_last(extractor):
    text = ('Tom Reyes, the mayor, opened the meeting. "We need a plan," he said. Maria Lopez said the city '
            'had waited too long. "We cannot wait another year," she added.')
    assert _speakers(extractor, text)[-1] == ("We cannot wait another year", "Maria Lopez")


def test_she_added_after_someone_disagreed_is_that_person(extractor):
    text = ('"The bridge is safe," said Tom Reyes, the mayor. Engineer Maria Lopez disagreed with the assessment. '
            '"The cracks are growing," she added.')
    assert _speakers(extractor, text)[-1] == ("The cracks are growing", "Maria Lopez")


def test_a_pronoun_resolved_once_fixes_that_persons_gender(extractor):
    text = ('Maria Lopez, who led the survey, was surprised. "Nothing like this has been seen," she said. '
            'Tom Reyes agreed. "It is remarkable," he added. "We will publish in May," she added.')
    assert [s for _, s in _speakers(extractor, text)] == ["Maria Lopez", "Tom Reyes", "Maria Lopez"]


def test_she_added_that_fits_two_people_gets_no_speaker(extractor):
    # Lopez is known to be a woman, Reyes's gender is not given: a guess could be wrong.
    text = 'Ms. Lopez spoke first. "We are ready," said Tom Reyes. "The teams are in place," she added.'
    assert _speakers(extractor, text)[-1] == ("The teams are in place", None)


# -- severity ----------------------------------------------------------------------------------

def test_high_needs_a_second_signal_and_says_which(extractor):
    # One-to-one rendering: the changed figure is certain to be in the sentence it renders.
    findings = pair_findings(extractor, "The storm killed 12 people on Monday. Roads were closed in the north.",
                             "The storm killed 15 people on Monday. Roads were closed in the north.",
                             [([0], [0]), ([1], [1])])
    change = [f for f in findings if f.type == "number_change"]
    assert change and change[0].severity == "high" and "exactly one source sentence" in change[0].explanation


def test_a_change_in_a_sentence_fusing_several_is_medium_and_says_why(extractor):
    # The sentence fuses two source sentences: which one it changed is less certain.
    findings = pair_findings(extractor, "The storm hit Porto Vela on Monday. It killed 12 people in the harbour.",
                             "The storm killed 15 people in the harbour of Porto Vela on Monday.", [([0, 1], [0])])
    change = [f for f in findings if f.type == "number_change"]
    assert change and change[0].severity == "medium" and "Medium, not high" in change[0].explanation, findings


def test_a_currency_sign_with_country_letters_is_read_as_the_figure(extractor):
    # "S$110 million" and "110 million Singapore dollars" are one amount written two ways.
    findings = pair_findings(extractor,
                             "The board plans to allocate 110 million Singapore dollars to new events over two years.",
                             "The board plans to allocate S$110 million to new events over two years.")
    assert not [f for f in findings if "110" in f.derived_value or "110" in f.source_value], findings
