"""Articles for the findings tests, run through the real cleaner and extractor, and the one way
these tests run the pairwise detectors on them."""
from __future__ import annotations

from storytrace.findings.pairwise import detect_pair
from storytrace.ingest import article_from_text
from storytrace.ingest.clean import clean_article
from storytrace.model import AlignedPair, Alignment, Article, Finding
from storytrace.nlp import Extractor


def prepare(extractor: Extractor, text: str, article_id: str) -> Article:
    article = article_from_text(text, id=article_id)
    clean_article(article)
    extractor.process(article)
    return article


def pair_findings(extractor: Extractor, source: str | Article, derived: str | Article,
                  pairs: list[tuple[list[int], list[int]]] | None = None, **kwargs) -> list[Finding]:
    """``detect_pair`` on a source and a derived version, each a text (prepared here, as "s" and
    "d") or an article prepared already. ``pairs`` (source sentences, derived sentences) is the
    sentence alignment when the test fixes one; ``kwargs`` go to ``detect_pair``."""
    if isinstance(source, str):
        source = prepare(extractor, source, "s")
    if isinstance(derived, str):
        derived = prepare(extractor, derived, "d")
    alignment = None
    if pairs is not None:
        alignment = Alignment(source=source.id, derived=derived.id,
                              pairs=[AlignedPair(source=s, derived=d, score=0.9) for s, d in pairs])
    return detect_pair(source, derived, alignment, **kwargs)
