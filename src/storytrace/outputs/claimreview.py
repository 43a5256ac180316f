"""ClaimReview JSON-LD (schema.org) for the high-severity findings a person confirmed.

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

from dataclasses import dataclass
from urllib.parse import quote

from storytrace.model import SEVERITY_RANK, Article, Finding, Report, Story
from storytrace.outputs.finding_order import display_order
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
# Every rated claim departs from its source; a 1..5 scale where 5 = faithful to the source. The
# type sets how far (saying the opposite is further than a changed figure, which is further than
# missing context or a respelt name); a less severe finding of a type rates one or two steps higher.
TYPE_RATING = {
    "negation_flip": 1, "stance_divergence": 1,
    "entity_swap": 2, "number_change": 2, "date_change": 2, "quote_change": 2, "attribution_change": 2,
    "role_change": 2, "internal_contradiction": 2, "consensus_outlier": 2,
    "unsupported_addition": 3, "omission": 3,
    "name_variant": 4,
}


@dataclass(frozen=True)
class Publishing:
    """Who publishes the reviews and where: ``base_url`` + a finding's stable id is each review's url."""

    author: str = ""
    base_url: str = ""
    # Only findings a person confirmed are published; this adds the unreviewed ones, each marked
    # "creativeWorkStatus": "Unreviewed" (dismissed findings are never published).
    unreviewed: bool = False

    def review_url(self, finding_id: str) -> str:
        base = web_url(self.base_url)
        return f"{base.rstrip('/')}/{quote(finding_id, safe='')}" if base else ""


def rating_name(kind: str, order_unknown: bool = False) -> str:
    name = RATING_NAMES.get(kind, kind.replace("_", " "))
    if not order_unknown:
        return name
    from storytrace.findings import other_version_words

    return f"{other_version_words(name)} (which version came first is not known)"


def rating_value(f: Finding) -> int:
    return min(5, TYPE_RATING.get(f.type, 2) + SEVERITY_RANK.get(f.severity, 1))


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


def claim_review(f: Finding, articles: dict[str, Article], author: str, reviewed_on: str,
                 publishing: Publishing | None = None, also: list[Finding] | None = None,
                 order_unknown: bool = False) -> dict[str, Any]:
    """The ClaimReview of one claim: ``f`` (its most severe finding) and ``also``, the claim's other findings.

    ``order_unknown``: nothing showed which of the claim's version and the one it is compared with came
    first (findings.finding_order_unknown); the rating then names the other side "the other version" and
    says the order is not known (its value stays: the two versions do differ)."""
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
    for other in also or []:
        body = f"{body} Also: {other.explanation}".strip()
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "identifier": f.id,
        "claimReviewed": f.claim.strip(),
        "itemReviewed": claim,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": rating_value(f),
            "worstRating": 1,
            "bestRating": 5,
            "alternateName": rating_name(f.type, order_unknown),
        },
        "reviewBody": body,
        "author": _organisation(author),
        "datePublished": reviewed_on,
    }
    if _status(f) != "confirmed":
        review["creativeWorkStatus"] = "Unreviewed"
    url = (publishing or Publishing()).review_url(f.id)
    if url:
        review["url"] = url
    source = articles.get(f.source_article or "")
    if source is not None:
        review["isBasedOn"] = _creative_work(source)
    return review


def claim_reviews(report: Report, author: str = DEFAULT_AUTHOR, reviewed_on: str | None = None,
                  publishing: Publishing | None = None) -> dict[str, Any]:
    articles = {a.id: a for a in report.articles}
    return claim_reviews_of(((s, articles) for s in report.stories), author, reviewed_on, publishing)


def claim_reviews_of(
    stories: Iterable[tuple[Story, dict[str, Article]]], author: str = DEFAULT_AUTHOR, reviewed_on: str | None = None,
    publishing: Publishing | None = None,
) -> dict[str, Any]:
    """One ClaimReview per claim with a high-severity finding, in each (story, its articles by id), one
    story at a time, in the HTML's order. A claim (one article's sentence) with several findings is
    one review: rated by its first finding, the others' explanations added to the review body."""
    from storytrace.findings import finding_order_unknown  # lazily: it registers every detector

    reviewed_on = reviewed_on or _review_date()
    author = (publishing.author if publishing and publishing.author else author)
    graph = []
    for story, articles in stories:
        by_claim: dict[tuple[str, str], list[Finding]] = {}
        for f in display_order(x for x in story.findings if x.severity == "high" and _published(x, publishing)):
            by_claim.setdefault((f.article, " ".join(f.claim.split())), []).append(f)
        graph += [claim_review(fs[0], articles, author, reviewed_on, publishing, fs[1:],
                               order_unknown=finding_order_unknown(fs[0], story.lineage)) for fs in by_claim.values()]
    return {"@context": "https://schema.org", "@graph": graph}


def _status(f: Finding) -> str:
    return (f.review or {}).get("status", "open")


def _published(f: Finding, publishing: Publishing | None) -> bool:
    status = _status(f)
    return status == "confirmed" or (status == "open" and publishing is not None and publishing.unreviewed)


def write(report: Report, path: Path, publishing: Publishing | None = None) -> Path:
    return write_reviews(claim_reviews(report, publishing=publishing), path)


# The file is meant to be pasted into <script type="application/ld+json">: text such as "</script>"
# or "<!--" would end or change the block, so <, > and & are written as JSON escapes (still the same
# JSON), as are the line separators U+2028/9 that old JavaScript parsers take for line ends.
_SCRIPT_SAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_safe_json(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return "".join(_SCRIPT_SAFE.get(c, c) for c in text)


def write_reviews(reviews: dict[str, Any], path: Path) -> Path:
    return write_atomic(path, script_safe_json(reviews))
