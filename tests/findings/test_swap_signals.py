"""A high entity swap needs two signals that agree (issue 17.3): another name in the source's place,
and a different entity of the same kind. A name that repeats the source's own name word ("Marsh
Marsh" for "Daniel Marsh") names no one else; a word the tagger gives no kind ("Red" of a
hyphenated nickname) is part of one word, not a name of that kind. Each test keeps a clear swap
of two typed names high."""
from __future__ import annotations

from storytrace.findings.names import compare_names

from .helpers import pair_findings


def _swaps(findings):
    return [f for f in findings if f.type == "entity_swap" and f.severity != "low"]


def test_a_name_word_repeated_back_to_back_names_the_same_person(extractor):
    assert compare_names("Marsh Marsh", "Daniel Marsh").same_entity
    assert not compare_names("Emma Marsh", "Daniel Marsh").same_entity
    source = "Harbour master Daniel Marsh said the port would reopen on Monday."
    assert _swaps(pair_findings(extractor, source, "Harbour master Marsh Marsh said the port would reopen on Monday.",
                                [([0], [0])])) == []
    swaps = _swaps(pair_findings(extractor, source, "Harbour master Emma Marsh said the port would reopen on Monday.",
                                 [([0], [0])]))
    assert [f.severity for f in swaps] == ["high"], swaps


def test_a_swap_with_a_piece_of_a_hyphenated_word_is_medium(extractor):
    source = "Local papers said the derby against Parma is the 500th game in the history of this Red-White-Stripes side."
    derived = "Local papers said the derby against Parma is the 500th game in the history of the Rossoneri team."
    swaps = _swaps(pair_findings(extractor, source, derived, [([0], [0])]))
    assert [f.severity for f in swaps] == ["medium"], swaps
    assert "part of a hyphenated word" in swaps[0].explanation


def test_a_swap_of_two_typed_names_stays_high_and_says_why(extractor):
    swaps = _swaps(pair_findings(extractor, "Mayor Ana Silva opened the new bridge over the river on Tuesday.",
                                 "Mayor Tom Berg opened the new bridge over the river on Tuesday.", [([0], [0])]))
    assert [f.severity for f in swaps] == ["high"], swaps
    swaps = _swaps(pair_findings(extractor, "Rescuers in Chile found the missing hikers on Sunday.",
                                 "Rescuers in Peru found the missing hikers on Sunday.", [([0], [0])]))
    assert [f.severity for f in swaps] == ["high"], swaps
    assert "one kind" in swaps[0].explanation
