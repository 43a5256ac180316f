"""Name similarity and number normalisation: the pure functions under the detectors."""
from __future__ import annotations

import pytest

from storytrace.findings.names import compare_names
from storytrace.findings.numbers import raw_values, values_match


@pytest.mark.parametrize("a,b", [
    ("Takeshi Nakamura", "Nakamura Takeshi"),   # name order
    ("Katharine Vollmer", "Catherine Vollmer"),  # transliteration
    ("Jon Smith", "John Smith"),
    ("Pieter Claessens", "Peter Claessens"),
    ("Mohammed Salah", "Muhammad Salah"),
    ("Paul Tremblay", "Tremblay"),               # surname alone
    ("Katharine Vollmer", "Katharine Volmer"),   # misspelling
])
def test_same_person_written_differently(a, b):
    assert compare_names(a, b).same_entity


@pytest.mark.parametrize("a,b", [
    ("Ayaka Fujii", "Sakamoto Mika"),
    ("Luca Bernardi", "Stefan Hoffmann"),
    ("Takeshi Nakamura", "Takashi Nakamori"),    # both names changed: a look-alike, not a variant
    ("Daniel Reyes", "James Baker"),
])
def test_different_people(a, b):
    match = compare_names(a, b)
    assert not match.same_entity


def test_lookalike_is_distinguished_from_unrelated():
    assert compare_names("Takeshi Nakamura", "Takashi Nakamori").verdict == "lookalike"
    assert compare_names("Emi Sato", "Hana Morikawa").verdict == "different"


@pytest.mark.parametrize("a,b,same", [
    (2.47, 2.5, True), (1512, 1500, True), (1.512e9, 1.5e9, True),
    (1985, 1995, False), (10, 11, False), (25, 21, False), (330, 300, False),
])
def test_values_match_allows_rounding_only(a, b, same):
    assert values_match(a, b) is same


def test_raw_values_read_european_separators_and_scores():
    values = raw_values("272.000 infections, a 2:0 win and both teams")
    assert {272000.0, 2.0, 0.0} <= values


@pytest.mark.parametrize("a,b", [
    ("S.K. Verma", "SK Verma"),    # initials with and without stops: "S" is an initial, not a possessive
    ("A.S. Rao", "AS Rao"),
])
def test_initials_written_with_or_without_stops_are_one_name(a, b):
    assert compare_names(a, b).same_entity


def test_a_possessive_is_no_part_of_a_name():
    assert compare_names("Tom Reyes's", "Tom Reyes").same_entity
    assert compare_names("Tom Reyes’", "Tom Reyes").same_entity
