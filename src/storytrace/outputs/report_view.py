"""What the HTML report and the web app show, computed once from a Report.

The templates only loop over these plain dataclasses; every string in them is raw text that the
templates escape. Both report.html and the served app render the same views.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from storytrace.ingest.stamp_time import clock_words, published_time
from storytrace.lineage import direction_unknown
from storytrace.model import Alignment, Article, Edge, Finding, Report, Story
from storytrace.outputs.lineage_svg import DERIVATION_RELATIONS, LineageLayout, derivation_depths, layout_lineage
from storytrace.outputs.word_diff import HighlightedPair, Segment, highlight_pair, plain
from storytrace.severity_basis import why_severity
from storytrace.store.corrections import corrected_fields

SEVERITIES = ("high", "medium", "low")
MAX_OTHER_VERSIONS = 6


@dataclass
class VersionRow:
    article_id: str
    label: str
    title: str
    outlet: str
    published: str
    language: str
    word_count: int
    relation: str  # "translation", "original", "independent", ""
    source_id: str
    source_label: str
    confidence: float | None
    coverage: float | None
    severity_counts: dict[str, int]
    corrected: list[str] = field(default_factory=list)  # metadata fields a person corrected
    direction_unknown: bool = False  # nothing showed which of it and its source came first
    published_time: str = ""  # the stamp's time of day and zone ("17:55 UTC-04:00"); "" where none was read


@dataclass
class OtherVersion:
    label: str
    text: str


@dataclass
class FindingView:
    anchor: str
    id: str
    type: str
    type_label: str
    severity: str
    article_id: str
    article_label: str
    source_id: str
    source_label: str
    claim: list[Segment]
    source: list[Segment]
    derived_value: str
    source_value: str
    explanation: str
    confidence: float
    against_labels: list[str]
    why_severity: str  # which signals the severity rests on (findings/severity.why_severity)
    others: list[OtherVersion]
    review_status: str = "open"  # a person's decision: open | confirmed | dismissed
    review_reason: str = ""
    review_note: str = ""
    reviewed_at: str = ""
    direction_unknown: bool = False  # on a pair whose order nothing showed: either may have changed the other


@dataclass
class ReadingRow:
    status: str  # kept | changed | added | dropped
    source: list[Segment]
    derived: list[Segment]
    score: float | None
    finding_anchors: list[str] = field(default_factory=list)


@dataclass
class ReadingView:
    anchor: str
    source_id: str
    source_label: str
    derived_id: str
    derived_label: str
    relation: str
    rows: list[ReadingRow]
    counts: dict[str, int]
    direction_unknown: bool = False  # nothing showed which of the two came first


@dataclass
class StoryView:
    anchor: str
    id: str
    title: str
    versions: list[VersionRow]
    lineage: LineageLayout
    edges: list[Edge]
    findings: list[FindingView]
    readings: list[ReadingView]
    severity_counts: dict[str, int]
    finding_types: list[str]
    labels: dict[str, str]
    review_counts: dict[str, int] = field(default_factory=dict)  # open / confirmed / dismissed
    cited: list = field(default_factory=list)  # lineage.CitedSource: outlets cited but not among the versions


@dataclass
class ArticleSummary:
    id: str
    label: str
    title: str
    published: str
    language: str
    why: str = ""  # which evidence was too weak to join it to another article


@dataclass
class ReportView:
    version: str
    n_articles: int
    stories: list[StoryView]
    loose_articles: list[ArticleSummary]  # articles that belong to no story
    errors: list[str]
    severity_counts: dict[str, int]


# -- helpers --------------------------------------------------------------------------------
def _labels(ids: list[str], articles: dict[str, Article]) -> dict[str, str]:
    """A name per article that a reader recognises: its outlet (or else its title), with the id beside it."""
    return {i: article_label(articles.get(i), i) for i in ids}


def article_label(article: Article | None, article_id: str) -> str:
    name = (article.outlet or article.title).strip() if article else ""
    if len(name) > 60:
        name = name[:57].rsplit(" ", 1)[0] + "…"
    return f"{name} ({article_id})" if name and name != article_id else article_id


def _sentence_indices(article: Article | None, span: tuple[int, int] | None, text: str) -> list[int]:
    """The sentences of ``article`` a finding's claim covers: by span, else by text."""
    if article is None:
        return []
    if span:
        start, end = span
        hit = [s.index for s in article.sentences if s.start < max(end, start + 1) and start < s.end]
        if hit:
            return hit
    needle = text.strip()
    if needle:
        for s in article.sentences:
            if needle in s.text or (s.text.strip() and s.text.strip() in needle):
                return [s.index]
    return []


