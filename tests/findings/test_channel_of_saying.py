"""The channel of saying (nlp/channel.py) in the findings: never a person another person was
swapped for, and leaving it out is low (session 18, issue 17 point 2)."""
from findings.helpers import pair_findings


def test_channel_left_out_is_low(extractor):
    found = pair_findings(extractor,
                          "Ellen DeGeneres made the announcement on Twitter on Friday. She will host the show in March.",
                          "Ellen DeGeneres made the announcement on Friday. She will host the show in March.",
                          [([0], [0]), ([1], [1])])
    assert [f.severity for f in found if f.type == "omission"] == ["low"]


def test_platform_of_a_post_left_out_is_low(extractor):
    found = pair_findings(extractor, "Maria Lopez said in a Facebook post that the bridge will close on Monday.",
                          "Maria Lopez said in a post that the bridge will close on Monday.", [([0], [0])])
    assert all(f.severity == "low" for f in found if f.type == "omission")


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
