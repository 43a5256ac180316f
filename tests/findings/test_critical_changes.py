"""Planted reversals and changes a translation never makes, each in a hand-written sentence pair
that renders one source sentence; the last assertion of each test keeps a faithful rendering
free of any medium or high finding."""
from __future__ import annotations

from .helpers import pair_findings


def _counted(findings, kind=None):
    return [f for f in findings if f.severity in ("medium", "high") and (kind is None or f.type == kind)]


def test_a_not_on_a_copula_negates_its_complement_even_when_the_negations_pair_up(extractor):
    # Two negations added in two clauses keep the count's parity; each still reverses its predicate.
    source = "The inspector said that the hotel is near the old mill and close to the river."
    found = _counted(pair_findings(
        extractor, source, "The inspector said that the hotel is not near the old mill and is not close to the river."),
        "negation_flip")
    assert found and found[0].severity == "medium" and "near" in found[0].derived_value
    # "is common practice" predicates "common" as "is common" does.
    assert _counted(pair_findings(
        extractor, "This is common practice in the north, but the courts never allow it.",
        "This is not common in the north, but the courts never allow it."), "negation_flip")
    # The same predicate with the negation moved into another word of the clause is no flip.
    assert not _counted(pair_findings(
        extractor, "The inspector said that the hotel is not near the old mill.",
        "The inspector said that the hotel is not near the old mill, which is closed."), "negation_flip")



def test_a_thing_slipped_in_between_two_words_the_source_has_side_by_side_is_an_addition(extractor):
    # Without "consultant" the version reads as the source does: it puts a person there the source never names.
    source = "During further investigation, the police found that the driver had passed the checkpoint at noon."
    found = _counted(pair_findings(
        extractor, source, "During further investigation, the police consultant found that the driver had passed the checkpoint at noon."),
        "unsupported_addition")
    assert [f.derived_value for f in found] == ["consultant"]
    # An abstract noun completing a compound renders the source's word ("austerity rules" for "austerity").
    assert not _counted(pair_findings(
        extractor, "It would be absurd to accept austerity imposed by the two capitals.",
        "It would be absurd to accept the austerity rules imposed by the two capitals."), "unsupported_addition")
    # A noun naming what the source's thing is adds nothing ("Beijing city": Beijing is a city).
    assert not _counted(pair_findings(
        extractor, "Officials said Beijing will see heavy rain on Monday.",
        "Officials said Beijing city will see heavy rain on Monday."), "unsupported_addition")


def test_a_class_word_the_source_says_too_does_not_stand_for_a_dropped_name(extractor):
    # "writers" renders the source's own "writers"; it does not describe the dropped Goethe.
    source = "Romanticism drew on writers such as Goethe, Fichte and Schlegel for its ideas about culture."
    found = _counted(pair_findings(
        extractor, source, "Romanticism drew on writers such as Fichte and Schlegel for its ideas about culture."), "omission")
    assert [f.source_value for f in found] == ["Goethe"]
    # Naming the dropped person by what he was still renders the name ("the writer" for "Goethe").
    assert not _counted(pair_findings(
        extractor, "Goethe wrote the play in Weimar in 1808, long after his first success.",
        "The writer wrote the play in Weimar in 1808, long after his first success."), "omission")


def test_a_country_named_by_its_acronym_and_dropped_is_an_omission(extractor):
    source = "U.S. President George Miller arrived in Singapore on the morning of November 16, beginning a tour of Asia."
    found = _counted(pair_findings(
        extractor, source, "President George Miller arrived in Singapore on the morning of November 16 and began a tour of Asia."),
        "omission")
    assert [f.source_value for f in found] == ["U.S."]
    # The country said another way, or by its people, is kept.
    for kept in ("American President George Miller arrived in Singapore on the morning of November 16 and began a tour of Asia.",
                 "The President of the United States, George Miller, arrived in Singapore on the morning of November 16 "
                 "and began a tour of Asia."):
        assert not _counted(pair_findings(extractor, source, kept), "omission")


