"""High severity only where two independent signals agree.

A detector's own evidence is one signal (a value that differs, a name in a filled slot). A
second, independent one must back a high finding: the claim sentence renders exactly one source
sentence and nothing else renders it (the alignment leaves no doubt which sentence it changed),
or another detector saw the same change (merge.py folded it in as supporting evidence). Without
a second signal the finding is medium, and the explanation says why.

In a story, the other versions are a third view (``weigh_against_story``): a high change that
most of them make too is the source's oddity, not this version's, and is medium.

Why a finding has its severity is data on the finding, not only prose in its explanation:
``signals`` (the ``Signal`` values it has), ``lacks`` (the ones it lacks for high) and
``severity_reason`` (a ``Reason``). Every site that settles a severity goes through the functions
below (``lower_to_medium``, ``settle_high``, ``raise_severity``, ``add_signal``, ``record``, and
``lower_by_verifier`` for the verifier's downgrades), which
write the field and the explanation's sentence together; merge.py and ``weigh_against_story`` read the field, never the
text. A finding read from a store written before these fields has ``None`` in them: unknown.
"""
from __future__ import annotations

import re

from storytrace.findings.common import PairContext, _shared_word_scores
from storytrace.findings.text import word_key
from storytrace.model import Article, Finding, Story
# The vocabulary lives in a module of its own so outputs can read it without loading the detectors.
from storytrace.severity_basis import SIGNAL_LABELS, Reason, Signal, why_severity  # noqa: F401 - re-exported


# The explanation's words for a finding one signal made medium; ALONE reads better where the
# missing signal is the story's (entities_cmp's moved person). Once a second signal raises the
# finding, RAISED replaces the words so the old verdict no longer reads as the verdict.
NOT_HIGH = " Medium, not high:"
ALONE = " Medium on this signal alone:"
RAISED = " Alone, this signal would make it medium:"
SETTLED = " High: two signals agree:"  # a detector that checks its own two signals says so (crosslingual_cmp)


def _values(signals) -> list[str]:
    return list(dict.fromkeys(Signal(s).value for s in signals))


def record(f: Finding, reason: Reason, has=(Signal.DETECTOR,), lacks=()) -> Finding:
    """Write the severity's basis on ``f`` (no text): for severities settled without a sentence."""
    f.signals, f.lacks, f.severity_reason = _values(has), _values(lacks), Reason(reason).value
    return f


def ensure_recorded(f: Finding) -> Finding:
    """A finding no site settled: its detector's own rule gave its severity (signals found after
    the detector, such as a second detector's, are kept)."""
    if f.severity_reason is None:
        f.severity_reason = Reason.DETECTOR_RULE.value
        f.signals = _values(f.signals or [Signal.DETECTOR])
        f.lacks = list(f.lacks or [])
    return f


def lower_to_medium(f: Finding, lacks: Signal | tuple[Signal, ...], why: str, *, has=(Signal.DETECTOR,),
                    lead: str = NOT_HIGH) -> Finding:
    """``f`` is medium because it lacks a signal: record it, and append the explanation's sentence,
    ``lead`` + " " + ``why``, byte for byte as the detectors wrote it. Where the sentence starts is
    kept (explanations are only ever appended to), so a second signal rewords exactly it."""
    lacking = (lacks,) if isinstance(lacks, Signal) else tuple(lacks)
    f.severity = "medium"
    record(f, Reason.LACKS_SIGNAL, has, lacking)
    f.note_lead, f.note_at = lead, len(f.explanation)
    f.explanation += f"{lead} {why}"
    return f


def doubt_order(f: Finding, why: str) -> Finding:
    """``f`` reads one way round (an addition that the other order makes an omission) on a pair whose
    order nothing showed: it lacks ``Signal.KNOWN_ORDER`` and is at most medium. A high finding is
    lowered and the explanation says why (``why``); a medium or low one only records the missing
    signal. Run twice, it changes nothing more."""
    if f.severity == "high":
        return lower_to_medium(f, Signal.KNOWN_ORDER, why, has=tuple(f.signals or [Signal.DETECTOR]))
    if f.severity_reason is None:
        ensure_recorded(f)
    if Signal.KNOWN_ORDER.value not in (f.lacks or []):
        f.lacks = [*(f.lacks or []), Signal.KNOWN_ORDER.value]
    return f


