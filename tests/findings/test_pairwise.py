"""detect_pair on real texts run through the real cleaner and extractor: each distortion type is
found with the right type and values, and faithful rewrites get no medium or high finding."""
from __future__ import annotations

import pytest

from storytrace.compare_verdict import verdict
from storytrace.ingest import article_from_text

from .helpers import pair_findings, prepare

SOURCE = (
    "Japan and the EU concluded the trade agreement in Brussels late on March 11. "
    "Ayaka Fujii, the trade ministry spokesperson, said the deal covers trade worth $210bn a year. "
    "Japan agreed to open its market to European cheese. "
    "The agreement will take effect on January 1, 2026, but only if the European Parliament ratifies it before then. "
    "Tariffs on cars may fall by 2.5 per cent next year. "
    "\"This protects our farmers and our jobs,\" said Katharine Vollmer, the EU trade commissioner."
)


@pytest.fixture(scope="module")
def source(extractor):
    return prepare(extractor, SOURCE, "original")



def _replace(old, new):
    assert old in SOURCE
    return SOURCE.replace(old, new)


def _serious(findings):
    return [f for f in findings if f.severity in ("medium", "high")]


def _of_type(findings, kind):
    return [f for f in findings if f.type == kind]


def test_identical_copy_has_no_findings(extractor, source):
    assert pair_findings(extractor, source, SOURCE) == []


def test_faithful_paraphrase_has_no_serious_finding(extractor, source):
    text = (
        "Late on March 11 in Brussels, Japan and the EU concluded the trade agreement. "
        "The deal covers $210 billion of trade a year, said Ayaka Fujii, the trade ministry spokesperson. "
        "Japan agreed to open its market to cheese from Europe. "
        "The agreement takes effect on January 1, 2026, but only if the European Parliament ratifies it before then. "
        "Car tariffs may fall by 2.5% next year. "
        "\"This protects our farmers and our jobs,\" said Katharine Vollmer, the EU trade commissioner."
    )
    findings = pair_findings(extractor, source, text)
    assert _serious(findings) == []
    assert verdict(findings).consistent


def test_name_order_is_a_low_variant_not_a_swap(extractor, source):
    findings = pair_findings(extractor, source, _replace("Ayaka Fujii", "Fujii Ayaka"))
    assert _of_type(findings, "entity_swap") == []
    assert verdict(findings).consistent


def test_transliterated_name_is_a_variant(extractor, source):
    findings = pair_findings(extractor, source, _replace("Katharine Vollmer", "Catherine Vollmer"))
    assert _serious(findings) == []
    variants = _of_type(findings, "name_variant")
    assert variants and variants[0].derived_value == "Catherine Vollmer" and variants[0].severity == "low"


def test_different_person_in_the_same_slot_is_an_entity_swap(extractor, source):
    findings = pair_findings(extractor, source, _replace("Ayaka Fujii", "Sakamoto Mika"))
    swaps = _of_type(findings, "entity_swap")
    assert swaps, findings
    assert swaps[0].derived_value == "Sakamoto Mika" and "Ayaka Fujii" in swaps[0].source_value
    assert swaps[0].severity == "high" and "Sakamoto Mika" in swaps[0].claim
    assert not verdict(findings).consistent


def test_a_person_the_source_names_elsewhere_still_swaps_into_another_persons_sentence(extractor):
    # Tom Reyes is in the source, as the mayor; the statement and the title belong to Maria Lopez.
    source = ("Maria Lopez, the harbour master, said the port would reopen on Monday.\n\n"
              "Tom Reyes, the mayor, said the town council would meet on Friday.\n")
    derived = ("Tom Reyes, the harbour master, said the port would reopen on Monday.\n\n"
               "Tom Reyes, the mayor, said the town council would meet on Friday.\n")
    swaps = _of_type(pair_findings(extractor, source, derived), "entity_swap")
    assert [(f.derived_value, f.source_value) for f in swaps] == [("Tom Reyes", "Maria Lopez")]


def test_a_name_the_rendered_sentence_has_is_not_moved_whatever_the_tagger_calls_it(extractor):
    # Both sentences list the same three people in the same order; the tagger reads "Vikas
    # Malhotra" as a person in the version and as something else in the source. A strict xfail
    # since session 17 (fa17's candidate B, dropped); cleared in session 23 (name23) by another
    # mechanism: the person said to be replaced ("A.P. Singh") is still named in this very sentence
    # ("AP Singh"), so no one took that person's place (test_moved_person_tags.py).
    source = "Doctor A.P. Singh, Vikas Malhotra and Pradhan explained the vaccination drive to the villagers at the camp."
    derived = "At the camp, Doctor AP Singh, Vikas Malhotra, and Pradhan explained the vaccination drive to the villagers."
    swaps = [f for f in _of_type(pair_findings(extractor, source, derived), "entity_swap") if f.severity != "low"]
    assert not swaps, swaps


