"""An amount restated in brackets in another currency: "85 million euros ($108 million)".

Such a bracket converts the amount before it at some exchange rate: it states no fact of its own.
Two versions that convert one amount into different currencies ("($108 million)" / "(74 million
pounds)") give different figures for the same fact, and the pair holds no rate to check either by.
"""
from __future__ import annotations

import re

from storytrace.nlp.quantities import SYMBOL_CURRENCY, WORD_CURRENCY

_SIGN_BEFORE = re.compile(r"(?P<sym>(?:US|C|A|HK|NZ|S)?\$|€|£|¥|₹)\s?\Z|\b(?P<code>USD|EUR|GBP|JPY|CNY|CAD|AUD|CHF|INR)\s?\Z")
_WORD_AFTER = re.compile(
    r"\A\s*(?:US\s+|U\.S\.\s+)?(?P<word>dollar|euro|pound|yen|yuan|renminbi|rupee|franc|rouble|ruble|peso)s?\b"
    r"|\A\s?(?P<code>USD|EUR|GBP|JPY|CNY|CAD|AUD|CHF|INR)\b", re.IGNORECASE)
# What an amount ends with, right before the bracket that converts it: a figure, a scale or a currency.
_AMOUNT_END = re.compile(
    r"(?:\d|\b(?:million|billion|trillion|thousand|bn|mn|m)|\b(?:dollar|euro|pound|yen|yuan|rupee|franc|rouble|peso)s?)\s*\(\s*\Z",
    re.IGNORECASE)


def currency(text: str, start: int, end: int) -> str:
    """The currency of the amount written at text[start:end] ("$", "€" before it, "euros" after it), or ''."""
    before = _SIGN_BEFORE.search(text[:start])
    if before:
        return SYMBOL_CURRENCY.get(before.group("sym") or "", "") or (before.group("code") or "")
    after = _WORD_AFTER.match(text[end:])
    if after:
        return WORD_CURRENCY.get((after.group("word") or "").lower(), "") or (after.group("code") or "").upper()
    return ""


def is_bracketed_conversion(text: str, start: int, end: int) -> bool:
    """Is the amount at text[start:end], written with a currency, a restatement in brackets right after
    another amount? ("85 million euros ($108 million)": yes; "a bonus ($3 million)": no.)"""
    own = currency(text, start, end)
    if not own:
        return False
    sign = _SIGN_BEFORE.search(text[:start])
    opening = text[:sign.start()] if sign else text[:start]
    return _AMOUNT_END.search(opening) is not None
