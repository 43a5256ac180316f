"""A word one version has where the source has a word this version never says is that word's
other rendering, not a fact added from nowhere: shown low, naming the source's word. A word or
name put where the source has nothing (between two words the source has side by side) stays a
counted addition. Hand-written pairs."""
from __future__ import annotations

from .helpers import pair_findings


def _additions(findings, severity):
    return [f for f in findings if f.type == "unsupported_addition" and f.severity == severity]


def _low_naming(findings, word, source_word):
    low = [f for f in _additions(findings, "low") if f.derived_value == word]
    return bool(low) and repr(source_word) in low[0].explanation and source_word in low[0].source_text


def test_a_name_where_the_source_has_an_unrendered_common_word_is_low(extractor):
    # "home" is said once in the version ("home town"), twice in the source: one is unrendered.
    findings = pair_findings(
        extractor, "After ten years in Canada she decided to return home to her home town last spring.",
        "After ten years in Canada she decided to return to Italy, to her home town, last spring.")
    assert not _additions(findings, "medium") and _low_naming(findings, "Italy", "home")
    findings = pair_findings(extractor, "The governor signed the law in the state capital on Monday.",
                             "The governor signed the law in the California capital on Monday.")
    assert not _additions(findings, "medium") and _low_naming(findings, "California", "state")


def test_a_qualifier_where_the_source_has_an_unrendered_word_is_low(extractor):
    # "figures" twice: the other "figures" keeps its qualifier, so only the slot says "gap" is gone.
    findings = pair_findings(extractor, "Officials released the labour gap figures and the wage figures on Friday.",
                             "Officials released the labour shortage figures and the wage figures on Friday.")
    assert not _additions(findings, "medium") and _low_naming(findings, "shortage", "gap")


def test_a_word_where_the_source_has_nothing_stays_an_addition(extractor):
    cases = [
        ("After ten years in Canada she decided to return last spring.",
         "After ten years in Canada she decided to return to Italy last spring.", "Italy"),
        ("The governor signed the law in the capital on Monday.",
         "The governor signed the law in the California capital on Monday.", "California"),
        ("Officials released the labour figures and the wage figures on Friday.",
         "Officials released the labour shortage figures and the wage figures on Friday.", "shortage"),
    ]
    for source, derived, word in cases:
        assert [f.derived_value for f in _additions(pair_findings(extractor, source, derived), "medium")] == [word]


def test_a_name_in_place_of_another_name_is_still_counted(extractor):
    # A name in the slot is another name (a swap or a dropped name), never a rendering of a common word.
    findings = pair_findings(extractor, "The minister met the mayor of Lyon on Monday.",
                             "The minister met the mayor of Marseille on Monday.")
    assert [f for f in findings if f.severity in ("medium", "high")]
    assert not any("in its place" in f.explanation for f in findings)
