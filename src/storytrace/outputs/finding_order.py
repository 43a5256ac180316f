"""The one order findings are listed in: report.html's (by severity, then confidence, highest first),
so findings.csv and claimreview.jsonld do not open with a low-confidence false alarm."""
from __future__ import annotations

from collections.abc import Iterable

from storytrace.model import Finding, severity_rank


def display_order(findings: Iterable[Finding]) -> list[Finding]:
    """Sorted as report.html shows them; a stable sort, so ties keep the detectors' order."""
    return sorted(findings, key=lambda f: (severity_rank(f.severity), -f.confidence))
