"""The verifier's check on findings: rules say which words changed, the verifier says whether the
meaning changed.

Every medium/high finding that pairs a derived sentence with a source sentence gets the
verifier's P(supported) in its explanation; one the verifier judges supported with high
confidence is downgraded to low (it stays listed, with its evidence). An omission is checked the
other way round: does the derived sentence still say everything its source sentence said?
"""
from __future__ import annotations

from functools import lru_cache

from storytrace.config import Config
from storytrace.findings.severity import Signal, add_signal, lower_by_verifier
from storytrace.model import Article, Finding

CHECKED_SEVERITIES = ("high", "medium")
# Findings that do not compare one sentence with another version's sentence.
UNCHECKED_TYPES = frozenset({"name_variant"})


@lru_cache(maxsize=2)
def load_verifier(weights: str = "", bf16: bool = False):
    """One loaded verifier per process, weights path and precision (workers each load their own).
    ``bf16``: bfloat16 where the CPU has it natively; off, the scores are the same on every machine."""
    from storytrace.verifier import Verifier
    from storytrace.verifier.model import native_bf16

    return Verifier(weights or None, bf16=bf16 and native_bf16())


def verifier_for(config: Config | None):
    """The verifier the config asks for, or None when the finding check is off."""
    config = config or Config()
    if not config.verifier_findings:
        return None
    return load_verifier(config.verifier_weights, config.verifier_bf16)


def _sentence_index(article: Article, start: int) -> int | None:
    for s in article.sentences:
        if s.start <= start < s.end:
            return s.index
    return None


def score_findings(findings: list[Finding], articles: dict[str, Article], verifier) -> list[float | None]:
    """The verifier's P(supported) for each medium/high finding's sentence (None: not checked).

    The derived sentence is judged against its best source chunk, the chunks around the source
    sentence the finding names first; an omission the other way round.
    """
    from storytrace.verifier.chunks import best_support, plan, plan_pairs

    jobs: list[tuple[int, list[str], str, list[int]]] = []
    for k, f in enumerate(findings):
        if f.severity not in CHECKED_SEVERITIES or f.type in UNCHECKED_TYPES or not f.claim.strip():
            continue
        source = articles.get(f.source_article or "")
        if source is None or not source.sentences or not f.source_text.strip():
            continue
        if f.type == "omission":
            # does the derived sentence still carry the source sentence's content?
            jobs.append((k, [f.claim], f.source_text, [0]))
            continue
        anchor = _sentence_index(source, f.source_span[0]) if f.source_span else None
        jobs.append((k, [s.text for s in source.sentences], f.claim, [anchor] if anchor is not None else []))
    # one batched call; best_support then reads the verifier's cache
    verifier.score([p for _, sents, hyp, anchors in jobs for p in plan_pairs(plan(sents, [hyp], [anchors]), [hyp])])
    out: list[float | None] = [None] * len(findings)
    for k, sentences, hypothesis, anchors in jobs:
        out[k] = best_support(verifier, sentences, [hypothesis], [anchors])[0].score
    return out


def verify_findings(findings: list[Finding], articles: dict[str, Article], verifier,
                    entailed_above: float) -> list[Finding]:
    """Score, annotate and (where judged supported) downgrade medium/high findings, in place."""
    for f, score in zip(findings, score_findings(findings, articles, verifier)):
        if score is not None:
            apply_score(f, score, entailed_above)
    return findings


def apply_score(f: Finding, score: float, entailed_above: float) -> None:
    """Write the verifier's judgement on a finding; downgrade it when judged supported."""
    if score >= entailed_above:
        lower_by_verifier(f, "low", f" The verifier judges the meaning kept (P(supported) = {score:.2f}), "
                                    f"so this {f.severity}-severity change was downgraded to low.")
    else:
        f.explanation += f" Verifier: P(supported) = {score:.2f}."


# Relations whose derived text should say nothing its source does not (independent reports may).
DERIVED_RELATIONS = ("verbatim_copy", "translation", "summary", "rewrite")


def unsupported_sentences(story, members: dict[str, Article], verifier, unsupported_below: float) -> list[Finding]:
    """Derived sentences the verifier finds unsupported by the source passage they were aligned
    with (the aligned sentences and one neighbour either side): one medium finding each."""
    import hashlib

    from storytrace.align import oriented_alignment

    out: list[Finding] = []
    jobs = []
    for edge in story.lineage:
        if edge.relation not in DERIVED_RELATIONS or edge.source not in members or edge.derived not in members:
            continue
        source, derived = members[edge.source], members[edge.derived]
        alignment = oriented_alignment(story, edge.source, edge.derived)
        if alignment is None or not source.sentences:
            continue
        by_index = {s.index: s for s in derived.sentences}
        src = source.sentences
        for p in alignment.pairs:
            if not p.source:
                continue
            lo, hi = max(0, min(p.source) - 1), min(len(src), max(p.source) + 2)
            premise = " ".join(s.text for s in src[lo:hi])
            for d in p.derived:
                # a sentence found word for word in its source passage needs no model
                if d in by_index and " ".join(by_index[d].text.split()) not in " ".join(premise.split()):
                    jobs.append((edge, source, derived, by_index[d], src[min(p.source)], premise))
    if not jobs:
        return out
    scores = verifier.score([(premise, sentence.text) for *_, sentence, _, premise in jobs])
    for (edge, source, derived, sentence, anchor, premise), score in zip(jobs, scores):
        if score >= unsupported_below:
            continue
        digest = hashlib.sha1(f"verifier|{source.id}|{derived.id}|{sentence.start}".encode()).hexdigest()[:12]
        out.append(Finding(
            id=f"unsupported_addition-{digest}", type="unsupported_addition", severity="medium",
            article=derived.id, against=[source.id], claim=sentence.text.strip(),
            claim_span=(sentence.start, sentence.end), derived_value=sentence.text.strip(),
            source_article=source.id, source_text=anchor.text.strip(), source_span=(anchor.start, anchor.end),
            source_value="",
            explanation=(f"The verifier finds this sentence unsupported by the source passage it was aligned "
                         f"with (P(supported) = {score:.2f})."),
            confidence=round(1.0 - score, 3)))
    return out


