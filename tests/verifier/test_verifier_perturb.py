"""verifier/perturb.py: each planted edit on hand-written sentences, and what it must never do."""
from __future__ import annotations

import random

import pytest

from storytrace.verifier import perturb


@pytest.fixture(scope="module")
def nlp():
    from storytrace.nlp.models import load_spacy

    return load_spacy(full=True)


def sent(nlp, text):
    return nlp(text)[:]


def test_negation_is_added_to_a_past_tense_verb_and_removed_again(nlp):
    rng = random.Random(0)
    assert perturb.negation(sent(nlp, "The minister signed the treaty in Geneva on Monday."), rng) == \
        "The minister did not sign the treaty in Geneva on Monday."
    assert perturb.negation(sent(nlp, "The council will not approve the new budget this year."), rng) == \
        "The council will approve the new budget this year."
    assert perturb.negation(sent(nlp, "The bridge was closed for three weeks after the flood."), rng) == \
        "The bridge was not closed for three weeks after the flood."


def test_name_swap_takes_another_name_of_the_same_kind_from_the_article(nlp):
    s = sent(nlp, "Maria Lopez met the farmers in Toledo on Tuesday.")
    names = {"PERSON": ["Maria Lopez", "Daniel Reyes"], "GPE": ["Toledo"]}
    out = perturb.name_swap(s, names, random.Random(0))
    assert out == "Daniel Reyes met the farmers in Toledo on Tuesday."


def test_name_swap_never_uses_part_of_the_same_name(nlp):
    s = sent(nlp, "Maria Lopez met the farmers on Tuesday.")
    assert perturb.name_swap(s, {"PERSON": ["Maria Lopez", "Lopez"]}, random.Random(0)) is None


def test_number_and_date_change_alter_the_value_only(nlp):
    rng = random.Random(3)
    out = perturb.number_change(sent(nlp, "The storm destroyed 40 houses in the village."), rng)
    assert out is not None and out != "The storm destroyed 40 houses in the village."
    assert out.startswith("The storm destroyed ") and out.endswith(" houses in the village.")
    out = perturb.date_change(sent(nlp, "The talks resumed in Vienna on March 12, 2019."), rng)
    assert out is not None and out != "The talks resumed in Vienna on March 12, 2019."
    assert out.startswith("The talks resumed in Vienna on ")


def test_antonym_uses_a_wordnet_opposite(nlp):
    out = perturb.antonym(sent(nlp, "Officials said the harvest was large this season."), random.Random(0))
    assert out == "Officials said the harvest was small this season."


def test_argument_swap_exchanges_subject_and_object(nlp):
    out = perturb.argument_swap(sent(nlp, "Germany beat Brazil in the semi-final in Belo Horizonte."), random.Random(0))
    assert out == "Brazil beat Germany in the semi-final in Belo Horizonte."


def test_hedge_drop_turns_a_report_into_a_fact(nlp):
    rng = random.Random(0)
    assert perturb.hedge_drop(sent(nlp, "The suspect reportedly fled to the coast overnight."), rng) == \
        "The suspect fled to the coast overnight."
    assert perturb.hedge_drop(sent(nlp, "Prices may rise again next month, the bank said."), rng) == \
        "Prices will rise again next month, the bank said."


def test_compression_drops_a_relative_clause_but_never_a_privative_modifier(nlp):
    rng = random.Random(0)
    out = perturb.compression(sent(nlp, "Kovacs, who has led the party since 2010, resigned on Friday."), rng)
    assert out == "Kovacs resigned on Friday."
    # "former" changes who is meant; "if" makes a condition: neither may go
    for text in ("The former minister resigned on Friday.", "The plant will close if the sale fails."):
        for seed in range(5):
            out = perturb.compression(sent(nlp, text), random.Random(seed))
            assert out is None or ("former" in out and "if the sale fails" in out)


def test_join_fuses_two_sentences_keeping_a_name_capitalised():
    assert perturb.join("The mayor opened the bridge.", "It cost four million euros.") == \
        "The mayor opened the bridge, and it cost four million euros."
    assert perturb.join("The mayor opened the bridge.", "Lindt praised it.", keep_capital=True) == \
        "The mayor opened the bridge, and Lindt praised it."
