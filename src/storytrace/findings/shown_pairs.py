"""Findings and the reading view use one alignment.

The reading view shows each derived sentence beside the source sentence(s) the aligner paired
it with. A finding on a sentence the aligner paired one-to-one must compare it with that
sentence, not with another one that happens to share words: otherwise the report shows a change
while the reading view shows the sentence kept. And a sentence the aligner found unchanged (the
same words as its counterpart) has no finding at all.
"""
from __future__ import annotations

import re

from storytrace.findings.common import PairContext
from storytrace.model import Finding

_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+|[^\w\s]", text.translate(_QUOTES).casefold()))


def keep_to_shown_pairs(findings: list[Finding], ctx: PairContext) -> list[Finding]:
    if not ctx.alignment.pairs:
        return findings  # no aligner ran (one-sentence pairs): nothing else is shown
    derived_at = {s.start: s for s in ctx.der.sentences}
    source_at = {s.start: s for s in ctx.src.sentences}
    out = []
    for f in findings:
        sentence = derived_at.get(f.claim_span[0])
        if sentence is None:
            out.append(f)
            continue
        paired = ctx._aligner_sources.get(sentence.index, [])
        shown = [s for s in (ctx.src.sentence(i) for i in paired) if s is not None]
        if shown and _norm(" ".join(s.text for s in shown)) == _norm(sentence.text):
            continue  # the reading view shows this sentence kept word for word
        source = source_at.get(f.source_span[0]) if f.source_span else None
        if source is not None and ctx.is_one_to_one(sentence.index) and source.index not in paired:
            continue  # compared with a sentence the reading view does not show beside it
        out.append(f)
    return out