def test_a_negated_synonym_of_the_sources_verb_reverses_it(extractor):
    # "did not start working" reverses "began to work"; the source's "never" keeps the count from telling.
    source = "He qualified as a surgeon and began to work at the city hospital in 1959, but he never liked it."
    found = _counted(pair_findings(
        extractor, source, "He qualified as a surgeon and did not start working at the city hospital in 1959, but he never liked it."),
        "negation_flip")
    assert found and found[0].severity == "medium" and "start" in found[0].derived_value
    assert not _counted(pair_findings(
        extractor, source, "He qualified as a surgeon and started working at the city hospital in 1959, but he never liked it."),
        "negation_flip")


def test_an_adverb_whose_adjective_opposes_the_sources_reverses_it(extractor):
    # "irresponsibly" is "in an irresponsible way", and irresponsible is the opposite of responsible,
    # whose cluster "reliable" sits in; WordNet links the two adverbs to nothing but their adjectives.
    source = "The council has reliably funded the old library for thirty years, the mayor said on Monday."
    found = _counted(pair_findings(
        extractor, source, "The council has irresponsibly funded the old library for thirty years, the mayor said on Monday."),
        "negation_flip")
    assert [(f.derived_value, f.source_value, f.severity) for f in found] == [("irresponsibly", "reliably", "medium")]
    found = _counted(pair_findings(
        extractor, "Courts in the north treat such cases differently, the minister told parliament.",
        "Courts in the north treat such cases similarly, the minister told parliament."), "negation_flip")
    assert [(f.derived_value, f.source_value) for f in found] == [("similarly", "differently")]
    # An adverb of the same pole is a translation's choice.
    assert not _counted(pair_findings(
        extractor, source, "The council has dependably funded the old library for thirty years, the mayor said on Monday."))


def test_an_opposite_on_a_verb_that_fills_the_same_slot_reverses_it(extractor):
    # "after" against the source's "prior to" (a synonym of "before"): the two hang off different
    # verbs, "seen" and "reported", which the rest of the sentence puts in one slot, so they bear
    # on one event.
    source = "Prior to the arrival of the inspectors, the village had not reported any cases of the fever since 1990."
    found = _counted(pair_findings(
        extractor, source, "After the arrival of the inspectors, the village had not seen any cases of the fever since 1990."),
        "negation_flip")
    assert [(f.derived_value, f.source_value, f.severity) for f in found] == [("After", "Prior", "medium")]
    assert not _counted(pair_findings(
        extractor, source, "Before the arrival of the inspectors, the village had not seen any cases of the fever since 1990."))


def test_a_negated_verb_against_the_verb_in_its_slot_reverses_it(extractor):
    # "does not offer" stands where the source has "gives" (the words around it match), so it
    # reverses what the source says; the other added "not" renders "refused to" and evens the count.
    source = "The council refused to comment, and the old wall gives a clear picture of how the town grew."
    found = _counted(pair_findings(
        extractor, source, "The council did not comment, and the old wall does not offer a clear picture of how the town grew."),
        "negation_flip")
    assert [f.severity for f in found] == ["medium"]
    assert "offer" in found[0].derived_value and "gives" in found[0].source_value
    # The word in the slot never hides a negated same word later in the sentence: that flip has
    # two signals and stays high.
    found = _counted(pair_findings(
        extractor, "The council gives a clear picture of the budget, and the mayor approved the plan on Monday.",
        "The council does not offer a clear picture of the budget, and the mayor did not approve the plan on Monday."),
        "negation_flip")
    assert [f.severity for f in found] == ["high"] and "approve" in found[0].derived_value
    # Nor a reversal the count of negations finds: one "not" added where the source has none.
    found = _counted(pair_findings(
        extractor, "The council gives a clear picture of the budget.", "The council does not offer a clear picture of the budget."),
        "negation_flip")
    assert [f.severity for f in found] == ["high"]
    # A negated opposite in the slot says what the source says.
    assert not _counted(pair_findings(
        extractor, "The council refused to comment, and the museum kept its maps when the town sold the building.",
        "The council did not comment, and the museum did not lose its maps when the town sold the building."), "negation_flip")


