"""Slot-level antonyms (findings/slots.py, wordsense.slot_opposed, nlp/valence.py), on
hand-written sentences."""
from __future__ import annotations

import pytest

from storytrace.findings.slots import substitutions
from storytrace.findings.wordsense import slot_opposed
from storytrace.findings.text import Parser
from storytrace.model import Article
from storytrace.nlp import valence, wordnet

from .helpers import pair_findings


def _flips(findings):
    return [(f.derived_value, f.source_value) for f in findings if f.type == "negation_flip" and f.severity != "low"]


def _sentence(text: str):
    return Parser().parse(Article(id=text[:20], source_path="", original_text=text, text=text)).sentences[0]


def test_valence_is_read_from_the_packaged_lexicon():
    assert valence.lexicon_path().name == "vader_lexicon.txt"
    assert valence.valence("delighted") > 1.0 and valence.valence("disturbed") < -1.0
    assert valence.valence("xqzzyv") is None
    assert valence.opposite_valence(("delighted",), ("disturbed",))
    assert not valence.opposite_valence(("happy",), ("delighted",))


def test_substitution_pairs_the_word_in_the_same_slot():
    src = _sentence("The minister greeted the visiting delegation at the airport on Monday.")
    der = _sentence("The minister ignored the visiting delegation at the airport on Monday.")
    pairs = [(der.tokens[i].text, src.tokens[j].text) for i, j in substitutions(der, src)]
    assert pairs == [("ignored", "greeted")]


def test_identical_sentences_have_no_substitution():
    s = "The council approved the new budget after a long debate."
    assert substitutions(_sentence(s), _sentence(s)) == []


@pytest.mark.parametrize("src, der, pair", [
    # opposite valence in one slot: no list or WordNet link joins these
    ("The minister greeted the visiting delegation at the airport on Monday.",
     "The minister disregarded the visiting delegation at the airport on Monday.", ("disregarded", "greeted")),
    # WordNet neighbourhood: surrender ~ give up ! keep ~ retain
    ("The rebels want to keep control of the northern province, a spokesman said.",
     "The rebels want to surrender control of the northern province, a spokesman said.", ("surrender", "keep")),
    # a negating prefix on a synonym of the source word
    ("Officials called the plan essential for the city's recovery.",
     "Officials called the plan unessential for the city's recovery.", ("unessential", "essential")),
])
def test_slot_opposite_is_a_negation_flip(extractor, src, der, pair):
    assert pair in _flips(pair_findings(extractor, src, der))


@pytest.mark.parametrize("der", [
    # paraphrases: same slot, same meaning
    "The minister welcomed the visiting delegation at the airport on Monday.",
    "The minister met the visiting delegation at the airport on Monday.",
])
def test_slot_paraphrase_is_no_flip(extractor, der):
    assert not _flips(pair_findings(extractor, "The minister greeted the visiting delegation at the airport on Monday.", der))


def test_negated_opposite_is_no_flip(extractor):
    # "did not keep" and "surrendered" agree (the dropped "not" is another detector's business)
    findings = pair_findings(extractor, "The rebels did not keep control of the northern province.",
                             "The rebels surrendered control of the northern province.")
    assert ("surrendered", "keep") not in _flips(findings)


def test_words_at_the_same_pole_are_not_opposed():
    # both oppose "limited": co-opposites are near-synonyms
    assert not wordnet.slot_opposed("extensive", "a", "widespread", "a")
    assert wordnet.slot_opposed("surrender", "v", "keep", "v")


def test_words_with_no_parser_slot_are_not_linked_through_a_light_verb():
    # "cause" is near "get", and "get" is opposed to "end", a word near "kill": "caused ... deaths"
    # says what "killed ... people" says. The loose test for words the parser gave no slot leaves
    # light verbs out (session 18).
    src = _sentence("The worst disaster was the 1998 flood, which killed about 4,000 people along the river.")
    der = _sentence("The worst disaster was the 1998 flood, with about 4,000 deaths caused along the river.")
    caused = next(t for t in der.tokens if t.lower == "caused")
    killed = next(t for t in src.tokens if t.lower == "killed")
    assert slot_opposed(caused, killed, use_valence=False)
    assert not slot_opposed(caused, killed, use_valence=False, light_links=False)
    surrendered = _sentence("The rebels surrendered control of the province.").tokens[2]
    kept = _sentence("The rebels kept control of the province.").tokens[2]
    assert slot_opposed(surrendered, kept, use_valence=False, light_links=False)
