"""Look-alike events told around different people stay apart; reports around one person join.

Hand-written articles (fiction), extracted by the real spaCy extractor.
"""
from __future__ import annotations

from datetime import date

import pytest

from storytrace.config import Config
from storytrace.model import Article
from storytrace.stories.build import PairSignals, build_stories
from storytrace.stories.protagonists import Cast, cast_of, compare_protagonists, protagonists

from article_helpers import mentioned

TEXTS = {
    # One event: the actress Marla Quennell enters a clinic (two outlets, their own words).
    "quennell-1": (
        "Marla Quennell checks into Stillwater clinic\n\n"
        "Actress Marla Quennell has checked into the Stillwater Recovery Center in Port Avelin, her publicist said on Tuesday. "
        "Quennell, 34, asked fans to respect her privacy while she receives treatment. "
        "The publicist, Ivo Brandt, would not say how long Quennell would stay at the Stillwater Recovery Center. "
        "Quennell finished filming the thriller Glass Harbour in Port Avelin last month."
    ),
    "quennell-2": (
        "Quennell enters rehab after difficult year\n\n"
        "Film star Marla Quennell went into the Stillwater Recovery Center on Tuesday, according to Ivo Brandt, who represents her. "
        "Friends say Quennell made the decision herself after a difficult year. "
        "Quennell, whose thriller Glass Harbour opens in the spring, has not spoken publicly about the treatment."
    ),
    # A look-alike event: another actress enters the same clinic; the report recalls Quennell once.
    "ferrow": (
        "Dana Ferrow checks into Stillwater clinic\n\n"
        "Actress Dana Ferrow has checked into the Stillwater Recovery Center in Port Avelin, her publicist said on Tuesday. "
        "Ferrow asked fans to respect her privacy while she receives treatment. "
        "The publicist would not say how long Ferrow would stay at the clinic, where Marla Quennell was treated last year. "
        "Ferrow finished filming the comedy Summer Lines in Port Avelin last month."
    ),
}


def article(aid: str, text: str) -> Article:
    return Article(id=aid, source_path=aid, original_text=text, text=text, title=text.split("\n")[0],
                   published=date(2025, 3, 4), language="en")


@pytest.fixture(scope="module")
def articles(extractor) -> dict[str, Article]:
    out = {k: article(k, v) for k, v in TEXTS.items()}
    for a in out.values():
        extractor.process(a)
    return out


def test_the_protagonist_is_the_person_named_most_often(articles):
    assert protagonists(articles["quennell-1"]) == {"quennell"}
    assert protagonists(articles["ferrow"]) == {"ferrow"}


def test_one_sided_mention_of_the_other_protagonist_is_still_another_event():
    quennell, ferrow = frozenset({"quennell"}), frozenset({"ferrow"})
    # the Ferrow report names Quennell once; the Quennell report never names Ferrow
    assert compare_protagonists(quennell, frozenset({"quennell", "stillwater"}), ferrow,
                                frozenset({"ferrow", "quennell", "stillwater"})) == "other"
    assert compare_protagonists(quennell, frozenset({"quennell"}), quennell, frozenset({"quennell"})) == "same"
    assert compare_protagonists(frozenset(), frozenset({"stillwater"}), ferrow, frozenset({"ferrow"})) == "unknown"


def test_look_alike_event_around_another_person_stays_apart(articles):
    stories = build_stories(list(articles.values()), None, Config())
    assert sorted(sorted(s.article_ids) for s in stories) == [["ferrow"], ["quennell-1", "quennell-2"]]


def test_same_protagonist_and_close_documents_join_without_shared_figures():
    # Independent reports: document vectors close but under the "agreeing" cosine, names mostly their own.
    pair = dict(embedding=0.62, containment=0.05, names=0.35, quantities=0.0)
    assert PairSignals(**pair, protagonists="same").same_story
    assert not PairSignals(**pair, protagonists="unknown").same_story  # no one to agree on: too weak
    # Another protagonist vetoes however much else agrees (short of a copied text).
    strong = dict(embedding=0.8, containment=0.1, names=0.8, quantities=0.6)
    assert PairSignals(**strong).same_story and not PairSignals(**strong, protagonists="other").same_story


def test_the_look_alike_left_alone_says_it_is_about_another_person(articles):
    stories = build_stories(list(articles.values()), None, Config())
    alone = next(s for s in stories if s.article_ids == ["ferrow"])
    assert "it is about another person (ferrow; the closest is about quennell)" in alone.note


def test_initials_in_capitals_are_no_protagonist():
    """"SAG" of a subheading in capitals, taken for a person at every mention, is a union's initials:
    the article is about the host it names in mixed case (real26: it was 'about another person')."""
    text = ("Mira Tallis will host the awards, organisers said on Friday. Tallis has hosted twice before.\n"
            "SAG'S DARK CLOUD\nA strike vote by SAG could still hit the show. SAG leaders meet on Monday.")
    a = mentioned(text, [("Mira Tallis", "Mira Tallis"), ("Tallis", "Mira Tallis"), ("SAG", "SAG"), ("SAG", "SAG"),
                          ("SAG", "SAG")])
    assert protagonists(a) == frozenset({"tallis"})


def test_an_article_all_in_capitals_keeps_its_people():
    text = "MIRA TALLIS WILL HOST THE AWARDS, ORGANISERS SAID. TALLIS HAS HOSTED TWICE BEFORE."
    a = mentioned(text, [("MIRA TALLIS", "Mira Tallis"), ("TALLIS", "Mira Tallis")])
    assert protagonists(a) == frozenset({"tallis"})


def test_one_count_names_the_protagonist_the_cast_and_everyone():
    text = ("Mira Tallis will host the awards, Jon Reddle said on Friday. Tallis has hosted twice before, "
            "and Reddle, the producer, called Tallis a natural. Ann Voss, a past host, agreed.")
    a = mentioned(text, [("Mira Tallis", "Mira Tallis"), ("Jon Reddle", "Jon Reddle"), ("Tallis", "Mira Tallis"),
                         ("Reddle", "Jon Reddle"), ("Tallis", "Mira Tallis"), ("Ann Voss", "Ann Voss")])
    assert cast_of(a) == Cast(frozenset({"tallis"}), frozenset({"reddle"}), frozenset({"tallis", "reddle", "voss"}))
