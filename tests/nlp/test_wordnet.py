"""The WordNet reader: real English words, read from the installed database files."""
from __future__ import annotations

import time

import pytest

from storytrace.nlp import wordnet


def test_loads_quickly_and_once():
    started = time.perf_counter()
    db = wordnet.wordnet()
    assert wordnet.wordnet() is db
    assert time.perf_counter() - started < 1.5
    assert db.synsets("dog", "n")  # the data files really are there


@pytest.mark.parametrize("a,b,pos", [
    ("huge", "tiny", "a"),  # indirect: huge ~ large ! small ~ tiny
    ("large", "small", "a"),  # direct
    ("increase", "decrease", "v"),
    ("increased", "decreasing", "v"),  # inflected forms go through morphology
    ("increase", "decrease", "n"),
    ("win", "lose", "v"),
    ("quickly", "slowly", "r"),
    ("strengthen", "weaken", "v"),
    ("higher", "lower", "a"),
])
def test_antonyms(a, b, pos):
    assert wordnet.are_antonyms(a, b, pos)
    assert wordnet.are_antonyms(b, a, pos)


@pytest.mark.parametrize("a,b,pos", [
    ("big", "large", "a"), ("huge", "tiny", "n"), ("car", "vehicle", "n"), ("rise", "increase", "n"),
    ("founder", "chief", "n"),
])
def test_not_antonyms(a, b, pos):
    assert not wordnet.are_antonyms(a, b, pos)


@pytest.mark.parametrize("a,b,pos", [
    ("big", "large", "a"), ("huge", "large", "a"), ("buy", "purchase", "v"), ("car", "automobile", "n"),
    ("cars", "automobile", "n"),
])
def test_synonyms(a, b, pos):
    assert wordnet.are_synonyms(a, b, pos)


@pytest.mark.parametrize("a,b,pos", [("big", "small", "a"), ("car", "vehicle", "n"), ("sales", "profits", "n")])
def test_not_synonyms(a, b, pos):
    assert not wordnet.are_synonyms(a, b, pos)


def test_hypernyms_generalise_one_way():
    assert wordnet.is_hypernym_or_synonym("car", "vehicle")
    assert wordnet.is_hypernym_or_synonym("cars", "vehicles")
    assert wordnet.is_hypernym_or_synonym("car", "automobile")
    assert not wordnet.is_hypernym_or_synonym("vehicle", "car")
    assert not wordnet.is_hypernym_or_synonym("founder", "executive")


def test_opposed_covers_near_synonyms_of_an_opposite():
    assert wordnet.are_opposed("enormous", "little", "a")  # enormous ~ large ! small ~ little
    assert not wordnet.are_opposed("enormous", "huge", "a")


def test_derivations():
    assert "decide" in wordnet.derivations("decision", "n")
    assert "quick" in wordnet.derivations("quickly", "r")


def test_unknown_words_are_neither():
    assert not wordnet.known("qwzxv")
    assert not wordnet.are_synonyms("qwzxv", "qwzxv2", "n")
    assert not wordnet.are_antonyms("qwzxv", "small", "a")


def test_place_within_follows_part_of_links_and_says_when_it_cannot_tell():
    assert wordnet.place_within("London", "the U.K.")  # London -> England -> United Kingdom
    assert wordnet.place_within("Sydney", "Australia")
    assert wordnet.place_within("Moscow", "Russia")  # the fourth sense of "Russia", the Federation
    assert wordnet.place_within("Britain", "UK")  # the same place
    assert wordnet.place_within("London", "U.S.") is False
    assert wordnet.place_within("Ukraine", "the United States") is False
    assert wordnet.place_within("Qwzxv City", "Ukraine") is None  # unknown: no verdict either way
    assert wordnet.named_places("Michael Jordan") == ()  # a person, not a place


# -- the index of lemmas that can have an opposite (wordnet_opposable.txt) ------------------------