def test_a_source_that_names_one_minister_two_ways_gives_no_high_swap(extractor):
    # The source itself is inconsistent (one prime minister, two names); the version keeps one name.
    # It may be a swap, or the source's slip: not high on this signal alone.
    source = ("Prime Minister Daniel Okafor visited the university on Monday.\n\n"
              "Prime Minister Samuel Brandt met the students of the language class, who sang two folk songs.\n\n"
              "Daniel Okafor said more foreigners were learning the language.\n")
    derived = ("Prime Minister Daniel Okafor visited the university on Monday.\n\n"
               "Prime Minister Daniel Okafor met the students of the language class, who sang two folk songs.\n\n"
               "Daniel Okafor said more foreigners were learning the language.\n")
    one_to_one = [([0], [0]), ([1], [1]), ([2], [2])]  # as the aligner pairs two translations
    swaps = _of_type(pair_findings(extractor, source, derived, pairs=one_to_one), "entity_swap")
    assert [(f.derived_value, f.source_value, f.severity) for f in swaps] == [
        ("Daniel Okafor", "Samuel Brandt", "medium")]


def test_a_fused_sentence_that_keeps_both_people_is_no_swap(extractor):
    source = ("Maria Lopez, the harbour master, said the port would reopen on Monday.\n\n"
              "Tom Reyes, the mayor, welcomed the decision.\n")
    derived = "Tom Reyes welcomed the decision of Maria Lopez, the harbour master, to reopen the port on Monday.\n"
    assert not _of_type(pair_findings(extractor, source, derived), "entity_swap")


def test_number_change_on_normalised_values(extractor, source):
    findings = pair_findings(extractor, source, _replace("$210bn", "$120bn"))
    changes = _of_type(findings, "number_change")
    assert changes and changes[0].derived_value.endswith("120bn") and "210bn" in changes[0].source_value
    # The same value written another way is no change.
    assert _serious(pair_findings(extractor, source, _replace("2.5 per cent", "2.5%"))) == []


def test_date_change(extractor, source):
    findings = pair_findings(extractor, source, _replace("March 11", "March 12"))
    changes = _of_type(findings, "date_change")
    assert changes and changes[0].derived_value == "12" and changes[0].source_value == "11"


def test_antonym_is_a_negation_flip(extractor, source):
    findings = pair_findings(extractor, source, _replace("Japan agreed to open", "Japan refused to open"))
    flips = _of_type(findings, "negation_flip")
    assert flips and flips[0].derived_value == "refused" and flips[0].source_value == "agreed"


def test_inserted_negation_is_a_negation_flip(extractor, source):
    findings = pair_findings(extractor, source, _replace("Japan agreed to open", "Japan did not agree to open"))
    assert _of_type(findings, "negation_flip")


def test_dropped_condition_is_an_omission(extractor, source):
    findings = pair_findings(extractor, source, _replace(
        ", but only if the European Parliament ratifies it before then", ""))
    omissions = _of_type(findings, "omission")
    assert omissions
    assert omissions[0].source_value.startswith("if the European Parliament")
    assert omissions[0].source_text.startswith("The agreement will take effect")


def test_dropped_hedge_is_an_omission(extractor, source):
    findings = pair_findings(extractor, source, _replace("Tariffs on cars may fall", "Tariffs on cars will fall"))
    omissions = _of_type(findings, "omission")
    assert omissions and omissions[0].source_value == "may"


def test_unsupported_name_and_number_are_additions(extractor, source):
    text = SOURCE + " The deal was first proposed by Jean Dupont in 1998."
    findings = pair_findings(extractor, source, text)
    added = {f.derived_value for f in _of_type(findings, "unsupported_addition")}
    assert "Jean Dupont" in added and "1998" in added


