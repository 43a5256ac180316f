"""High for a changed figure, date, quote or attribution needs two independent signals (issue 17.3):
the values are about the same thing (one noun or unit, speakers named in their own sentences) and
the difference is no rendering (a scale word read two ways). Otherwise medium, and the explanation
says which signal is missing. Each test keeps a clear change high."""
from __future__ import annotations

from .helpers import pair_findings


def _by_type(findings, kind):
    return [f for f in findings if f.type == kind and f.severity != "low"]


def test_figures_a_power_of_ten_apart_in_other_scale_words_are_medium(extractor):
    # 十二亿 read as "1.2 billion" by one translation and as "120 million" by another.
    found = _by_type(pair_findings(
        extractor, "The company invested 1.2 billion yuan in the new harbour last year.",
        "The company invested 120 million yuan in the new harbour last year."), "number_change")
    assert [f.severity for f in found] == ["medium"]
    assert "scale word" in found[0].explanation
    found = _by_type(pair_findings(
        extractor, "The island received 3.5 million visitors in 2022, the bureau said.",
        "The island received 35,000 visitors in 2022, the bureau said."), "number_change")
    assert [f.severity for f in found] == ["medium"]
    # The same unit and another figure, no scale word involved: high.
    found = _by_type(pair_findings(
        extractor, "The storm dropped 5 inches of rain on the town overnight.",
        "The storm dropped 8 inches of rain on the town overnight."), "number_change")
    assert [f.severity for f in found] == ["high"]
    found = _by_type(pair_findings(
        extractor, "The company invested 1.2 billion yuan in the new harbour last year.",
        "The company invested 1.5 billion yuan in the new harbour last year."), "number_change")
    assert [f.severity for f in found] == ["high"]


def test_figures_that_no_common_noun_ties_together_are_medium(extractor):
    # The only figure of each sentence, hung off one verb, but only one side says what it counts
    # ("500" may be cars, trips or tonnes).
    found = _by_type(pair_findings(
        extractor, "The ferry carried 300 passengers on its first day.",
        "The ferry carried 500 on its first day."), "number_change")
    assert [f.severity for f in found] == ["medium"]
    assert "what both figures count" in found[0].explanation
    # A sign written with both figures says what they count: "$210bn" / "$120bn", "8%" / "12%".
    for source, derived in (("The deal covers trade worth $210bn a year.", "The deal covers trade worth $120bn a year."),
                            ("The operator said ticket prices rose 8% last year.",
                             "The operator said ticket prices rose 12% last year.")):
        found = _by_type(pair_findings(extractor, source, derived), "number_change")
        assert [f.severity for f in found] == ["high"]


def test_a_quote_change_no_value_detector_confirms_is_medium(extractor):
    # "STB" for "Tourism Board": the quote's word count differs, the name detector sees no change.
    found = _by_type(pair_findings(
        extractor, '"The Tourism Board has worked hard on this plan," Lee said.',
        '"The STB has worked hard on this plan," Lee said.'), "quote_change")
    assert [f.severity for f in found] == ["medium"]
    assert "Medium, not high" in found[0].explanation
    # A figure changed inside a quote is seen by the number detector too: high, with the quote as evidence.
    found = pair_findings(
        extractor, '"We will build 40 new homes on the harbour this year," Lee said.',
        '"We will build 90 new homes on the harbour this year," Lee said.')
    assert [(f.type, f.severity) for f in found if f.severity != "low"] == [("number_change", "high")]


def test_a_speaker_carried_over_from_another_sentence_is_medium(extractor):
    found = _by_type(pair_findings(
        extractor, 'Mayor Anna Berg spoke first. "The town will recover soon after the flood," she said.',
        'Mayor Anna Berg spoke first. "The town will recover soon after the flood," Tom Reyes said.'),
        "attribution_change")
    assert [f.severity for f in found] == ["medium"]
    assert "carried over" in found[0].explanation
    # Both speakers named in the quote's own sentence: high.
    found = _by_type(pair_findings(
        extractor, 'Tom Reyes and Anna Berg spoke. "The town will recover soon after the flood," Berg said.',
        'Tom Reyes and Anna Berg spoke. "The town will recover soon after the flood," Reyes said.'),
        "attribution_change")
    assert [f.severity for f in found] == ["high"]


def test_a_citation_both_sentences_name_is_medium(extractor):
    found = _by_type(pair_findings(
        extractor, "Exports rose 8% in January, according to Reuters, which cited the Commerce Ministry.",
        "Exports rose 8% in January, according to the Commerce Ministry, Reuters reported."), "attribution_change")
    assert [f.severity for f in found] == ["medium"]
    found = _by_type(pair_findings(
        extractor, "Exports rose 8% in January, according to Reuters.",
        "Exports rose 8% in January, according to the Associated Press."), "attribution_change")
    assert [f.severity for f in found] == ["high"]
