"""Findings: what each version of a story changed, with evidence a person can check in seconds.

``detect_findings`` runs, for one story:
1. the pairwise detectors (``pairwise.detect_pair``) on every lineage edge source -> derived,
   with a stricter bar on ``independent``/``shared_source`` edges, whose details legitimately differ;
2. the story-wide detectors: consensus (the version that disagrees with all the others), internal
   contradictions (one article against itself) and stance divergence (a flipped conclusion);
   every detector (findings/detectors/) is declared with ``@detector`` (findings/registry.py) and
   registers when this package is imported, in the order findings/detectors/__init__.py imports it;
3. de-duplication (one change seen on several edges is one finding whose ``against`` lists every
   version it disagrees with), a high change read against the story's other versions
   (severity.weigh_against_story), then a deterministic order (severity first) and stable ids.
"""
from __future__ import annotations

import inspect
import re
import logging
from collections.abc import Callable

from storytrace.findings.merge import merge_same_change
from storytrace.findings.numbers import amount_of_time
from storytrace.findings.severity import Signal, ensure_recorded, lower_to_medium, weigh_against_story
from storytrace.findings import registry
from storytrace.findings.common import PairContext
from storytrace.align import oriented_alignment  # also re-exported: findings.oriented_alignment
from storytrace.model import UNDERIVED_RELATIONS, Alignment, Article, Edge, Finding, Story, severity_rank
from storytrace.findings import detectors  # noqa: F401 - registers every detector, in run order

log = logging.getLogger(__name__)

# On edges between independent reports only a clear change of who/what/how much/when counts
# (the types declared strict=, registry.strict_types()).
_STRICT_MIN_CONFIDENCE = 0.85
# A summary or rewrite keeps part of its source and says the rest its own way: a sentence of it is
# compared only with the source sentence(s) the aligner paired it with (the reading view shows them
# side by side), never with another source sentence that merely shares a name or a figure.
_REWORDED_RELATIONS = ("summary", "rewrite")


def detect_findings(story: Story, articles: dict[str, Article], config=None, parser=None, nli=None,
                    encoder=None, contexts: dict[tuple[str, str], PairContext] | None = None) -> list[Finding]:
    """Every finding of one story, de-duplicated, sorted by severity, with ids ``{story.id}-f{n}``.

    ``config`` (a ``Config``) switches on the sentence-pair verifier's checks (findings/verify.py);
    ``parser`` and ``nli`` are the engine's (pipeline.Pipeline): its token views and NLI scorer;
    ``encoder`` its sentence encoder (the aligner's), for the meaning signal (findings/meaning.py);
    ``contexts`` the pair contexts ``meaning_texts`` kept for this story (reused, not built again).
    """
    members = {a: articles[a] for a in story.article_ids if a in articles}
    raw: list[Finding] = []
    for edge in story.lineage:
        raw.extend(_edge_findings(edge, story, members, parser, nli, encoder,
                                  (contexts or {}).get((edge.source, edge.derived))))
    raw.extend(_story_findings(story, members))
    for f in raw:
        ensure_recorded(f)  # a story-wide detector's finding: its own rule settled it
    findings = weigh_against_story(merge_same_change(deduplicate(raw, story.article_ids)), story, members)
    if config is not None:
        from storytrace.findings.verify import check_story

        findings = check_story(story, members, findings, config)
    say_order_unknown(findings, story.lineage)
    return assign_ids(sort_findings(findings, story.article_ids), story.id)


def meaning_texts(story: Story, articles: dict[str, Article], parser=None, encoder=None,
                  keep: dict[tuple[str, str], PairContext] | None = None) -> list[str]:
    """The texts ``detect_findings`` will ask ``encoder`` for on this story's edges (the meaning signal),
    for a caller that encodes those of many stories in one batch first (pipeline.prefetch_meaning):
    one-sentence model calls cost several times a sentence in a big batch. Only a saving: a text
    missed here is encoded when asked, and a vector depends on its text alone. ``keep``: each edge's
    pair context is put there for ``detect_findings(contexts=keep)``, which then does not build it and
    run the modifiers' cheap checks again."""
    if encoder is None:
        return []
    from storytrace.findings.pairwise import meaning_texts as pair_texts

    members = {a: articles[a] for a in story.article_ids if a in articles}
    texts: list[str] = []
    for edge in story.lineage:
        pair = _edge_pair(edge, story, members)
        if pair is None:
            continue
        try:
            texts += pair_texts(*pair, story_articles=members, parser=parser, encoder=encoder, keep=keep)
        except Exception:  # noqa: BLE001 - detect_findings runs the same checks and reports the failure
            continue
    return texts


