"""Every detector that works on one aligned source/derived pair.

``detect_pair`` parses both texts (cached), runs each detector family and removes double
reports of one change. The story-wide detectors (consensus, contradictions, stance) live in
their own modules and call this for each lineage edge.
"""
from __future__ import annotations

from storytrace.findings.attributes_cmp import detect_attributes
from storytrace.findings.attribution_cmp import detect_attributions
from storytrace.findings.common import PairContext, dedupe
from storytrace.findings.entities_cmp import detect_entities
from storytrace.findings.merge import merge_same_change
from storytrace.findings.modifiers_cmp import detect_modifiers
from storytrace.findings.numbers_cmp import detect_numbers
from storytrace.findings.omissions import detect_omissions
from storytrace.findings.polarity import detect_polarity
from storytrace.findings.severity import settle_severity
from storytrace.findings.shown_pairs import keep_to_shown_pairs
from storytrace.findings.quotes_cmp import detect_quotes
from storytrace.findings.roles_cmp import detect_roles
from storytrace.findings.spelling import drop_spelling_noise
from storytrace.findings.text import Parser
from storytrace.model import Alignment, Article, Finding

DETECTORS = (
    detect_entities,
    detect_roles,
    detect_numbers,
    detect_attributes,
    detect_polarity,
    detect_quotes,
    detect_attributions,
    detect_omissions,
    detect_modifiers,
)

_default_parser: Parser | None = None


def default_parser() -> Parser:
    global _default_parser
    if _default_parser is None:
        _default_parser = Parser()
    return _default_parser


def detect_pair(
    source: Article,
    derived: Article,
    alignment: Alignment | None = None,
    *,
    story_articles: dict[str, Article] | None = None,
    parser: Parser | None = None,
    nli=None,
    edge=None,
) -> list[Finding]:
    """Findings for what ``derived`` changed relative to ``source``.

    ``nli`` is an optional ``nli.NLIScorer``; ``edge`` (the lineage edge) is accepted for the
    orchestrator and not needed here.
    """
    parser = parser or default_parser()
    src, der = parser.parse_many([source, derived])
    alignment = alignment or Alignment(source=source.id, derived=derived.id)
    ctx = PairContext(source, derived, alignment, src, der, story_articles=story_articles)
    findings: list[Finding] = []
    for detector in DETECTORS:
        findings.extend(detector(ctx))
    if nli is not None:
        from storytrace.findings.nli import detect_contradictions

        findings.extend(detect_contradictions(ctx, nli))
    findings = keep_to_shown_pairs(dedupe(drop_spelling_noise(_drop_echoes(findings), source.text)), ctx)
    return settle_severity(merge_same_change(findings), ctx)


def _drop_echoes(findings: list[Finding]) -> list[Finding]:
    """An omission of a value that another finding already reports as changed is the same change."""
    changed = {(f.claim_span[0], f.source_value) for f in findings if f.type != "omission" and f.source_value}
    swapped = {(f.claim_span[0], f.derived_value) for f in findings if f.type != "unsupported_addition"}
    return [f for f in findings
            if not (f.type == "omission" and (f.claim_span[0], f.source_value) in changed)
            and not (f.type == "unsupported_addition" and (f.claim_span[0], f.derived_value) in swapped)]
