"""A list of names said in another order or with other spellings moves no one (issue 17.5, false
alarms on faithful translations).

A person the source names only in another place of its sentence is "moved" into this one's slot
only when the person of that slot is gone from this sentence. Two renderings of one list
("Advocate M.L. Gupta, Rohin Bharadwaj and Sarpanch" / "Advocate ML Gupta, Rohin Bhardwaj, and
Sarpanch") keep every person, each perhaps spelt another way or given another kind by the tagger,
so no name was put in another's place. A person in the slot of one who is gone stays a finding."""
from __future__ import annotations

from .helpers import pair_findings


def _swaps(findings):
    return [f for f in findings if f.type == "entity_swap" and f.severity != "low"]


def test_one_list_of_people_in_two_spellings_is_no_swap(extractor):
    source = "Advocate M.L. Gupta, Rohin Bharadwaj and Sarpanch spoke to the people in the camp."
    derived = "In the camp, Advocate ML Gupta, Rohin Bhardwaj, and Sarpanch spoke to the people."
    assert _swaps(pair_findings(extractor, source, derived, [([0], [0])])) == []


def test_a_person_put_in_the_place_of_one_who_is_gone_is_still_a_swap(extractor):
    source = "Maria Lopez said the port would reopen on Monday. Tom Reyes is the mayor of the town."
    derived = "Tom Reyes said the port would reopen on Monday. Tom Reyes is the mayor of the town."
    swaps = _swaps(pair_findings(extractor, source, derived, [([0], [0]), ([1], [1])]))
    assert [(f.derived_value, f.source_value) for f in swaps] == [("Tom Reyes", "Maria Lopez")], swaps
