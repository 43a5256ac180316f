"""A tagger takes a capitalised word for a person's name now and then: "the Oscar organizers", "an Emmy
nominee", "Mars rover". When a "person" is one capitalised word that the dictionary (WordNet) writes with
its capital as the name of a thing (an award, a planet) and knows in no sense as a person, it is that
thing: not the article's protagonist, not one of its people. A one-word name the dictionary does not
know ("Zarina"), or knows as a person too ("Kelly", "Prince"), or knows only in lower case ("Rose",
"Sting": a flower, a wound) stays a person. A name written in full ("Oscar Delvaux") is a person.

Hand-written texts; the mentions are given as a tagger gave them.
"""
from __future__ import annotations

from storytrace.stories.protagonists import cast_of, compare_protagonists, people, protagonists

from article_helpers import mentioned

HOST = ("Oscar organizers have picked Dana Hollis to host the ceremony in February. Hollis, who sang at the "
        "Oscar show two years ago, said she was honoured. The Oscar telecast has lost viewers since then.")
HOST_FOUND = [("Oscar", "Oscar"), ("Dana Hollis", "Dana Hollis"), ("Hollis", "Dana Hollis"), ("Oscar", "Oscar"),
              ("Oscar", "Oscar")]
SHORT = ("Singer Dana Hollis will host the Academy Awards next year, the academy announced on Friday. "
         "Hollis called the offer a dream.")
SHORT_FOUND = [("Dana Hollis", "Dana Hollis"), ("Hollis", "Dana Hollis")]


def test_an_award_taken_for_a_person_is_no_protagonist():
    a = mentioned(HOST, HOST_FOUND)
    assert protagonists(a) == frozenset({"hollis"})
    assert people(a) == frozenset({"hollis"})


def test_two_reports_of_one_host_are_about_the_same_person():
    a, b = cast_of(mentioned(HOST, HOST_FOUND)), cast_of(mentioned(SHORT, SHORT_FOUND))
    a_names = frozenset({"oscar", "dana", "hollis"})
    b_names = frozenset({"dana", "hollis", "academy", "awards"})
    assert compare_protagonists(a.protagonists, a_names, b.protagonists, b_names, a.supporting, b.supporting) == "same"


def test_a_planet_taken_for_a_person_is_none_of_its_people():
    text = "The Mars rover sent new images, said Lena Ortiz of the agency. Mars is colder than expected."
    a = mentioned(text, [("Mars", "Mars"), ("Lena Ortiz", "Lena Ortiz"), ("Mars", "Mars")])
    assert people(a) == frozenset({"ortiz"})
    assert protagonists(a) == frozenset()


def test_one_word_names_that_may_be_people_stay_people():
    text = ("Zarina opened the festival. Kelly joined her on stage, and Rose sang last. Zarina, Kelly and Rose "
            "will tour in May.")
    a = mentioned(text, [("Zarina", "Zarina"), ("Kelly", "Kelly"), ("Rose", "Rose"), ("Zarina", "Zarina"),
                         ("Kelly", "Kelly"), ("Rose", "Rose")])
    assert people(a) == frozenset({"zarina", "kelly", "rose"})
    assert protagonists(a) == frozenset({"zarina", "kelly", "rose"})


def test_a_full_name_is_a_person_whatever_its_words():
    text = "Oscar Delvaux won the race. Delvaux said Oscar Delvaux Senior, his father, had trained him."
    a = mentioned(text, [("Oscar Delvaux", "Oscar Delvaux"), ("Delvaux", "Oscar Delvaux"),
                         ("Oscar Delvaux", "Oscar Delvaux")])
    assert protagonists(a) == frozenset({"delvaux"})
