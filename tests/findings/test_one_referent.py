"""One referent named two ways is no swap: a place and the adjective made from it ("Majorcan" /
"Mallorca", "Florentine" / "Firenze", "Soviet" / "USSR"), and a list of people given in another
order. Another place, another person, a real name dropped are still reported."""
from __future__ import annotations

from .helpers import pair_findings


def _counted(findings):
    return [f for f in findings if f.severity != "low"]


def test_a_place_written_another_way_for_its_adjective_is_no_addition(extractor):
    source = "Majorcan bread, like that of other islands in the Mediterranean, is made with olive oil."
    findings = pair_findings(extractor, source, "The bread of Mallorca, like that of other islands in the Mediterranean, is made with olive oil.")
    assert not _counted(findings), findings
    other = pair_findings(extractor, source, "The bread of Sardinia, like that of other islands in the Mediterranean, is made with olive oil.")
    assert [f for f in _counted(other) if "Sardinia" in (f.derived_value or "")], other


def test_a_place_wordnet_links_to_its_adjective_is_no_swap(extractor):
    source = "Florentine bankers lent money to the kings of Europe."
    findings = pair_findings(extractor, source, "Bankers from Firenze lent money to the kings of Europe.")
    assert not _counted(findings), findings
    other = pair_findings(extractor, source, "Bankers from Venice lent money to the kings of Europe.")
    assert [f for f in _counted(other) if "Venice" in (f.derived_value or "")], other


def test_a_short_stem_one_letter_off_is_another_country(extractor):
    findings = pair_findings(extractor, "Iraqi officials met the delegation in Geneva on Tuesday.",
                             "Officials from Iran met the delegation in Geneva on Tuesday.")
    assert [f for f in _counted(findings) if f.type == "entity_swap" and f.derived_value == "Iran"], findings


def test_a_list_of_people_in_another_order_swaps_no_one(extractor):
    source = "Advocate R.K. Mehta, Sunil Bharadwaj and Sarpanch spoke on the subject and addressed the people in the camp."
    findings = pair_findings(extractor, source, "In the camp, Advocate RK Mehta, Sunil Bhardwaj, and Sarpanch made people aware "
                                                "while speaking on the subject.")
    assert not _counted(findings), findings


def test_a_person_put_in_the_list_is_still_a_swap(extractor):
    source = "Lawyer P.K. Sharma, Anita Deshmukh and Mohan Verma spoke to the villagers at the camp on Sunday."
    findings = pair_findings(extractor, source, "At the camp on Sunday, lawyer P.K. Sharma, Mohan Verma and Ravi Kulkarni "
                                                "spoke to the villagers.")
    assert [f for f in _counted(findings) if f.type == "entity_swap" and "Kulkarni" in f.derived_value], findings


def test_a_country_by_its_acronym_for_its_adjective_is_no_swap(extractor):
    for adjective, acronym in (("Soviet", "USSR"), ("North Korean", "DPRK")):
        source = f"The {adjective} government said on Monday that the new rules would start in May."
        findings = pair_findings(extractor, source, f"The {acronym} government said on Monday that the new rules would start in May.")
        assert not _counted(findings), (adjective, findings)
    other = pair_findings(extractor, "The Chinese government said on Monday that the new rules would start in May.",
                          "The USSR government said on Monday that the new rules would start in May.")
    assert [f for f in _counted(other) if f.derived_value == "USSR"], other


def test_a_capital_for_its_country_is_one_place_at_another_scale(extractor):
    source = "The government in Beijing said on Monday that the new rules would start in May."
    findings = pair_findings(extractor, source, "The Chinese government said on Monday that the new rules would start in May.")
    assert not _counted(findings), findings
    findings = pair_findings(extractor, "English officials said on Monday that the new rules would start in May.",
                             "UK officials said on Monday that the new rules would start in May.")
    assert not _counted(findings), findings


def test_another_city_or_another_country_is_still_a_change(extractor):
    source = "The government in Beijing said on Monday that the new rules would start in May."
    for derived, name in (("The government in Shanghai said on Monday that the new rules would start in May.", "Shanghai"),
                          ("The French government said on Monday that the new rules would start in May.", "French")):
        findings = pair_findings(extractor, source, derived)
        assert [f for f in _counted(findings) if name in (f.derived_value or "") or f.source_value == "Beijing"], findings
