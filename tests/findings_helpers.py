"""Articles for the pairwise-findings tests, run through the real cleaner and extractor."""
from __future__ import annotations

from storytrace.findings.pairwise import detect_pair
from storytrace.ingest import article_from_text
from storytrace.ingest.clean import clean_article
from storytrace.model import Article, Finding
from storytrace.nlp import Extractor


def prepare(extractor: Extractor, text: str, article_id: str) -> Article:
    article = article_from_text(text, id=article_id)
    clean_article(article)
    extractor.process(article)
    return article


def pair_findings(extractor: Extractor, source_text: str, derived_text: str) -> list[Finding]:
    return detect_pair(prepare(extractor, source_text, "s"), prepare(extractor, derived_text, "d"))
