"""Severity read against the whole story: the other versions are a signal of their own
(severity.weigh_against_story, merge.py folding a consensus in, consensus.py's outliers)."""
from __future__ import annotations

import storytrace.findings as findings_pkg
from storytrace.findings import detect_findings
from storytrace.findings.detectors.consensus import detect_consensus
from storytrace.findings.severity import Signal, lower_to_medium
from storytrace.model import Edge, Finding, Quantity

from .test_story import commissioner_version, make_article, story_of


def _protest_version(article_id: str, verb: str):
    return make_article(article_id, [f"Polls show most people oppose the reform. The number of marchers {verb} on Tuesday."])


def _flip_on_edge(story, by_id, monkeypatch, derived: str, value: str, source_value: str):
    claim = by_id[derived].sentences[1]

    def fake_detect_pair(source, der, alignment, story_articles=None):
        if der.id != derived:
            return []
        return [Finding("", "negation_flip", "high", der.id, [source.id], claim.text, (claim.start, claim.end), value,
                        source.id, source.sentences[1].text, (source.sentences[1].start, source.sentences[1].end),
                        source_value, f'"{value}" reverses the source\'s "{source_value}".', 0.75)]

    monkeypatch.setattr(findings_pkg, "_pairwise_detector", lambda: fake_detect_pair)
    return [f for f in detect_findings(story, by_id) if f.type == "negation_flip"]


def test_a_change_the_other_versions_make_too_is_the_source_odd_one_and_not_high(monkeypatch):
    # Five translations of one report: the source of the edge alone says "increased"; the version
    # compared with it says "decreased", and so do three of the four others. The pair cannot tell
    # which of the two is wrong; the story can: the source is the odd one out.
    arts = [_protest_version("d", "decreased"), _protest_version("a", "increased"),
            _protest_version("b", "decreased"), _protest_version("c", "decreased"), _protest_version("e", "decreased")]
    story, by_id = story_of(arts, [Edge("a", "d", "translation", 0.9, 0.9, 0.9)])
    [flip] = _flip_on_edge(story, by_id, monkeypatch, "d", "decreased", "increased")
    assert flip.severity == "medium"
    assert "other versions side with this version: 3 of the 3 that render this sentence also say \"decreased\"" \
        in flip.explanation
    assert "(b, c, e), 0 say \"increased\"" in flip.explanation
    assert flip.severity_reason == "source_is_odd" and flip.lacks == []


def test_a_change_the_other_versions_do_not_make_stays_high(monkeypatch):
    # The same change where the others say what the source says: this version is the odd one.
    arts = [_protest_version("d", "decreased"), _protest_version("a", "increased"),
            _protest_version("b", "increased"), _protest_version("c", "increased"), _protest_version("e", "decreased")]
    story, by_id = story_of(arts, [Edge("a", "d", "translation", 0.9, 0.9, 0.9)])
    [flip] = _flip_on_edge(story, by_id, monkeypatch, "d", "decreased", "increased")
    assert flip.severity == "high" and "side with this version" not in flip.explanation


def test_a_consensus_that_raises_a_medium_change_rewrites_its_medium_note(monkeypatch):
    # The edge finding alone was medium and said so; the story's consensus makes it high. The
    # explanation must then read as high and name both signals, not end on "Medium, not high".
    arts = [commissioner_version(i, "Emi Sato") for i in "abcd"] + [commissioner_version("e", "Hana Morikawa")]
    story, by_id = story_of(arts, [Edge("a", "e", "translation", 0.9, 0.9, 0.9)])
    claim = by_id["e"].sentences[0]

    def fake_detect_pair(source, derived, alignment, story_articles=None):
        found = Finding("", "entity_swap", "high", derived.id, [source.id], claim.text, (claim.start, claim.end),
                        "Hana Morikawa", source.id, "src", (0, 3), "Emi Sato", "Names Hana Morikawa.", 0.8)
        return [lower_to_medium(found, Signal.ONE_TO_ONE, "the sentence does not render exactly one source sentence.")]

    monkeypatch.setattr(findings_pkg, "_pairwise_detector", lambda: fake_detect_pair)
    [found] = detect_findings(story, by_id)
    assert found.severity == "high"
    assert "Medium, not high" not in found.explanation
    assert "Alone, this signal would make it medium: the sentence does not render" in found.explanation
    assert found.explanation.endswith("High: the story's other versions confirm the change, a second signal.")
    assert (found.signals, found.severity_reason) == (["detector", "story_confirms"], "two_signals")


def _quake_version(article_id: str, odd: bool):
    # The extractor reads the noun after a figure as its unit: "magnitude 6 quake" gives 6 the
    # unit "quake", and "the 2003 quake" gives 2003 the unit "quake" too.
    if odd:
        return make_article(article_id, ["The magnitude 6 quake was the deadliest since the 2003 earthquake in Iran."],
                            quantities=[("6", Quantity(6.0, "quake")), ("2003", Quantity(2003.0, "earthquake"))])
    return make_article(article_id, ["The quake of magnitude 6 was the deadliest since the 2003 quake in Iran."],
                        quantities=[("6", Quantity(6.0, "")), ("2003", Quantity(2003.0, "quake"))])


def test_no_consensus_outlier_between_two_figures_every_version_gives():
    # Every version says both 6 and 2003; only the units read after them put the 6 of one version
    # and the 2003 of the others in one slot. Nobody disagrees about either figure.
    arts = [_quake_version(i, False) for i in "abc"] + [_quake_version("d", True)]
    assert detect_consensus(*story_of(arts)) == []


def _toll_version(article_id: str, toll: str, value: float):
    return make_article(article_id, [f"The quake killed {toll} people, more than the 2003 quake in Iran."],
                        quantities=[(toll, Quantity(value, "people")), ("2003", Quantity(2003.0, "quake"))])


def test_a_figure_the_others_do_not_give_is_still_an_outlier():
    arts = [_toll_version(i, "31,000", 31000.0) for i in "abc"] + [_toll_version("d", "13,000", 13000.0)]
    assert [(f.article, f.derived_value, f.source_value) for f in detect_consensus(*story_of(arts))] == \
        [("d", "13,000", "31,000")]


def test_the_same_number_in_another_currency_is_still_an_outlier():
    # "about 18 billion yuan" against "about S$18 billion" in every other version: the number is
    # the same, the currency is not; that is the change, not two figures paired up wrongly.
    def version(article_id, written, unit):
        return make_article(article_id, [f"Tourism receipts should reach {written} this year, the board said."],
                            quantities=[(written, Quantity(18e9, unit, "billion"))])

    arts = [version(i, "S$18 billion", "SGD") for i in "abc"] + [version("d", "18 billion yuan", "CNY")]
    assert [(f.article, f.derived_value, f.source_value) for f in detect_consensus(*story_of(arts))] == \
        [("d", "18 billion yuan", "S$18 billion")]