def settle_high(f: Finding, has: tuple[Signal, ...], sentence: str) -> Finding:
    """``f`` is high on two signals the detector checked itself: record them and append ``sentence``."""
    f.severity = "high"
    record(f, Reason.TWO_SIGNALS, has)
    f.explanation += sentence
    return f


def add_signal(f: Finding, signal: Signal) -> Finding:
    """A signal found after the detector (merge.py): kept in ``signals``, no longer lacking."""
    f.signals = _values([*(f.signals or [Signal.DETECTOR]), signal])
    f.lacks = [s for s in (f.lacks or []) if s != Signal(signal).value]
    return f


def raise_severity(f: Finding, severity: str, signal: Signal, sentence: str) -> Finding:
    """A second signal raises ``f``: the note that one signal made it medium is reworded, the
    field says two signals, and ``sentence`` says which."""
    at, lead = f.note_at, f.note_lead
    if lead and f.explanation.startswith(lead, at):
        f.explanation = f.explanation[:at] + RAISED + f.explanation[at + len(lead):]
        f.note_lead, f.note_at = "", -1
    f.severity = severity  # type: ignore[assignment]
    add_signal(f, signal)
    if severity == "high":  # the second signal stands in for the one it lacked
        f.severity_reason, f.lacks = Reason.TWO_SIGNALS.value, []
    f.explanation += sentence
    return f


def lower_by_verifier(f: Finding, severity: str, sentence: str) -> Finding:
    """The verifier reads the finding's sentences as saying the same thing: ``f`` goes down to
    ``severity`` (verify.py), and ``sentence`` says so. Its signals stay as the detectors left them."""
    f.explanation += sentence
    f.severity = severity  # type: ignore[assignment]
    f.severity_reason = Reason.VERIFIER_LOWERED.value
    return f


def settle_severity(findings: list[Finding], ctx: PairContext) -> list[Finding]:
    by_start = {s.start: s for s in ctx.der.sentences}
    for f in findings:
        ensure_recorded(f)  # a detector that settles nothing itself
        if f.severity != "high" or f.severity_reason == Reason.TWO_SIGNALS.value:
            continue  # TWO_SIGNALS: the detector itself named the two signals behind its high (settle_high)
        sentence = by_start.get(f.claim_span[0])
        # One sentence against one sentence is paired by position, not by an aligner: that pairing is
        # no evidence that the sentence renders its counterpart, so the words they share decide, as
        # for pairs compared with no aligner (two renderings worded far apart stay medium).
        measured = ctx.alignment.pairs and not (len(ctx.src.sentences) == 1 and len(ctx.der.sentences) == 1)
        one_to_one = sentence is not None and (ctx.is_one_to_one(sentence.index) if measured
                                               else _clear_counterpart(sentence, ctx, f.derived_value))
        corroborated = Signal.DETECTORS_AGREE.value in (f.signals or [])
        if one_to_one and corroborated:
            settle_high(f, (*f.signals, Signal.ONE_TO_ONE),
                        " High: the sentence renders exactly one source sentence, and two detectors agree.")
        elif one_to_one:
            settle_high(f, (*(f.signals or [Signal.DETECTOR]), Signal.ONE_TO_ONE),
                        " High: the sentence renders exactly one source sentence, so the change is certain to be in it.")
        elif corroborated:
            settle_high(f, tuple(f.signals), " High: two detectors agree on this change.")
        elif ctx.alignment.pairs and not measured:
            lower_to_medium(f, Signal.ONE_TO_ONE, "the two sentences are paired only because each version is one"
                            " sentence, and they share too few words to show that this one renders that one; the"
                            " change may be a rewording.", has=tuple(f.signals or [Signal.DETECTOR]))
        else:
            lower_to_medium(f, Signal.ONE_TO_ONE, "the sentence does not render exactly one source sentence, so which"
                            " source sentence it changed is less certain.", has=tuple(f.signals or [Signal.DETECTOR]))
    return findings