def _sentence_text(article: Article, indices: list[int]) -> str:
    by_index = {s.index: s.text for s in article.sentences}
    return " ".join(by_index[i].strip() for i in sorted(indices) if i in by_index)


def _incoming(edges: list[Edge], article_id: str) -> Edge | None:
    """The edge that says where an article came from: the most confident derivation."""
    candidates = [e for e in edges if e.derived == article_id and e.relation in DERIVATION_RELATIONS]
    if not candidates:
        candidates = [e for e in edges if e.derived == article_id]
    return max(candidates, key=lambda e: e.confidence, default=None)


def reading_order(story: Story, articles: dict[str, Article], labels: dict[str, str]) -> list[str]:
    """Originals first, then each derivation level; inside a level, sources before the rest, then by date."""
    depth = derivation_depths(story.article_ids, story.lineage)
    sources = {e.source for e in story.lineage if e.relation in DERIVATION_RELATIONS}

    def key(aid: str):
        a = articles.get(aid)
        when = a.published.isoformat() if a and a.published else "9999"
        return (depth[aid], aid not in sources, when, labels.get(aid, aid))

    return sorted(story.article_ids, key=key)


def _version_rows(story: Story, articles: dict[str, Article], labels: dict[str, str], order: list[str]) -> list[VersionRow]:
    rows = []
    for aid in order:
        a = articles.get(aid)
        edge = _incoming(story.lineage, aid)
        if edge:
            relation = edge.relation
        elif any(e.source == aid for e in story.lineage):
            relation = "original"
        else:
            relation = ""
        counts = Counter(f.severity for f in story.findings if f.article == aid)
        rows.append(
            VersionRow(
                article_id=aid, label=labels[aid], title=a.title if a else "", outlet=a.outlet if a else "",
                published=a.published.isoformat() if a and a.published else "",
                published_time=clock_words(t) if a and (t := published_time(a.metadata, a.published)) else "",
                language=a.language if a else "", word_count=a.word_count if a else 0,
                relation=relation, source_id=edge.source if edge else "",
                source_label=labels.get(edge.source, edge.source) if edge else "",
                confidence=edge.confidence if edge else None, coverage=edge.coverage if edge else None,
                direction_unknown=bool(edge) and direction_unknown(edge),
                severity_counts={s: counts.get(s, 0) for s in SEVERITIES},
                corrected=corrected_fields(a) if a else [],
            )
        )
    return rows


def _other_versions(
    f: Finding, story: Story, articles: dict[str, Article], labels: dict[str, str], claim_sents: list[int]
) -> list[OtherVersion]:
    """What the aligned sentence says in each other version (besides the one shown beside it)."""
    out: list[OtherVersion] = []
    if not claim_sents:
        return out
    wanted = set(claim_sents)
    for al in story.alignments:
        if f.article == al.derived:
            other, pick = al.source, lambda p: p.source if wanted & set(p.derived) else []
        elif f.article == al.source:
            other, pick = al.derived, lambda p: p.derived if wanted & set(p.source) else []
        else:
            continue
        if other == f.source_article or other not in articles or any(o.label == labels.get(other) for o in out):
            continue
        indices = sorted({i for p in al.pairs for i in pick(p)})
        if indices:
            out.append(OtherVersion(labels.get(other, other), _sentence_text(articles[other], indices)))
        if len(out) >= MAX_OTHER_VERSIONS:
            break
    return out


