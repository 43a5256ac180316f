"""Graded closeness (findings/closeness.py): a qualifier that renders, in other words, a source word
the version leaves out is no addition; a qualifier added out of nothing still is.

Two translations of one sentence put the same thing differently: one says "the tight job market",
the other "the tension in the job market". Neither adds anything. A word counts as added only if no
source word the version leaves unrendered is close to it in meaning.
"""
from __future__ import annotations

import pytest

from storytrace.findings import closeness

from .helpers import pair_findings, prepare


def _additions(findings, word):
    return [f for f in findings if f.type == "unsupported_addition" and f.derived_value == word
            and f.severity != "low"]


@pytest.mark.parametrize("src,der,word", [
    # "rapid" renders "speed", "tight" renders "tension": the same meaning, another word class
    ("Since the reform, the country has achieved development at high speed over a long period.",
     "Since the reform, the country has achieved rapid development over a long period.", "rapid"),
    ("Without a recession the tension in the job market will not ease, the bank said on Monday.",
     "Without a recession the tight job market will not ease, the bank said on Monday.", "tight"),
])
def test_qualifier_rendering_an_unrendered_source_word_is_no_addition(extractor, src, der, word):
    assert not _additions(pair_findings(extractor, src, der), word)


@pytest.mark.parametrize("src,der,word", [
    # nothing in the source says anything like "pointless" or "secret": these are added
    ("Rangers will supervise the shooters in the pest control trials, the agency said on Monday.",
     "Rangers will supervise the shooters in the pointless pest control trials, the agency said on Monday.",
     "pointless"),
    ("The ministers held a meeting with the unions in Brussels on Monday, officials said.",
     "The ministers held a secret meeting with the unions in Brussels on Monday, officials said.", "secret"),
])
def test_qualifier_added_out_of_nothing_is_still_an_addition(extractor, src, der, word):
    assert _additions(pair_findings(extractor, src, der), word)


def test_unrendered_words_are_the_source_words_the_version_leaves_out(extractor):
    s = prepare(extractor, "Tourist arrivals rose sharply in Singapore last year.", "s")
    d = prepare(extractor, "Inbound tourists rose sharply in Singapore last year.", "d")
    from storytrace.findings.pairwise import default_parser
    src, der = default_parser().parse_many([s, d])
    words = {t.lower for t in closeness.unrendered(src.sentences[0], der.sentences[0])}
    assert words == {"arrivals"}  # "tourist" and "rose" are rendered; the name is no content word here


def test_close_words_score_above_unrelated_ones():
    # the linguistic reason for the threshold: near-synonyms across word classes sit above it,
    # words that merely share a sentence sit below it
    assert closeness.similarity("rapid", "speed") >= closeness.CLOSE
    assert closeness.similarity("tight", "tension") >= closeness.CLOSE
    assert closeness.similarity("pointless", "trials") < closeness.CLOSE
    assert closeness.similarity("secret", "meeting") < closeness.CLOSE


def test_without_the_encoder_nothing_is_close(monkeypatch):
    # a missing model must not stop the findings: the word rules decide alone
    monkeypatch.setattr(closeness, "_encoder", closeness._UNAVAILABLE)
    assert closeness.similarity("rapid", "speed") == 0.0
