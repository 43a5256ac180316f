"""Numbers in a sentence as comparable values: "2.5 per cent" = "2.5%", "$210bn" = 210e9, "six" = 6.

Works on parsed tokens so that it does not depend on how the extractor grouped a quantity;
when the extractor gives a normalised Quantity it is used as well (see ``mention_values``).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from storytrace.findings.lexicon import NUMBER_QUALIFIERS, NUMBER_WORDS, ORDINALS, SCALE_WORDS
from storytrace.findings.text import ParsedSentence
from storytrace.model import Article, Quantity

# A currency sign may carry its country's letters glued on ("S$110", "US$5", "HK$2bn").
_NUMERIC_RE = re.compile(r"^(?:[a-z]{0,3}[$€£¥])?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(%|st|nd|rd|th|s|bn|m|k|mn|tn|[a-z/]+)?$", re.I)
_CURRENCY_FIGURE = re.compile(r"^[A-Za-z]{0,3}[$€£¥]\d")
_TIME_RE = re.compile(r"^\d{1,2}[:.]\d{2}$")
_ORDINAL_SUFFIX = re.compile(r"^\d+(?:st|nd|rd|th)$")


@dataclass(frozen=True)
class NumberValue:
    value: float
    text: str  # as written
    start: int  # offsets into Article.text
    end: int
    qualifier: str = ""  # "up to", "more than", ...
    is_year: bool = False
    is_ordinal: bool = False  # "third", "3rd": a rank, which a stray "3" elsewhere does not support

    def matches(self, other: "NumberValue") -> bool:
        if self.is_year or other.is_year:
            return self.value == other.value  # 2020 is never "about 2022"
        return values_match(self.value, other.value)

    def matches_value(self, value: float) -> bool:
        return self.value == value if self.is_year else values_match(self.value, value)


def values_match(a: float, b: float) -> bool:
    """Equal, or one is the other rounded ("2.47" / "2.5", "1,512" / "1,500")."""
    if a == b or (math.isfinite(a) and math.isfinite(b) and math.isclose(a, b, rel_tol=1e-9)):
        return True  # "1.89 billion" and "S$1.89 billion" reach one value by different float steps
    if not (math.isfinite(a) and math.isfinite(b)):  # a 400-digit figure reads as inf: no rounding
        return False
    if a == 0 or b == 0 or (a > 0) != (b > 0):
        return False
    return _rounds_to(a, b) or _rounds_to(b, a)


def _significant_digits(x: float) -> int:
    mantissa = f"{abs(x):.6e}".split("e")[0]
    digits = mantissa.replace(".", "").rstrip("0")
    return max(len(digits), 1)


def _rounds_to(precise: float, rounded: float) -> bool:
    # Only a number written with 3+ significant digits can be rounded in a rewrite: "11" is
    # never "about 10".
    if _significant_digits(precise) < 3 or _significant_digits(rounded) >= _significant_digits(precise):
        return False
    if abs(precise - rounded) > 0.03 * abs(precise):
        return False  # "135,000" is not "140,000" however one rounds
    magnitude = math.floor(math.log10(abs(rounded)))
    keep = _significant_digits(rounded)
    step = 10 ** (magnitude - keep + 1)
    return abs(round(precise / step) * step - rounded) < step * 1e-6


# Vulgar fractions are one character each ("4½ hours"); a fraction written with a slash is read only
# after a whole number ("4 1/2"): alone, "9/11" or "1/2" may be a date or a ratio.
_VULGAR = {"½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5, "⅗": 3 / 5,
           "⅘": 4 / 5, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8, "⅞": 7 / 8}
_VULGAR_RE = re.compile(rf"^(\d*)([{''.join(_VULGAR)}])$")
_SLASH_FRACTION_RE = re.compile(r"^([1-9]|1[0-5])/([2-9]|1[0-6])$")


def _fraction_after_whole(text: str) -> float | None:
    """The value of "1/2" in "4 1/2": a proper fraction (numerator below denominator)."""
    m = _SLASH_FRACTION_RE.match(text)
    if not m or int(m.group(1)) >= int(m.group(2)):
        return None
    return int(m.group(1)) / int(m.group(2))


def _parse_token(text: str) -> tuple[float, float] | None:
    """(value, scale) for a numeric token, None when it is not a number."""
    t = text.lower().replace("’", "'")
    vulgar = _VULGAR_RE.match(t)
    if vulgar:
        return (int(vulgar.group(1)) if vulgar.group(1) else 0) + _VULGAR[vulgar.group(2)], 1.0
    if t in NUMBER_WORDS:
        return float(NUMBER_WORDS[t]), 1.0
    if t in ORDINALS:
        return float(ORDINALS[t]), 1.0
    if _TIME_RE.match(t):
        h, m = re.split(r"[:.]", t)
        return int(h) + int(m) / 100, 1.0
    m = _NUMERIC_RE.match(t)
    if not m:
        return None
    value = float(m.group(1).replace(",", "") + ("." + m.group(2) if m.group(2) else ""))
    suffix = (m.group(3) or "").lower()
    scale = SCALE_WORDS.get(suffix, 1.0) if suffix in ("bn", "m", "k", "mn", "tn") else 1.0
    return value, scale


def number_value(text: str) -> float | None:
    """The value of one number word or figure ("one" -> 1.0, "35" -> 35.0), None otherwise."""
    parsed = _parse_token(text)
    return None if parsed is None else parsed[0] * parsed[1]


# sentence_numbers answers of the sentences met last, by object: the detectors ask again for each
# pair and each aligned sentence. Each entry holds its sentence, so the id cannot be reused while
# it is kept; a parsed sentence is never changed once built (the token count is checked anyway).
_NUMBERS_KEPT = 1 << 9  # each entry holds its sentence alive: keep few (a group's pairs ask close together)
_numbers_kept: dict[int, tuple[ParsedSentence, int, tuple[NumberValue, ...]]] = {}


def sentence_numbers(sentence: ParsedSentence) -> list[NumberValue]:
    """Every number in a sentence, with a following scale word folded in ("10 million")."""
    kept = _numbers_kept.get(id(sentence))
    if kept is not None and kept[0] is sentence and kept[1] == len(sentence.tokens):
        return list(kept[2])
    out = _sentence_numbers(sentence)
    if len(_numbers_kept) >= _NUMBERS_KEPT:
        del _numbers_kept[next(iter(_numbers_kept))]
    _numbers_kept[id(sentence)] = (sentence, len(sentence.tokens), tuple(out))
    return out


def _sentence_numbers(sentence: ParsedSentence) -> list[NumberValue]:
    out: list[NumberValue] = []
    tokens = sentence.tokens
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        parsed = _parse_token(tok.text)
        is_numeric_word = parsed is not None and (tok.like_num or tok.pos == "NUM" or tok.text[0].isdigit()
                                                   or tok.lower in ORDINALS or _CURRENCY_FIGURE.match(tok.text) is not None)
        # "a million": the article is the numeral one before a scale word.
        if tok.lower in ("a", "an") and i + 1 < len(tokens) and tokens[i + 1].lower in _NUMERAL_SCALES:
            parsed, is_numeric_word = (1.0, 1.0), True
        # "one" as a pronoun ("the one who") or "May"-like words are not numbers.
        if not is_numeric_word or (tok.lower == "one" and tok.pos not in ("NUM",)):
            i += 1
            continue
        value, scale = parsed
        start, end, j = tok.start, tok.end, i + 1
        # a mixed number: "4 1/2" is 4.5 (the fraction is its own token, right after the whole number)
        if (j < len(tokens) and scale == 1.0 and tok.text.isdigit() and tokens[j].start == tok.end + 1
                and (part := _fraction_after_whole(tokens[j].text)) is not None):
            value, end, j = value + part, tokens[j].end, j + 1
        # a figure written in pieces, spaced apart (text tokenised before it was published, or copied
        # from a PDF): "4 1 / 2" is 4 1/2 and "4. 5" inside a sentence is 4.5, so their pieces are
        # never read, or compared, as figures of their own
        elif scale == 1.0 and tok.text.isdigit() and (spaced := _spaced_figure(tokens, i)) is not None:
            value, end, j = spaced
        # Fold "2 million", "1.5 bn", "two hundred", "2.5 per cent", and the hyphenated amount of a
        # compound modifier: "a two-million-euro booty", "a $2.6-million deal" (the hyphens join the
        # words into one modifier; the amount is the same).
        while j < len(tokens):
            if tokens[j].lower in SCALE_WORDS and tokens[j].lower not in ("m", "b", "k"):
                scale *= SCALE_WORDS[tokens[j].lower]
                end = tokens[j].end
                j += 1
            elif (tokens[j].text == "-" and tokens[j].start == end and j + 1 < len(tokens)
                    and tokens[j + 1].start == tokens[j].end and tokens[j + 1].lower in _NUMERAL_SCALES):
                scale *= SCALE_WORDS[tokens[j + 1].lower]
                end = tokens[j + 1].end
                j += 2
            else:
                break
        if j == i + 1 and scale == 1.0:
            scale = _range_scale(tokens, j, value)
        is_ordinal = tok.lower in ORDINALS or bool(_ORDINAL_SUFFIX.match(tok.lower))
        if j < len(tokens) and tokens[j].lower in ("century", "centuries") and not is_ordinal:
            i = j  # "two centuries" is a span of time, not a figure to compare
            continue
        qualifier = _qualifier(tokens, i)
        is_year = scale == 1.0 and value.is_integer() and 1800 <= value <= 2100 and "," not in tok.text
        out.append(NumberValue(value * scale, sentence.text[start - sentence.start:end - sentence.start],
                               start, end, qualifier, is_year, is_ordinal))
        i = j
    return out


def _spaced_figure(tokens, i: int) -> tuple[float, int, int] | None:
    """(value, end offset, next token) of a figure whose pieces stand apart: a whole number and a
    proper fraction with a spaced slash ("4 1 / 2"), or a whole number, a full stop and more
    digits after one space where the sentence goes on ("4. 5"; a full stop that ended the sentence
    would have ended it). A year before a full stop ("in 2004. 5 people") is not a whole number's part,
    nor is a date written with slashes ("8 / 2 / 2013") or full stops ("4. 5. 2013")."""
    whole = tokens[i]
    nxt = tokens[i + 1:i + 4]

    def spaced(a, b) -> bool:
        return b.start - a.end in (0, 1)

    if (len(nxt) == 3 and nxt[0].text.isdigit() and nxt[1].text == "/" and nxt[2].text.isdigit()
            and nxt[0].start == whole.end + 1 and spaced(nxt[0], nxt[1]) and spaced(nxt[1], nxt[2])
            and not (i + 4 < len(tokens) and tokens[i + 4].text == "/")
            and (part := _fraction_after_whole(f"{nxt[0].text}/{nxt[2].text}")) is not None):
        return int(whole.text) + part, nxt[2].end, i + 4
    if (len(nxt) >= 2 and len(whole.text) <= 3 and nxt[0].text == "." and nxt[0].start == whole.end
            and nxt[1].text.isdigit() and nxt[1].start == nxt[0].end + 1
            and not _dotted_date_part(tokens, i) and not _dotted_date_part(tokens, i + 2)):
        return float(f"{whole.text}.{nxt[1].text}"), nxt[1].end, i + 3
    return None


def _dotted_date_part(tokens, k: int) -> bool:
    """Is tokens[k] the middle figure of a date written with full stops, spaced ("4. 5. 2013", the
    German and Central European day. month. year)? Its day and month are no decimal, nor is its month
    and year."""
    def stop_between(a: int) -> bool:  # a figure, a full stop on it, one space, a figure
        return (0 <= a and a + 2 < len(tokens) and tokens[a].text.isdigit() and tokens[a + 1].text == "."
                and tokens[a + 1].start == tokens[a].end and tokens[a + 2].text.isdigit()
                and tokens[a + 2].start == tokens[a + 1].end + 1)
    return stop_between(k - 2) and stop_between(k)


_NUMERAL_SCALES = frozenset({"hundred", "thousand", "million", "billion", "trillion"})
_RANGE_JOINERS = frozenset({"to", "and", "-", "–", "—"})


def _range_scale(tokens, j: int, value: float) -> float:
    """The scale word of a range's upper end, shared by its lower end: "4 to 6 million" is
    4 million to 6 million, "between 1.27 and 2.5 million" starts at 1.27 million. Only for a
    range that rises, with the scale word right after the second figure."""
    if j + 2 >= len(tokens) or tokens[j].lower not in _RANGE_JOINERS:
        return 1.0
    upper = _parse_token(tokens[j + 1].text)
    scale_word = tokens[j + 2].lower
    if upper is None or upper[1] != 1.0 or scale_word not in _NUMERAL_SCALES or not value < upper[0]:
        return 1.0
    return SCALE_WORDS[scale_word]


def _qualifier(tokens, i: int) -> str:
    words = []
    k = i - 1
    if k >= 0 and tokens[k].text in "$€£¥":
        k -= 1
    while k >= 0 and len(words) < 2 and tokens[k].lower in NUMBER_QUALIFIERS:
        words.insert(0, tokens[k].lower)
        k -= 1
    if words and words[-1] == "at":
        return ""  # "a share at 41.4%": a preposition; only "at least" / "at most" qualify a figure
    return " ".join(words)


# "S$110 million" is "110 million Singapore dollars": the letters on a dollar sign name its country.
_SIGN_LETTERS = re.compile(r"(?<![A-Za-z])((?:[A-Z]\.?){1,3})\$(?=\s?\d)")


def names_a_currency(sentence: ParsedSentence, first: int, end: int) -> bool:
    """Is the name at tokens[first:end] the country of a currency ("Singapore dollars")?"""
    return end < len(sentence.tokens) and sentence.tokens[end].lemma.lower() == "dollar"


def currency_rendered(name: str, other_text: str) -> bool:
    """Does ``other_text`` write a dollar sign carrying this country's letters ("S$" for
    Singapore, "HK$" for Hong Kong, "US$" for the U.S.)?"""
    words = [w for w in re.split(r"[\s.]+", name) if w[:1].isupper()]
    if not words:
        return False
    initials = "".join(w[0] for w in words).upper()
    signs = {m.replace(".", "").upper() for m in _SIGN_LETTERS.findall(other_text)}
    return initials in signs


# A unit of time right after a figure, not followed by what makes it a point in time ("three days
# ago", "two years later") or an age ("a 34-year-old").
# The look-ahead's spaces are taken possessively (\s*+): given back one by one they would only be
# taken again by the other \s*, and a long run of blanks after the unit (a page copied with its
# layout) made that quadratic: 10,000 spaces took 3 s, 40,000 a minute.
_TIME_AMOUNT_AFTER = re.compile(r"^\s*(?:-\s*)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b"
                                r"(?!\s*+-?\s*+(?:ago|earlier|later|before|after|old)\b)", re.IGNORECASE)


def time_unit_follows(text: str, end: int) -> bool:
    """Does a unit of time follow offset ``end`` of ``text`` and make the figure before it an amount of
    time ("2 1/2| years", "a 20|-year sentence"; not "three| days ago", "a 34|-year-old")?"""
    return bool(_TIME_AMOUNT_AFTER.match(text[end:]))


def amount_of_time(text: str, value: str) -> bool:
    """Is ``value``, where ``text`` writes it, an amount of time ("after 4.5 hours", "for three days",
    "a 20-year sentence") rather than a point in time or an age?"""
    if not value:
        return False
    return any(_TIME_AMOUNT_AFTER.match(text[m.end():])
               for m in re.finditer(rf"(?<![\w.]){re.escape(value)}(?!\w)", text))


# A figure written a second way by the same characters: its thousands grouped by a space, the
# separator of French, Russian and SI style ("3 000", "12 500 000"), and a mixed number in words ("two
# and a half" is 2.5). Not after a month ("March 3 200 people": a day, then a count) and not inside a
# longer run of digits (a phone number, "2013 23: 51" of a page header).
_MONTH_WORDS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
                "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_GROUPED_BY_SPACE = re.compile(r"(?<![\d.,:/])(?<!\d[ \u00a0\u202f\u2009])(\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+)(?![\d.,:/]?\d)(?![ \u00a0\u202f\u2009]\d)")
_AFTER_MONTH = re.compile(rf"\b(?:{_MONTH_WORDS})\.?,?\s*$", re.IGNORECASE)
_AND_A_HALF = re.compile(r"\b([a-z]+|\d+) and a half\b", re.IGNORECASE)
_SCALE_AFTER = re.compile(r"\s+(thousand|million|billion|trillion)\b", re.IGNORECASE)
# the cardinals a mixed number in words starts from ("a decade and a half" is 15 years, not 10.5)
_CARDINALS = {w: v for w, v in NUMBER_WORDS.items() if isinstance(v, int) and 0 < v < 100
              and w not in ("dozen", "decade", "decades", "century", "once", "twice", "single", "double",
                            "triple", "pair", "couple", "both")}


def second_readings(text: str) -> list[tuple[float, int, int]]:
    """(value, start, end) of each figure ``text`` writes in a way the token reader cuts in pieces or
    stops short of: digits grouped by a space ("3 000" is 3000, read as "3" and "000") and a mixed
    number in words ("two and a half" is 2.5, read as "two"). A second reading of the same words
    only *supports* a value written the other way in the other version; it never makes a change of
    its own (the first reading stays what is compared), so it can clear a false change and add none."""
    out = []
    for m in _GROUPED_BY_SPACE.finditer(text):
        if _AFTER_MONTH.search(text[:m.start()]):
            continue
        out.append((float(re.sub(r"\D", "", m.group(1))), m.start(), m.end()))
    for m in _AND_A_HALF.finditer(text):
        whole = m.group(1).lower()
        value = float(whole) if whole.isdigit() else _CARDINALS.get(whole)
        if value is None:
            continue
        value, end = float(value) + 0.5, m.end()
        scale = _SCALE_AFTER.match(text, end)  # "one and a half million" is 1.5 million
        if scale:
            value, end = value * SCALE_WORDS[scale.group(1).lower()], scale.end()
        out.append((value, m.start(), end))
    return out


def read_two_ways(sentence: ParsedSentence, n: NumberValue, other_values) -> bool:
    """Is ``n`` a piece of a figure its sentence writes a second way ("3" of "3 000", "two" of "two
    and a half") whose whole value ``other_values`` (the other version's figures) holds, or is ``n``
    itself a value the other version writes a second way? ``other_values``: values to match."""
    for value, start, end in second_readings(sentence.text):
        a, b = start + sentence.start, end + sentence.start
        if a <= n.start and n.end <= b and any(values_match(value, v) for v in other_values):
            return True
    return False


def second_values(sentences) -> list[float]:
    """The second readings' values of some sentences (see second_readings)."""
    return [v for s in sentences for v, _, _ in second_readings(s.text)]


_RAW_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
_WORD_RE = re.compile(r"[a-z]+")


@lru_cache(maxsize=256)
def raw_values(text: str) -> frozenset[float]:
    """Every way the digits and number words of a text can be read: "272.000" is 272 or 272,000
    (European thousands), "2:0" is 2 and 0, "both" is 2. Used only to *support* a number.
    Kept for the last 256 texts: the numbers detector asks it of each other version's whole text
    for every number it checks."""
    values: set[float] = set()
    for m in _RAW_NUMBER_RE.finditer(text):
        written = m.group()
        for part in re.split(r"[.,]", written):
            values.add(float(part))
        values.add(float(written.replace(",", "")) if written.count(".") <= 1 else float(written.replace(".", "").replace(",", "")))
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", written):
            values.add(float(written.replace(".", "").replace(",", ".")))
    for word in _WORD_RE.findall(text.lower()):
        if word in NUMBER_WORDS:
            values.add(float(NUMBER_WORDS[word]))
        elif word in ORDINALS:
            values.add(float(ORDINALS[word]))
    return frozenset(values)


def quantity_value(q: Quantity) -> float:
    return float(q.value)


def mention_values(article: Article, sentence_index: int) -> list[float]:
    """Normalised quantity values the extractor found in one sentence."""
    return [
        quantity_value(m.value)
        for m in article.mentions
        if m.kind == "quantity" and m.sentence == sentence_index and isinstance(m.value, Quantity)
    ]