def test_one_added_sentence_is_one_addition_listing_its_new_values(extractor, source):
    """One change, one finding: a sentence the aligner paired with no source sentence is one
    addition, however many names and figures it brings; the finding lists the others."""
    text = SOURCE + " The deal was first proposed by Jean Dupont in 1998, with 14 partners and 33 sectors."
    one_to_one = [([i], [i]) for i in range(6)]  # the six source sentences kept; the seventh is new
    findings = pair_findings(extractor, source, text, pairs=one_to_one)
    added = _of_type(findings, "unsupported_addition")
    assert len(added) == 1, added
    said = added[0].derived_value + " " + added[0].explanation
    assert all(v in said for v in ("Jean Dupont", "1998", "14", "33")), added[0]
    assert "no counterpart in the source" in added[0].explanation


def test_addition_says_whether_another_version_supports_it(extractor, source):
    text = SOURCE + " The deal was first proposed by Jean Dupont."
    other = article_from_text("Jean Dupont first proposed the deal.", id="other")
    derived = prepare(extractor, text, "derived")
    findings = pair_findings(extractor, source, derived, story_articles={"original": source, "derived": derived, "other": other})
    added = [f for f in _of_type(findings, "unsupported_addition") if f.derived_value == "Jean Dupont"]
    assert added and "other" in added[0].explanation and added[0].severity == "low"


@pytest.mark.parametrize("old,new,value,other_text", [
    ("before then.", "before then. The deal was first proposed in 1998.", "1998",
     "The deal was first proposed in 1998, officials recalled."),
    ("European cheese", "cheap European cheese", "cheap", "Japan will open its market to cheap European cheese."),
])
def test_every_kind_of_addition_says_whether_another_version_has_it(extractor, source, old, new, value, other_text):
    derived = prepare(extractor, _replace(old, new), "derived")
    source_only = pair_findings(extractor, source, derived, story_articles={"original": source, "derived": derived})
    alone = [f for f in _of_type(source_only, "unsupported_addition") if f.derived_value == value]
    assert alone and alone[0].explanation.endswith("No other version has it either."), source_only
    other = prepare(extractor, other_text, "other")
    with_other = pair_findings(extractor, source, derived, story_articles={"original": source, "derived": derived, "other": other})
    backed = [f for f in _of_type(with_other, "unsupported_addition") if f.derived_value == value]
    assert backed and backed[0].explanation.endswith("Also found in: other."), with_other
    assert alone[0].severity == "medium" and backed[0].severity == "low"  # a shared detail, not an invention


def test_changed_key_noun_in_quote_is_a_quote_change(extractor, source):
    findings = pair_findings(extractor, source, _replace("our farmers", "our fishermen"))
    changes = _of_type(findings, "quote_change")
    assert changes and changes[0].derived_value == "fishermen" and changes[0].source_value == "farmers"


def test_gender_swap_is_flagged(extractor):
    src = prepare(extractor, "She is in custody pending trial.", "s")
    findings = pair_findings(extractor, src, "He is in custody pending trial.")
    assert not verdict(findings).consistent


def test_one_sentence_minor_changes_are_not_distortions(extractor):
    src = prepare(extractor, "Seats in the US House of Representatives are reallocated every 10 years.", "s")
    for text in ("The U.S. redistributes the House's seats every 10 years.",
                 "Seats in the US House of Represenatives are reallocated every 10 years.",
                 "Seats in the US House of Representatives were reallocated every ten years."):
        findings = pair_findings(extractor, src, text)
        assert verdict(findings).consistent, (text, findings)


def test_finding_spans_point_at_the_claim_and_source(extractor, source):
    derived = prepare(extractor, _replace("$210bn", "$120bn"), "derived")
    finding = _of_type(pair_findings(extractor, source, derived), "number_change")[0]
    start, end = finding.claim_span
    assert derived.text[start:end].strip() == finding.claim
    s_start, s_end = finding.source_span
    assert source.text[s_start:s_end].strip() == finding.source_text
    assert finding.id.startswith("number_change-") and 0 < finding.confidence <= 1


def test_country_acronym_is_supported_by_its_peoples_name(extractor):
    # "U.S. citizens" says what "American citizens" says; "U.K." is no rendering of it
    src = prepare(extractor, "American citizens in the region may face different rules from Europeans.", "s")
    same = pair_findings(extractor, src, "U.S. citizens in the region may face different rules than Europeans.")
    assert not [f for f in same if f.derived_value == "U.S." and f.severity != "low"], same
    other = pair_findings(extractor, src, "U.K. citizens in the region may face different rules than Europeans.")
    assert [f for f in other if "U.K." in f.derived_value and f.severity != "low"], other


