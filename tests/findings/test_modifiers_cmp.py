"""A qualifier no source word supports, on a head the source words differently (modifiers_cmp's
meaning path): the structure cannot match the head, so it cannot tell an added fact ("the pacifist
demonstrators" for "the protesters") from a source qualifier rendered anew ("foreign workers" for
"workers who came from abroad"); the meaning signal can. Taken only where the version's sentence
renders one source sentence and nothing else (a translation, a close rewrite): a summary sentence
fuses several, and a qualifier there may condense any of them. Medium at most: one structural and
one model signal."""
from __future__ import annotations

import pytest

from storytrace.config import Config
from storytrace.similarity.embeddings import Embedder

from .helpers import pair_findings


@pytest.fixture(scope="module")
def encoder():
    return Embedder(Config())


def _additions(findings, word):
    return [f for f in findings if f.type == "unsupported_addition" and f.derived_value == word
            and f.severity != "low"]


@pytest.mark.parametrize("src,der,word,head", [
    # an adjective on a reworded head: who the protesters were is a new fact
    ("Police arrested the protesters near the embassy on Monday.",
     "Officers detained the pacifist demonstrators near the embassy on Monday.", "pacifist", "demonstrators"),
    # an adjective on a synonym the structure does not pair ("effects" / "impacts")
    ("The committee examined the effects of the new tax.",
     "The panel studied the hidden impacts of the new tax.", "hidden", "impacts"),
    # a modifying noun that makes a narrower thing of a reworded head ("a plea" / "a divorce petition")
    ("The court heard a plea from the family on Tuesday.",
     "The court heard a divorce petition from the family on Tuesday.", "divorce", "petition"),
    # a manner adverb on a reworded verb ("welcomed" / "greeted")
    ("Thousands of fans welcomed the team at the airport.",
     "Thousands of supporters angrily greeted the team at the airport.", "angrily", "greeted"),
])
def test_a_new_qualifier_on_a_reworded_head_is_a_medium_addition(extractor, encoder, src, der, word, head):
    hits = _additions(pair_findings(extractor, src, der, encoder=encoder), word)
    assert hits and all(f.severity == "medium" for f in hits), hits
    assert repr(word) in hits[0].explanation and repr(head) in hits[0].explanation  # names the word and its head
    assert not _additions(pair_findings(extractor, src, der), word)  # the structure alone: nothing


@pytest.mark.parametrize("src,der", [
    # the qualifier renders the source's clause or phrase: the meaning stays
    ("The company hired workers who came from abroad for the harvest.",
     "The company hired foreign workers for the harvest."),
    ("The minister said the talks had made great progress.",
     "The minister said the negotiations had made enormous headway."),
    ("Police arrested the protesters near the embassy on Monday.",
     "Officers detained the demonstrators close to the embassy on Monday."),
])
def test_a_reworded_sentence_without_a_new_fact_gets_no_addition(extractor, encoder, src, der):
    findings = pair_findings(extractor, src, der, encoder=encoder)
    assert not [f for f in findings if f.type == "unsupported_addition" and f.severity != "low"], findings


def test_a_summary_sentence_condensing_several_source_sentences_gets_none(extractor, encoder):
    # a guard for the one-sentence gate (this pair gets nothing with or without it on 581a552: the
    # signal reads the several source sentences); session 21's M2 without the gate flagged one
    # more XSum consistent summary on the confirm part
    src = ("The protesters had come to the embassy without weapons and sang songs of peace. They held banners "
           "calling for an end to the war. Police arrested them near the embassy on Monday, witnesses said. "
           "The embassy had been closed since the weekend. Officials declined to comment on the arrests.")
    der = "Police detained pacifist demonstrators on Monday."
    assert not _additions(pair_findings(extractor, src, der, encoder=encoder), "pacifist")


@pytest.mark.parametrize("src,der,word", [
    # the sentence's first word is capitalised by its place alone: "Foreign" is the adjective "foreign"
    ("Experts say the dam is safe.", "Foreign experts say the dam is safe.", "Foreign"),
    # the tagger may call a capitalised first word a name; with no entity it is the common noun
    ("The inspector said the kitchen was clean.", "Health inspector said the kitchen was clean.", "Health"),
    ("The officials said the bridge would reopen on Friday.",
     "Transport officials said the bridge would reopen on Friday.", "Transport"),
])
@pytest.mark.xfail(strict=True, reason="qual24 (810038a, dropped): the first word read as the common word, measured "
                   "with the main-sense check below; translations high+medium precision fell on confirm")
def test_a_new_qualifier_opening_the_sentence_is_an_addition(extractor, encoder, src, der, word):
    hits = _additions(pair_findings(extractor, src, der, encoder=encoder), word)
    assert hits and all(f.severity == "medium" for f in hits), hits
    assert repr(word) in hits[0].explanation  # shown as the version writes it


@pytest.mark.parametrize("src,der", [
    # the qualifier opening the sentence is in the source too, elsewhere in lower case
    ("The dam is safe, say foreign experts.", "Foreign experts say the dam is safe."),
    # a name opening the sentence is no qualifier
    ("Officials said the bridge would reopen on Friday.", "Boeing officials said the bridge would reopen on Friday."),
])
def test_an_opening_word_the_source_has_or_a_name_is_no_new_qualifier(extractor, encoder, src, der):
    findings = pair_findings(extractor, src, der, encoder=encoder)
    assert not [f for f in findings if f.type == "unsupported_addition" and f.severity != "low"
                and f.derived_value in ("Foreign", "foreign")], findings


@pytest.mark.parametrize("src,der", [
    # "draft" spells out the main sense of "bill" ("a statute in draft before it becomes law")
    ("The unions marched against the government's pension bill on Saturday.",
     "The unions marched against the government's draft pension reform on Saturday."),
    ("The senate debated the bill on Tuesday.", "The senate debated the draft law on Tuesday."),
])
@pytest.mark.xfail(strict=True, reason="qual24 (810038a, dropped): the main-sense definition check, measured with the "
                   "first-word reading above; translations precision fell on confirm, a right addition lost on tune")
def test_a_qualifier_spelling_out_an_unrendered_source_word_is_no_addition(extractor, encoder, src, der):
    findings = pair_findings(extractor, src, der, encoder=encoder)
    assert not [f for f in findings if f.type == "unsupported_addition" and f.derived_value == "draft"
                and f.severity != "low"], findings


def test_a_qualifier_no_source_word_spells_out_stays_an_addition(extractor, encoder):
    # without "bill" in the source, "draft" says the reform is not yet law: a new fact
    findings = pair_findings(extractor, "The unions marched against the government's pension reform on Saturday.",
                             "The unions marched against the government's draft pension reform on Saturday.",
                             encoder=encoder)
    assert _additions(findings, "draft"), findings
