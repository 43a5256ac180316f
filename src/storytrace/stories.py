"""Story clustering (STUB: every article is its own story until the clustering work lands)."""
from __future__ import annotations

from storytrace.model import Article, Story


def build_stories(articles: list[Article], embedder, config) -> list[Story]:
    return [Story(id=f"story-{i + 1}", title=a.title, article_ids=[a.id]) for i, a in enumerate(articles)]
