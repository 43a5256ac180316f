"""A person's surname is the last word of the name but for what English writes after a surname: a
generation ("Carl Denholm Jr.", "Sr.") or a regnal number in capitals ("King Aldric VIII"). Reports name
the same man "Denholm" or "Aldric"; keyed by "jr." or "viii", the protagonist of one report was never named
by the other, and the one-sided veto called two reports of one event "another person". And a "person"
whose last word is a company form ("Harlan Voss Holdings Corp.") or a street's designator ("Snyder Ave",
a street named after someone) is a company or a street: none of the article's people.

Hand-written texts; the mentions are given as a tagger gave them.
"""
from __future__ import annotations

from storytrace.stories.protagonists import cast_of, compare_protagonists, people, protagonists, surname

from article_helpers import mentioned

SWORN = ("Carl Denholm Jr. was sworn in as mayor of Lisk on Monday. Denholm, 52, thanked the voters of the "
         "harbour town. Carl Denholm Jr. will serve four years.")
SWORN_FOUND = [("Carl Denholm Jr.", "Carl Denholm Jr."), ("Denholm", "Carl Denholm Jr."),
               ("Carl Denholm Jr.", "Carl Denholm Jr.")]
SHORT = "Lisk's new mayor Carl Denholm took office on Monday. Denholm promised a new harbour wall."
SHORT_FOUND = [("Carl Denholm", "Carl Denholm"), ("Denholm", "Carl Denholm")]


def test_a_generation_after_the_surname_is_no_surname():
    assert surname("Carl Denholm Jr.") == "denholm"
    assert surname("Carl Denholm Sr") == "denholm"
    assert protagonists(mentioned(SWORN, SWORN_FOUND)) == frozenset({"denholm"})


def test_two_reports_of_one_mayor_are_about_the_same_person():
    a, b = cast_of(mentioned(SWORN, SWORN_FOUND)), cast_of(mentioned(SHORT, SHORT_FOUND))
    a_names = frozenset({"carl", "denholm", "jr", "lisk"})
    b_names = frozenset({"lisk", "carl", "denholm"})
    assert compare_protagonists(a.protagonists, a_names, b.protagonists, b_names, a.supporting, b.supporting) == "same"


def test_a_regnal_number_is_no_surname():
    assert surname("King Aldric VIII") == "aldric"
    assert surname("Aldric VIII") == "aldric"
    # a name that only looks like a numeral is a name: written in capitals only as a numeral
    assert surname("Otto Dix") == "dix"
    assert surname("Ana Vic") == "vic"


def test_a_company_or_a_street_taken_for_a_person_is_none_of_its_people():
    text = ("Harlan Voss Holdings Corp. will close its plant on Snyder Ave in Lisk, chief executive Mara Quint "
            "said. Quint said Harlan Voss Holdings Corp. would keep 40 jobs on Snyder Ave.")
    a = mentioned(text, [("Harlan Voss Holdings Corp.", "Harlan Voss Holdings Corp."), ("Snyder Ave", "Snyder Ave"),
                         ("Mara Quint", "Mara Quint"), ("Quint", "Mara Quint"),
                         ("Harlan Voss Holdings Corp.", "Harlan Voss Holdings Corp."), ("Snyder Ave", "Snyder Ave")])
    assert protagonists(a) == frozenset({"quint"})
    assert people(a) == frozenset({"quint"})


def test_names_like_designators_stay_people():
    text = "Lena Avenida met Tom Corby in Lisk. Avenida and Corby spoke for an hour."
    a = mentioned(text, [("Lena Avenida", "Lena Avenida"), ("Tom Corby", "Tom Corby"), ("Avenida", "Lena Avenida"),
                         ("Corby", "Tom Corby")])
    assert protagonists(a) == frozenset({"avenida", "corby"})
