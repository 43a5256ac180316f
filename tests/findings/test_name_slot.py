"""One slot seen from both sides: where the source has a name and the version, in its very place,
a common word the source never says ("returning to China for work" / "returning home for work"),
the version renders the name by that word. Neither the name left out nor the word put in is a
counted change: both are shown low and name the other side's word. A name dropped with nothing in
its place, or a word put in the place of a function word both sides share ("held in Beijing" /
"held in secret"), stays counted. Hand-written pairs."""
from __future__ import annotations

from .helpers import pair_findings


def _of(findings, kind, severity):
    return [f for f in findings if f.type == kind and f.severity == severity]


def test_a_common_word_in_a_names_place_is_its_rendering(extractor):
    findings = pair_findings(extractor, "Students returning to China for work rose by 8.6% last year.",
                             "Students returning home for work rose by 8.6% last year.")
    assert not _of(findings, "omission", "medium") and not _of(findings, "unsupported_addition", "medium")
    left_out = _of(findings, "omission", "low")
    assert [f.source_value for f in left_out] == ["China"] and "'home'" in left_out[0].explanation
    added = _of(findings, "unsupported_addition", "low")
    assert [f.derived_value for f in added] == ["home"] and "'China'" in added[0].explanation


def test_a_name_dropped_with_nothing_in_its_place_is_still_an_omission(extractor):
    findings = pair_findings(extractor, "The talks were held in Beijing on Monday.",
                             "The talks were held in on Monday.")
    assert [f.source_value for f in _of(findings, "omission", "medium")] == ["Beijing"]


def test_a_word_after_a_shared_preposition_is_no_rendering_of_the_name(extractor):
    findings = pair_findings(extractor, "The talks were held in Beijing on Monday.",
                             "The talks were held in secret on Monday.")
    assert [f.source_value for f in _of(findings, "omission", "medium")] == ["Beijing"]


def test_a_word_slipped_between_two_neighbours_stays_an_addition(extractor):
    findings = pair_findings(extractor, "Students returning to China for work rose by 8.6% last year.",
                             "Students returning to China for paid work rose by 8.6% last year.")
    assert [f.derived_value for f in _of(findings, "unsupported_addition", "medium")] == ["paid"]
