"""One change, one finding.

Several detectors may see the same change in one sentence: a number changed inside a quotation is
a number_change and a quote_change; a name swapped in a quote may also be an attribution issue. A
fact-checker wants one entry for it, of the most specific type, with the other detectors' views
kept as supporting evidence in its explanation.
"""
from __future__ import annotations

import re

from storytrace.findings.severity import Reason, Signal, add_signal, raise_severity
from storytrace.model import Finding, severity_rank

# Most specific first: a named value changed says more than "the quote differs" or "a fact is missing".
TYPE_PRIORITY = ("entity_swap", "number_change", "date_change", "negation_flip", "attribution_change",
                 "role_change", "quote_change", "name_variant", "omission", "unsupported_addition")
# Claims about the whole story (an article against itself, a reversed conclusion) say something an
# edge finding does not: they stay findings of their own. A consensus outlier on the very value an
# edge finding changed is the same change seen from every other version: it joins that finding as
# evidence (a second, independent signal) instead of being listed twice.
_STORY_WIDE = frozenset({"consensus_outlier", "internal_contradiction", "stance_divergence"})
_CHANGE_TYPES = frozenset(TYPE_PRIORITY[:7])  # a named value changed: what a consensus can confirm
_PLACEHOLDER = re.compile(r"^\(.*\)$")  # "(missing)", "(no negation)"


def _words(value: str) -> frozenset[str]:
    if _PLACEHOLDER.match(value.strip()):
        return frozenset()
    return frozenset(w for w in re.findall(r"\w+", value.casefold()))


def _same_change(a: Finding, b: Finding) -> bool:
    """Same article and claim sentence, and the changed value of one lies inside the other's
    (on the derived side, or on the source side when a side is a placeholder)."""
    if a.article != b.article or tuple(a.claim_span) != tuple(b.claim_span) or a.type == b.type:
        return False
    if a.type in _STORY_WIDE or b.type in _STORY_WIDE:
        if not (b.type == "consensus_outlier" and a.type in _CHANGE_TYPES):
            return False
    for x, y in ((_words(a.derived_value), _words(b.derived_value)), (_words(a.source_value), _words(b.source_value))):
        if x and y and (x <= y or y <= x):
            return True
    return False


def _rank(f: Finding) -> tuple[int, int, float]:
    kind = TYPE_PRIORITY.index(f.type) if f.type in TYPE_PRIORITY else len(TYPE_PRIORITY)
    return (kind, severity_rank(f.severity), -f.confidence)


def merge_same_change(findings: list[Finding]) -> list[Finding]:
    """Fold findings about one change into the best-typed one; its explanation names the others."""
    ordered = sorted(findings, key=_rank)
    kept: list[Finding] = []
    for f in ordered:
        host = next((k for k in kept if _same_change(k, f)), None)
        if host is None:
            kept.append(f)
            continue
        note = f' Supporting evidence: {f.type.replace("_", " ")} ("{f.source_value}" / "{f.derived_value}").'
        if note not in host.explanation:
            host.explanation += note
        host.against = list(dict.fromkeys([*host.against, *f.against]))
        if f.type == "consensus_outlier":
            # every other version disagrees too: the change is confirmed, a second signal; it raises
            # a finding one signal kept lower, never one that two signals had and the story lowered
            if severity_rank(f.severity) < severity_rank(host.severity) \
                    and host.severity_reason != Reason.SOURCE_IS_ODD.value:
                raise_severity(host, f.severity, Signal.STORY_CONFIRMS, f" {f.severity.capitalize()}: the story's"
                               " other versions confirm the change, a second signal.")
        else:
            add_signal(host, Signal.DETECTORS_AGREE)
    order = {id(f): n for n, f in enumerate(findings)}
    return sorted(kept, key=lambda f: order[id(f)])


def fold_added_sentences(findings: list[Finding], added: set[int]) -> list[Finding]:
    """One added sentence, one finding. A sentence the aligner paired with no source sentence is
    one change, however many figures and names it brings ("the 2007 show stands as the top rated
    in adults 18-49 (14.1 rating / 33 share) and women 25-54"); its unsupported_addition findings
    (``added``: the claim sentences' start offsets) fold into the most severe one, whose
    explanation lists the sentence's other new values as evidence."""
    groups: dict[tuple, list[Finding]] = {}
    for f in findings:
        if f.type == "unsupported_addition" and f.claim_span[0] in added:
            groups.setdefault((f.article, tuple(f.claim_span)), []).append(f)
    folded: set[int] = set()
    for group in groups.values():
        if len(group) < 2:
            continue
        host = min(group, key=lambda f: (severity_rank(f.severity), -f.confidence))
        others = [f for f in group if f is not host]
        values = [f.derived_value for f in others if f.derived_value and f.derived_value != host.derived_value]
        if values:
            listed = ", ".join(f'"{v}"' for v in dict.fromkeys(values))
            host.explanation += f" The sentence has no counterpart in the source; it also brings {listed}."
        for f in others:
            host.against = list(dict.fromkeys([*host.against, *f.against]))
            folded.add(id(f))
    return [f for f in findings if id(f) not in folded]
