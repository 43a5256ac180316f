"""Datelines and credit tails are not story text.

A news sentence may open with a dateline ("Chinanews.com, Beijing, February 11 (Men Rui) --",
"BEIJING, Feb. 11 (Reuters) -") or a headline may end with its outlet ("... recovery" - China News
Network). They say who filed the story, where and when, not what happened: two translations spell
the agency and the reporter differently (Men Rui / Menrui), or one drops the line. A finding whose
value lies only in such a line of its sentence compares a credit, not a claim: it is kept, low (an
agency named wrongly is still worth a glance), and the explanation says why.
"""
from __future__ import annotations

import re

from storytrace.model import Finding

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_PLACE = r"[A-Z][\w.'&-]*(?: [A-Z][\w.'&-]*){0,3}"
# [Agency,] Place[, Place], Month Day[th] [(Reporter)] [-- | - | :]; the date and the comma-listed
# capitalised names before it are what make it a dateline, not a sentence opening with a place.
# A parenthesis (reporter, agency) or a dash must close it; a sentence opening "On Monday, March 3"
# is story text.
_OPENER = r"(?!(?:On|In|At|By|For|From|Since|Until|Before|After|During|Then|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
_DATELINE = re.compile(
    rf"^\s*{_OPENER}(?:{_PLACE},\s*){{1,3}}{_MONTH}\s*\d{{1,2}}(?:st|nd|rd|th)?\b"
    r"(?:\s*\([^()]{1,60}\)\s*(?:--|[-–—:])?|\s*(?:--|[-–—:]))\s*")
# A headline's outlet after a closing quotation mark: '"An important engine ..." - Chinanews.com'.
_CREDIT_TAIL = re.compile(r"[\"”’']\s+[-–—]{1,2}\s+(?:[A-Z][\w.]*\s?){1,4}\s*$")
_PLACEHOLDER = re.compile(r"^\(.*\)$")


def credit_spans(sentence: str) -> list[tuple[int, int]]:
    """Character spans of ``sentence`` that are a dateline or a credit tail."""
    spans = []
    head = _DATELINE.match(sentence)
    if head:
        spans.append((0, head.end()))
    tail = _CREDIT_TAIL.search(sentence)
    if tail:
        spans.append((tail.start() + 1, len(sentence)))
    return spans


def only_in_credit(value: str, sentence: str) -> bool:
    """``value`` occurs in ``sentence``, and every occurrence lies in a dateline or credit tail."""
    if not value or _PLACEHOLDER.match(value.strip()):
        return False
    spans = credit_spans(sentence)
    if not spans:
        return False
    hits = [m.start() for m in re.finditer(re.escape(value), sentence)]
    return bool(hits) and all(any(a <= h < b for a, b in spans) for h in hits)


def lower_credit_findings(findings: list[Finding]) -> list[Finding]:
    """Findings whose changed value sits only in a dateline or credit tail are about no claim: low."""
    for f in findings:
        if f.severity != "low" and (only_in_credit(f.derived_value, f.claim) or only_in_credit(f.source_value, f.source_text)):
            f.severity = "low"
            f.explanation += (" Low: the value stands only in the sentence's dateline or credit line (who filed the"
                              " story, where, when), which is not story text.")
    return findings
