"""The channel of saying (nlp/channel.py) in the findings: never a person another person was
swapped for, and the test leaves places and people alone (session 18, issue 17 point 2). Leaving a
named channel out stays an omission of a name (medium): lowering it to low lost a translation error
raters marked and a DEMETR named-entity removal (bench/RESULTS.md, session 18, speak18)."""
from findings.helpers import pair_findings


def test_person_left_out_stays_an_omission(extractor):
    found = pair_findings(extractor, "Maria Lopez met John Smith on Monday.", "Maria Lopez met on Monday.", [([0], [0])])
    assert [f.severity for f in found if f.type == "omission"] == ["medium"]


def test_place_of_saying_is_no_channel(extractor):
    found = pair_findings(extractor, "Maria Lopez spoke in Paris on Monday about the bridge closure.",
                          "Maria Lopez spoke in London on Monday about the bridge closure.", [([0], [0])])
    assert [(f.type, f.severity) for f in found] == [("entity_swap", "high")]


def test_person_is_not_swapped_for_the_channel(extractor):
    """"DeGeneres tweeted" renders "announced the news on Twitter": Twitter was where, not who."""
    found = pair_findings(extractor,
                          "DeGeneres herself announced the news Friday morning on Twitter, writing that she would host.",
                          "DeGeneres tweeted Friday that she would host.", [([0], [0])])
    assert not [f for f in found if f.type == "entity_swap"]