_CLEAR_SHARE = 0.6  # share of the sentence's content words its counterpart must have


def _clear_counterpart(sentence, ctx: PairContext, value: str = "") -> bool:
    """Without an aligner (pairs compared directly, or one sentence against one): one source
    sentence has most of this sentence's content words and no other comes close, so the
    counterpart is not in doubt. The words of the changed value itself (``value``: a long name put
    for a short one) are the change, not the rest of the sentence, and are left out of the count."""
    changed = frozenset(k for k in (word_key(w) for w in re.findall(r"\w+", value)) if k)
    scores = sorted((score for score, _ in _shared_word_scores(sentence, ctx.src, changed)), reverse=True)
    return bool(scores) and scores[0] >= _CLEAR_SHARE and (len(scores) == 1 or scores[1] < _CLEAR_SHARE / 2)


# --------------------------------------------------------------------------------------------
# The story's other versions: a third view of the change.

_PLACEHOLDER = re.compile(r"^\(.*\)$")  # "(missing)", "(no negation)": no value to look for


def _value_words(value: str) -> frozenset[str]:
    if _PLACEHOLDER.match(value.strip()):
        return frozenset()
    return frozenset(re.findall(r"\w+", value.casefold()))


def _renderings(story: Story, article: str, index: int) -> dict[str, list[int]]:
    """Other version -> its sentences the aligner paired with this article's sentence ``index``."""
    out: dict[str, list[int]] = {}
    for al in story.alignments:
        if al.derived == article:
            other, picked = al.source, [i for p in al.pairs if index in p.derived for i in p.source]
        elif al.source == article:
            other, picked = al.derived, [i for p in al.pairs if index in p.source for i in p.derived]
        else:
            continue
        if picked:
            out.setdefault(other, []).extend(picked)
    return out


def weigh_against_story(findings: list[Finding], story: Story, articles: dict[str, Article]) -> list[Finding]:
    """A high change found on one edge, read against the story's other versions.

    Independent versions of one text (translations by different systems, reports of one event)
    mostly agree with each other. When most of the other versions that render the claim sentence
    say what this version says, and fewer say what the source says, the source is the odd one out
    (it mistranslated or misspelt the value), not this version: the pair alone cannot tell, the
    story can. Such a finding is medium, and the explanation names the versions."""
    for f in findings:
        if f.severity != "high" or not f.source_article or f.source_article == f.article:
            continue
        said, source_said = _value_words(f.derived_value), _value_words(f.source_value)
        article = articles.get(f.article)
        sentence = article.sentence_at(f.claim_span[0]) if article else None
        if not said or not source_said or sentence is None:
            continue
        with_this, with_source, rendering = [], [], 0
        for other, indices in _renderings(story, f.article, sentence.index).items():
            if other in (f.article, f.source_article) or other not in articles:
                continue
            sentences = articles[other].sentences
            words = set(re.findall(r"\w+", " ".join(sentences[i].text for i in indices if i < len(sentences)).casefold()))
            rendering += 1
            if said <= words:
                with_this.append(other)
            if source_said <= words:
                with_source.append(other)
        if len(with_this) >= 2 and 2 * len(with_this) > rendering and len(with_this) > len(with_source):
            has = tuple(f.signals or [Signal.DETECTOR])
            lower_to_medium(f, (), f"the story's other versions side with this version: {len(with_this)} of the"
                            f" {rendering} that render this sentence also say \"{f.derived_value}\""
                            f" ({', '.join(with_this)}), {len(with_source)} say \"{f.source_value}\"; the source"
                            " may be the one that changed it.", has=has)
            f.severity_reason = Reason.SOURCE_IS_ODD.value  # two signals, lowered: no consensus raises it back
    return findings
