"""Lineage edges (STUB)."""
from __future__ import annotations

from storytrace.model import Alignment, Article, Edge


def infer_lineage(articles: list[Article], alignments: list[Alignment]) -> list[Edge]:
    return []