@pytest.mark.parametrize("src,der,quoted", [
    # the date as written, not the bare day number, and not the clause spaCy runs into it
    ("The agreement was signed in Brussels late on Tuesday, March 11, ending two years of talks.",
     "The agreement was signed in Brussels late on March 12, ending two years of talks.",
     ('"Tuesday, March 11"', '"March 12"')),
    ("The deal covers trade worth about $210bn a year, officials said.",
     "The deal covers trade worth about $120bn a year, officials said.",
     ('"about $210bn"', '"about $120bn"')),
])
def test_changed_value_is_quoted_as_written(extractor, src, der, quoted):
    findings = pair_findings(extractor, src, der)
    changed = [f for f in findings if f.type in ("date_change", "number_change")]
    assert changed and all(q in changed[0].explanation for q in quoted), findings


def test_a_broken_subject_is_no_attribution(extractor):
    # "The has reported" (a name dropped) is not a statement attributed to someone called "The"
    src = prepare(extractor, "According to the Harlow Institute, confirmed cases in the country have reached 4.1 million.", "s")
    der = prepare(extractor, "The has reported a total of 4.1 million confirmed cases, according to figures from the Harlow Institute.", "d")
    findings = pair_findings(extractor, src, der)
    assert not [f for f in findings if f.type == "attribution_change" and f.derived_value.strip() == "The"], findings


def test_day_of_the_month_compares_with_the_full_date(extractor, source):
    # "on the 11th" is March 11 written another way; "on the 12th" is another day
    same = pair_findings(extractor, source, _replace("late on March 11", "late on the 11th"))
    assert not _serious(same), same
    moved = _of_type(pair_findings(extractor, source, _replace("late on March 11", "late on the 12th")), "date_change")
    assert moved and moved[0].derived_value == "12th" and moved[0].source_value == "11", moved


def test_negation_flip_values_are_words_not_cut_punctuation(extractor):
    src = prepare(extractor, '"We will never accept tariffs on our farmers," said minister Irena Kovacs.', "s")
    der = prepare(extractor, '"We will accept tariffs on our farmers," said minister Irena Kovacs.', "d")
    flips = _of_type(pair_findings(extractor, src, der), "negation_flip")
    assert flips and "accept" in flips[0].derived_value, flips
    assert all(v[:1].isalnum() and v[-1:].isalnum() for v in (flips[0].derived_value, flips[0].source_value)), flips


_RUIZ = "Deputy finance minister Ana Ruiz said the budget would be cut by 4 per cent. Ruiz spoke in Madrid on Monday."


@pytest.mark.parametrize("derived,value", [
    ("Finance minister Ana Ruiz said the budget would be cut by 4 per cent.", "Finance minister"),  # a promotion
    ("Former deputy finance minister Ana Ruiz said the budget would be cut by 4 per cent.", "Former deputy finance minister"),
])
def test_a_title_ranked_differently_is_a_role_change(extractor, derived, value):
    findings = pair_findings(extractor, _RUIZ, derived)
    changes = _of_type(findings, "role_change")
    assert [(f.derived_value, f.source_value, f.severity) for f in changes] == [(value, "Deputy finance minister", "medium")]


def test_a_rank_named_another_way_is_no_role_change(extractor):
    # "vice" and "deputy" name one rank; the same rank said again is no change
    for derived in ("Vice finance minister Ana Ruiz said the budget would be cut by 4 per cent.",
                    "Ana Ruiz, the deputy finance minister, said the budget would be cut by 4 per cent."):
        findings = pair_findings(extractor, _RUIZ, derived)
        assert not _of_type(findings, "role_change"), findings


@pytest.mark.parametrize("source_text,derived_text,hedge", [
    # a hedging verb dropped states the claim as fact
    ("Preliminary figures suggest that 40 people were injured in the blast, police said.",
     "40 people were injured in the blast, police said.", "suggest"),
    ("The fire appears to have started in the kitchen, the brigade said.",
     "The fire started in the kitchen, the brigade said.", "appears"),
])
def test_a_dropped_hedging_verb_is_an_omission(extractor, source_text, derived_text, hedge):
    findings = pair_findings(extractor, source_text, derived_text)
    assert [(f.derived_value, f.source_value) for f in _of_type(findings, "omission")] == [("(stated as fact)", hedge)]


def test_a_hedge_rendered_by_other_framing_is_no_omission(extractor):
    src = prepare(extractor, "The researchers suggested that the sample shows adult plumage.", "s")
    for text in ("The researchers believe that the sample shows adult plumage.",
                 "According to the researchers, the sample shows adult plumage."):
        assert not _of_type(pair_findings(extractor, src, text), "omission"), text
