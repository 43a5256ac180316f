"""Removes web debris while keeping the original (STUB: identity until the cleaning work lands)."""
from __future__ import annotations

from storytrace.model import Article, OffsetMap


def clean_article(article: Article) -> None:
    article.text = article.original_text
    article.offset_map = OffsetMap()
