"""Extraction: sentences, entities, roles, quantities, dates, quotes, attribution (STUB)."""
from __future__ import annotations

import re

from storytrace.config import Config
from storytrace.model import Article, Sentence


class Extractor:
    def __init__(self, config: Config | None = None):
        self.config = config or Config()

    def process(self, article: Article) -> Article:
        article.sentences = [
            Sentence(index=i, start=m.start(), end=m.end(), text=m.group())
            for i, m in enumerate(re.finditer(r"[^.!?\n]+[.!?]?", article.text))
            if m.group().strip()
        ]
        return article
