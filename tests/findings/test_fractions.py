"""Fractions written as figures. "4 1/2 hours" and "4½ hours" are 4.5 hours: a version that writes the
decimal ("4.5 hours") changed nothing, while another fraction ("4 3/4", "4¼") is another number. A
fraction is read only after a whole number or as one vulgar-fraction character, never alone:
"9/11" or "1/2" alone may be a date or a ratio."""
from __future__ import annotations

import pytest

from storytrace.findings.numbers import number_value

from .helpers import pair_findings

_SOURCE = "The witness spoke for about 10 minutes after {} hours of testimony on Wednesday evening."


@pytest.mark.parametrize("source,derived", [
    ("4.5", "4 1/2"),
    ("4 1/2", "4.5"),
    ("4.5", "4½"),
    ("2.25", "2 1/4"),
])
def test_a_mixed_number_renders_its_decimal(extractor, source, derived):
    findings = pair_findings(extractor, _SOURCE.format(source), _SOURCE.format(derived))
    assert not [f for f in findings if f.severity != "low"], findings


@pytest.mark.parametrize("source,derived,changed", [
    ("4.5", "4 3/4", "4 3/4"),
    ("4 1/2", "6 1/2", "6 1/2"),
    ("4.5", "4¼", "4¼"),
])
def test_another_fraction_is_another_number(extractor, source, derived, changed):
    findings = pair_findings(extractor, _SOURCE.format(source), _SOURCE.format(derived))
    assert [f for f in findings if f.derived_value == changed and f.severity != "low"], findings


def test_vulgar_fractions_have_their_value():
    assert number_value("½") == 0.5
    assert number_value("4½") == 4.5
    assert number_value("¾") == 0.75