def _finding_views(
    story: Story, story_anchor: str, articles: dict[str, Article], labels: dict[str, str]
) -> tuple[list[FindingView], dict[str, list[tuple[list[int], str]]]]:
    """The findings, plus per article the sentences each finding covers (for the reading view)."""
    from storytrace.findings import finding_order_unknown  # lazily: it registers every detector

    views: list[FindingView] = []
    covered: dict[str, list[tuple[list[int], str]]] = {}
    order = {s: i for i, s in enumerate(SEVERITIES)}
    for n, f in enumerate(sorted(story.findings, key=lambda f: (order.get(f.severity, 9), -f.confidence)), start=1):
        anchor = f"{story_anchor}-f{n}"
        sents = _sentence_indices(articles.get(f.article), f.claim_span, f.claim)
        covered.setdefault(f.article, []).append((sents, anchor))
        pair: HighlightedPair = highlight_pair(f.claim, f.source_text, f.derived_value, f.source_value)
        review = f.review or {}
        views.append(
            FindingView(
                anchor=anchor, id=f.id, type=f.type, type_label=f.type.replace("_", " "), severity=f.severity,
                article_id=f.article, article_label=labels.get(f.article, f.article),
                source_id=f.source_article or "", source_label=labels.get(f.source_article or "", f.source_article or ""),
                claim=pair.derived, source=pair.source if f.source_text else [],
                derived_value=f.derived_value, source_value=f.source_value, explanation=f.explanation,
                confidence=f.confidence, against_labels=[labels.get(a, a) for a in f.against],
                why_severity=why_severity(f),
                others=_other_versions(f, story, articles, labels, sents),
                review_status=review.get("status") or "open", review_reason=review.get("reason") or "",
                review_note=review.get("note") or "", reviewed_at=review.get("reviewed_at") or "",
                direction_unknown=finding_order_unknown(f, story.lineage),
            )
        )
    return views, covered


def _reading_rows(
    al: Alignment, source: Article, derived: Article, covered: list[tuple[list[int], str]]
) -> list[ReadingRow]:
    """Sentence rows in the derived article's order; dropped source sentences sit after the
    row holding the source sentence before them."""
    s_text = {s.index: s.text.strip() for s in source.sentences}
    d_text = {s.index: s.text.strip() for s in derived.sentences}
    keyed: list[tuple[tuple[float, int], ReadingRow]] = []
    position_of_source: dict[int, float] = {}
    for p in al.pairs:
        pos = float(min(p.derived)) if p.derived else float(min(p.source, default=0))
        for i in p.source:
            position_of_source[i] = pos
        anchors = [a for sents, a in covered if set(sents) & set(p.derived)]
        src = " ".join(s_text.get(i, "") for i in sorted(p.source)).strip()
        dst = " ".join(d_text.get(i, "") for i in sorted(p.derived)).strip()
        if anchors:
            hl = highlight_pair(dst, src)
            row = ReadingRow("changed", hl.source, hl.derived, p.score, anchors)
        else:
            row = ReadingRow("kept", plain(src), plain(dst), p.score)
        keyed.append(((pos, 1), row))
    for i in al.unaligned_derived:
        anchors = [a for sents, a in covered if i in sents]
        keyed.append(((float(i), 1), ReadingRow("added", [], plain(d_text.get(i, "")), None, anchors)))
    for i in sorted(al.unaligned_source):
        before = [position_of_source[j] for j in position_of_source if j < i]
        pos = max(before) if before else -1.0
        keyed.append(((pos, 2 + i), ReadingRow("dropped", plain(s_text.get(i, "")), [], None)))
    keyed.sort(key=lambda kv: kv[0])
    return [row for _, row in keyed]


