"""Quantities with value, unit, scale and approximation: "$210bn", "2.5 per cent of GDP", "a dozen".

One pass of a compiled regex finds number cores (digits or number words); everything around a
core (currency, "more than", scale, per cent, "of GDP", the counted noun) is read with anchored
regexes or the next few tokens, so the cost stays linear in the text.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from storytrace.model import Mention, Quantity
from storytrace.nlp.dates import YEAR
from storytrace.nlp.segment import SentenceIndex
from storytrace.nlp.tokens import TokenIndex

SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
SHORT_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12, "tr": 1e12, "trn": 1e12}
# Short scales that stand alone ("5bn"); "m", "k", "b" need a currency ("$5m"), else 5m is metres.
UNAMBIGUOUS_SHORT = {"bn", "mn", "mln", "tn", "trn"}

_WORD = "|".join([*SMALL, *TENS, *SCALES, "dozen"])
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CORE = re.compile(
    rf"(?<![\w.,/:])(?P<digits>{_DIGITS})(?![\d:/])"
    rf"|(?<![\w-])(?P<words>(?:an?\s+(?=(?:dozen|hundred|thousand|million|billion|trillion)\b))?"
    rf"(?:{_WORD})(?:(?:\s+|-)(?:{_WORD}))*)(?![\w-])",
    re.IGNORECASE,
)
_SUFFIX_SCALE = re.compile(
    r"(?:\s?(?P<short>bn|mn|mln|tn|trn|tr|m|k|b)(?![\w])|(?:\s+|-)(?P<word>hundred|thousand|million|billion|trillion)\b)",
    re.IGNORECASE,
)
_SUFFIX_PERCENT = re.compile(r"\s?(?P<pct>%|per\s?cent\b|percent\b|pct\b|percentage points?\b)|(?P<pc>pc)\b", re.IGNORECASE)
# Measurement units written as symbols ("30cm", "5 km", "120 km/h"); a bare "m" after a number
# without currency is metres (money scales were read before this).
_SUFFIX_MEASURE = re.compile(
    r"\s?(?P<measure>km/h|km²|m²|sq\s?km|sq\s?ft|km|cm|mm|kg|mph|kph|kwh|mwh|gwh|twh|mw|gw|kw|ha|ft|lb|lbs|m)(?![\w/²])",
    re.IGNORECASE,
)
_SUFFIX_TIME = re.compile(r"\s?(?:a\.?m\.?|p\.?m\.?|GMT|UTC|BST|EST|CET)(?![\w])", re.IGNORECASE)
_SUFFIX_ORDINAL_OR_WORD = re.compile(r"(?:st|nd|rd|th|s)\b|[A-Za-z]")
_OF_PHRASE = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|(?:\w+['’]s\s+))?")
_FROM_BEFORE = re.compile(r"\bfrom\s+\Z", re.IGNORECASE)
_RANGE_LINK = re.compile(r"\s*(?:-|–|—|to)\s*|\s+and\s+", re.IGNORECASE)

_PREFIX_APPROX = re.compile(
    r"\b(?P<approx>more than|less than|fewer than|greater than|over|under|about|around|almost|nearly|roughly|"
    r"approximately|at least|at most|up to|some|close to|as many as|as much as|as few as|as little as|just over|"
    r"just under|well over|upwards of|an estimated|estimated|around|between|only)\s+\Z",
    re.IGNORECASE,
)
_PREFIX_LABEL = re.compile(
    r"\b(?:article|section|chapter|page|no\.|number|clause|paragraph|room|flight|route|highway|apartment|"
    r"version|model|season|episode|part|level|grade|category|phase|stage|item|line|gate|platform|box|row)\s+\Z",
    re.IGNORECASE,
)
_PREFIX_YEAR = re.compile(r"\b(?:in|since|by|from|until|till|before|after|during|through|of|year|early|late|mid|summer|spring|autumn|fall|winter)\s+\Z", re.IGNORECASE)

SYMBOL_CURRENCY = {"$": "USD", "\\$": "USD", "US$": "USD", "US\\$": "USD", "C$": "CAD", "A$": "AUD", "HK$": "HKD",
                   "NZ$": "NZD", "S$": "SGD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "Rs": "INR", "Rs.": "INR"}
WORD_CURRENCY = {"dollar": "USD", "euro": "EUR", "pound": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
                 "rupee": "INR", "franc": "CHF", "rouble": "RUB", "ruble": "RUB", "peso": "MXN"}
# The country a dollar is named by ("Canadian dollars"): the dollar of the sign with its letters ("C$").
DOLLAR_COUNTRY = {"us": "USD", "u.s.": "USD", "canadian": "CAD", "australian": "AUD"}

# The one reader of the currency written with an amount (quantities here, bracketed conversions in
# findings.conversions): a sign or code right before the figure, a space allowed ("$5", "US$5", "\\$5" from
# markdown, "€ 5", "Rs 500", "EUR 5"), or a currency word or code right after it ("5 euros", "5 Canadian
# dollars", "5 pounds sterling", "5 USD"). Codes are upper case: "eur" is no code a text writes.
CURRENCY_CODE = r"(?:USD|EUR|GBP|JPY|CNY|CAD|AUD|CHF|INR)"
CURRENCY_WORD = r"(?:dollars?|euros?|pounds?(?:\s+sterling)?|yen|yuan|renminbi|rupees?|francs?|roubles?|rubles?|pesos?)"
_CURRENCY_BEFORE = re.compile(
    rf"(?:(?P<sym>(?:US|C|A|HK|NZ|S)?\\?\$|€|£|¥|₹|\bRs\.?)|\b(?P<code>{CURRENCY_CODE}))[ \u00a0]?\Z")
_CURRENCY_AFTER = re.compile(
    rf"\s+(?:(?P<country>US|U\.S\.|Canadian|Australian)\s+)?(?P<word>{CURRENCY_WORD})\b"
    rf"|(?-i:\s?(?P<code>{CURRENCY_CODE}))\b", re.IGNORECASE)


@dataclass(frozen=True)
class CurrencyMark:
    """A currency written with an amount: its code and where the sign, code or word stands."""
    code: str  # "USD", "EUR", "CAD", ...
    start: int
    end: int


def currency_before(text: str, start: int) -> CurrencyMark | None:
    """The currency sign or code written right before the figure at ``text[start]`` ("$", "US$", "€ ")."""
    m = _CURRENCY_BEFORE.search(text, max(0, start - 8), start)
    if m is None:
        return None
    code = SYMBOL_CURRENCY.get(m.group("sym") or "", "") or (m.group("code") or "")
    return CurrencyMark(code, m.start(), m.end())


def currency_after(text: str, end: int) -> CurrencyMark | None:
    """The currency word or code written right after the amount ending at ``end`` ("euros", "Canadian
    dollars", "pounds sterling", "USD")."""
    m = _CURRENCY_AFTER.match(text, end)
    if m is None:
        return None
    if m.group("code"):
        return CurrencyMark(m.group("code"), m.start("code"), m.end())
    word = m.group("word").lower().split()[0]
    code = WORD_CURRENCY.get(word if word == "yen" else word.rstrip("s"), "")
    if m.group("country") and word.startswith("dollar"):
        code = DOLLAR_COUNTRY[m.group("country").lower()]
    return CurrencyMark(code, m.start("country") if m.group("country") else m.start("word"), m.end())


def currency_at(text: str, start: int, end: int) -> CurrencyMark | None:
    """The currency of the amount written at ``text[start:end]``: a sign or code before it, else a word
    or code after it; None when it is written with none."""
    return currency_before(text, start) or currency_after(text, end)


LENGTH_WORDS = ("high", "long", "wide", "deep", "tall", "metres", "meters", "wall", "tower", "waves", "drop")
WINDOW = 40  # characters looked at before a number for currency / "more than"


def extract_quantities(text: str, tokens: TokenIndex, index: SentenceIndex, skip_spans: Sequence[tuple[int, int]] = ()) -> list[Mention]:
    """Quantity mentions in ``text``; numbers inside ``skip_spans`` (dates) are left alone."""
    skip = _SpanSet(skip_spans)
    raw: list[tuple[int, int, Quantity]] = []
    for m in _CORE.finditer(text):
        if (raw and m.start() < raw[-1][1]) or skip.overlaps(m.start(), m.end()):
            continue  # already read as part of the previous quantity ("1.2 million"), or in a date/URL
        q = _read(text, m, tokens)
        if q:
            raw.append(q)
    merged = _merge_ranges(text, raw)
    return [
        Mention(kind="quantity", text=text[s:e], start=s, end=e, sentence=index.at(s), value=q, label="QUANTITY")
        for s, e, q in merged
    ]


def parse_number_words(words: str) -> float | None:
    total, current, seen = 0.0, 0.0, False
    for w in re.split(r"[\s-]+", words.lower()):
        if w in ("and",):
            continue
        if w in ("a", "an"):
            current, seen = 1.0, True
        elif w in SMALL:
            current += SMALL[w]
            seen = True
        elif w in TENS:
            current += TENS[w]
            seen = True
        elif w == "dozen":
            current = (current or 1) * 12
            seen = True
        elif w == "hundred":
            current = (current or 1) * 100
            seen = True
        elif w in SCALES:
            total += (current or 1) * SCALES[w]
            current, seen = 0.0, True
        else:
            return None
    return total + current if seen else None


def _read(text: str, m: re.Match, tokens: TokenIndex) -> tuple[int, int, Quantity] | None:
    start, end = m.start(), m.end()
    if start >= 2 and text[start - 1] == "-" and text[start - 2].isalpha():
        return None  # "COVID-19", "F-35"
    before = text[max(0, start - WINDOW) : start]
    currency = ""
    sign = currency_before(text, start)
    if sign:
        currency = sign.code
        before = before[: len(before) - (start - sign.start)]
        start = sign.start
    scale, factor = "", 1.0
    if m.group("digits"):
        value = float(m.group("digits").replace(",", ""))
        sm = _SUFFIX_SCALE.match(text, end)
        if sm:
            word = (sm.group("short") or sm.group("word")).lower()
            short = sm.group("short")
            # "3.5m voters": a short scale without currency is a million only before a counted noun
            counted = short and value < 1000 and tokens.counted_noun(sm.end()) not in ("", *LENGTH_WORDS)
            if not short or short.lower() in UNAMBIGUOUS_SHORT or currency or counted:
                scale = sm.group("short") or sm.group("word")
                factor = SHORT_SCALES.get(word) or SCALES[word]
                end = sm.end()
    else:
        words = m.group("words")
        value = parse_number_words(words)
        if value is None:
            return None
        last = words.lower().split()[-1].split("-")[-1]
        if last in SCALES and last != "hundred":
            scale = last
        if words.lower() in ("one", "a", "an"):
            value = None  # "one of the", "no one": too often not a quantity; kept only with a unit
    unit = currency
    pm = _SUFFIX_PERCENT.match(text, end)
    if pm:
        unit = "pp" if (pm.group("pct") or "").lower().startswith("percentage") else "%"
        end = pm.end()
    elif not currency:
        after = currency_after(text, end)
        if after:
            unit, end = after.code, after.end
    if not unit:
        mu = _SUFFIX_MEASURE.match(text, end)
        if mu:
            unit = mu.group("measure").lower().replace(" ", "")
            end = mu.end()
    if _SUFFIX_TIME.match(text, end) or _SUFFIX_ORDINAL_OR_WORD.match(text, end):
        return None  # "10am", "12th", "1990s", "5G"
    if _PREFIX_LABEL.search(before):
        return None  # "Article 5", "page 12"
    of = ""
    if unit in ("%", "pp"):
        om = _OF_PHRASE.match(text, end)
        if om:
            of_start, of_end = tokens.noun_phrase(om.end())
            if of_end > of_start:
                of, end = text[of_start:of_end], of_end
    elif not unit:
        unit = tokens.counted_noun(end)
    if value is None and not unit:
        return None
    if value is None:
        value = 1.0
    is_year_like = m.group("digits") and re.fullmatch(YEAR, m.group("digits"))
    if is_year_like and not (currency or scale or unit in ("%", "pp")):
        if not unit or _PREFIX_YEAR.search(before):
            return None  # "in 2019", "2019 was"
    approx = ""
    am = _PREFIX_APPROX.search(before)
    if am:
        approx = am.group("approx").lower()
        start -= len(am.group(0))
    return start, end, Quantity(value=value * factor, unit=unit, scale=scale, approx=approx, of=of)


def _merge_ranges(text: str, found: list[tuple[int, int, Quantity]]) -> list[tuple[int, int, Quantity]]:
    """"between 10 and 12", "10-12%", "$10bn to $12bn" -> one quantity with value and high."""
    out: list[tuple[int, int, Quantity]] = []
    i = 0
    while i < len(found):
        s, e, q = found[i]
        if i + 1 < len(found):
            s2, e2, q2 = found[i + 1]
            link = _RANGE_LINK.fullmatch(text, e, s2)
            is_between = q.approx == "between"
            word = link.group(0).strip().lower() if link else ""
            same_unit = not q.unit or not q2.unit or q.unit == q2.unit
            from_to = word == "to" and _FROM_BEFORE.search(text, max(0, s - 12), s)  # "from 10 to 12": a change
            low = q.value * (_factor(q2.scale) if q2.scale and not q.scale else 1.0)
            ascending = q2.value > low  # "voted 52 to 48" is a tally, not a range
            if link and ascending and same_unit and not from_to and (is_between or word != "and") and (is_between or q2.approx == ""):
                high_q = q2
                if not q.unit and high_q.unit:
                    q.unit = high_q.unit
                if not q.scale and high_q.scale:
                    q.scale = high_q.scale
                    q.value *= _factor(high_q.scale)
                q.of = q.of or high_q.of
                q.high = high_q.value
                q.approx = "" if q.approx == "between" else q.approx
                out.append((s, e2, q))
                i += 2
                continue
        if q.approx == "between":
            q.approx = ""
            s = s + len(re.match(r"between\s+", text[s:], re.IGNORECASE).group(0))
        out.append((s, e, q))
        i += 1
    return out


def _factor(scale: str) -> float:
    return SHORT_SCALES.get(scale.lower()) or SCALES.get(scale.lower(), 1.0)


class _SpanSet:
    """Sorted, non-overlapping-enough spans with an O(log n) overlap test."""

    def __init__(self, spans: Sequence[tuple[int, int]]):
        self._spans = sorted(spans)
        self._starts = [s for s, _ in self._spans]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self._starts, end)
        # spans are short and rarely nested: check the few that begin before ``end``
        for j in range(i - 1, max(i - 4, -1), -1):
            s, e = self._spans[j]
            if s < end and start < e:
                return True
        return False
