"""Why a finding has its severity, as data (issue 17.3): findings/severity.py's API writes the
record and the explanation's sentence together; merge.py reads the record, never the text."""
from __future__ import annotations

from storytrace.findings.merge import merge_same_change
from storytrace.findings.severity import (
    ALONE, NOT_HIGH, RAISED, Reason, Signal, lower_to_medium, record, settle_high,
)
from storytrace.model import Finding

from .helpers import pair_findings


def _finding(kind="entity_swap", severity="high", derived="Hana Morikawa", source="Emi Sato",
             explanation="Names Hana Morikawa.", span=(0, 40)) -> Finding:
    return Finding("", kind, severity, "e", ["a"], "Hana Morikawa, the trade commissioner, spoke.", span,
                   derived, "a", "Emi Sato, the trade commissioner, spoke.", (0, 38), source, explanation, 0.8)


def _consensus(severity="high", derived="Hana Morikawa", source="Emi Sato", span=(0, 40)) -> Finding:
    return Finding("", "consensus_outlier", severity, "e", ["a", "b", "c"], "", span, derived, "a", "", None, source,
                   "Every other version names Emi Sato.", 0.9)


def test_lower_to_medium_records_the_missing_signal_and_writes_the_sentence_byte_for_byte():
    f = lower_to_medium(_finding(), Signal.ONE_TO_ONE, "the sentence does not render exactly one source sentence.")
    assert f.severity == "medium"
    assert (f.signals, f.lacks, f.severity_reason) == (["detector"], ["one_to_one"], "lacks_signal")
    assert f.explanation == ("Names Hana Morikawa. Medium, not high: the sentence does not render exactly one"
                             " source sentence.")
    g = lower_to_medium(_finding(), Signal.STORY_CONFIRMS, "the source itself names this person.", lead=ALONE)
    assert g.explanation == "Names Hana Morikawa. Medium on this signal alone: the source itself names this person."
    assert g.lacks == ["story_confirms"] and g.note_lead == ALONE


def test_settle_high_records_both_signals():
    f = settle_high(_finding(severity="medium"), (Signal.DETECTOR, Signal.ONE_TO_ONE, Signal.SAME_QUANTITY),
                    " High: two signals agree: aligned, and both values are people.")
    assert f.severity == "high" and f.severity_reason == "two_signals"
    assert f.signals == ["detector", "one_to_one", "same_quantity"] and f.lacks == []


def test_a_consensus_raises_a_finding_one_signal_kept_medium_and_rewords_only_its_recorded_note():
    host = lower_to_medium(_finding(), Signal.ONE_TO_ONE, "the sentence does not render exactly one source sentence.")
    [merged] = merge_same_change([host, _consensus()])
    assert merged.severity == "high" and merged.severity_reason == Reason.TWO_SIGNALS.value
    assert merged.signals == ["detector", "story_confirms"] and merged.lacks == []
    assert NOT_HIGH not in merged.explanation
    assert f"{RAISED} the sentence does not render" in merged.explanation
    assert merged.explanation.endswith("High: the story's other versions confirm the change, a second signal.")


def test_a_consensus_never_raises_a_two_signal_finding_the_story_lowered():
    # weigh_against_story lowered it: the other versions side with this version. That is the
    # story's own verdict; a consensus on the same change cannot overturn it.
    host = lower_to_medium(_finding(), (), "the story's other versions side with this version: 3 of the 3.",
                           has=(Signal.DETECTOR, Signal.ONE_TO_ONE))
    host.severity_reason = Reason.SOURCE_IS_ODD.value
    before = host.explanation
    [merged] = merge_same_change([host, _consensus()])
    assert merged.severity == "medium" and merged.severity_reason == "source_is_odd"
    assert merged.explanation.startswith(before) and RAISED not in merged.explanation


def test_words_that_only_look_like_a_medium_note_are_not_rewritten():
    # A quotation that happens to hold the words is text, not a verdict: only the note the record
    # says was written is reworded (the regex this replaces rewrote the quotation itself).
    quoted = 'The quotation was changed: the source quote has "safe", this version "Medium, not high: risky".'
    host = record(_finding(kind="quote_change", severity="medium", derived="Medium, not high: risky", source="safe",
                           explanation=quoted), Reason.DETECTOR_RULE)
    [merged] = merge_same_change([host, _consensus(derived="risky", source="safe")])
    assert merged.severity == "high"
    assert merged.explanation.startswith(quoted)


