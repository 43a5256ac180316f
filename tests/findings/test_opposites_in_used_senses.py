"""Slot opposites read in the senses the sentences use (issue 17, session 23, sense23).

The slot pass calls two words in one slot opposites when WordNet's short walk (synonyms and direct
hypernyms of the first senses, then an antonym) links them, even through a sense the sentence does
not use: "delay the impact" / "push the impact back" meet only through push ~ move ! stay ~ delay
("stay" is delay's "stop or halt" sense), "had seen the problem" / "had picked up the problem" only
through comprehend ! select. With the engine's sentence encoder, each word's senses are read from
its sentence (embedding Lesk, findings/sense_in_context.py), and a flip that runs only through
senses neither sentence uses is lowered to low. Real opposites ("surrender" / "keep", "demolish" /
"build") still meet in the senses used. Without an encoder nothing changes.

Candidate S (sense23, abfad0f) was measured and DROPPED (reverted): it cleared the wrong "delay" flips
on bench_translations tune, but on the confirm parts DEMETR antonyms 108 -> 107/155, XSum inconsistent
caught 115 -> 112/402 and bench_translations recall 113 -> 112/288 (high+medium 141/176 -> 140/175).
MiniLM's gloss-to-sentence cosines are too close together to pick a sense reliably: "Their marriage
was announced" read "marriage" in a sense whose walk misses "divorce". Its positive cases stay strict
xfails; the controls (real opposites that must stay flips) pass.
"""
from __future__ import annotations

import pytest

from storytrace.config import Config
from storytrace.similarity.embeddings import Embedder

from .helpers import pair_findings


@pytest.fixture(scope="module")
def encoder():
    return Embedder(Config())


def _flips(findings):
    return [(f.derived_value, f.source_value) for f in findings
            if f.type == "negation_flip" and f.severity != "low"]


def _low_flips(findings):
    return [(f.derived_value, f.source_value) for f in findings
            if f.type == "negation_flip" and f.severity == "low"]


UNUSED_SENSE = [
    # push ~ move ! stay ~ delay: "stay" is delay's "stop or halt" sense; both say "put off"
    ("The new rules will delay the impact on prices.",
     "The new rules will push the impact on prices back.", ("push", "delay")),
    # see ~ comprehend ! select ~ pick: "picked up" here is "noticed"
    ("Officials had seen the problem early.",
     "Officials had picked up the problem early.", ("picked", "seen")),
]


@pytest.mark.xfail(strict=True, reason="candidate S (embedding Lesk) dropped, sense23: confirm DEMETR antonyms, "
                   "XSum caught and translations recall fell")
@pytest.mark.parametrize("src,der,pair", UNUSED_SENSE)
def test_opposed_only_in_an_unused_sense_is_low(extractor, encoder, src, der, pair):
    findings = pair_findings(extractor, src, der, encoder=encoder)
    assert pair not in _flips(findings)
    assert pair in _low_flips(findings)  # shown, with the reason, not cleared


@pytest.mark.parametrize("src,der,pair", UNUSED_SENSE)
def test_without_an_encoder_the_flip_stands(extractor, src, der, pair):
    assert pair in _flips(pair_findings(extractor, src, der))


@pytest.mark.parametrize("src,der,pair", [
    ("The rebels refused to surrender the town.", "The rebels refused to keep the town.", ("keep", "surrender")),
    ("The army decided to surrender the fortress.", "The army decided to keep the fortress.", ("keep", "surrender")),
    ("The rebels want to keep control of the northern province, a spokesman said.",
     "The rebels want to surrender control of the northern province, a spokesman said.", ("surrender", "keep")),
    ("The city plans to demolish the old bridge.", "The city plans to build the old bridge.", ("build", "demolish")),
    ("The council voted to build a new school near the river.",
     "The council voted to demolish a new school near the river.", ("demolish", "build")),
    # candidate S lowered this one: the gloss nearest "Their marriage was announced" was a sense
    # whose walk misses "divorce"
    ("Their marriage was announced in June.", "Their divorce was announced in June.", ("divorce", "marriage")),
])
def test_opposed_in_the_senses_used_stays_a_flip(extractor, encoder, src, der, pair):
    assert pair in _flips(pair_findings(extractor, src, der, encoder=encoder))


def test_listed_opposites_never_ask_the_senses(extractor, encoder):
    findings = pair_findings(extractor, "The company will raise prices next month.",
                             "The company will lower prices next month.", encoder=encoder)
    assert ("lower", "raise") in _flips(findings)


@pytest.mark.xfail(strict=True, reason="no sense reading is in the engine (candidate S dropped); and even S read "
                   "the walk's middle step per lemma: 'unique' in its used sense (without equal) shares the lemma "
                   "'alone' with the 'solitary' sense that opposes 'social' ~ 'cultural' (sense23)")
def test_lemma_shared_by_a_used_and_an_unused_sense(extractor, encoder):
    findings = pair_findings(extractor, "The museum shows a unique collection of masks.",
                             "The museum shows a cultural collection of masks.", encoder=encoder)
    assert ("cultural", "unique") not in _flips(findings)
