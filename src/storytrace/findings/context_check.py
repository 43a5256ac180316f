"""Is an inserted qualifier an addition, or carried by its sentence? A contextual test.

Two faithful translations of one sentence put the same thing in other words: "has been gradually
decreasing" for "has been decreasing", "came together jointly", "inbound tourists" for "tourist
arrivals". Word lists cannot tell these from a planted addition ("the secret plan" for "the plan").
The sentence encoder can: a word that adds a claim pulls the derived sentence away from its source,
so deleting it brings the two closer; a word the context already implies moves the sentence by
next to nothing, or deleting it moves the sentence further away (it rendered a source word).

The encoder is the engine's own (``PairContext.encoder``, set only when ``Config.qualifier_context``
is on); without one the check is off and every qualifier stays a finding.
"""
from __future__ import annotations

import re

from storytrace.findings.common import PairContext
from storytrace.findings.text import ParsedSentence, Token

# cos(S, D without q) - cos(S, D) at or above which q counts as an addition. Chosen on the tuning
# parts of the WMT paraphrase and DEMETR pairs (bench/RESULTS.md, session 11, ctx11).
DELTA = 0.0


def without(sentence: ParsedSentence, tok: Token) -> str:
    """The sentence's text with ``tok`` deleted (and the space it leaves closed up)."""
    first, end = tok.start - sentence.start, tok.end - sentence.start
    text = sentence.text[:first] + sentence.text[end:]
    return re.sub(r"\s{2,}", " ", re.sub(r"\s+([,.;:!?])", r"\1", text)).strip()


def removal_gain(ctx: PairContext, derived: ParsedSentence, tok: Token, source: ParsedSentence) -> float | None:
    """cos(source, derived without ``tok``) - cos(source, derived); None without an encoder."""
    if ctx.encoder is None:
        return None
    s, d, d_minus = ctx.encoder.encode([source.text.strip(), derived.text.strip(), without(derived, tok)])
    return float(s @ d_minus) - float(s @ d)


def carried_by_context(ctx: PairContext, derived: ParsedSentence, tok: Token, source: ParsedSentence) -> bool:
    """True when deleting ``tok`` does not bring the derived sentence closer to its source by ``DELTA``:
    the word renders something the sentence already says. False when the check is off."""
    gain = removal_gain(ctx, derived, tok, source)
    return gain is not None and gain < DELTA
