"""Why a finding has its severity, as data: the vocabulary findings/severity.py writes and outputs read.

A finding's ``signals`` are the ``Signal`` values it has, ``lacks`` the ones it lacks for high, and
``severity_reason`` a ``Reason`` value; all three ``None`` when unknown (a finding stored before
they were kept). Kept apart from findings/ (which loads every detector) so that the report and
the web app can explain a stored finding's severity cheaply.
"""
from __future__ import annotations

from enum import Enum

from storytrace.model import Finding


class Signal(str, Enum):
    """One independent piece of evidence a severity can rest on (its value is what is stored)."""

    DETECTOR = "detector"                # the detector's own evidence: a value, name, word or speaker differs
    ONE_TO_ONE = "one_to_one"            # the claim sentence renders exactly one source sentence
    DETECTORS_AGREE = "detectors_agree"  # a second detector saw the same change (merge.py)
    STORY_CONFIRMS = "story_confirms"    # the story's other versions disagree with this version too
    SAME_QUANTITY = "same_quantity"      # one noun or unit says both values count the same thing
    CLEAR_DIFFERENCE = "clear_difference"  # no rendering explains the difference (scale word, reworded citation)
    SAME_SLOT = "same_slot"              # a role or quote ties the two names to one slot
    NAMED_SOURCES = "named_sources"      # both sides name the source they cite
    SAME_HEAD = "same_head"              # the two opposite words bear on the same word
    NAMED_SPEAKERS = "named_speakers"    # both speakers are named in their quotes' own sentences
    VERIFIER = "verifier"                # the sentence-pair verifier also reads a change of meaning (verify.py)
    SAME_KIND = "same_kind"              # the tagger types both names as one kind (person, place, ...)
    DISTINCT_NAME = "distinct_name"      # the new name is not made of the old one's own words
    SAME_FACT = "same_fact"              # the versions that agree say it of the same fact (derived, or aligned)
    KNOWN_ORDER = "known_order"          # the lineage shows which version came first (an addition one way round is an omission the other)
    DERIVED_EDGE = "derived_edge"        # the lineage shows one version made from the other (copy, translation, summary, rewrite)


class Reason(str, Enum):
    """Why a finding has its severity."""

    TWO_SIGNALS = "two_signals"          # high: two independent signals agree (``signals`` names them)
    LACKS_SIGNAL = "lacks_signal"        # not high: a signal is missing (``lacks`` names it)
    SOURCE_IS_ODD = "source_is_odd"      # medium though two signals agree: the story's other versions side with it
    VERIFIER_LOWERED = "verifier_lowered"  # lowered: the verifier reads the two sentences as saying the same thing
    DETECTOR_RULE = "detector_rule"      # the detector's own rule for its kind of finding (not settled by two signals)


# What each signal means, for the report's "why this severity" line.
SIGNAL_LABELS = {
    Signal.DETECTOR: "the change itself",
    Signal.ONE_TO_ONE: "the sentence renders exactly one source sentence",
    Signal.DETECTORS_AGREE: "a second detector saw the same change",
    Signal.STORY_CONFIRMS: "the story's other versions confirm the change",
    Signal.SAME_QUANTITY: "both values count the same thing",
    Signal.CLEAR_DIFFERENCE: "no rendering explains the difference",
    Signal.SAME_SLOT: "a role or quote ties the two names to one slot",
    Signal.NAMED_SOURCES: "both sides name the source they cite",
    Signal.SAME_HEAD: "the two words bear on the same word",
    Signal.NAMED_SPEAKERS: "both speakers are named in their quotes' own sentences",
    Signal.VERIFIER: "the verifier also reads a change of meaning",
    Signal.SAME_KIND: "both are names of one kind",
    Signal.DISTINCT_NAME: "the new name is not made of the old one's words",
    Signal.SAME_FACT: "the versions that agree say it of the same fact",
    Signal.KNOWN_ORDER: "which version came first is known",
    Signal.DERIVED_EDGE: "one version was made from the other",
}


def _labels(signals: list[str] | None) -> str:
    return "; ".join(SIGNAL_LABELS[Signal(s)] if s in Signal._value2member_map_ else s for s in signals or [])


def why_severity(f: Finding) -> str:
    """One line for a person: which signals the severity rests on and which it lacks for high."""
    if f.severity_reason is None or f.signals is None:
        return "not recorded (this finding was stored before severity reasons were kept)"
    has, lacks = _labels(f.signals), _labels(f.lacks)
    if f.severity_reason == Reason.TWO_SIGNALS.value:
        return f"two signals agree: {has}."
    if f.severity_reason == Reason.LACKS_SIGNAL.value:
        return f"signals: {has}; missing for high: {lacks}." if lacks else f"signals: {has}."
    if f.severity_reason == Reason.SOURCE_IS_ODD.value:
        line = f"signals: {has}; but the story's other versions side with this version"
    elif f.severity_reason == Reason.VERIFIER_LOWERED.value:
        line = f"signals: {has}; but the verifier reads the two sentences as saying the same thing"
    else:
        line = f"its detector's rule for this kind of finding (signals: {has})"
    # a signal found missing after the rule settled it (severity.doubt_order: the versions' order) is named too
    return f"{line}; missing for high: {lacks}." if lacks else f"{line}."
