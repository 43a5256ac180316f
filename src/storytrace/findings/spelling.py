"""Spelling-level differences: a typo is not a distortion.

A derived text that writes "worls" for "world", "Rela Madrid" for "Real Madrid" or "nto" for "not"
has misspelt a word, not changed a fact. ``spelling_variant`` says whether two words differ only
by such a slip (one or two edits, same first letter, long enough that a short real word is not
mistaken for another), and ``drop_spelling_noise`` removes or downgrades the findings that only
exist because of one.
"""
from __future__ import annotations

import dataclasses
import re
from functools import lru_cache

from storytrace.findings.lexicon import NEGATION_CUES
from storytrace.findings.text import word_key
from storytrace.findings.wordsense import _KNOWN, SYNONYMS, base_forms, opposite_senses, senses
from storytrace.model import Finding

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _osa(a: str, b: str, cap: int = 3) -> int:
    """Optimal string alignment distance (adjacent transposition = one edit), capped."""
    if abs(len(a) - len(b)) >= cap:
        return cap
    prev2: list[int] | None = None
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and prev2 is not None and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return min(prev[-1], cap)


def _is_transposition(a: str, b: str) -> bool:
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


@lru_cache(maxsize=1 << 16)
def spelling_variant(a: str, b: str, name: bool | None = None) -> bool:
    """True when ``a`` and ``b`` are one word spelt two ways (a typo), not two different words.

    Same first letter; two edits for a common word of seven letters or more (one from five); for a capitalised
    name one edit (of five letters or more), since two names two letters apart are often two
    places or people; a swap of two neighbouring letters is a typo from four letters on.
    """
    if name is None:
        name = a[:1].isupper() or b[:1].isupper()
    ka, kb = word_key(a), word_key(b)
    if not ka or not kb or ka == kb or ka[0] != kb[0] or not ka.isalpha() or not kb.isalpha():
        return False
    shorter = min(len(ka), len(kb))
    if shorter >= 4 and _is_transposition(ka, kb):
        return True
    if shorter < 5 or _known_words(ka, kb):
        return False
    return _osa(ka, kb) <= (1 if name or shorter < 7 else 2)


def _known_words(a: str, b: str) -> bool:
    """Both are words the lexicons know (two real words, e.g. opposites), or one is the other's opposite."""
    if senses(a) & opposite_senses(b) or senses(b) & opposite_senses(a):
        return True
    return len(base_forms(a)) + len(SYNONYMS.get(a, ())) > 1 and len(base_forms(b)) + len(SYNONYMS.get(b, ())) > 1 \
        or (a in _KNOWN and b in _KNOWN)


def _words(text: str) -> list[str]:
    return _WORD.findall(text or "")


def _has_variant(word: str, pool: list[str]) -> bool:
    return any(spelling_variant(word, w) for w in pool)


def _value_misspelt(value: str, other: str) -> bool:
    """Every word of ``value`` equals or is a typo of a word of ``other`` (and one is a typo)."""
    vw, ow = _words(value), _words(other)
    if not vw or not ow:
        return False
    okeys = {word_key(w) for w in ow}
    typo = False
    for w in vw:
        if word_key(w) in okeys:
            continue
        if not _has_variant(w, ow):
            return False
        typo = True
    return typo


def _negation_typo(claim: str, cue_text: str) -> bool:
    cues = [w for w in _words(cue_text) if w.lower() in NEGATION_CUES and len(w) >= 3]
    if not cues:
        return False
    derived = [w.lower() for w in _words(claim)]
    return all(any(_is_transposition(c.lower(), d) for d in derived) for c in cues)


def drop_spelling_noise(findings: list[Finding], source_text: str) -> list[Finding]:
    """Remove findings caused by a misspelling; a misspelt name becomes a low name_variant."""
    kept: list[Finding] = []
    for f in findings:
        if f.severity == "low":
            kept.append(f)
            continue
        dv, sv = f.derived_value or "", f.source_value or ""
        if f.type != "negation_flip" and dv and sv and _value_misspelt(dv, sv):
            if f.type in ("entity_swap", "name_variant"):
                kept.append(dataclasses.replace(f, type="name_variant", severity="low",
                                                explanation=f"Spelt differently: {dv!r} for {sv!r}."))
            continue  # a typo of the very value it replaced
        if f.type == "omission" and sv and _value_misspelt(sv, f.claim):
            continue  # the "missing" value is there, misspelt
        if f.type in ("unsupported_addition", "quote_change") and dv and _value_misspelt(dv, source_text):
            continue  # the "new" word is a misspelling of a source word
        if f.type == "negation_flip" and sv and not sv.startswith("(") and _negation_typo(f.claim, sv):
            continue  # "nto" for "not"
        kept.append(f)
    return kept
