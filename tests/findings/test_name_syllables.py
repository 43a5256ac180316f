"""A name romanised syllable by syllable is one name however its syllables are joined: "Xi Jinping" /
"Xi Jin Ping", "Men Rui" / "Menrui", "Zhao Lijian" / "Zhao Li-jian", "Huawei" / "Hua Wei". Two
translations of one Chinese sentence write the gaps differently; the letters, in order, are the same.
That is a rendering, not another person or organisation. A name with other letters stays a swap."""
from __future__ import annotations

import pytest

from storytrace.findings.names import compare_names, join_syllables

from .helpers import pair_findings


@pytest.mark.parametrize("a,b", [
    ("Xi Jinping", "Xi Jin Ping"),
    ("Men Rui", "Menrui"),
    ("Zhao Lijian", "Zhao Li-jian"),
    ("Tsai Ing-wen", "Tsai Ingwen"),
    ("Jinping", "Xi Jin Ping"),  # the given name alone, its syllables apart in the other
])
def test_syllables_joined_or_apart_are_one_name(a, b):
    assert compare_names(a, b).same_entity
    assert compare_names(b, a).same_entity


@pytest.mark.parametrize("a,b", [
    ("Ri Sol-ju", "Li Xuezhu"),    # another reading of the name: other letters
    ("Men Rui", "Menglei"),
    ("Zhao Lijian", "Zhao Lifeng"),
])
def test_other_letters_are_not_joined_syllables(a, b):
    assert not compare_names(a, b).same_entity


def test_join_syllables_joins_only_what_the_other_writes_as_one_word():
    assert join_syllables(["xi", "jin", "ping"], ["xi", "jinping"]) == ["xi", "jinping"]
    assert join_syllables(["men", "rui"], ["menglei"]) == ["men", "rui"]


def _named(findings):
    return [f for f in findings if f.type in ("entity_swap", "unsupported_addition", "omission") and f.severity != "low"]


@pytest.mark.parametrize("source,derived", [
    ("Reporter Men Rui said the report was released on Friday.",
     "Reporter Menrui said the report was released on Friday."),
    ("The spokesman Zhao Lijian said China opposed the sanctions.",
     "The spokesman Zhao Li-jian said China opposed the sanctions."),
    ("Xi Jinping met the delegation in Beijing on Monday.",
     "Xi Jin Ping met the delegation in Beijing on Monday."),
    ("The company Huawei Technologies said its sales rose last year.",
     "The company Hua Wei Technologies said its sales rose last year."),
])
def test_a_name_with_its_syllables_joined_otherwise_is_no_finding(extractor, source, derived):
    assert _named(pair_findings(extractor, source, derived, [([0], [0])])) == []


def test_a_name_with_other_letters_is_still_a_swap(extractor):
    found = _named(pair_findings(extractor, "The first lady, Ri Sol-ju, walked behind her husband.",
                                 "The first lady, Li Xuezhu, walked behind her husband.", [([0], [0])]))
    assert [f.type for f in found] == ["entity_swap"], found
    found = _named(pair_findings(extractor, "The company Huawei Technologies said its sales rose last year.",
                                 "The company Hua Xing Technologies said its sales rose last year.", [([0], [0])]))
    assert found, "another company's name"
