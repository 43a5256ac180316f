"""attribution_change from attribution cues: "according to Reuters" where the source says AP.

Quote speakers are compared in quotes_cmp; this module compares the cues ("according to",
"told", "reported") of aligned sentences.
"""
from __future__ import annotations

import re

from storytrace.findings.common import PairContext, make_finding
from storytrace.findings.severity import Signal, lower_to_medium
from storytrace.findings.short_forms import loose_fit, one_referent
from storytrace.findings.names import compare_names
from storytrace.findings.registry import detector
from storytrace.nlp.channel import addressed_outlet
from storytrace.model import Finding

_SOURCE_KINDS = frozenset({"according_to", "told", "reported"})


@detector("attributions", scope="pair", types=("attribution_change",),
          severity={"attribution_change": "high"}, rank={"attribution_change": 70}, strict=("attribution_change",))
def detect_attributions(ctx: PairContext) -> list[Finding]:
    findings: list[Finding] = []
    src_by_sentence: dict[int, list] = {}
    for a in ctx.source.attributions:
        if a.kind in _SOURCE_KINDS and not _told_outlet(a):
            src_by_sentence.setdefault(a.sentence, []).append(a)
    for a in ctx.derived.attributions:
        if a.kind not in _SOURCE_KINDS or not _names_someone(a.target) or _told_outlet(a):
            continue
        claim = ctx.der.sentence(a.sentence)
        if claim is None:
            continue
        aligned = ctx.aligned_source(a.sentence)
        candidates = [(s, b) for s in aligned for b in src_by_sentence.get(s.index, [])]
        if not candidates:
            continue
        if any(_same_target(a.target, b.target) for _, b in candidates):
            continue
        src_sentence, b = candidates[0]
        missing = _missing_signal(a.target, b.target, claim.text, src_sentence.text)
        # a source that may be this one written short ("CCTV" / "China Central Television", a loose
        # fit, short_forms.loose_fit): a doubt, so medium, not high, naming the one that fits
        fit = None if missing else next(
            ((s, c, how) for s, c in candidates if (how := loose_fit(a.target, c.target))), None)
        if fit is not None:
            src_sentence, b, how = fit
            missing = (Signal.DISTINCT_NAME, f"the two names may be one body written short: {how}.")
        finding = make_finding(
            ctx, "attribution_change", claim, a.target, src_sentence, b.target,
            f'This version attributes the statement to {a.target}; the source attributes it to {b.target}.', 0.75,
        )
        findings.append(lower_to_medium(finding, *missing) if missing else finding)
    return findings


def _told_outlet(a) -> bool:
    """ "told CNN": the outlet told is the channel the words went through, not their source
    (nlp/channel.addressed_outlet); the speaker is compared with the quotes."""
    return a.kind == "told" and addressed_outlet(a.target)


def _missing_signal(target: str, src_target: str, claim: str, src_text: str) -> tuple[Signal, str] | None:
    """High needs two named sources that differ (not "the survey" against "the ministry", one
    thing said about another) and neither sentence naming the other's source too: "according to
    the report by the ministry" renders "according to the ministry" (None when both hold)."""
    if not (_proper(target) and _proper(src_target)):
        return (Signal.NAMED_SOURCES,
                "one side cites no named source (a report, a survey), so the two may cite one thing in two ways.")
    if _words_in(src_target, claim) or _words_in(target, src_text):
        return (Signal.CLEAR_DIFFERENCE,
                "each sentence also names the other's source, so the citation may be reworded, not changed.")
    return None


def _proper(target: str) -> bool:
    return any(w[:1].isupper() and w.lower() not in _NOT_A_SOURCE for w in re.findall(r"[^\W\d_]+", target))


def _words_in(target: str, text: str) -> bool:
    """Every capitalised word of ``target`` occurs in ``text`` (a source named there too)."""
    words = [w for w in re.findall(r"[^\W\d_]+", target) if w[:1].isupper() and w.lower() not in _NOT_A_SOURCE]
    return bool(words) and all(re.search(rf"\b{re.escape(w)}\b", text) for w in words)


def _same_target(a: str, b: str) -> bool:
    if a.strip().lower() == b.strip().lower():
        return True
    # one outlet by its words or its address ("China News Network" / "Chinanews.com"), one body by
    # its name or its acronym ("KCNA" / "Korean Central News Agency")
    if one_referent(a, b):
        return True
    return compare_names(a, b).same_entity


# Words that cannot name a source by themselves: "The has reported ..." is a broken sentence,
# not a statement attributed to someone called "The".
_NOT_A_SOURCE = frozenset("the a an this that these those it its they he she we i you one".split())


def _names_someone(target: str) -> bool:
    return any(word.lower() not in _NOT_A_SOURCE for word in re.findall(r"[^\W\d_]+", target))
