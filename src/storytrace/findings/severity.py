"""High severity only where two independent signals agree.

A detector's own evidence is one signal (a value that differs, a name in a filled slot). A
second, independent one must back a high finding: the claim sentence renders exactly one source
sentence and nothing else renders it (the alignment leaves no doubt which sentence it changed),
or another detector saw the same change (merge.py folded it in as supporting evidence). Without
a second signal the finding is medium, and the explanation says why.
"""
from __future__ import annotations

from storytrace.findings.common import PairContext, _shared_word_scores
from storytrace.model import Finding

_SUPPORT = " Supporting evidence:"
SETTLED = " High: two signals agree:"  # a detector that checks its own two signals says so (crosslingual_cmp)


def settle_severity(findings: list[Finding], ctx: PairContext) -> list[Finding]:
    by_start = {s.start: s for s in ctx.der.sentences}
    for f in findings:
        if f.severity != "high" or SETTLED in f.explanation:
            continue  # SETTLED: the detector itself named the two signals behind its high
        sentence = by_start.get(f.claim_span[0])
        one_to_one = sentence is not None and (ctx.is_one_to_one(sentence.index) if ctx.alignment.pairs
                                               else _clear_counterpart(sentence, ctx))
        corroborated = _SUPPORT in f.explanation
        if one_to_one and corroborated:
            f.explanation += " High: the sentence renders exactly one source sentence, and two detectors agree."
        elif one_to_one:
            f.explanation += " High: the sentence renders exactly one source sentence, so the change is certain to be in it."
        elif corroborated:
            f.explanation += " High: two detectors agree on this change."
        else:
            f.severity = "medium"
            f.explanation += (" Medium, not high: the sentence does not render exactly one source sentence, so which"
                              " source sentence it changed is less certain.")
    return findings


_CLEAR_SHARE = 0.6  # share of the sentence's content words its counterpart must have


def _clear_counterpart(sentence, ctx: PairContext) -> bool:
    """Without an aligner (pairs compared directly): one source sentence has most of this
    sentence's content words and no other comes close, so the counterpart is not in doubt."""
    scores = sorted((score for score, _ in _shared_word_scores(sentence, ctx.src)), reverse=True)
    return bool(scores) and scores[0] >= _CLEAR_SHARE and (len(scores) == 1 or scores[1] < _CLEAR_SHARE / 2)