def test_opposable_file_equals_the_live_computation_over_all_of_wordnet():
    from storytrace.nlp import wordnet_opposable
    assert wordnet_opposable.FILE.read_text(encoding="utf-8") == wordnet_opposable.compute(wordnet.wordnet()), \
        "wordnet_opposable.txt is stale: run `python -m storytrace.nlp.wordnet_opposable`"


def _slow_opposites(word, pos):
    """opposites() without the index: every word takes the full walk."""
    saved = wordnet._OPPOSABLE, wordnet._OPPOSABLE_READ
    wordnet._OPPOSABLE, wordnet._OPPOSABLE_READ = None, True
    wordnet.opposites.cache_clear()
    try:
        return wordnet.opposites(word, pos)
    finally:
        wordnet._OPPOSABLE, wordnet._OPPOSABLE_READ = saved
        wordnet.opposites.cache_clear()


@pytest.mark.parametrize("word,pos", [
    ("table", "n"), ("tables", "n"), ("decision", "n"), ("strengthen", "v"), ("quickly", "r"), ("huge", "a"),
    ("increase", None), ("walked", "v"), ("axes", "n"), ("café", "n"), ("zzzz", "n"), ("big deal", "n"),
])
def test_opposites_answer_is_the_same_with_and_without_the_index(word, pos):
    wordnet.opposites.cache_clear()
    assert wordnet.opposites(word, pos) == _slow_opposites(word, pos)


def test_a_word_with_no_opposable_lemma_is_answered_without_the_walk(monkeypatch):
    wordnet.opposites.cache_clear()
    wordnet._may_oppose(wordnet.wordnet(), (), "n")  # the index is read
    assert wordnet._OPPOSABLE is not None
    monkeypatch.setattr(wordnet, "_derived_opposites", lambda *a: pytest.fail("walked"))
    assert wordnet.opposites("dogs", "n") == frozenset()
    wordnet.opposites.cache_clear()


def test_the_index_is_not_used_for_other_database_files(monkeypatch):
    monkeypatch.setattr(wordnet, "database_sizes", lambda wn: "n:1:1 v:1:1 a:1:1 r:1:1")
    assert wordnet._read_opposable(wordnet.wordnet()) is None


def test_the_index_answers_as_opposites_itself_does_for_every_wordnet_lemma(monkeypatch):
    """review21: the file test above compares the file with ``can_oppose``, a second copy of the walk
    in ``opposites``; a change to ``opposites`` or ``_derived_opposites`` alone would leave both equal
    and the index stale. This asks ``opposites`` itself, without the index, of every lemma of every
    part of speech (about 220,000 words, a few seconds): the index says "can oppose" exactly where the
    walk finds an opposite."""
    from storytrace.nlp import wordnet_opposable
    wn = wordnet.wordnet()
    index = wordnet._read_opposable(wn)
    assert index is not None
    monkeypatch.setattr(wordnet, "_OPPOSABLE", None)
    monkeypatch.setattr(wordnet, "_OPPOSABLE_READ", True)
    wordnet.opposites.cache_clear()
    wrong = []
    try:
        for p in wordnet.POS_LETTERS:
            can, listed = index[p]
            for lemma in wordnet_opposable.index_lemmas(wn, p):
                for word in {lemma, lemma.replace("_", " ")}:
                    said = any((base in listed) == can or not base.isascii() for base in wn.base_forms(word, p))
                    if said != bool(wordnet.opposites(word, p)):
                        wrong.append((word, p, said))
    finally:
        wordnet.opposites.cache_clear()
    assert wrong == [], f"{len(wrong)} words, e.g. {wrong[:5]}: run `python -m storytrace.nlp.wordnet_opposable`"


def test_a_kind_of_person_is_read_once_for_every_caller():
    # polarity (a person said to die / an event said to end) and protagonists (a named thing is no
    # person) ask the same question: is a noun sense of the word below "person, individual"?
    from storytrace.nlp.wordnet import means_a_person

    assert means_a_person("courier") and means_a_person("Kelly") and means_a_person("person")
    assert not means_a_person("shooting") and not means_a_person("Mars") and not means_a_person("Zarina")
