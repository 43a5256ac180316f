"""A short report names each person once, so it has no protagonist to compare: "same protagonist" needs
someone named twice. When it names the protagonist of a longer report, and every person it names is
one the longer report names too, its people agree with that report's, even though its few places and
organisations (a police force, a ship's name) make the overlap of all names low. That agreement is one
signal among the others, not a verdict: the same person is in both of two look-alike events of one
protagonist, whose figures still tell them apart; and a short report that also names someone the longer
one never names (the other event's protagonist) does not agree.

Hand-written articles (fiction); the extractor is the real spaCy one, the document vectors are set.
"""
from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from profile_helpers import profile
from storytrace.model import Article
from storytrace.stories.build import ArticleProfile, CandidateFinder, signals
from storytrace.stories.protagonists import people, protagonist_named, protagonists

LONG = (
    "Arrest after harbour collision\n\n"
    "Captain Ilse Marrow was arrested on Tuesday after her ferry struck a fishing boat in Lisk harbour, "
    "injuring 12 passengers. Marrow had been at the helm for nine hours, the harbour authority said. "
    "Prosecutors said Marrow would appear in court in Varno on Friday."
)
SHORT = (
    "Arrest after collision\n\n"
    "Police in Northshire arrested ferry captain Ilse Marrow on Tuesday after the Orla struck a fishing boat "
    "near Kessington; 12 passengers were hurt."
)
# Another captain's crash, naming the first one once as a comparison.
OTHER_CAPTAIN = (
    "Another arrest after collision\n\n"
    "Police in Northshire arrested ferry captain Tomas Brenn on Tuesday after his ferry hit a pier; 12 passengers "
    "were hurt. Another captain, Ilse Marrow, was arrested last month after a similar crash."
)
# The same captain's next crash: the people agree, the figures do not.
NEXT_CRASH = (
    "Arrest after grounding\n\n"
    "Police in Northshire arrested ferry captain Ilse Marrow on Sunday after the Orla ran aground; "
    "40 passengers were taken off."
)
COSINE = 0.64  # close documents, but under the "agreeing" cosine of the document encoder (0.65)


@pytest.fixture(scope="module")
def reports(extractor) -> dict[str, Article]:
    out = {}
    for aid, text in (("long", LONG), ("short", SHORT), ("other", OTHER_CAPTAIN), ("next", NEXT_CRASH)):
        a = Article(id=aid, source_path=aid, original_text=text, text=text, title=text.split("\n")[0],
                    published=date(2025, 3, 4), language="en")
        extractor.process(a)
        out[aid] = a
    return out



def pair(reports: dict[str, Article], one: str, other: str, cosine: float = COSINE):
    u = np.array([1.0, 0.0])
    v = np.array([cosine, np.sqrt(1 - cosine ** 2)])
    return signals(profile(0, reports[one], u), profile(1, reports[other], v))


def test_who_the_reports_are_about(reports):
    assert protagonists(reports["long"]) == {"marrow"}
    assert not protagonists(reports["short"]) and people(reports["short"]) == {"marrow"}
    assert people(reports["other"]) == {"brenn", "marrow"}


def test_a_short_report_naming_the_protagonist_once_agrees_on_the_people(reports):
    s = pair(reports, "long", "short")
    # what the other signals say: one agreeing signal (the shared count of passengers), names overlap low
    assert s.protagonists == "unknown" and (s.names or 0) < 0.5 and s.embedding < s.scale[2]
    assert s.people_agree
    assert s.same_story


def test_a_short_report_naming_someone_the_long_one_never_names_does_not_agree(reports):
    s = pair(reports, "long", "other")
    assert not s.people_agree
    assert not s.same_story


def test_the_same_person_in_another_event_is_told_apart_by_the_figures(reports):
    s = pair(reports, "long", "next", cosine=0.7)  # two crashes of one captain, told in alike words
    assert s.people_agree  # the same captain ...
    assert s.score >= s.scale[3] and s.agreeing_signals >= 2
    assert not s.same_story  # ... but none of the figures of the first crash


def test_one_sided_only():
    marrow = frozenset({"marrow"})
    names = frozenset({"ilse", "marrow", "lisk"})
    # both have a protagonist: that is compare_protagonists' call, not this one's
    assert not protagonist_named(marrow, names, marrow, marrow, names)
    # a report naming nobody as a person says nothing about people
    assert not protagonist_named(marrow, names, frozenset(), frozenset(), frozenset({"marrow"}))
    assert protagonist_named(marrow, names, frozenset(), marrow, frozenset({"marrow", "northshire"}))


def far_apart(reports: dict[str, Article], one: str, other: str) -> list[ArticleProfile]:
    # a 20-word report's document vector is its few words: far from the long report's (cosine 0.3);
    # no passage of text in common either
    return [profile(0, reports[one], np.array([1.0, 0.0])), profile(1, reports[other], np.array([0.3, np.sqrt(0.91)]))]


# stories27 ea355d0 (candidates by the protagonist's name), taken back: bench_stories B3 recall rose on the
# tuning part only (0.774 -> 0.797, confirm 0.756 unchanged)
_TAKEN_BACK = "stories27 ea355d0, taken back: bench_stories gain on the tuning part only"


@pytest.mark.xfail(strict=True, reason=_TAKEN_BACK)
def test_a_short_report_is_a_candidate_by_the_protagonist_it_names(reports):
    finder = CandidateFinder(window_days=30)
    assert (0, 1) in finder.add(far_apart(reports, "long", "short"))


def test_no_candidate_by_another_person_or_outside_the_window(reports):
    profiles = far_apart(reports, "long", "short")
    profiles[1].people = frozenset({"brenn"})  # a short report naming someone else
    assert (0, 1) not in CandidateFinder(window_days=30).add(profiles)
    profiles = far_apart(reports, "long", "short")
    profiles[1].day += 45  # naming the captain a month and a half later
    assert (0, 1) not in CandidateFinder(window_days=30).add(profiles)