def test_a_noun_slipped_in_before_a_noun_is_an_addition_whatever_the_parser_labels_it(extractor):
    # The parser hangs "catering" off "companies" as an adjective (amod), not as a compound; it is
    # still a noun naming a narrower kind of company than the source states.
    source = "When many companies suddenly applied for short-time work at the start of the crisis, the agency had to react quickly."
    found = _counted(pair_findings(
        extractor, source, "When a large number of catering companies suddenly applied for short-time work at the start of "
                           "the crisis, the agency had to react quickly."), "unsupported_addition")
    assert [f.derived_value for f in found] == ["catering"]
    assert not _counted(pair_findings(
        extractor, source, "When a large number of companies suddenly applied for short-time work at the start of "
                           "the crisis, the agency had to react quickly."))


def test_a_name_is_kept_by_its_own_words_not_by_a_common_word_said_of_something_else(extractor):
    # "agricultural" describes the machines; nothing in the version names the Sichuan bureau.
    source = "The hall shows more than 80 tractors bought and used by the Sichuan Agricultural Machinery Bureau since 1990."
    found = _counted(pair_findings(
        extractor, source, "More than 80 agricultural tractors bought and used since 1990 are shown in the hall."), "omission")
    assert [f.source_value for f in found] == ["Sichuan Agricultural Machinery Bureau"]
    # The name's own word kept ("Sichuan") keeps the name, whatever happens to its common words.
    assert not _counted(pair_findings(
        extractor, source, "More than 80 tractors bought and used by the Sichuan farm machinery office since 1990 are shown in the hall."),
        "omission")
    # A name of common words only may be rendered in lower case ("the health ministry").
    assert not _counted(pair_findings(
        extractor, "The Ministry of Health said on Monday that 40 new cases had been found.",
        "The health ministry said on Monday that 40 new cases had been found."), "omission")


def test_a_dropped_title_or_event_name_is_an_omission(extractor):
    # The march's name says what it was for; a version without it loses that fact.
    source = "In Denver, a student marching in a “March for Our Lives” demonstration was hurt on Saturday."
    found = _counted(pair_findings(
        extractor, source, "A student was hurt during a demonstration in Denver on Saturday."), "omission")
    assert [f.source_value for f in found] == ["March for Our Lives"]
    # Kept, in other quotation marks, it is no omission.
    assert not _counted(pair_findings(
        extractor, source, 'A student marching in a "March for Our Lives" demonstration in Denver was hurt on Saturday.'),
        "omission")


def test_a_verb_with_a_negation_inside_that_the_version_renders_does_not_explain_its_not(extractor):
    # "intercept" renders "stop" (WordNet synonyms); the added "not" then reverses the attempt.
    source = "The coast guard was trying to stop the smugglers' boats near the island."
    found = _counted(pair_findings(
        extractor, source, "The coast guard attempted not to intercept the smugglers' boats near the island."), "negation_flip")
    assert found and found[0].derived_value == "not"
    # Unrendered, the source's "refused" is what the version's "not" says.
    assert not _counted(pair_findings(
        extractor, "The minister refused to comment on the report on Monday.",
        "The minister did not comment on the report on Monday."), "negation_flip")
    # The faithful rendering has no finding.
    assert not _counted(pair_findings(
        extractor, source, "The coast guard attempted to intercept the smugglers' boats near the island."))


def test_a_name_written_by_its_acronym_is_kept(extractor):
    # A law or an event may be named by its letters: "the CAA" keeps "the Clean Air Act".
    assert not _counted(pair_findings(
        extractor, "Congress passed the Clean Air Act in 1970 after years of debate.",
        "Congress passed the CAA in 1970 after years of debate."), "omission")
    assert not _counted(pair_findings(
        extractor, "Thousands of athletes will compete in the World Indoor Championships in Glasgow next month.",
        "Thousands of athletes will compete in the WIC in Glasgow next month."), "omission")
    # Letters that do not hold its initials keep nothing.
    assert _counted(pair_findings(
        extractor, "Congress passed the Clean Air Act in 1970 after years of debate.",
        "Congress passed the EPA in 1970 after years of debate."))