def _reading_views(
    story: Story, story_anchor: str, articles: dict[str, Article], labels: dict[str, str],
    covered: dict[str, list[tuple[list[int], str]]],
) -> list[ReadingView]:
    relation_of = {(e.source, e.derived): e.relation for e in story.lineage}
    unordered = {(e.source, e.derived) for e in story.lineage if direction_unknown(e)}
    derivations = {k for k, r in relation_of.items() if r in DERIVATION_RELATIONS}
    views = []
    for al in story.alignments:
        key = (al.source, al.derived)
        # With lineage known, read each version beside the source it came from; without it, every alignment.
        if derivations and key not in derivations:
            continue
        if al.source not in articles or al.derived not in articles:
            continue
        rows = _reading_rows(al, articles[al.source], articles[al.derived], covered.get(al.derived, []))
        counts = Counter(r.status for r in rows)
        views.append(
            ReadingView(
                anchor=f"{story_anchor}-r{len(views) + 1}", source_id=al.source, source_label=labels.get(al.source, al.source),
                derived_id=al.derived, derived_label=labels.get(al.derived, al.derived),
                relation=relation_of.get(key, ""), rows=rows,
                counts={k: counts.get(k, 0) for k in ("kept", "changed", "added", "dropped")},
                direction_unknown=key in unordered,
            )
        )
    return views


def story_view(story: Story, articles: dict[str, Article], anchor: str) -> StoryView:
    labels = _labels(story.article_ids, articles)
    order = reading_order(story, articles, labels)
    findings, covered = _finding_views(story, anchor, articles, labels)
    sublabels = {}
    for aid in story.article_ids:
        a = articles.get(aid)
        if a:
            sublabels[aid] = " · ".join(x for x in (a.language, a.published.isoformat() if a.published else "") if x)
    counts = Counter(f.severity for f in story.findings)
    from storytrace.lineage import cited_absent

    cited = cited_absent([articles[i] for i in story.article_ids if i in articles])
    graph_labels, graph_edges = dict(labels), list(story.lineage)
    for c in cited:  # a node of its own, marked cited and absent, with an edge to each citing version
        graph_labels[c.id] = f"{c.outlet} (cited)"
        sublabels[c.id] = "cited · not in the corpus"
        graph_edges.extend(Edge(c.id, aid, "cited", 1.0, 0.0, 0.0, list(c.evidence)) for aid in c.cited_by)
    return StoryView(
        anchor=anchor, id=story.id, title=story.title or story.id, cited=cited,
        versions=_version_rows(story, articles, labels, order),
        lineage=layout_lineage(order + [c.id for c in cited], graph_edges, graph_labels, sublabels,
                               dict(Counter(f.article for f in story.findings))),
        edges=list(story.lineage), findings=findings,
        readings=_reading_views(story, anchor, articles, labels, covered),
        severity_counts={s: counts.get(s, 0) for s in SEVERITIES},
        finding_types=sorted({f.type for f in story.findings}), labels=labels,
        review_counts=dict(Counter((f.review or {}).get("status") or "open" for f in story.findings)),
    )


def report_view(report: Report) -> ReportView:
    articles = {a.id: a for a in report.articles}
    stories = [story_view(s, articles, f"s{i}") for i, s in enumerate(report.stories, start=1)]
    in_story = {a for s in report.stories for a in s.article_ids}
    # A "story" of one article says nothing about travel: list those articles on their own.
    loose_ids = [a.id for a in report.articles if a.id not in in_story]
    loose_ids += [s.article_ids[0] for s in report.stories if len(s.article_ids) == 1 and not s.findings]
    stories = [sv for sv, s in zip(stories, report.stories) if not (len(s.article_ids) == 1 and not s.findings)]
    notes = {s.article_ids[0]: s.note for s in report.stories if len(s.article_ids) == 1}
    loose = [
        ArticleSummary(
            id=i, label=article_label(articles.get(i), i), title=articles[i].title if i in articles else "",
            published=articles[i].published.isoformat() if i in articles and articles[i].published else "",
            language=articles[i].language if i in articles else "", why=notes.get(i, ""),
        )
        for i in loose_ids
    ]
    counts = Counter(f.severity for f in report.findings)
    return ReportView(
        version=report.version, n_articles=len(report.articles), stories=stories, loose_articles=loose,
        errors=[str(e) for e in report.errors], severity_counts={s: counts.get(s, 0) for s in SEVERITIES},
    )
