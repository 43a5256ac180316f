"""number_change, date_change and omission between versions in two languages.

A translation rewrites every word and keeps every figure. Between an aligned sentence and its
translation, the values (nlp/cjk_values.py reads "6万吨", "60,000 tonnes", "2026年1月1日" and
"January 1, 2026" into comparable values) must be the same; this detector says where they are not:

- a value of the source sentence has no equal in its translation, and the translation has, in
  its place, one value of the same kind that the source sentence lacks: number_change / date_change;
- a value of the source sentence with no equal and nothing in its place: omission (low: a figure
  may be written in words the reader does not know, or folded into a neighbouring sentence);
- a full name in Latin letters that one sentence has and the other version never mentions, in place
  of one that the other sentence has: entity_swap (medium at most).

Only pairs of the sentence alignment are compared (the reading view shows exactly those side by
side), and a value found in a neighbouring sentence counts as kept (languages cut sentences at
different places). Severity: high only when two independent signals agree, the alignment is
one-to-one and its two sentences say the same thing by the multilingual encoder (similarity and a
margin over every other source sentence; not the shared values, which would count the change against
itself) AND both values measure the same kind of thing (the same unit,
currency, or date field); one of the two gives medium, neither gives low. The explanation says which.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from storytrace.align import languages_differ
from storytrace.crosslingual import HIGH_COSINE, HIGH_MARGIN, pair_confidence
from storytrace.findings.common import PairContext, make_finding
from storytrace.findings.registry import detector
from storytrace.findings.severity import SETTLED, Reason, Signal, lower_to_medium, record, settle_high
from storytrace.findings.text import ParsedSentence
from storytrace.model import AlignedPair, Finding
from storytrace.nlp.cjk_values import Value, halfwidth, has_cjk, matches, unit_agrees, values


@dataclass(frozen=True)
class _Located:
    sentence: ParsedSentence
    value: Value


def _values_of(sentences: list[ParsedSentence]) -> list[_Located]:
    return [_Located(s, v) for s in sentences for v in values(s.text)]


def _sentences(article, indices) -> list[ParsedSentence]:
    return [s for s in (article.sentence(i) for i in indices) if s is not None]


def _take_matches(left: list[_Located], right: list[_Located]) -> tuple[list[_Located], list[_Located]]:
    """Remove the values written on both sides (each matched once); return what is left of each."""
    rest_right = list(right)
    rest_left = []
    for a in left:
        hit = next((b for b in rest_right if matches(a.value, b.value)), None)
        if hit is None:
            rest_left.append(a)
        else:
            rest_right.remove(hit)
    return rest_left, rest_right


def _shown(v: Value) -> str:
    """The value as read, for the explanation: "8万吨" (80,000)."""
    if v.kind == "date":
        y, m, d = v.date
        return "-".join(f"{x:02d}" if i else str(x) for i, x in enumerate((y, m, d)) if x is not None) if y else \
            f"month {m}" + (f", day {d}" if d else "")
    return f"{v.amount:,.10g}"


_UNIT_WORDS = {"percent": "percentages", "points": "percentage points", "weight": "weights",
               "distance": "distances", "people": "counts of people", "times": "counts of times",
               "count": "counts of things"}


def _unit_words(v: Value) -> str:
    if v.kind in ("date", "year"):
        return "dates" if v.kind == "date" else "years"
    if v.unit.startswith("duration:"):
        return f"durations in {v.unit.split(':')[1]}s"
    if v.unit.startswith("money:"):
        return f"sums of money{' in ' + v.unit.split(':')[1] if v.unit != 'money:' else ''}"
    return _UNIT_WORDS.get(v.unit, "numbers without a unit")


@detector("crosslingual", scope="pair", types=("number_change", "date_change", "omission", "entity_swap"),
          multilingual=True)
def detect_crosslingual(ctx: PairContext) -> list[Finding]:
    if not languages_differ(ctx.source, ctx.derived):
        return []  # one language: the word-level detectors compare the sentences
    findings: list[Finding] = []
    for pair in ctx.alignment.pairs:
        findings += _compare_pair(ctx, pair)
    return findings


def _neighbourhood(article, indices: list[int]) -> list[ParsedSentence]:
    """The sentences just before and after a group: where a value may have moved across a sentence end."""
    near = {min(indices) - 1, max(indices) + 1}
    return _sentences(article, sorted(i for i in near if i >= 0))


_DIGITS = re.compile(r"\d+(?:\.\d+)?")


def _digits_written(v: Value, sentences: list[ParsedSentence]) -> bool:
    """The value's digits stand in the other text, in whatever form the reader did not take for a value
    (the model number of "Hwasong-17", "2023 Spring Festival"): not omitted, so no omission."""
    digits = _DIGITS.findall(halfwidth(v.text).replace(",", ""))
    if not digits:
        return False
    written = {d for s in sentences for d in _DIGITS.findall(halfwidth(s.text).replace(",", ""))}
    return all(d in written for d in digits)


def _compare_pair(ctx: PairContext, pair: AlignedPair) -> list[Finding]:
    src_sentences = _sentences(ctx.src, pair.source)
    der_sentences = _sentences(ctx.der, pair.derived)
    if not src_sentences or not der_sentences:
        return []
    left_src, left_der = _take_matches(_values_of(src_sentences), _values_of(der_sentences))
    if not left_src and not _has_names(src_sentences, der_sentences):
        return []
    # A value written in a neighbouring sentence on the other side was moved, not changed.
    left_der, _ = _take_matches(left_der, _values_of(_neighbourhood(ctx.src, pair.source)))
    left_src, _ = _take_matches(left_src, _values_of(_neighbourhood(ctx.der, pair.derived)))
    cosine, margin = pair_confidence([s.text for s in src_sentences], [s.text for s in der_sentences],
                                     [s.text for s in ctx.src.sentences if s.index not in pair.source])
    sure_alignment = (len(pair.source) == 1 and len(pair.derived) == 1 and cosine >= HIGH_COSINE
                      and margin >= HIGH_MARGIN)
    out: list[Finding] = _latin_name_swaps(ctx, src_sentences, der_sentences)
    for s in left_src:
        same_kind = [d for d in left_der if d.value.kind == s.value.kind]
        agreeing = [d for d in same_kind if unit_agrees(s.value, d.value)]
        if len(agreeing) == 1:
            d, unit_ok = agreeing[0], True
        elif len(same_kind) == 1 and not agreeing:
            d, unit_ok = same_kind[0], False
        elif same_kind:
            continue  # several candidates: which one replaced it is a guess
        else:
            if not _digits_written(s.value, der_sentences + _neighbourhood(ctx.der, pair.derived)):
                out.append(_omission(ctx, s, der_sentences[0], pair))
            continue
        left_der.remove(d)
        out.append(_change(ctx, s, d, pair, (cosine, margin, sure_alignment), unit_ok))
    return out


_FULL_NAME = re.compile(r"\b[A-Z][a-z'\-]+(?:[ \u00a0][A-Z][a-z'\-]+)+\b")


def _has_names(src: list[ParsedSentence], der: list[ParsedSentence]) -> bool:
    return any(_FULL_NAME.search(s.text) for s in src) and any(_FULL_NAME.search(s.text) for s in der)


def _names(sentences: list[ParsedSentence]) -> list[tuple[ParsedSentence, str]]:
    return [(s, m.group()) for s in sentences for m in _FULL_NAME.finditer(s.text)]


def _shares_a_word(name: str, text: str) -> bool:
    return any(re.search(rf"\b{re.escape(w)}\b", text, re.I) for w in name.split() if len(w) > 2)


def _latin_name_swaps(ctx: PairContext, src: list[ParsedSentence], der: list[ParsedSentence]) -> list[Finding]:
    """A full name in Latin letters in the Chinese/Japanese sentence (often a gloss beside the
    transliteration) against its aligned English sentence: a name whose words occur nowhere in the
    other version, where the other sentence names someone the first one does not, is another person.
    Medium at most: across languages the role or quote that would make it certain is not compared."""
    if not any(has_cjk(s.text) for s in src + der):
        return []
    src_text = " ".join(s.text for s in src)
    der_text = " ".join(s.text for s in der)
    new = [(s, n) for s, n in _names(der) if not _shares_a_word(n, src_text)
           and not _shares_a_word(n, ctx.source.text or ctx.source.original_text)]
    gone = [(s, n) for s, n in _names(src) if not _shares_a_word(n, der_text)
            and not _shares_a_word(n, ctx.derived.text or ctx.derived.original_text)]
    if len(new) != 1 or len(gone) != 1:
        return []
    (claim, name), (source, old) = new[0], gone[0]
    explanation = (f'The source sentence names "{old}"; its rendering in {ctx.derived.language or "another language"} '
                   f'names "{name}", whom the source never mentions, and not "{old}", whom this version never '
                   "mentions.")
    return [lower_to_medium(make_finding(ctx, "entity_swap", claim, name, source, old, explanation, 0.7),
                            Signal.SAME_SLOT, "across languages the role or quote that would tie the two names to"
                            " one slot is not compared.")]


def _change(ctx: PairContext, s: _Located, d: _Located, pair: AlignedPair, alignment: tuple[float, float, bool],
            unit_ok: bool) -> Finding:
    cosine, margin, sure_alignment = alignment
    kind = "date_change" if s.value.kind in ("date", "year") else "number_change"
    what = "date" if kind == "date_change" else "figure"
    explanation = (f'The source sentence has "{s.value.text}" ({_shown(s.value)}); its rendering in '
                   f'{ctx.derived.language or "another language"} has "{d.value.text}" ({_shown(d.value)}) '
                   f'instead, a different {what}.')
    align_note = (f"the sentences are aligned one to one and say the same thing (multilingual similarity "
                  f"{cosine:.2f}, {margin:.2f} above any other source sentence)")
    unit_note = f"both values are {_unit_words(s.value)}"
    severity, confidence = ("high", 0.9) if sure_alignment and unit_ok else \
        ("medium", 0.7) if sure_alignment or unit_ok else ("low", 0.5)
    finding = make_finding(ctx, kind, d.sentence, d.value.text, s.sentence, s.value.text, explanation, confidence,
                           severity=severity)
    if sure_alignment and unit_ok:
        settle_high(finding, (Signal.DETECTOR, Signal.ONE_TO_ONE, Signal.SAME_QUANTITY),
                    f"{SETTLED} {align_note}, and {unit_note}.")
    elif sure_alignment or unit_ok:
        units = (f"{_unit_words(s.value)} / {_unit_words(d.value)}" if s.value.unit or d.value.unit
                 else "neither has a unit")
        missing = (f"the values' units do not say they measure the same thing ({units})" if sure_alignment else
                   f"the alignment of the two sentences is less certain (multilingual similarity {cosine:.2f},"
                   f" {margin:.2f} above the next source sentence"
                   f"{', a group of sentences' if len(pair.source) + len(pair.derived) > 2 else ''})")
        has = Signal.ONE_TO_ONE if sure_alignment else Signal.SAME_QUANTITY
        lower_to_medium(finding, Signal.SAME_QUANTITY if sure_alignment else Signal.ONE_TO_ONE,
                        f"{align_note if sure_alignment else unit_note}, but {missing}.", has=(Signal.DETECTOR, has))
    else:
        finding.explanation += (" Low: neither a sure alignment of the two sentences nor the units say the two values"
                                " are about the same thing.")
        record(finding, Reason.LACKS_SIGNAL, lacks=(Signal.ONE_TO_ONE, Signal.SAME_QUANTITY))
    return finding


def _omission(ctx: PairContext, s: _Located, claim: ParsedSentence, pair: AlignedPair) -> Finding:
    explanation = (f'The source sentence has "{s.value.text}" ({_shown(s.value)}); its rendering in '
                   f'{ctx.derived.language or "another language"} (aligned, confidence {pair.score:.2f}) has no '
                   "such value. Low: the figure may be written in words, or moved further away.")
    return make_finding(ctx, "omission", claim, "(missing)", s.sentence, s.value.text, explanation, 0.4,
                        severity="low")