# -- pairwise ---------------------------------------------------------------------------------


def _pairwise_detector() -> Callable[..., list[Finding]] | None:
    """``pairwise.detect_pair`` once that module exists (it is built alongside this one)."""
    try:
        from storytrace.findings.pairwise import detect_pair
    except ImportError as exc:
        if "pairwise" not in str(exc):
            raise  # pairwise exists but something it needs is broken: say so
        return None
    return detect_pair


def _edge_pair(edge: Edge, story: Story, members: dict[str, Article]) -> tuple[Article, Article, Alignment] | None:
    """The source, the derived version and their alignment (source first) that an edge's findings are
    detected on; None when a version is missing or the story holds no alignment of the two."""
    if edge.source not in members or edge.derived not in members:
        return None
    alignment = oriented_alignment(story, edge.source, edge.derived)
    return None if alignment is None else (members[edge.source], members[edge.derived], alignment)


def _edge_findings(edge: Edge, story: Story, members: dict[str, Article], parser=None, nli=None,
                   encoder=None, context: PairContext | None = None) -> list[Finding]:
    detect_pair = _pairwise_detector()
    pair = _edge_pair(edge, story, members) if detect_pair is not None else None
    if pair is None:
        return []
    source, derived, alignment = pair
    kwargs: dict[str, object] = {"story_articles": members}
    params = inspect.signature(detect_pair).parameters
    for name, value in (("edge", edge), ("parser", parser), ("nli", nli), ("encoder", encoder), ("context", context)):
        if name in params:
            kwargs[name] = value
    found = _guarded(f"pairwise {edge.source} -> {edge.derived}", derived,
                     lambda: detect_pair(source, derived, alignment, **kwargs))
    if edge.relation in UNDERIVED_RELATIONS:
        strict = registry.strict_types()
        found = [_time_apart(f) for f in found if f.type in strict and f.confidence >= _STRICT_MIN_CONFIDENCE
                 and _renders(f, alignment, source, derived)]
    elif edge.relation in _REWORDED_RELATIONS:
        found = [f for f in found if _renders(f, alignment, source, derived, 0.0)]
    return found


def _time_apart(f: Finding) -> Finding:
    """An amount of time changed between two reports neither made from the other ("after 4.5 hours" /
    "after five hours"; "for 20 years" / "since 2004") is at most medium. Reporters who each measure a
    span of time take it from different moments, round it their own way, or count to another day, so a
    difference there is seldom an error; in a copy, translation or summary the span was the source's,
    and a changed one is (a duration against a date is there often the mistranslation itself), so the
    lineage edge is the second signal high needs."""
    if f.severity != "high" or f.type not in ("number_change", "date_change"):
        return f
    if not (amount_of_time(f.claim, f.derived_value) or amount_of_time(f.source_text, f.source_value)):
        return f
    return lower_to_medium(f, Signal.DERIVED_EDGE, "the figure is an amount of time, and neither report was made"
                           " from the other: reporters measure a span from different moments and round it their"
                           " own way, so a difference there is seldom an error.", has=tuple(f.signals or [Signal.DETECTOR]))


def _renders(f: Finding, alignment, source: Article, derived: Article, bar: float | None = None) -> bool:
    """On an edge between independent reports, two sentences disagree about one fact only where one
    renders the other: the aligner paired them as well as lineage counts support (SUPPORTED_PAIR).
    Two outlets' sentences that merely share a number or a name ("83.3 percent of Greeks were unhappy"
    / "55 percent said neither party was competent") are about different things; the reading view
    does not show them side by side, and no finding compares them."""
    from storytrace.lineage import SUPPORTED_PAIR

    bar = SUPPORTED_PAIR if bar is None else bar
    if not f.source_span or f.source_article != source.id or f.article != derived.id:
        return True  # nothing to pair: the detector's own bar decides
    claim, shown = derived.sentence_at(f.claim_span[0]), source.sentence_at(f.source_span[0])
    if claim is None or shown is None:
        return True
    return alignment.paired(shown.index, claim.index, bar)


# -- story-wide -------------------------------------------------------------------------------