def test_a_word_said_once_more_than_the_source_says_it_can_reverse_the_source_word(extractor):
    # The source's one "start" renders one of the version's two; the other stands where the source says "ended".
    source = "The driver lost control of his car and ended the race very soon after the start."
    found = _counted(pair_findings(
        extractor, source, "The driver lost control of his car and started the race shortly after the start."),
        "negation_flip")
    assert [(f.derived_value, f.source_value, f.severity) for f in found] == [("started", "ended", "medium")]
    # Said as often as the source says it, the word is no new claim.
    assert not _counted(pair_findings(
        extractor, source, "The driver lost control of his car and ended the race shortly after the start."), "negation_flip")


def test_a_long_name_left_out_does_not_make_a_rendering_a_shortened_one(extractor):
    # The version renders every word but the name: it is no shortened rendering that may drop details.
    source = "The Lower Saxony Office for Consumer Protection said the eggs were safe."
    found = _counted(pair_findings(extractor, source, "Officials said the eggs were safe."), "omission")
    assert "Lower Saxony" in " ".join(f.source_value for f in found)
    # A version that drops other words as well is a shortened rendering.
    assert not _counted(pair_findings(
        extractor, "The Lower Saxony Office for Consumer Protection said on Friday that the eggs from the farm near the river were safe.",
        "The eggs were safe."), "omission")


def test_a_place_the_tagger_calls_a_people_is_still_a_name_that_can_be_dropped(extractor):
    # The tagger calls "Fiji" a nationality (NORP); WordNet knows it as a place, and dropping it loses the place.
    source = "The Fiji disaster management office said on Monday that no damage was reported in the islands."
    found = _counted(pair_findings(
        extractor, source, "The disaster management office said on Monday that no damage was reported in the islands."),
        "omission")
    assert [f.source_value for f in found] == ["Fiji"]
    # A people rendered by what they are ("people" for "Kurds") stays the translation's choice.
    assert not _counted(pair_findings(
        extractor, "Many Kurds fled the town after the attack on Monday.",
        "Many people fled the town after the attack on Monday."), "omission")


def test_a_name_is_kept_by_its_words_said_as_words_not_inside_other_words(extractor):
    # "woman" holds the letters of "Oman" but does not name the country.
    source = "Talks between the two leaders were held in Oman on Monday, officials said."
    found = _counted(pair_findings(
        extractor, source, "Talks between the two leaders were held on Monday, a woman among the officials said."), "omission")
    assert [f.source_value for f in found] == ["Oman"]
    # The name at the start of a longer word ("Omani") is said.
    assert not _counted(pair_findings(
        extractor, source, "Talks between the two leaders were held in Oman on Monday, Omani officials said."), "omission")


def test_a_name_is_not_kept_by_a_like_spelt_name_the_source_says_too(extractor):
    # "Australia" is the source's own word, not a misspelling of the "Austria" it names beside it.
    source = "Ministers from Austria and Australia met in Geneva on Monday to discuss trade."
    found = _counted(pair_findings(extractor, source, "Ministers from Australia met in Geneva on Monday to discuss trade."), "omission")
    assert [f.source_value for f in found] == ["Austria"]
    # A misspelt name is still the name ("Austira").
    assert not _counted(pair_findings(
        extractor, "Ministers from Austria met in Geneva on Monday to discuss trade.",
        "Ministers from Austira met in Geneva on Monday to discuss trade."), "omission")


def test_a_long_name_left_out_is_not_said_by_a_word_that_holds_its_letters(extractor):
    # "woman" holds the letters of "Oman" but does not name the country: the version says none of the
    # long name's words, so leaving out only the name does not make it a shortened rendering.
    source = "The Oman Ministry of Agriculture, Fisheries and Water Resources said the fish were safe."
    for version in ("An official said the fish were safe.", "A woman said the fish were safe."):
        found = _counted(pair_findings(extractor, source, version), "omission")
        assert [f.source_value for f in found] == ["Oman Ministry of Agriculture, Fisheries and Water Resources"], version
    # The name said at the start of a longer word ("Omani") is said.
    assert not _counted(pair_findings(extractor, source, "An Omani official said the fish were safe."), "omission")
