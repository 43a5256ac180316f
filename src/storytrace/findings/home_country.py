""""Home" names a country from its people's side.

"International students returning home" and "international students returning to China" say
the same when the story is about China's students: a translation may render the country (Chinese
回国, "return to the country") by "home" or by its name. A country name added where the aligned
source sentence says "home" (and this sentence no longer does), or dropped where this sentence
says "home" in its place, or "home" added where the source names a country this sentence drops,
is that rendering: the finding is kept, low, and says why. A country
the source sentence does not render by "home" stays a finding.
"""
from __future__ import annotations

import re

from storytrace.findings.common import PairContext
from storytrace.model import Finding
from storytrace.nlp import wordnet
from storytrace.nlp.names import COUNTRY_DEMONYMS

_HOME = re.compile(r"\b(?:home|homeland|motherland|home country)\b", re.I)


def _homes(text: str) -> int:
    """How often the text says "home" (one "home culture" on both sides leaves another "home" to render)."""
    return len(_HOME.findall(text))


def _country(value: str) -> bool:
    v = value.strip()
    return bool(v) and v[0].isupper() and (v.lower() in COUNTRY_DEMONYMS or bool(wordnet.named_places(v)))


def lower_home_renderings(findings: list[Finding], ctx: PairContext) -> list[Finding]:
    by_start = {s.start: s for s in ctx.der.sentences}
    for f in findings:
        if f.severity == "low" or f.type not in ("unsupported_addition", "omission"):
            continue
        sentence = by_start.get(f.claim_span[0])
        if sentence is None:
            continue
        sources = " ".join(s.text for s in ctx.aligned_source(sentence.index)) or f.source_text
        if f.type == "unsupported_addition" and _country(f.derived_value):
            rendered = _homes(sources) > _homes(sentence.text)
        elif f.type == "unsupported_addition" and _HOME.fullmatch(f.derived_value.strip()):
            rendered = _homes(sentence.text) > _homes(sources) and any(
                _country(w) and w not in sentence.text for w in re.findall(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)?", sources))
        elif f.type == "omission" and _country(f.source_value):
            rendered = _homes(sentence.text) > _homes(sources)
        else:
            continue
        if rendered:
            f.severity = "low"
            f.explanation += (' Low: the other version says "home" in its place, which names the country from its'
                              " people's side.")
    return findings
