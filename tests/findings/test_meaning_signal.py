"""The meaning signal (findings/meaning.py) as the second signal of an inserted word.

A word slipped in between two words the source has side by side is the structural trace of an
insertion, but a translator slips words in too: a noun completing a compound ("austerity rules" for
"austerity"), a participle ("students graduating in 2022"). What separates them is meaning: a planted
word changes what the sentence claims ("DNA repair" is not "DNA"; hikers "found injured" are not just
found), so with it taken out the sentence says much more nearly what the source says; a completion
changes nothing, and taking it out moves nothing. The engine's sentence encoder (the aligner's
MiniLM) reads that; without it these words are not reported, and a finding resting on it is medium
at most (one structural and one model signal).
"""
from __future__ import annotations

import pytest

from storytrace.config import Config
from storytrace.findings.meaning import prefetch, removal_gain, without_word
from storytrace.findings.pairwise import default_parser
from storytrace.similarity.embeddings import Embedder

from .helpers import pair_findings, prepare


@pytest.fixture(scope="module")
def encoder():
    return Embedder(Config())


def _additions(findings, word):
    return [f for f in findings if f.type == "unsupported_addition" and f.derived_value == word
            and f.severity != "low"]


PLANTED = [
    # a noun made the new head: the claim is about another thing
    ("Researchers studied DNA in the damaged cells.",
     "Researchers studied DNA repair in the damaged cells.", "repair"),
    # a participle: the hikers' state is a new fact
    ("Two hikers were found in the forest on Sunday.",
     "Two hikers were found injured in the forest on Sunday.", "injured"),
    # a noun made the new head: the plan's failure, not the plan
    ("The company announced the merger plan on Tuesday.",
     "The company announced the merger plan failure on Tuesday.", "failure"),
]


@pytest.mark.parametrize("src,der,word", PLANTED)
def test_a_planted_word_that_changes_the_claim_is_a_medium_addition(extractor, encoder, src, der, word):
    findings = pair_findings(extractor, src, der, encoder=encoder)
    hits = _additions(findings, word)
    assert hits and all(f.severity == "medium" for f in hits), findings
    assert "sentence encoder" in hits[0].explanation


@pytest.mark.parametrize("src,der,word", PLANTED)
def test_without_the_encoder_the_structure_alone_does_not_report_it(extractor, src, der, word):
    assert not _additions(pair_findings(extractor, src, der), word)


@pytest.mark.parametrize("src,der,word", [
    # a translator's completion in a translation that words the rest its own way: "austerity rules"
    # says what "austerity" says, and the sentence's distance from the source lies elsewhere
    ("Greece accepted austerity in exchange for the international loans that kept its banks open through the crisis.",
     "Greece agreed to austerity rules in return for foreign credit, which kept the country's banks afloat during the turmoil.",
     "rules"),
])
def test_a_completion_that_keeps_the_meaning_is_no_addition(extractor, encoder, src, der, word):
    assert not _additions(pair_findings(extractor, src, der, encoder=encoder), word)


@pytest.mark.xfail(strict=True, reason="weakness: where the completion is the version's only difference, the removal "
                   "gain is the word's whole weight in the encoder (about 0.04 for 'rules'), above the threshold")
def test_a_completion_as_the_only_difference_is_no_addition(extractor, encoder):
    src = "Greece accepted austerity in exchange for the international loans that kept its banks open."
    der = "Greece accepted austerity rules in exchange for the international loans that kept its banks open."
    assert not _additions(pair_findings(extractor, src, der, encoder=encoder), "rules")


def test_removal_gain_reads_the_claim_without_the_word(extractor, encoder):
    src, der = prepare(extractor, PLANTED[0][0], "s"), prepare(extractor, PLANTED[0][1], "d")
    s, d = default_parser().parse_many([src, der])
    sentence = d.sentences[0]
    tok = next(t for t in sentence.tokens if t.text == "repair")
    assert without_word(sentence, tok) == "Researchers studied DNA in the damaged cells."
    assert removal_gain(encoder, sentence, tok, s.sentences) > 0.03
    assert removal_gain(None, sentence, tok, s.sentences) is None



def test_a_pairs_checks_are_encoded_in_one_call_with_the_vectors_they_get_alone(extractor):
    """prefetch (the pair's meaning checks encoded in one call, perf25) leaves each check nothing to encode,
    and each removal gain is what the check computes alone: a vector depends on its sentence only."""
    src = prepare(extractor, "Researchers studied DNA in the damaged cells. Two hikers were found in the forest on Sunday.", "s")
    der = prepare(extractor, "Researchers studied DNA repair in the damaged cells. Two hikers were found injured in the forest on Sunday.", "d")
    s, d = default_parser().parse_many([src, der])
    checks = [(sentence, next(t for t in sentence.tokens if t.text == word), s.sentences)
              for sentence, word in zip(d.sentences, ("repair", "injured"))]
    alone = [removal_gain(Embedder(Config()), *check) for check in checks]
    batched, calls = Embedder(Config()), []
    encode_uncached = batched._encode_uncached
    batched._encode_uncached = lambda texts: calls.append(list(texts)) or encode_uncached(texts)
    prefetch(batched, checks)
    assert len(calls) == 1 and len(calls[0]) == 5  # the sources as one text, two claims, two claims without the word
    assert [removal_gain(batched, *check) for check in checks] == alone
    assert len(calls) == 1

