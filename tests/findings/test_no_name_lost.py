"""A name is swapped only for a name the sentence lost (issue 17: findings a fact-checker can trust; real
ECB+ topics 32 and 34, read in session 20).

An honorific alone ("Mr." of "Mr. Gomes", where the tagger cut the name short) stands for the name after
it, which the version still gives: no name was replaced by "DA" or by the spokesman the version adds. And
an office one version capitalises ("the post of Surgeon General") and the other writes in small letters
("to serve as the country's surgeon general") is rendered: "U.S." did not take the place of "Surgeon".
A version that replaces a name still makes a swap.
"""
from __future__ import annotations

from .helpers import pair_findings


def _swaps(findings):
    return [f for f in findings if f.type == "entity_swap"]


def test_an_honorific_is_no_name_another_replaced(extractor):
    findings = pair_findings(
        extractor,
        "The victims have been identified as Robyn Mendes, 48, an ex-girlfriend of Mr. Gomes, and Catherine Gomes,"
        " 61, the defendant's mother.",
        "The bodies of Robyn Mendes, 48, Gomes' ex-girlfriend, and Gomes' mother, Catherine Gomes, 61, were found"
        " by police yesterday, said DA spokesman Gregg Miliote.", [([0], [0])])
    assert not _swaps(findings), findings


def test_an_office_written_in_small_letters_is_rendered(extractor):
    findings = pair_findings(
        extractor,
        "Dr. Sanjay Gupta, a neurosurgeon and correspondent for CNN, has been offered the post of Surgeon General"
        " by President-elect Barack Obama, according to sources.",
        "U.S. president-elect Barack Obama has asked neurosurgeon Sanjay Gupta, CNN's correspondent, to serve as"
        " the country's surgeon general, CNN reported Tuesday.")
    assert not _swaps(findings), findings


def test_a_name_replaced_is_still_a_swap(extractor):
    findings = pair_findings(
        extractor,
        "The victims have been identified as Robyn Mendes, an ex-girlfriend of Mr. Gomes, police said in Boston.",
        "The victims have been identified as Robyn Mendes, an ex-girlfriend of Mr. Gomes, police said in Chicago.")
    assert [(f.source_value, f.derived_value) for f in _swaps(findings)] == [("Boston", "Chicago")], findings
