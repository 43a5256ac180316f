"""Two translations of one source choose different words for one meaning. Each case is a
hand-written pair stating one such choice that is no change; the last assertion of each test
keeps a real change reported."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _counted(findings, kind=None):
    return [f for f in findings if f.severity in ("medium", "high") and (kind is None or f.type == kind)]


def test_a_negation_carried_by_a_prefix_is_the_same_negation(extractor):
    # "not clear" says what "unclear" says: the negation is in the word's prefix on one side.
    assert not _counted(pair_findings(
        extractor, "The official said that the exact shape of the object was unclear, but it posed a threat.",
        "The official said that the exact shape of the object was not clear, but it posed a threat."), "negation_flip")
    assert not _counted(pair_findings(
        extractor, "The minister said the plan was not possible before the election.",
        "The minister said the plan was impossible before the election."), "negation_flip")
    # A negation added to a word the source states plainly is still a flip.
    assert _counted(pair_findings(
        extractor, "The official said that the exact shape of the object was clear, but it posed a threat.",
        "The official said that the exact shape of the object was not clear, but it posed a threat."), "negation_flip")


def test_a_qualifier_that_renders_a_source_word_in_other_words_is_no_addition(extractor):
    # A demonstration is a protest; "tight" renders "tension" (tight ~ tense ~ tension).
    assert not _counted(pair_findings(
        extractor, "On Saturday most workers do not have to choose between demonstrations and a strike with lost wages.",
        "On Saturday most workers do not have to choose between protest demonstrations and a strike with lost wages."),
        "unsupported_addition")
    assert not _counted(pair_findings(
        extractor, "The continued tension in the supply of the job market will shape the economy in 2023.",
        "The continued tight supply of the job market will shape the economy in 2023."),
        "unsupported_addition")
    # A qualifier nothing in the source says is still an addition.
    assert _counted(pair_findings(
        extractor, "The French unions mobilize again against the government's pension plan in a large march.",
        "The French student unions mobilize again against the government's pension plan in a large march."),
        "unsupported_addition")
    assert _counted(pair_findings(
        extractor, "The continued tension in the supply of the job market will shape the economy in 2023.",
        "The continued tension in the foreign supply of the job market will shape the economy in 2023."),
        "unsupported_addition")


def test_a_qualifier_that_wordnet_defines_by_an_unrendered_source_word_is_no_addition(extractor):
    # WordNet defines "airborne" as "moved or conveyed by or through air": it renders "in the air".
    source = "This is the second time in less than a week that the army has shot down an object in the air."
    assert not _counted(pair_findings(
        extractor, source, "This is the second time in less than a week that the army has shot down an airborne object."),
        "unsupported_addition")
    assert _counted(pair_findings(
        extractor, source, "This is the second time in less than a week that the army has shot down a hostile object in the air."),
        "unsupported_addition")


def test_a_listed_antonym_reverses_the_claim_in_another_phrase(extractor):
    # "pleasure" is WordNet's antonym of "pain": the sentence reverses the source even though the
    # two words hang off different verbs ("overcome" / "relieve").
    source = "The athlete took the drugs he needed to overcome his pain during the race."
    assert _counted(pair_findings(
        extractor, source, "The athlete relieved the pleasure with the medicine during the race."), "negation_flip")
    assert not _counted(pair_findings(
        extractor, source, "The athlete relieved the pain with the medicine during the race."), "negation_flip")


def test_a_name_dropped_where_the_version_has_a_hole_is_an_omission(extractor):
    # An acronym a translation may spell out is no omission on its own; with a hole where a word
    # is missing ("the 's", "at in", "()") the two signals agree that the name was dropped.
    source = "Google and Apple, angered by the NSA's surveillance program, have backed the bill."
    assert _counted(pair_findings(
        extractor, source, "Angered by the 's surveillance program, Google and Apple have backed the bill."), "omission")
    assert not _counted(pair_findings(
        extractor, source, "Angered by the National Security Agency's surveillance program, Google and Apple have backed the bill."),
        "omission")
    # "A" in "vitamin A is" is a letter, not an article without its noun; an acronym spelt out is kept.
    assert not _counted(pair_findings(
        extractor, "The WHO said that vitamin A is vital for young children.",
        "The World Health Organization said that vitamin A is vital for young children."), "omission")
    assert not _counted(pair_findings(
        extractor, "The WHO said that the 's' sound is hard for young children.",
        "The World Health Organization said that the 's' sound is hard for young children."), "omission")
    source = "He trained as an obstetrician and began to work at the Westfield Women's Hospital in 1959."
    assert _counted(pair_findings(
        extractor, source, "He trained as a maternity doctor and started working at in Westfield in 1959."), "omission")
    assert not _counted(pair_findings(
        extractor, source, "He trained as a maternity doctor and started working at the Westfield Women's Hospital in 1959."),
        "omission")


def test_a_title_read_with_its_compound_names_one_office(extractor):
    # WordNet has "chancellor" and "prime minister" as one office; "minister" alone is another.
    source = "East Germany's last communist prime minister died today in Berlin."
    assert not _counted(pair_findings(extractor, source, "East Germany's last communist chancellor died today in Berlin."),
                        "role_change")
    assert _counted(pair_findings(extractor, source, "East Germany's last communist ambassador died today in Berlin."),
                    "role_change")


def test_at_before_a_figure_is_a_preposition_not_a_qualifier(extractor):
    # "the highest share at 41.4%" and "the highest share of 41.4%" state the same figure;
    # only "at least" / "at most" qualify it.
    source = "The UK has the highest share at 41.4%, followed by Australia at 20.3%."
    assert not _counted(pair_findings(
        extractor, source, "The UK accounted for the highest share of 41.4%, followed by Australia at 20.3%."), "omission")
    assert _counted(pair_findings(
        extractor, "The UK has a share of at least 41.4%, followed by Australia at 20.3%.",
        "The UK accounted for a share of 41.4%, followed by Australia at 20.3%."), "omission")


def test_words_that_all_say_more_than_one_are_no_opposites(extractor):
    source = "The government has taken multiple measures to speed up the recovery of the tourism industry."
    assert not _counted(pair_findings(
        extractor, source, "The government has taken several steps to speed up the recovery of the tourism industry."),
        "negation_flip")
    assert _counted(pair_findings(
        extractor, source, "The government has taken multiple measures to slow down the recovery of the tourism industry."),
        "negation_flip")


def test_a_prefix_negation_never_makes_a_flip(extractor):
    # "unable" balances "could not"; the change is "clear" -> "unclear", reported on that word,
    # not as a "not" the source lacks.
    findings = _counted(pair_findings(
        extractor, "The minister was unable to attend the meeting, and the reason was clear.",
        "The minister could not attend the meeting, and the reason was unclear."), "negation_flip")
    assert [f.derived_value for f in findings] == ["unclear"], findings


@pytest.mark.xfail(strict=True, reason="known wrong addition: candidate A of session 17 (fa17: a qualifier that WordNet "
                   "uses to define an unrendered source word renders it) moved no confirm figure and was dropped")
def test_a_qualifier_that_wordnet_uses_to_define_an_unrendered_source_word_is_no_addition(extractor):
    # WordNet defines a bill as "a statute in draft before it becomes law": "the draft pension
    # reform" spells out what "the pension reform bill" says, in another construction.
    source = "The unions protested again on Saturday against the government's pension reform bill."
    assert not _counted(pair_findings(
        extractor, source, "The unions protested again on Saturday against the government's draft pension reform."),
        "unsupported_addition")

