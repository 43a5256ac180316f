"""A name is written with a capital. A "person" the tagger found written in lower case at every mention
("the talk show host", "a band of jewel thieves", "struck by stray gunfire") is a common noun, not
someone the article is about: it is neither its protagonist nor one of its people. A text written
without capitals keeps its people (its names are in lower case too).

Hand-written texts; the mentions are given as a tagger gave them.
"""
from __future__ import annotations

from storytrace.stories.protagonists import people, protagonists

from article_helpers import mentioned

HOST = ("Comedian Mira Tallis will host the awards in March, organisers said. \"I am thrilled,\" the talk show "
        "host wrote on her blog. Tallis was the first openly gay host of the show, and organisers asked her to host "
        "it again.")


def test_a_common_noun_taken_for_a_person_is_no_protagonist():
    a = mentioned(HOST, [("Mira Tallis", "Mira Tallis"), ("host", "gay host"), ("Tallis", "Mira Tallis"),
                          ("gay host", "gay host"), ("host", "gay host")])
    assert protagonists(a) == frozenset({"tallis"})
    assert people(a) == frozenset({"tallis"})


def test_a_short_report_naming_a_band_of_thieves_names_no_one():
    text = "A band of jewel thieves robbed the Varno store of Keller and Sons on Tuesday."
    assert people(mentioned(text, [("jewel thieves", "jewel thieves")])) == frozenset()


def test_a_name_written_once_with_its_capital_is_kept():
    text = "Mira Tallis will host. The comedian, tallis to her friends, said yes."
    a = mentioned(text, [("Mira Tallis", "Mira Tallis"), ("tallis", "Mira Tallis")])
    assert people(a) == frozenset({"tallis"}) and protagonists(a) == frozenset({"tallis"})


def test_a_text_without_capitals_keeps_its_people():
    text = "mira tallis will host the awards, organisers said. tallis has hosted twice before."
    a = mentioned(text, [("mira tallis", "Mira Tallis"), ("tallis", "Mira Tallis")])
    assert protagonists(a) == frozenset({"tallis"})
