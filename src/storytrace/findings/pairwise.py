"""Every detector that works on one aligned source/derived pair.

``detect_pair`` parses both texts (cached), runs each registered pair detector
(findings/registry.py) and removes double reports of one change. ``detect_findings`` calls it for
each lineage edge and runs the story-wide detectors itself.
"""
from __future__ import annotations

from storytrace.align import languages_differ
from storytrace.findings.common import PairContext, dedupe
from storytrace.findings.detectors.numbers_cmp import typed_as_amount_of_time
from storytrace.findings.merge import fold_added_sentences, merge_same_change
from storytrace.findings.registry import detectors
from storytrace.findings.severity import settle_severity
from storytrace.findings.shown_pairs import keep_to_shown_pairs
from storytrace.findings.spelling import drop_spelling_noise
from storytrace.findings.text import Parser, default_parser
from storytrace.model import Alignment, Article, Finding

def detect_pair(
    source: Article,
    derived: Article,
    alignment: Alignment | None = None,
    *,
    story_articles: dict[str, Article] | None = None,
    parser: Parser | None = None,
    nli=None,
    edge=None,
    encoder=None,
    context: PairContext | None = None,
) -> list[Finding]:
    """Findings for what ``derived`` changed relative to ``source``.

    ``nli`` is an optional ``nli.NLIScorer``; ``edge`` (the lineage edge) is accepted for the
    orchestrator and not needed here. ``encoder`` is the engine's sentence encoder (the aligner's
    MiniLM, ``Pipeline.embedder``), for the meaning signal (findings/meaning.py); None: no such signal.
    ``context``: this pair's context as ``meaning_texts`` built it (with what its detectors worked out
    there); used only when it is of this very pair, alignment and encoder, else built again.
    """
    ctx = context if _same_pair(context, source, derived, alignment, encoder) else pair_context(
        source, derived, alignment, story_articles=story_articles, parser=parser, encoder=encoder)
    # Versions in two languages: only the detectors that read any language (they compare values);
    # the others read English words and would compare a Chinese sentence with an English one.
    across = languages_differ(source, derived)
    findings: list[Finding] = []
    for detector in detectors("pair"):  # the registered ones, in registration order
        if across and not detector.multilingual:
            continue
        findings.extend(detector.run(ctx))
    if nli is not None and not across:
        from storytrace.findings.nli import detect_contradictions

        findings.extend(detect_contradictions(ctx, nli))
    findings = keep_to_shown_pairs(dedupe(drop_spelling_noise(_drop_echoes(findings), source.text)), ctx)
    # a sentence the aligner paired with nothing is one added sentence (no aligner at all: unknown)
    added = {s.start for s in ctx.der.sentences if ctx.alignment.pairs and not ctx.is_paired(s.index)}
    settled = settle_severity(fold_added_sentences(merge_same_change(findings), added), ctx)
    return [typed_as_amount_of_time(f) for f in settled]  # how long, not when: once severity is settled


def pair_context(source: Article, derived: Article, alignment: Alignment | None = None, *,
                 story_articles: dict[str, Article] | None = None, parser: Parser | None = None,
                 encoder=None) -> PairContext:
    """What every pair detector reads: both parses (cached by the parser) and the alignment."""
    src, der = (parser or default_parser()).parse_many([source, derived])
    alignment = alignment or Alignment(source=source.id, derived=derived.id)
    return PairContext(source, derived, alignment, src, der, story_articles=story_articles, encoder=encoder)


def _same_pair(ctx: PairContext | None, source: Article, derived: Article, alignment: Alignment | None,
               encoder) -> bool:
    return (ctx is not None and ctx.source is source and ctx.derived is derived and ctx.encoder is encoder
            and alignment is not None and ctx.alignment == alignment)


def meaning_texts(source: Article, derived: Article, alignment: Alignment | None = None, *,
                  story_articles: dict[str, Article] | None = None, parser: Parser | None = None,
                  encoder=None, keep: dict[tuple[str, str], PairContext] | None = None) -> list[str]:
    """The texts the pair's detectors will ask the sentence encoder for (the meaning signal of
    findings/meaning.py), so that a caller can encode those of many pairs in one batch first.
    ``keep``: the pair's context is put there under (source id, derived id), for ``detect_pair`` to
    reuse rather than build it and run the modifiers' cheap checks a second time."""
    from storytrace.findings.detectors.modifiers_cmp import meaning_texts as modifier_texts

    if encoder is None or languages_differ(source, derived):  # the modifiers detector reads English only
        return []
    ctx = pair_context(source, derived, alignment, story_articles=story_articles, parser=parser, encoder=encoder)
    texts = modifier_texts(ctx)
    if keep is not None:
        keep[(source.id, derived.id)] = ctx
    return texts


def _drop_echoes(findings: list[Finding]) -> list[Finding]:
    """An omission of a value that another finding already reports as changed is the same change."""
    changed = {(f.claim_span[0], f.source_value) for f in findings if f.type != "omission" and f.source_value}
    swapped = {(f.claim_span[0], f.derived_value) for f in findings if f.type != "unsupported_addition"}
    return [f for f in findings
            if not (f.type == "omission" and (f.claim_span[0], f.source_value) in changed)
            and not (f.type == "unsupported_addition" and (f.claim_span[0], f.derived_value) in swapped)]