def test_only_the_recorded_note_is_reworded_when_the_words_also_occur_before_it():
    quoted = 'This version has "Medium, not high: risky".'
    host = lower_to_medium(_finding(derived="Medium, not high: risky", source="safe", explanation=quoted),
                           Signal.ONE_TO_ONE, "the sentence does not render exactly one source sentence.")
    [merged] = merge_same_change([host, _consensus(derived="risky", source="safe")])
    assert merged.explanation.startswith(quoted + RAISED + " the sentence does not render")


def test_a_second_detector_on_the_same_change_is_recorded_as_a_signal():
    number = record(_finding(kind="number_change", derived="90", source="40"), Reason.DETECTOR_RULE)
    quote = record(_finding(kind="quote_change", severity="medium", derived="90", source="40"), Reason.DETECTOR_RULE)
    [merged] = merge_same_change([quote, number])
    assert merged.type == "number_change" and merged.signals == ["detector", "detectors_agree"]


# -- the detectors, on real sentences -------------------------------------------------------------

def _one(findings, kind):
    found = [f for f in findings if f.type == kind and f.severity != "low"]
    assert len(found) == 1, findings
    return found[0]


def test_each_lowered_detector_finding_names_the_signal_it_lacks(extractor):
    cases = [
        ("The company invested 1.2 billion yuan in the new harbour last year.",
         "The company invested 120 million yuan in the new harbour last year.", "number_change", "clear_difference"),
        ("The ferry carried 300 passengers on its first day.", "The ferry carried 500 on its first day.",
         "number_change", "same_quantity"),
        ('"The Tourism Board has worked hard on this plan," Lee said.',
         '"The STB has worked hard on this plan," Lee said.', "quote_change", "detectors_agree"),
        ('Mayor Anna Berg spoke first. "The town will recover soon after the flood," she said.',
         'Mayor Anna Berg spoke first. "The town will recover soon after the flood," Tom Reyes said.',
         "attribution_change", "named_speakers"),
    ]
    for source, derived, kind, lacking in cases:
        f = _one(pair_findings(extractor, source, derived), kind)
        assert (f.severity, f.severity_reason, f.lacks) == ("medium", "lacks_signal", [lacking]), (kind, f)
        assert f.signals == ["detector"] and NOT_HIGH in f.explanation


def test_an_opposite_on_another_word_lacks_the_shared_head(extractor):
    # (Until session 22 this case was "destroyed ... after drifting" / "drifted ... before being destroyed":
    # the events swapped round the opposite words, which is now no flip at all, tests/findings/test_converse_order.py.)
    f = _one(pair_findings(
        extractor, "On Saturday, the balloon was destroyed near the coast after the storm.",
        "On Saturday, the balloon was shot down off the coast before the gale."),
        "negation_flip")
    assert (f.severity, f.lacks, f.note_lead) == ("medium", ["same_head"], NOT_HIGH)


def test_a_person_moved_from_elsewhere_in_the_source_waits_for_the_story(extractor):
    # One signal, and the second one it lacks is the story's: a consensus would raise it.
    f = _one(pair_findings(
        extractor, "Maria Lopez, the harbour master, said the port would reopen on Monday.\n\n"
                   "Tom Reyes, the mayor, said the town council would meet on Friday.\n",
        "Tom Reyes, the harbour master, said the port would reopen on Monday.\n\n"
        "Tom Reyes, the mayor, said the town council would meet on Friday.\n"), "entity_swap")
    assert (f.severity, f.lacks, f.note_lead) == ("medium", ["story_confirms"], ALONE)
    assert ALONE in f.explanation


def test_a_clear_change_is_high_on_two_recorded_signals(extractor):
    f = _one(pair_findings(extractor, "The storm dropped 5 inches of rain on the town overnight.",
                           "The storm dropped 8 inches of rain on the town overnight."), "number_change")
    assert (f.severity, f.severity_reason, f.lacks) == ("high", "two_signals", [])
    assert f.signals == ["detector", "one_to_one"]
    # A figure changed inside a quote: the number detector's finding, the quote's as a second detector.
    f = _one(pair_findings(extractor, '"We will build 40 new homes on the harbour this year," Lee said.',
                           '"We will build 90 new homes on the harbour this year," Lee said.'), "number_change")
    assert f.severity == "high" and "detectors_agree" in f.signals and "one_to_one" in f.signals