# The second signal on severity (Config.verifier_severity): one step down when the model reads a
# finding's two sentences as saying the same thing.
LOWERED = {"high": "medium", "medium": "low"}


def _english(f: Finding, articles: dict[str, Article] | None) -> bool:
    """Whether both sentences of a finding are English (the verifier reads English only); an article
    of unknown language counts as English, as the rest of the pipeline treats it."""
    for article_id in (f.article, f.source_article):
        language = getattr((articles or {}).get(article_id or ""), "language", "") or ""
        if language and not language.startswith("en"):
            return False
    return True


def same_meaning_scores(findings: list[Finding], verifier, severities: tuple[str, ...],
                        articles: dict[str, Article] | None = None) -> list[float | None]:
    """For each finding of ``severities``: the lower of P(claim supported by its source sentence) and
    P(source sentence supported by the claim), i.e. whether the two say the same thing (None: not scored).
    Both ways, because a claim that drops a detail is supported by its source but does not support it.
    With ``articles``, a finding with a sentence in another language than English is not scored."""
    jobs = [(k, f.source_text.strip(), f.claim.strip()) for k, f in enumerate(findings)
            if f.severity in severities and f.type not in UNCHECKED_TYPES and f.claim.strip() and f.source_text.strip()
            and _english(f, articles)]
    if not jobs:
        return [None] * len(findings)
    scores = verifier.score([(src, claim) for _, src, claim in jobs] + [(claim, src) for _, src, claim in jobs])
    out: list[float | None] = [None] * len(findings)
    for i, (k, _, _) in enumerate(jobs):
        out[k] = min(scores[i], scores[len(jobs) + i])
    return out


def weigh_with_verifier(findings: list[Finding], verifier, high_above: float, medium_above: float = 1.0,
                        articles: dict[str, Article] | None = None) -> list[Finding]:
    """Lowers, in place, a high finding (a medium one with ``medium_above`` < 1) whose two sentences the
    verifier reads as saying the same thing; a threshold of 1.0 never lowers. The explanation of every
    scored finding gives the score. ``articles``: findings across languages are left alone."""
    thresholds = {"high": high_above, "medium": medium_above}
    severities = tuple(s for s, t in thresholds.items() if t < 1.0) or ("high",)
    for f, score in zip(findings, same_meaning_scores(findings, verifier, severities, articles)):
        if score is None:
            continue
        threshold = thresholds[f.severity]
        if threshold < 1.0 and score >= threshold:
            lower_by_verifier(f, LOWERED[f.severity],
                              f" Second signal: the verifier reads the two sentences as saying the same thing "
                              f"(P(supported) both ways = {score:.2f}), so this {f.severity}-severity change "
                              f"was lowered to {LOWERED[f.severity]}.")
        elif score < 0.5:  # the two signals agree: the rules saw a change, the model reads one too
            f.explanation += (f" Second signal: the verifier also reads a change of meaning "
                              f"(P(supported) both ways = {score:.2f}).")
            add_signal(f, Signal.VERIFIER)
        else:
            f.explanation += f" Second signal: the verifier's P(supported) both ways = {score:.2f}."
    return findings


def check_story(story, members: dict[str, Article], findings: list[Finding], config: Config | None) -> list[Finding]:
    """The verifier's part in ``detect_findings``: its uses, each switched by the config."""
    if config is None or not (config.verifier_findings or config.verifier_pairs or config.verifier_severity):
        return findings
    # the model loads only when something needs it: a derived edge to judge or a finding to check
    derived = config.verifier_pairs and any(e.relation in DERIVED_RELATIONS for e in story.lineage)
    checked = config.verifier_findings and any(f.severity in CHECKED_SEVERITIES for f in findings)
    weighed = config.verifier_severity and any(
        f.severity == "high" or (f.severity == "medium" and config.verifier_medium_same_meaning_above < 1.0) for f in findings)
    if not (derived or checked or weighed):
        return findings
    verifier = load_verifier(config.verifier_weights, config.verifier_bf16)
    if config.verifier_pairs:
        taken = {(f.article, f.claim_span[0]) for f in findings}
        findings = findings + [f for f in unsupported_sentences(story, members, verifier, config.verifier_unsupported_below)
                               if (f.article, f.claim_span[0]) not in taken]
    if config.verifier_severity:
        weigh_with_verifier(findings, verifier, config.verifier_same_meaning_above,
                            config.verifier_medium_same_meaning_above, members)
    if config.verifier_findings:
        verify_findings(findings, members, verifier, config.verifier_entailed_above)
    return findings