def _story_findings(story: Story, members: dict[str, Article]) -> list[Finding]:
    """The registered story-wide detectors in registration order: a "story" one once per story, an
    "article" one once per article (with the story's other versions)."""
    if not members:
        return []
    anchor = next(iter(members.values()))
    found: list[Finding] = []
    for d in registry.detectors():
        if d.scope == "story":
            found += _guarded(d.name, anchor, lambda d=d: d.run(story, members))
        elif d.scope == "article":
            for article in members.values():
                others = [o for o in members.values() if o is not article]
                found += _guarded(d.name, article, lambda d=d, a=article, o=others: d.run(a, o))
    return found


def _guarded(what: str, article: Article, run: Callable[[], list[Finding]]) -> list[Finding]:
    """One detector failing must not sink the report: record a one-line warning on the article."""
    try:
        return list(run())
    except Exception as exc:  # noqa: BLE001 - any detector bug is reported, not raised
        message = f"findings: {what} failed: {type(exc).__name__}: {exc}"
        log.warning(message)
        article.warnings.append(message)
        return []


# -- merge, order, ids ------------------------------------------------------------------------


def _dedup_key(f: Finding) -> tuple:
    return (f.type, f.article, tuple(f.claim_span), " ".join(f.derived_value.casefold().split()))


def deduplicate(findings: list[Finding], story_order: list[str]) -> list[Finding]:
    """One change seen on several edges -> one finding; ``against`` lists all the versions."""
    merged: dict[tuple, Finding] = {}
    seen_against: dict[tuple, list[str]] = {}
    for f in findings:
        key = _dedup_key(f)
        against = list(f.against) or ([f.source_article] if f.source_article and f.source_article != f.article else [])
        if key not in merged:
            merged[key] = f
            seen_against[key] = against
            continue
        best = merged[key]
        seen_against[key] += against
        if (f.confidence, -severity_rank(f.severity)) > (best.confidence, -severity_rank(best.severity)):
            merged[key] = f
    rank = {a: i for i, a in enumerate(story_order)}
    out = []
    for key, f in merged.items():
        versions = sorted(set(seen_against[key]) - {f.article}, key=lambda a: (rank.get(a, len(rank)), a))
        extra = len(versions) - max(1, len(set(f.against)))
        # corroboration: the same change against more versions is a little more certain
        f.confidence = round(min(0.99, f.confidence + 0.05 * max(0, extra)), 3)
        f.against = versions
        out.append(f)
    return out


def sort_findings(findings: list[Finding], story_order: list[str]) -> list[Finding]:
    rank = {a: i for i, a in enumerate(story_order)}
    type_rank = {t: i for i, t in enumerate(registry.finding_types())}
    return sorted(
        findings,
        key=lambda f: (
            severity_rank(f.severity),
            rank.get(f.article, len(rank)),
            f.claim_span[0],
            type_rank.get(f.type, len(type_rank)),
            f.derived_value,
            -f.confidence,
        ),
    )


def assign_ids(findings: list[Finding], story_id: str) -> list[Finding]:
    for n, f in enumerate(findings, start=1):
        f.id = f"{story_id}-f{n}"
    return findings

__all__ = ["detect_findings", "deduplicate", "sort_findings", "assign_ids", "oriented_alignment"]


# -- pairs whose order is unknown ---------------------------------------------------------------
# lineage marks an edge whose direction nothing showed (lineage.direction_unknown). A finding on it
# compares two versions either of which may have come from the other: its explanation opens by saying
# the versions differ and that either may have changed the other, and what the detector called "the
# source" is called "the other version". A symmetric type (registry: another figure, another name, a
# negation, another speaker) keeps its severity: one of the two versions is wrong whichever came
# first. A directed type (registry.directed_types: omission, unsupported_addition) means something
# only once the order is known: its opening says what each version has, the detector's one-way
# reading follows as one reading ("Read with the other version as the earlier one: ..."), and its
# severity is at most medium (severity.doubt_order: it lacks Signal.KNOWN_ORDER).
ORDER_UNKNOWN_LEAD = "The versions differ here; which came first is not known, so either may have changed the other. "
_ORDER_UNKNOWN_LEADS = {
    "omission": ("source_value", "The versions differ here: the other version has \u201c{value}\u201d and this one does not; "
                 "which came first is not known, so this one may have dropped it or the other added it. "),
    "unsupported_addition": ("derived_value", "The versions differ here: this version has \u201c{value}\u201d and the other does "
                             "not; which came first is not known, so this one may have added it or the other dropped it. "),
}
# A directed finding's detector reading, given as one reading; and why it was lowered (what it calls
# added/dropped, and what that is the other way round).
ONE_READING = "Read with the other version as the earlier one: "
ORDER_UNKNOWN_WHY = ("which version came first is not known, so this reading may be the wrong way round: what it"
                     " calls {what} here may be {mirror} the other version.")
