"""A count said by its order of magnitude in words or by its floor in figures, and a growth said by its
factor or by its percentage.

"Tens of thousands of people" and "more than 10,000 people" say one thing: a count of that order, at
least its floor (Chinese 上万人 is rendered either way); "thousands of" / "over 1,000", "hundreds of" /
"more than 100" likewise. The figure of one version is then no figure added or left out. Only a figure
bounded from below at the floor itself: "about 5,000" against "tens of thousands" is another count.

"Doubled" and "increased by 100%" say one growth ("tripled" / "up 200%"): the percentage is the factor
said another way. Only an increase said with the percentage, and only the factor's own percentage: a
percentage "of" something ("set up 100% of the stalls") is a share of a whole, no growth.
"""
from __future__ import annotations

import re

_ORDER_WORD = {"dozens": (10, 12), "tens": (10,), "hundreds": (100,), "thousands": (1_000,),
               "millions": (1_000_000,), "billions": (1_000_000_000,)}
_ORDERS = re.compile(r"\b(?:(tens|hundreds)\s+of\s+)?(dozens|tens|hundreds|thousands|millions|billions)\s+of\b",
                     re.IGNORECASE)
# the floor of an order is said as a lower bound: "more than 10,000", "over 100", "at least 1,000"
_FLOOR_BEFORE = re.compile(r"\b(?:more\s+than|over|above|at\s+least|upwards\s+of|in\s+excess\s+of)\s+$", re.IGNORECASE)


def _orders(text: str) -> set[float]:
    out: set[float] = set()
    for m in _ORDERS.finditer(text):
        outer = {"tens": 10, "hundreds": 100}.get((m.group(1) or "").lower(), 1)
        out |= {outer * v for v in _ORDER_WORD[m.group(2).lower()]}
    return out


def order_said_in_words(value: float, start: int, here: str, there: str) -> bool:
    """Is the figure ``value`` at ``here[start:]`` the floor of an order of magnitude, said as a lower
    bound ("more than 10,000"), where ``there`` says that order in words ("tens of thousands of") and
    ``here`` does not?"""
    if not _FLOOR_BEFORE.search(here[max(0, start - 30):start]):
        return False
    return value in _orders(there) - _orders(here)


_FACTORS = {"double": 2, "triple": 3, "quadruple": 4}
_FACTOR_VERB = re.compile(r"\b(doubl|tripl|quadrupl)(?:e|ed|es|ing)\b", re.IGNORECASE)
# the verb's own forms only: "surgeons", "growers" and "gainsay" say no increase
_INCREASE = re.compile(r"\b(?:increas(?:e|es|ed|ing)|rises?|risen|rising|rose|grow(?:s|n|th|ing)?|grew|"
                       r"climb(?:s|ed|ing)?|jump(?:s|ed|ing)?|surg(?:e|es|ed|ing)|gain(?:s|ed|ing)?|up)\b", re.IGNORECASE)
_PERCENT_AFTER = re.compile(r"^\s*(?:%|per\s*cent\b|percent\b)", re.IGNORECASE)  # not "percentage points"
# "100% of the stalls", "grew to 100% of capacity": a share of a whole, no rate of growth
_SHARE_AFTER = re.compile(r"^\s*(?:%|per\s*cent|percent)\s+of\b", re.IGNORECASE)


def _factors(text: str) -> set[int]:
    return {_FACTORS[m.group(1).lower() + "e"] for m in _FACTOR_VERB.finditer(text)}


def factor_said_as_percent(value: float, end: int, here: str, there: str) -> bool:
    """Is the figure ``value`` ending at ``here[end]`` a percentage increase that is the growth factor
    ``there`` says by a verb ("increased by 100%" / "doubled"), which ``here`` does not say?"""
    if not _PERCENT_AFTER.match(here[end:end + 10]) or _SHARE_AFTER.match(here[end:end + 14]) \
            or not _INCREASE.search(here):
        return False
    return any(value == (f - 1) * 100 for f in _factors(there) - _factors(here))
