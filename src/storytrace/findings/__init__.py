"""Findings detectors (STUB)."""
from __future__ import annotations

from storytrace.model import Article, Finding, Story


def detect_findings(story: Story, articles: dict[str, Article]) -> list[Finding]:
    return []
