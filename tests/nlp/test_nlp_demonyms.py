"""One people/country table (nlp/names.DEMONYMS), read both ways: people -> country for NORP
mentions, country -> people (COUNTRY_DEMONYMS) for the findings' stems. Entries that used to sit
in only one of two drifted tables now work in both directions."""
from __future__ import annotations

import pytest

from storytrace.findings.lexicon import DEMONYMS as FINDINGS_DEMONYMS
from storytrace.findings.text import stem
from storytrace.nlp.names import COUNTRY_ALIASES, COUNTRY_DEMONYMS, DEMONYMS


@pytest.mark.parametrize("people, country", [
    ("canadian", "Canada"),  # was only in the people -> country table
    ("lebanese", "Lebanon"),  # was only in the country -> people table
    ("welsh", "Wales"),
    ("dutch", "Netherlands"),  # in both
])
def test_people_to_country(people, country):
    assert DEMONYMS[people] == country


@pytest.mark.parametrize("country, people", [
    ("france", "french"),
    ("canada", "canadian"),  # was only in the people -> country table
    ("peru", "peruvian"),  # was only in the country -> people table
    ("holland", "dutch"),  # an alias of the Netherlands
    ("u.k.", "british"),  # aliases are read through their country
    ("usa", "american"),
    ("argentina", "argentine"),  # two demonyms: the first listed
])
def test_country_to_people(country, people):
    assert COUNTRY_DEMONYMS[country] == people


def test_the_two_directions_are_one_table():
    assert FINDINGS_DEMONYMS is COUNTRY_DEMONYMS
    for people, country in DEMONYMS.items():
        assert DEMONYMS[COUNTRY_DEMONYMS[country.lower()]] == country
    for alias, country in COUNTRY_ALIASES.items():
        if alias in COUNTRY_DEMONYMS:
            assert DEMONYMS[COUNTRY_DEMONYMS[alias]] == country


@pytest.mark.parametrize("place, people", [
    ("France", "French"), ("Peru", "Peruvian"), ("Canada", "Canadians"),
    ("Taiwan", "Taiwanese"), ("Europe", "European"),  # suffix stripping alone cut these apart
    ("Holland", "Dutch"), ("PRC", "Chinese"),
])
def test_a_place_and_its_people_share_a_stem(place, people):
    assert stem(place) == stem(people)


@pytest.mark.parametrize("people, country", [("Canadian", "Canada"), ("Lebanese", "Lebanon")])
def test_a_people_tagged_norp_is_a_place_mention(extractor, people, country):
    from storytrace.ingest import article_from_text

    article = article_from_text(f"The {people} foreign minister arrived in Geneva on Tuesday for the talks.", id="a")
    extractor.process(article)
    assert ("place", country) in [(m.kind, m.value) for m in article.mentions]
