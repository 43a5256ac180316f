"""A high entity swap needs two signals that agree (issue 17.3): another name in the source's place,
and a different entity of the same kind. A name made only of the holder's own name words ("Marsh
Marsh" for "Daniel Marsh") may be the same person named badly; a word the tagger gives no kind ("Red" of a
hyphenated nickname) is part of one word, not a name of that kind. Each test keeps a clear swap
of two typed names high."""
from __future__ import annotations

from .helpers import pair_findings


def _swaps(findings):
    return [f for f in findings if f.type == "entity_swap" and f.severity != "low"]


def test_a_role_given_to_a_name_of_the_holders_own_words_is_medium(extractor):
    source = "Mayor Oliver Westbrook opened the new bridge over the river on Tuesday."
    derived = "Mayor Westbrook Westbrook opened the new bridge over the river on Tuesday."
    swaps = _swaps(pair_findings(extractor, source, derived, [([0], [0])]))
    assert [f.severity for f in swaps] == ["medium"], swaps
    assert "same person named badly" in swaps[0].explanation
    # Another first name is another person: the role swap stays high.
    swaps = _swaps(pair_findings(extractor, source, "Mayor Emma Westbrook opened the new bridge over the river on Tuesday.",
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
