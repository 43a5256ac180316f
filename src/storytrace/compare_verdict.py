"""The pair-level verdict of `storytrace compare`: consistent or not, and a support score.

Low-severity findings (name variants, cosmetic changes) never make a pair inconsistent. The
score treats each medium/high finding as independent evidence of a distortion.
"""
from __future__ import annotations

from dataclasses import dataclass

from storytrace.model import Finding

_WEIGHT = {"high": 1.0, "medium": 0.8, "low": 0.0}


@dataclass(frozen=True)
class Verdict:
    consistent: bool
    score: float  # 1 = fully supported


def verdict(findings: list[Finding]) -> Verdict:
    unsupported = 1.0
    for f in findings:
        unsupported *= 1.0 - _WEIGHT.get(f.severity, 0.5) * f.confidence
    score = round(unsupported, 4)
    consistent = not any(f.severity in ("high", "medium") for f in findings)
    return Verdict(consistent, score)