# Session 21's candidate M2 (crit21, dropped then: one more XSum consistent summary flagged): an
# unsupported qualifier on a head whose source counterpart the structure cannot settle, counted when
# the meaning signal agrees. Session 24 (add24) takes it back for a sentence that renders one source
# sentence only (tests/findings/test_modifiers_cmp.py); a summary sentence is left out.
@pytest.mark.parametrize("src,der,word", [
    ("Police arrested the protesters near the embassy on Monday.",
     "Officers detained the pacifist demonstrators near the embassy on Monday.", "pacifist"),
])
def test_an_unsupported_qualifier_on_a_reworded_head_is_an_addition_when_the_meaning_agrees(
        extractor, encoder, src, der, word):
    assert _additions(pair_findings(extractor, src, der, encoder=encoder), word)


@pytest.mark.parametrize("src,der", [
    # the qualifier renders what the source says in a clause: no addition
    ("The company hired workers who came from abroad for the harvest.",
     "The company hired foreign workers for the harvest."),
    ("Officials said the rules on how much a family may spend will stay in place.",
     "Officials said the household spending rules will stay in place."),
])
def test_a_qualifier_rendering_the_sources_clause_is_no_addition(extractor, encoder, src, der):
    findings = pair_findings(extractor, src, der, encoder=encoder)
    assert not [f for f in findings if f.type == "unsupported_addition" and f.severity != "low"], findings


# A vague or degree word slipped in: most only add emphasis ("a very modern city"), but one that
# grades the claim ("partly caused by the storm": the storm is no longer the whole cause) says more
# than the source does.
def test_a_degree_word_that_grades_the_claim_is_an_addition_when_the_meaning_agrees(extractor, encoder):
    src = "Officials said the fire was caused by the storm on Tuesday."
    der = "Officials said the fire was partly caused by the storm on Tuesday."
    findings = pair_findings(extractor, src, der, encoder=encoder)
    assert [f for f in findings if f.type == "unsupported_addition" and f.derived_value == "partly"
            and f.severity == "medium"], findings
    assert not _additions(pair_findings(extractor, src, der), "partly")


def test_an_emphasis_word_is_no_addition(extractor, encoder):
    findings = pair_findings(extractor, "It is a modern city with a busy port.",
                             "It is a very modern city with a busy port.", encoder=encoder)
    assert not [f for f in findings if f.type == "unsupported_addition" and f.severity != "low"], findings


# review21: a function-word adverb slipped in ("also", "even") places the claim among others and grades
# nothing; where it is the version's only difference the removal gain is its whole weight, so the meaning
# signal passed it: a medium unsupported_addition on 65728dc.
@pytest.mark.parametrize("der,word", [
    ("Police also arrested the man at the station on Friday.", "also"),
    ("Police even arrested the man at the station on Friday.", "even"),
])
def test_a_function_word_adverb_is_no_addition(extractor, encoder, der, word):
    findings = pair_findings(extractor, "Police arrested the man at the station on Friday.", der, encoder=encoder)
    assert not _additions(findings, word), findings


# -- the threshold belongs to the model it was chosen on ------------------------------------------

def test_the_signal_is_calibrated_for_the_packaged_minilm_under_any_name():
    from dataclasses import replace

    from storytrace.findings.meaning import calibrated
    from storytrace.similarity.embeddings import resolve_model_path

    assert calibrated(Config())
    assert calibrated(replace(Config(), embedding_model=resolve_model_path("minilm")))
    assert not calibrated(replace(Config(), embedding_model="/models/another-sentence-encoder"))


def test_compare_with_another_encoder_reports_no_word_on_the_signal(monkeypatch):
    """REMOVAL_GAIN is a MiniLM cosine gap: with another embedding_model the planted noun is not reported
    on the signal (rather than judged on a threshold that means something else there)."""
    from dataclasses import replace

    from storytrace.compare import Comparer, PairInput
    from storytrace.findings import meaning

    source, derived, word = PLANTED[0]
    planted = [PairInput("p", source, derived)]
    [found] = Comparer(Config()).compare(planted)
    assert _additions(found.findings, word)
    monkeypatch.setattr(meaning, "calibrated", lambda config: False)
    [left] = Comparer(replace(Config())).compare(planted)
    assert not _additions(left.findings, word)
