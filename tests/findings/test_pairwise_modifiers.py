"""Inserted modifiers: a qualifier the source never states is an unsupported addition; a
paraphrase that keeps the source's qualifiers (or adds only an emphatic word) is not."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _medium_addition(extractor, src, der, word):
    """The medium unsupported_addition of ``word`` that ``der`` gets against ``src``."""
    findings = pair_findings(extractor, src, der)
    hits = [f for f in findings if f.type == "unsupported_addition" and f.derived_value == word]
    assert hits and hits[0].severity == "medium", findings
    return hits[0]


def test_inserted_adjective_is_unsupported_addition(extractor):
    findings = pair_findings(extractor,
                             "She is in custody pending prosecution and trial, the court said on Monday.",
                             "She is in private custody pending prosecution and trial, the court said on Monday.")
    hits = [f for f in findings if f.type == "unsupported_addition" and f.derived_value == "private"]
    assert hits and hits[0].severity == "medium"


@pytest.mark.parametrize("src,der", [
    ("She is in custody pending prosecution and trial, the court said on Monday.",
     "She is in custody awaiting prosecution and trial, the court said on Monday."),
    ("Murray lost the first set after both men held each and every serve in the set.",
     "Murray lost the first set after both men held every single serve in the set."),
    ("The old bridge was closed to traffic for repairs on Monday.",
     "The aged bridge was closed to traffic for repairs on Monday."),
])
def test_faithful_paraphrase_gets_no_modifier_finding(extractor, src, der):
    findings = pair_findings(extractor, src, der)
    assert not [f for f in findings if f.type == "unsupported_addition" and f.severity != "low"], findings


def test_adjective_inserted_before_a_name_is_unsupported_addition(extractor):
    src = "The storm flooded farms across the Netherlands on Sunday, officials in Utrecht said."
    findings = pair_findings(extractor, src, "The storm flooded farms across the northern Netherlands on Sunday, officials in Utrecht said.")
    hits = [f for f in findings if f.type == "unsupported_addition" and f.derived_value == "northern"]
    assert hits and hits[0].severity == "medium", findings
    # the same qualifier where the source has it is no addition
    same = pair_findings(extractor, src.replace("the Netherlands", "the northern Netherlands"),
                         "The storm flooded farms across the northern Netherlands on Sunday, officials in Utrecht said.")
    assert not [f for f in same if f.type == "unsupported_addition" and f.severity != "low"], same


@pytest.mark.parametrize("src,der,word", [
    # an adverb on an adjective: the qualifier check looks at nouns and verbs only
    ("In 1994 she helped found the theatre and was responsible for hiring the actors.",
     "In 1994 she helped found the theatre and was collectively responsible for hiring the actors.", "collectively"),
    # the adjective hangs off "status" where the source says "state": no head to compare with,
    # but "the future" stands side by side in the source
    ("The talks also covered the future state of the harbour, which both towns claim.",
     "The talks also covered the bleak future status of the harbour, which both towns claim.", "bleak"),
])
def test_word_slipped_between_neighbours_of_the_source_is_unsupported_addition(extractor, src, der, word):
    assert _medium_addition(extractor, src, der, word).source_text.startswith(src[:20])


@pytest.mark.parametrize("src,der", [
    # the word renders the source's own qualifier ("changes in population")
    ("The report focused on changes in population across the region.",
     "The report focused on demographic changes across the region."),
    # a hedge weakens a claim; it adds no fact
    ("The dogs were domesticated in Asia, the study found.",
     "The dogs were apparently domesticated in Asia, the study found."),
])
def test_no_insertion_finding_for_a_rendering_or_a_hedge(extractor, src, der):
    findings = pair_findings(extractor, src, der)
    assert not [f for f in findings if f.type == "unsupported_addition" and f.severity != "low"], findings


def test_new_qualifier_counts_when_the_sources_own_qualifiers_reappear_elsewhere(extractor):
    # The source's "arm" and "jaw" qualify "wounds"; the derived sentence keeps both (the parser
    # hangs them off "suffered"), so "deadly" renders nothing the source says.
    _medium_addition(extractor,
                     "Edgar Veguilla suffered arm and jaw wounds while his friend required surgery on his face.",
                     "Edgar Veguilla suffered deadly wounds to his arm and jaw while his friend required surgery on his face.",
                     "deadly")


def test_a_source_qualifier_used_twice_must_reappear_twice(extractor):
    # "asylum" qualifies both "seeker" and "boat" in the source; the derived sentence says it once,
    # so "refugee boat" may render "asylum boat" and is not an addition.
    findings = pair_findings(extractor,
                             "An asylum seeker died of a heart attack after arriving on an asylum boat at Christmas Island.",
                             "An asylum seeker died of a heart attack after arriving in a refugee boat on Christmas Island.")
    assert not [f for f in findings if f.derived_value == "refugee" and f.severity != "low"], findings


@pytest.mark.parametrize("src,der,word", [
    # "acid rain" is one WordNet noun, but a narrower thing than the source's "rain"
    pytest.param("Engineers warned that heavy rain could breach the damaged levees before Friday.",
                 "Engineers warned that heavy acid rain could breach the damaged levees before Friday.", "acid",
                 id="wordnet-compound"),
    pytest.param("In the letter, the minister said she would not resign before the vote.",
                 "In the love letter, the minister said she would not resign before the vote.", "love",
                 id="wordnet-compound-2"),
    # a participle the parser makes an adjective qualifies its noun like any adjective
    pytest.param("The report quotes writers such as Lessing and Heine on the duties of the press.",
                 "The report quotes aspiring writers such as Lessing and Heine on the duties of the press.",
                 "aspiring", id="participle"),
    pytest.param("Technicians replaced the fans of the server hall after the fire alarm on Tuesday.",
                 "Technicians replaced the cooling fans of the server hall after the fire alarm on Tuesday.",
                 "cooling", id="participle-2"),
    # the source says it with the verb the derived noun comes from
    pytest.param("The trial showed that if the drug was administered early it would shorten the fever.",
                 "The trial showed that the intravenous administration of the drug early would shorten the fever.",
                 "intravenous", id="head-from-source-verb"),
    # the source's noun is more general than the derived one, which is qualified further
    pytest.param("Coastguards towed the vessel into the harbour after its engine failed on Sunday.",
                 "Coastguards towed the rusty ship into the harbour after its engine failed on Sunday.", "rusty",
                 id="head-narrower-than-source"),
])
def test_narrowing_qualifier_is_an_addition(extractor, src, der, word):
    _medium_addition(extractor, src, der, word)


def test_qualifier_spelling_out_a_more_specific_source_noun_is_no_addition(extractor):
    # "maternity doctor" is what "obstetrician" says: the source noun is narrower, not wider
    findings = pair_findings(extractor,
                             "He trained as an obstetrician and began to work at the city hospital in 1959.",
                             "He trained as a maternity doctor and began to work at the city hospital in 1959.")
    assert not [f for f in findings if f.type == "unsupported_addition" and f.severity != "low"], findings


# Known miss (session 18, candidate B, dropped): the source's "due to the flu epidemic" / "at the same time" is
# rendered by another word ("pandemic", "meanwhile"), so the new adverb renders nothing; counting that as
# rendered found no more DEMETR additions on confirm and one more faithful false alarm there.
@pytest.mark.xfail(strict=True, reason="candidate B dropped: a source qualifier rendered by another word still hides the new one")
@pytest.mark.parametrize("src,der,word", [
    ("So far around 5000 people have died in the state alone due to the flu epidemic, officials said.",
     "Around 5000 people have suddenly died in the state alone as a result of the flu pandemic, officials said.",
     "suddenly"),
    ("At the same time, the navy was trying to stop this traffic along the coast.",
     "Meanwhile, the navy quickly tried to stop this traffic along the coast.", "quickly"),
])
def test_new_qualifier_counts_when_another_word_renders_the_sources_qualifier(extractor, src, der, word):
    _medium_addition(extractor, src, der, word)
