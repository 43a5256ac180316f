"""An amount restated in brackets in another currency: "85 million euros ($108 million)".

Such a bracket converts the amount before it at some exchange rate: it states no fact of its own.
Two versions that convert one amount into different currencies ("($108 million)" / "(74 million
pounds)") give different figures for the same fact, and the pair holds no rate to check either by.
The currency of each amount is read by nlp.quantities.currency_at, the reader the extractor uses.
"""
from __future__ import annotations

import re

from storytrace.nlp.quantities import CURRENCY_CODE, CURRENCY_WORD, currency_at, currency_before

# What an amount ends with, right before the bracket that converts it: a figure, a scale or a currency.
_AMOUNT_END = re.compile(
    rf"(?:\d|\b(?:million|billion|trillion|thousand|bn|mn|m)|\b{CURRENCY_WORD}|(?-i:\b{CURRENCY_CODE}))\s*\(\s*\Z",
    re.IGNORECASE)


def currency(text: str, start: int, end: int) -> str:
    """The currency of the amount written at text[start:end] ("$", "€" before it, "euros" after it), or ''."""
    mark = currency_at(text, start, end)
    return mark.code if mark else ""


def is_bracketed_conversion(text: str, start: int, end: int) -> bool:
    """Is the amount at text[start:end], written with a currency, a restatement in brackets right after
    another amount? ("85 million euros ($108 million)": yes; "a bonus ($3 million)": no.)"""
    if not currency(text, start, end):
        return False
    sign = currency_before(text, start)
    opening = text[:sign.start] if sign else text[:start]
    return _AMOUNT_END.search(opening) is not None
