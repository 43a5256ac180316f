"""Long stories in pages: a story that travelled to fifty outlets is read ten versions at a time.

The versions table and the lineage graph always show the whole story; the findings and the
reading views (the costly part: each is a version's whole text beside its source) show the
versions of one page, in the table's order. Every finding is on exactly one page: its article's.
"""
from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass

from storytrace.model import Article, Story
from storytrace.outputs.finding_order import display_order
from storytrace.outputs.report_view import SEVERITIES, StoryView, story_view

VERSIONS_PER_PAGE = 10


@dataclass(frozen=True)
class StoryPage:
    number: int
    pages: int
    first: int  # 1-based position of the page's first version in the versions table
    last: int
    total: int
    reviews: list["ReviewRow"] = dataclasses.field(default_factory=list)  # this page's findings, to decide on


@dataclass(frozen=True)
class ReviewRow:
    finding_id: str
    severity: str
    type_label: str
    article_id: str
    claim: str
    status: str  # open | confirmed | dismissed
    reason: str
    note: str
    reviewed_at: str


class NoSuchPage(LookupError):
    pass


def version_order(story: Story, articles: dict[str, Article]) -> list[str]:
    """The versions table's order (reading order), from a view without findings or readings (cheap)."""
    bare = dataclasses.replace(story, findings=[], alignments=[])
    return [v.article_id for v in story_view(bare, articles, "s1").versions]


def _paged(story: Story, articles: dict[str, Article], page: int, per_page: int) -> tuple[list[str], int, set[str]]:
    order = version_order(story, articles)
    order += [a for a in story.article_ids if a not in order]
    pages = max(1, -(-len(order) // per_page))
    if not 1 <= page <= pages:
        raise NoSuchPage(f"page {page} of a story with {pages} page(s)")
    return order, pages, set(order[(page - 1) * per_page : page * per_page])


def page_versions(story: Story, articles: dict[str, Article], page: int, per_page: int = VERSIONS_PER_PAGE) -> set[str]:
    """The ids of the versions on ``page`` (NoSuchPage past the last): whose alignments to load."""
    return _paged(story, articles, page, per_page)[2]


def story_page_view(story: Story, articles: dict[str, Article], page: int,
                    per_page: int = VERSIONS_PER_PAGE) -> tuple[StoryView, StoryPage]:
    order, pages, chosen = _paged(story, articles, page, per_page)
    sliced = dataclasses.replace(
        story,
        findings=[f for f in story.findings if f.article in chosen],
        alignments=[al for al in story.alignments if al.derived in chosen],
    )
    sv = story_view(sliced, articles, "s1")
    counts = Counter(f.severity for f in story.findings)  # the lede counts the whole story
    sv.severity_counts = {s: counts.get(s, 0) for s in SEVERITIES}
    sv.finding_types = sorted({f.type for f in story.findings})
    first = (page - 1) * per_page + 1
    reviews = [ReviewRow(f.id, f.severity, f.type.replace("_", " "), f.article, " ".join(f.claim.split())[:300],
                         (f.review or {}).get("status", "open"), (f.review or {}).get("reason", ""),
                         (f.review or {}).get("note", ""), (f.review or {}).get("reviewed_at", ""))
               for f in display_order(sliced.findings)]
    return sv, StoryPage(page, pages, first, min(len(order), page * per_page), len(order), reviews)


def about_article(story: Story, article_id: str) -> Story:
    """The story cut to what concerns one article: its findings (as the changed or the source
    version) and the alignments it is part of, so an article page does not render the whole story."""
    return dataclasses.replace(
        story,
        findings=[f for f in story.findings if article_id in (f.article, f.source_article)],
        alignments=[al for al in story.alignments if article_id in (al.source, al.derived)],
    )