_MIRROR = {"omission": ("dropped", "an addition in"), "unsupported_addition": ("added", "an omission by")}
# Quoted words are the articles' own and stay as they are; "the source of ..." is a phrase, not the edge.
_QUOTED = re.compile(r'("[^"]*"|\u201c[^\u201d]*\u201d)')
_SOURCE_NOUN = re.compile(r"\b([Tt]he|[Ii]ts) source (sentence|quote|quotation|passage|phrase|text|word)(s?)\b")
_SOURCE_POSSESSIVE = re.compile(r"\b([Tt]he|[Ii]ts) source's\b")
_SOURCE = re.compile(r"\b([Tt]he|[Ii]ts) source\b(?! of\b)")
# "The number changed: ..." / "The quotation was changed: ..." says one of the two made the change;
# between versions whose order is unknown the two differ.
_CHANGED = re.compile(r"\b([Tt]he [\w\u2019' ]{1,40}?) (?:was )?changed:")


def order_unknown_lead(f: Finding) -> str:
    """The explanation's opening words for a finding on a pair whose order is unknown."""
    field, template = _ORDER_UNKNOWN_LEADS.get(f.type, ("", ""))
    value = getattr(f, field, "") if field else ""
    if value and value != "(missing)":
        return template.format(value=value)
    return ORDER_UNKNOWN_LEAD


def _the(m: re.Match) -> str:
    return "The" if m.group(1)[0].isupper() else "the"


def other_version_words(text: str) -> str:
    """``text`` with "the source" (the edge's other side, as a detector names it) read as "the other
    version", and "The number changed:" as "The number differs:", outside quotation marks."""
    parts = _QUOTED.split(text)
    for i in range(0, len(parts), 2):  # even parts lie outside quotes
        part = _SOURCE_NOUN.sub(lambda m: f"{_the(m)} other version's {m.group(2)}{m.group(3)}", parts[i])
        part = _SOURCE_POSSESSIVE.sub(lambda m: f"{_the(m)} other version's", part)
        part = _SOURCE.sub(lambda m: f"{_the(m)} other version", part)
        parts[i] = _CHANGED.sub(lambda m: f"{m.group(1)} differs:", part)
    return "".join(parts)


def finding_order_unknown(finding: Finding, edges: list[Edge]) -> bool:
    """Does ``finding`` compare the two versions of a lineage edge whose direction nothing showed?

    Its reading then holds one way round only: what one reading calls dropped the other calls added,
    and "changed 40 to 400" may be "changed 400 to 40". A story-wide finding (the version against the
    others' agreement, one article against itself, a conclusion flipped) does not depend on which
    version came first, and is never one."""
    source, article = finding.source_article, finding.article
    if not source or source == article:
        return False
    from storytrace.lineage import direction_unknown

    # the edges first: most are ordered, and then the registry need not be read for the types
    unordered = any(direction_unknown(e) and {e.source, e.derived} == {source, article} for e in edges)
    return unordered and finding.type not in story_wide_types()


def story_wide_types() -> frozenset[str]:
    """The finding types of every detector that is not pairwise (their readings hold whichever version came first)."""
    return frozenset(t for d in registry.detectors() if d.scope != "pair" for t in d.types)


def say_order_unknown(findings: list[Finding], edges: list[Edge]) -> None:
    """Reword the explanation of each finding on an edge of unknown direction: it opens with what
    is known (the versions differ) and names the other side "the other version". Idempotent; the
    severity note's offset (note_at) follows the text.

    A directed finding holds one way round only: it is at most medium (severity.doubt_order)."""
    from storytrace.findings.severity import doubt_order

    directed = registry.directed_types()
    for f in findings:
        if not finding_order_unknown(f, edges):
            continue
        lead = order_unknown_lead(f)
        if f.explanation.startswith(lead):
            continue
        if f.type in directed:
            lead += ONE_READING
        at = f.note_at if 0 <= f.note_at <= len(f.explanation) else len(f.explanation)
        head = lead + other_version_words(f.explanation[:at])
        f.explanation = head + other_version_words(f.explanation[at:])
        if f.note_at >= 0:
            f.note_at = len(head)
        if f.type in directed:
            what, mirror = _MIRROR.get(f.type, ("changed", "a change by"))
            doubt_order(f, ORDER_UNKNOWN_WHY.format(what=what, mirror=mirror))
