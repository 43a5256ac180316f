"""Severity of a counted negation flip (issue 17.3): high only when no word of either sentence can
carry the polarity instead. "is not clear" / "is unclear" and "will not improve" / "is difficult
to improve" may say the same thing, so such a flip is at most medium, and the explanation names the
word; a plain added "not" against a sentence with no such word stays high."""
from __future__ import annotations

from .helpers import pair_findings


def _flips(findings):
    return [f for f in findings if f.type == "negation_flip"]


def test_not_clear_against_unclear_is_not_high(extractor):
    findings = _flips(pair_findings(
        extractor,
        "Kirby said on Friday that while the exact shape of the object was unclear, it posed a threat to aircraft.",
        "Kirby said on Friday that although the exact shape of the object is not clear, it poses a threat to aircraft."))
    assert findings and all(f.severity != "high" for f in findings), findings
    assert any('"unclear"' in f.explanation for f in findings)


def test_plain_added_negation_stays_high(extractor):
    findings = _flips(pair_findings(
        extractor,
        "Kirby said on Friday that the exact shape of the object was clear and that it posed a threat to aircraft.",
        "Kirby said on Friday that the exact shape of the object was not clear and that it posed a threat to aircraft."))
    assert any(f.severity == "high" for f in findings), findings


def test_prefix_negation_needs_an_opposed_base():
    from storytrace.findings.detectors.polarity import _prefix_negated

    assert _prefix_negated("unclear") and _prefix_negated("impossible")
    assert not _prefix_negated("under") and not _prefix_negated("inform") and not _prefix_negated("discover")
