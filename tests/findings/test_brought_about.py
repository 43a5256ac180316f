"""A verb that brings something about says what that thing says (issue 17 item 4, cons29).

"Loans will contribute to a further lag in the effect" says what "loans will further delay the
effect" says: "contribute" only brings about the lag. Before, the slot-opposite check
(polarity._slot_antonyms) read "contribute" in the slot of "delay" and WordNet's neighbourhoods
oppose them (contribute ~ advance, against delay ~ retard): a medium negation_flip on a faithful
rendering. The controls keep the flips where the verb or its complement goes the other way.
"""
from __future__ import annotations

import pytest

from storytrace.findings.brought_about import brought_about, said_through_complement
from storytrace.findings.text import default_parser
from storytrace.ingest import article_from_text

from .helpers import pair_findings


def _flips(findings):
    return [(f.derived_value, f.source_value) for f in findings if f.type == "negation_flip" and f.severity != "low"]


@pytest.mark.parametrize("src,der", [
    ("Cheap loans will further delay the effect of the new rules.",
     "Cheap loans will push the effect of the new rules to lag further."),
    ("Cheap loans will further delay the effect of the new rules.",
     "Cheap loans will contribute to a further lag in the effect of the new rules."),
    ("The heavy snow delayed the opening of the bridge.",
     "The heavy snow contributed to a lag in the opening of the bridge."),
])
def test_a_verb_that_brings_about_the_same_pole_is_no_flip(extractor, src, der):
    assert not _flips(pair_findings(extractor, src, der))


@pytest.mark.parametrize("der,flip", [
    ("The heavy snow advanced the opening of the bridge.", "advanced"),
    ("The heavy snow contributed to an early opening of the bridge.", "contributed"),
    ("The heavy snow contributed to a quick opening of the bridge.", "contributed"),
])
def test_a_verb_that_brings_about_the_other_pole_is_still_a_flip(extractor, der, flip):
    findings = pair_findings(extractor, "The heavy snow delayed the opening of the bridge.", der)
    assert (flip, "delayed") in _flips(findings)


def _sentence(text: str):
    return default_parser().parse_many([article_from_text(text, id="x")])[0].sentence(0)


def _token(text: str, word: str):
    s = _sentence(text)
    return s, next(i for i, t in enumerate(s.tokens) if t.text == word)


def test_what_a_verb_brings_about_is_its_complement_or_the_object_of_to():
    s, i = _token("The rain contributed to a lag in the schedule.", "contributed")
    assert [s.tokens[k].text for k in brought_about(s, i)] == ["lag"]
    s, i = _token("The rain forced the match to stop.", "forced")
    assert [s.tokens[k].text for k in brought_about(s, i)] == ["stop"]
    s, i = _token("The rain fell on the lag of the schedule.", "fell")  # "on" names no result
    assert brought_about(s, i) == []
    s, i = _token("The rain contributed.", "contributed")  # a verb with no complement brings nothing about
    assert brought_about(s, i) == []
    assert not said_through_complement(s, i, _sentence("The rain will delay the schedule.").tokens[3])


@pytest.mark.parametrize("text,verb,says", [
    ("The rain contributed to a lag in the schedule.", "contributed", True),
    ("The rain contributed to a delay in the schedule.", "contributed", True),   # the word itself
    ("The rain contributed to a boost in the schedule.", "contributed", False),  # the other pole
    ("The rain prevented a lag in the schedule.", "prevented", False),          # no complement of result
    ("The rain led to a lag in the schedule.", "led", True),
    ("The team avoided lagging behind.", "avoided", False),  # a verb clearly negative itself reverses
    ("The team stopped lagging behind.", "stopped", False),  # so does one that ends or prevents
    ("The rain did not contribute to a lag in the schedule.", "contribute", True),  # the verb's own negation is counted elsewhere
])
def test_said_through_complement(text, verb, says):
    s, i = _token(text, verb)
    delay = _sentence("The rain will delay the schedule.").tokens[3]
    assert delay.lemma == "delay"
    assert said_through_complement(s, i, delay) is says
