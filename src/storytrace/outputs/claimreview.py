"""ClaimReview JSON-LD (schema.org) for the high-severity findings: the ones worth a fact-check.

A review here says "this version departs from its source", not "this claim is false": the
rating's alternateName says what changed, and reviewBody gives the explanation and the source's words.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from storytrace.model import Article, Finding, Report, Story
from storytrace.outputs.json_report import write_atomic

DEFAULT_AUTHOR = "storytrace (automated comparison of versions)"

# The textual rating per finding type (reviewRating.alternateName).
RATING_NAMES = {
    "entity_swap": "Altered: names a different person or organisation than the source",
    "name_variant": "Name spelt differently from the source",
    "role_change": "Altered: a title or affiliation differs from the source",
    "number_change": "Altered: a figure differs from the source",
    "date_change": "Altered: a date differs from the source",
    "quote_change": "Altered quote",
    "attribution_change": "Misattributed: a statement given to a different speaker",
    "negation_flip": "Reversed: says the opposite of the source",
    "unsupported_addition": "Unsupported: not found in the source",
    "omission": "Missing context: a fact or caveat of the source dropped",
    "stance_divergence": "Contradicts the source's conclusion",
    "internal_contradiction": "Contradicts itself",
    "consensus_outlier": "Disagrees with the other versions",
}
# Every rated claim departs from its source; a 1..5 scale where 5 = faithful to the source.
RATING_VALUE = {"high": 2, "medium": 3, "low": 4}


def _review_date() -> str:
    """Today, or SOURCE_DATE_EPOCH when set, so two runs on the same input write the same file."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date().isoformat()
    return date.today().isoformat()


def _organisation(name: str) -> dict[str, Any]:
    return {"@type": "Organization", "name": name}


def web_url(url: str) -> str:
    """``url`` when it is an http(s) address, else "": a `javascript:` or `data:` URL from a hostile
    page must not become a link on the publisher's site."""
    from urllib.parse import urlsplit

    url = (url or "").strip()
    if not url or any(c.isspace() or ord(c) < 32 for c in url):
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else ""


def _creative_work(a: Article) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork"}
    url = web_url(a.url)
    if url:
        work["url"] = url
    if a.title:
        work["headline"] = a.title
    if a.outlet:
        work["publisher"] = _organisation(a.outlet)
    if a.author:
        work["author"] = {"@type": "Person", "name": a.author}
    if a.published:
        work["datePublished"] = a.published.isoformat()
    if a.language:
        work["inLanguage"] = a.language
    if not url:
        work["identifier"] = a.id
    return work


def claim_review(f: Finding, articles: dict[str, Article], author: str, reviewed_on: str) -> dict[str, Any]:
    article = articles.get(f.article) or Article(id=f.article, source_path="", original_text="")
    claim: dict[str, Any] = {"@type": "Claim", "appearance": [_creative_work(article)]}
    if article.outlet:
        claim["author"] = _organisation(article.outlet)
    if article.published:
        claim["datePublished"] = article.published.isoformat()
    body = f.explanation
    if f.source_text:
        source = articles.get(f.source_article or "")
        who = (source.outlet or source.id) if source else "The source"
        body = f"{body} {who} says: \u201c{f.source_text.strip()}\u201d".strip()
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "identifier": f.id,
        "claimReviewed": f.claim.strip(),
        "itemReviewed": claim,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": RATING_VALUE.get(f.severity, 3),
            "worstRating": 1,
            "bestRating": 5,
            "alternateName": RATING_NAMES.get(f.type, f.type.replace("_", " ")),
        },
        "reviewBody": body,
        "author": _organisation(author),
        "datePublished": reviewed_on,
    }
    source = articles.get(f.source_article or "")
    if source is not None:
        review["isBasedOn"] = _creative_work(source)
    return review


def claim_reviews(report: Report, author: str = DEFAULT_AUTHOR, reviewed_on: str | None = None) -> dict[str, Any]:
    articles = {a.id: a for a in report.articles}
    return claim_reviews_of(((s, articles) for s in report.stories), author, reviewed_on)


def claim_reviews_of(
    stories: Iterable[tuple[Story, dict[str, Article]]], author: str = DEFAULT_AUTHOR, reviewed_on: str | None = None,
) -> dict[str, Any]:
    """ClaimReview of each high-severity finding of each (story, its articles by id), one story at a time."""
    reviewed_on = reviewed_on or _review_date()
    graph = [
        claim_review(f, articles, author, reviewed_on)
        for story, articles in stories for f in story.findings if f.severity == "high"
    ]
    return {"@context": "https://schema.org", "@graph": graph}


def write(report: Report, path: Path) -> Path:
    return write_reviews(claim_reviews(report), path)


# The file is meant to be pasted into <script type="application/ld+json">: text such as "</script>"
# or "<!--" would end or change the block, so <, > and & are written as JSON escapes (still the same
# JSON), as are the line separators U+2028/9 that old JavaScript parsers take for line ends.
_SCRIPT_SAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_safe_json(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return "".join(_SCRIPT_SAFE.get(c, c) for c in text)


def write_reviews(reviews: dict[str, Any], path: Path) -> Path:
    return write_atomic(path, script_safe_json(reviews))
