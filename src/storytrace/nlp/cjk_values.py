"""Values that survive translation: numbers, percentages, money, dates and years, in English, Chinese
and Japanese forms, read into comparable values.

A translation rewrites every word but keeps its figures: "2100亿美元" is "$210bn", "6万吨" is
"60,000 tonnes", "2026年1月1日" is "January 1, 2026". Comparing the values (not the strings) of an
aligned sentence pair in two languages shows a changed figure or date without understanding either
language. Each value keeps its unit class ("percent", "money:USD", "duration:year", "weight", ...)
so that a comparison can tell "the same kind of thing with another value" from two unrelated
numbers.

Chinese/Japanese numerals (七, 两, 二十, 三百五十) and the scale words 万 (10^4), 亿 (10^8), 千, 百
are read; a number written in characters counts only before a unit or classifier (一 and 两 are
everywhere in ordinary words: 一直, 统一, 两国). Full-width digits (３月) are read as digits; spans
stay in the offsets of the text as written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

# -- normalising (one character for one, so spans stay valid) --------------------------------------
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20  # ideographic space


def halfwidth(text: str) -> str:
    """Full-width ASCII (３月１１日, ５０％) as ASCII, length unchanged."""
    return text.translate(_FULLWIDTH)


@dataclass(frozen=True)
class Value:
    kind: str  # "number" | "date" | "year" | "time"
    amount: float | None  # the number (numbers and years)
    unit: str  # unit class ("" when unknown); see _UNIT_CLASS
    text: str  # as written
    start: int  # offsets in the text given
    end: int
    date: tuple[int | None, int | None, int | None] = (None, None, None)  # (year, month, day)
    spelled: bool = False  # written in words or numerals (七年, seven years) rather than digits


# -- units ------------------------------------------------------------------------------------------
# Unit words after a number -> unit class. Classes are what a comparison needs to know: the same
# class on both sides means the values measure the same kind of thing.
_EN_UNITS: dict[str, str] = {
    "per cent": "percent", "percent": "percent", "%": "percent", "pct": "percent",
    "percentage points": "points", "percentage point": "points",
    "dollars": "money:USD", "dollar": "money:USD", "yuan": "money:CNY", "renminbi": "money:CNY",
    "euros": "money:EUR", "euro": "money:EUR", "yen": "money:JPY", "pounds": "money:GBP",
    "won": "money:KRW", "rubles": "money:RUB", "roubles": "money:RUB",
    "years": "duration:year", "year": "duration:year", "months": "duration:month", "month": "duration:month",
    "weeks": "duration:week", "week": "duration:week", "days": "duration:day", "day": "duration:day",
    "hours": "duration:hour", "hour": "duration:hour", "minutes": "duration:minute", "minute": "duration:minute",
    "tonnes": "weight", "tonne": "weight", "tons": "weight", "ton": "weight", "kilograms": "weight", "kg": "weight",
    "kilometres": "distance", "kilometers": "distance", "km": "distance", "metres": "distance", "meters": "distance",
    "people": "people", "persons": "people", "residents": "people", "workers": "people", "deaths": "people",
    "children": "people", "students": "people", "patients": "people", "tourists": "people", "visitors": "people",
    "times": "times", "fold": "times",
}
_CJK_UNITS: dict[str, str] = {
    "%": "percent", "个百分点": "points", "個百分点": "points", "ポイント": "points",
    "美元": "money:USD", "ドル": "money:USD", "元": "money:CNY", "人民币": "money:CNY", "人民元": "money:CNY",
    "新元": "money:SGD", "港元": "money:HKD", "港币": "money:HKD", "韩元": "money:KRW", "澳元": "money:AUD",
    "加元": "money:CAD", "新台币": "money:TWD", "卢布": "money:RUB", "欧元": "money:EUR", "ユーロ": "money:EUR", "日元": "money:JPY", "円": "money:JPY", "英镑": "money:GBP",
    "ポンド": "money:GBP",
    "年间": "duration:year", "年間": "duration:year", "年": "duration:year",
    "个月": "duration:month", "個月": "duration:month", "か月": "duration:month", "ヶ月": "duration:month",
    "カ月": "duration:month", "ケ月": "duration:month",
    "周": "duration:week", "週間": "duration:week", "星期": "duration:week",
    "天": "duration:day", "日間": "duration:day", "日间": "duration:day",
    "小时": "duration:hour", "時間": "duration:hour", "分钟": "duration:minute", "分間": "duration:minute",
    "吨": "weight", "トン": "weight", "公斤": "weight", "千克": "weight", "キロ": "weight",
    "公里": "distance", "キロメートル": "distance", "米": "distance", "メートル": "distance",
    "人": "people", "名": "people",
    "倍": "times", "次": "times", "回": "times", "度": "times",
    # classifiers: a count of things whose noun follows
    "辆": "count", "台": "count", "个": "count", "個": "count", "家": "count", "件": "count", "座": "count",
    "艘": "count", "架": "count", "项": "count", "条": "count", "所": "count", "头": "count", "只": "count",
    "本": "count", "枚": "count", "社": "count", "カ国": "count", "か国": "count", "国": "count",
}
_CURRENCY_SIGNS = {"$": "money:USD", "US$": "money:USD", "S$": "money:SGD", "HK$": "money:HKD", "€": "money:EUR", "£": "money:GBP", "¥": "money:",
                   "￥": "money:"}
_EN_SCALE = {"thousand": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9,
             "trillion": 1e12, "tn": 1e12}
_EN_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
             "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
             "fifty": 50, "hundred": 100, "dozen": 12}
_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december".split(), start=1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9

# -- CJK numerals -----------------------------------------------------------------------------------
_CJK_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
               "八": 8, "九": 9}
_CJK_SMALL = {"十": 10, "百": 100, "千": 1000}
_CJK_LARGE = {"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8}
_CJK_NUM_CHARS = "".join(_CJK_DIGITS) + "".join(_CJK_SMALL) + "".join(_CJK_LARGE)


_TOKEN = re.compile(r"\d+(?:\.\d+)?|.")


def cjk_numeral(text: str) -> float | None:
    """二十 -> 20, 三百五十 -> 350, 一万二千 -> 12000, 两千 -> 2000, and digits mixed with the scale
    words: 1万2000 -> 12000, 3亿5000万 -> 350000000; None if not a numeral."""
    if not text or any(c not in _CJK_NUM_CHARS and not c.isdigit() and c != "." for c in text):
        return None
    total, section, digit = 0.0, 0.0, None
    for c in _TOKEN.findall(text):
        if c[0].isdigit():
            digit = float(c)
        elif c in _CJK_DIGITS:
            digit = _CJK_DIGITS[c]
        elif c in _CJK_SMALL:
            section += (digit if digit is not None else 1) * _CJK_SMALL[c]
            digit = None
        else:  # 万, 亿: everything so far is a count of this scale
            section += digit or 0
            total = (total + section) * _CJK_LARGE[c] if total < _CJK_LARGE[c] else total + section * _CJK_LARGE[c]
            section, digit = 0.0, None
    return total + section + (digit or 0)


# -- patterns ---------------------------------------------------------------------------------------
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_CJK_NUM = f"[{_CJK_NUM_CHARS}]+"
_MIXED = r"\d+(?:\.\d+)?[万萬亿億]\d+(?:[千百万萬])?(?![\d.])"  # 1万2000, 3亿5000万
_CJK_UNIT_RE = "|".join(sorted(map(re.escape, _CJK_UNITS), key=len, reverse=True))
_EN_UNIT_RE = "|".join(sorted(map(re.escape, _EN_UNITS), key=len, reverse=True))
_EN_SCALE_RE = "|".join(sorted(_EN_SCALE, key=len, reverse=True))
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))

# 2026年1月1日, 3月11日, 9月, 令和7年3月 (Japanese era years read as Gregorian)
# (a space may stand between the digits and 年/月/日, as in "1989 年11 月13 日")
_CJK_DATE = re.compile(r"(?:(\d{4}|令和\d{1,2}|令和元) ?年 ?)?(\d{1,2}) ?月(?: ?(\d{1,2}) ?[日号])?")
_CJK_YEAR = re.compile(r"(?<![\d.])(1[89]\d\d|20\d\d) ?年(?!代|[间間])")
_CJK_NUMBER = re.compile(
    rf"(?P<pct>百分之)?(?P<num>{_MIXED}|{_NUM}|{_CJK_NUM})(?P<approx0>[多余餘])?(?P<scale>[万萬亿億千百]{{0,2}})(?P<approx>[多余餘]?)"
    rf"(?P<unit>{_CJK_UNIT_RE})?")
_EN_DATE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH_RE})\.?(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|(?P<m2>{_MONTH_RE})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y2>\d{{4}}))?"
    rf"|(?P<m3>{_MONTH_RE})(?:\s+(?P<y3>\d{{4}}))?)\b", re.I)
_EN_NUMBER = re.compile(
    rf"(?P<cur>US\$|[A-Z]{{1,2}}\$|[$€£¥￥])?\s?(?P<num>{_NUM})(?:\s?(?P<scale>{_EN_SCALE_RE})\b)?"
    rf"(?:[\s-]?(?P<unit>{_EN_UNIT_RE})\b|(?P<pct>%))?", re.I)
# "4 to 6 million", "S$13.8 to S$14.3 billion": the scale and unit written once belong to both ends.
_EN_RANGE_GAP = re.compile(r"\s*(?:to|and|or|-|–|—)\s*(?:US\$|[A-Z]{1,2}\$|[$€£¥])?$", re.I)
# "on the 8th", "the evening of the 9th": a day of the current month (Chinese 8日)
_EN_DAY = re.compile(r"\b(?:on|of|since|from|until|by)\s+the\s+(\d{1,2})(?:st|nd|rd|th)\b", re.I)
_CJK_DAY = re.compile(r"(?<![月\d])(\d{1,2})[日号](?![间間本])")
_TWICE = re.compile(r"\b(?:twice|double)\b", re.I)
_EN_WORD = "|".join(_EN_WORDS)
# "a week", "about a minute", "a million people": the article is the number one before a unit or a scale
_EN_ONE = re.compile(rf"\b(?:a|an|one)\s+(?:(?P<scale>million|billion|thousand|trillion)\b(?:\s+(?P<unit2>{_EN_UNIT_RE})\b)?"
                     rf"|(?P<unit>year|month|week|day|hour|minute)\b)", re.I)
_EN_WORD_SCALE = re.compile(rf"\b(?P<num>{_EN_WORD})\s+(?P<scale>million|billion|thousand|trillion)\b", re.I)
_DURATION_BEFORE = re.compile(r"(?i)\b(?:in|for|about|than|within|over|after|nearly|almost|around|roughly|just|only|"
                              r"under|half)\s+$")
_VAGUE = "几数上成"  # 几十, 数千, 上千, 成千: "dozens", "thousands", not a figure
# "seven years", "a five-year plan", "six to seven times" (both ends of a range take the unit)
_EN_WORD_NUMBER = re.compile(
    rf"\b(?P<num>{_EN_WORD})(?:\s+(?:to|or)\s+(?P<num2>{_EN_WORD}))?[\s-]+(?P<unit>{_EN_UNIT_RE})\b", re.I)
_CLOCK = re.compile(r"\d{1,2}:\d{2}|\d{1,2}[点點時时](?![间間])(?:\d{1,2}分)?|\d{1,2}\s?(?:a\.m\.|p\.m\.|am|pm)\b", re.I)
_LATIN_GLUE = re.compile(r"[A-Za-z]")


def _eras(year: str | None) -> int | None:
    if not year:
        return None
    if year.startswith("令和"):
        n = year[2:]
        return 2018 + (1 if n == "元" else int(n))
    return int(year)


def _float(num: str) -> float | None:
    if num[0].isdigit() and has_cjk(num):
        return cjk_numeral(num)
    if num[0].isdigit():
        return float(num.replace(",", ""))
    return cjk_numeral(num)


def _glued(text: str, start: int, end: int) -> bool:
    """A number inside a code or name (G20, COVID-19, 5G) is not a value."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return bool(_LATIN_GLUE.match(before) or _LATIN_GLUE.match(after)) or before == "-" or before in "第"


def has_cjk(text: str) -> bool:
    return any("\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff" for c in text)


def values(text: str) -> list[Value]:
    """Every value of one sentence, in text order. English and CJK forms are both read."""
    norm = halfwidth(text)
    taken: list[tuple[int, int]] = []
    out: list[Value] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    def add(v: Value) -> None:
        taken.append((v.start, v.end))
        out.append(v)

    for m in _CLOCK.finditer(norm):  # clock times: kept apart, never read as counts
        add(Value("time", None, "", text[m.start():m.end()], m.start(), m.end()))
    for m in _CJK_DATE.finditer(norm):
        month, day = int(m.group(2)), int(m.group(3)) if m.group(3) else None
        if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 31) or not free(m.start(), m.end()):
            continue
        if m.group(3) is None and m.end() < len(norm) and norm[m.end()] in "份":  # 3月份: the month
            pass
        add(Value("date", None, "", text[m.start():m.end()], m.start(), m.end(), (_eras(m.group(1)), month, day)))
    for m in _CJK_DAY.finditer(norm):
        if free(m.start(), m.end()) and 1 <= int(m.group(1)) <= 31 and has_cjk(norm):
            add(Value("date", None, "", text[m.start():m.end()], m.start(), m.end(), (None, None, int(m.group(1)))))
    for m in _EN_DAY.finditer(norm):
        if free(m.start(1), m.end()) and 1 <= int(m.group(1)) <= 31:
            add(Value("date", None, "", text[m.start(1):m.end()], m.start(1), m.end(), (None, None, int(m.group(1)))))
    for m in _CJK_YEAR.finditer(norm):
        if free(m.start(), m.end()):
            add(Value("year", float(m.group(1)), "year", text[m.start():m.end()], m.start(), m.end()))
    for m in _EN_DATE.finditer(norm):
        if not free(m.start(), m.end()):
            continue
        month_word = m.group("m1") or m.group("m2") or m.group("m3")
        if not month_word[0].isupper():
            continue  # English month names are capitalised ("may" is a verb)
        if m.group("m3") and not _month_alone_ok(norm, m.start(), month_word):
            continue
        day = m.group("d1") or m.group("d2")
        year = m.group("y1") or m.group("y2") or m.group("y3")
        d = int(day) if day else None
        if d is not None and not 1 <= d <= 31:
            continue
        add(Value("date", None, "", text[m.start():m.end()], m.start(), m.end(),
                  (int(year) if year else None, _MONTHS[month_word.lower().rstrip(".")], d)))
    for m in _CJK_NUMBER.finditer(norm):
        s, e = m.span()
        if not free(s, e) or _glued(norm, s, m.start("num") + len(m.group("num"))):
            continue
        num = m.group("num")
        spelled = not num[0].isdigit()
        unit = m.group("unit") or ""
        if m.group("pct"):
            unit = "%"
        if spelled and (not unit or num == "一" and _CJK_UNITS.get(unit) in ("count", "times", "people")
                        or num in ("两", "兩") and _CJK_UNITS.get(unit) in ("count", "people")):
            continue  # 一直, 两国: numerals only before a unit; 一个/两国 say "a"/"both", not a figure
        if spelled and not has_cjk(num):
            continue
        if s > 0 and norm[s - 1] in _VAGUE:
            continue
        amount = _float(num)
        if amount is None:
            continue
        for c in m.group("scale"):
            amount *= _CJK_LARGE.get(c) or _CJK_SMALL[c]
        unit_class = _CJK_UNITS.get(unit, "")
        if unit_class == "duration:year" and num.isdigit() and len(num) == 4:
            continue  # 2030年 is a year (read above), never a duration
        if not unit and not has_cjk(norm):
            continue  # plain digits in a text with no CJK: the English reader below takes them
        add(Value("number", amount, unit_class, text[s:e].rstrip(), s, e, spelled=spelled))
    english: list[tuple[Value, float]] = []  # (value, the scale word's factor)
    for m in _EN_NUMBER.finditer(norm):
        s, e = m.span()
        s = m.start("cur") if m.group("cur") else m.start("num")
        if not free(s, e) or _glued(norm, m.start("num"), m.end("num") if not m.group("scale") else m.end("scale")):
            continue
        num = m.group("num")
        amount = float(num.replace(",", ""))
        scale = (m.group("scale") or "").lower()
        if scale in ("m", "b") and not m.group("cur"):
            scale = ""  # "5 m" is metres, "3 b" is a label; only "$5m" is money
        if scale:
            amount *= _EN_SCALE[scale]
        unit = "percent" if m.group("pct") else _EN_UNITS.get((m.group("unit") or "").lower(), "")
        if m.group("cur"):
            unit = _CURRENCY_SIGNS[m.group("cur").upper()] if m.group("cur").upper() in _CURRENCY_SIGNS else "money:"
        if not unit and not scale and "." not in num and "," not in num and len(num) == 4 and 1800 <= amount <= 2100:
            add(Value("year", amount, "year", text[s:e].rstrip(), s, m.end("num")))
            continue
        end = e if (m.group("unit") or m.group("pct") or scale) else m.end("num")
        english.append((Value("number", amount, unit, text[s:end].rstrip(), s, end), _EN_SCALE.get(scale, 1.0)))
    for v in _ranges(norm, english):
        add(v)
    for m in _EN_WORD_NUMBER.finditer(norm):
        if free(m.start(), m.end()):
            unit = _EN_UNITS[m.group("unit").lower()]
            for g in ("num", "num2"):
                if m.group(g):
                    add(Value("number", float(_EN_WORDS[m.group(g).lower()]), unit, text[m.start(g):m.end()],
                              m.start(g), m.end(), spelled=True))
    for m in _EN_WORD_SCALE.finditer(norm):
        if free(m.start(), m.end()):
            add(Value("number", _EN_WORDS[m.group("num").lower()] * _EN_SCALE[m.group("scale").lower()], "",
                      text[m.start():m.end()], m.start(), m.end(), spelled=True))
    for m in _EN_ONE.finditer(norm):
        if not free(m.start(), m.end()):
            continue
        if m.group("scale"):
            unit = _EN_UNITS.get((m.group("unit2") or "").lower(), "")
            add(Value("number", _EN_SCALE[m.group("scale").lower()], unit, text[m.start():m.end()], m.start(), m.end(),
                      spelled=True))
        elif _DURATION_BEFORE.search(norm[max(0, m.start() - 12):m.start()]):  # "for a week"; "$5bn a year" is a rate
            add(Value("number", 1.0, _EN_UNITS[m.group("unit").lower()], text[m.start():m.end()], m.start(), m.end(),
                      spelled=True))
    for m in _TWICE.finditer(norm):
        if free(m.start(), m.end()) and m.group().lower() == "twice":
            add(Value("number", 2.0, "times", text[m.start():m.end()], m.start(), m.end(), spelled=True))
    return sorted((v for v in out if v.kind != "time"), key=lambda v: v.start)


def _ranges(text: str, found: list[tuple[Value, float]]) -> list[Value]:
    """The first end of "X to Y million" / "X and Y per cent" takes the scale and unit of the second."""
    out = [v for v, _ in found]
    for k in range(len(found) - 1):
        (a, a_scale), (b, b_scale) = found[k], found[k + 1]
        if (a_scale == 1.0 and a.unit in ("", b.unit) and (b_scale != 1.0 or b.unit)
                and _EN_RANGE_GAP.match(text[a.end:_number_start(b)])):
            out[k] = replace(a, amount=a.amount * b_scale, unit=b.unit)
    return out


def _number_start(v: Value) -> int:
    """Where the digits of an English value start (after a currency sign: "S$14.3 billion")."""
    m = re.search(r"\d", v.text)
    return v.start + (m.start() if m else 0)


def _month_alone_ok(text: str, start: int, word: str) -> bool:
    """A month name alone is a date only after "in/by/since/until/from/of" ("in June"), and never
    the modal "may" or an abbreviation inside a word."""
    if word.lower() in ("may", "mar", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "jan", "feb", "apr", "sept"):
        return word[0].isupper() and len(word) > 3 and re.search(r"(?i)\b(in|by|since|until|from|of|before|after|early|late|mid|end)\s+$", text[max(0, start - 10):start]) is not None
    return word[0].isupper()


def same_amount(a: Value, b: Value) -> bool:
    if a.amount is None or b.amount is None:
        return False
    return abs(a.amount - b.amount) <= 1e-6 * max(abs(a.amount), abs(b.amount), 1.0)


def same_date(a: Value, b: Value) -> bool:
    """Compatible dates: every field both give is equal, and they share the month."""
    (ya, ma, da), (yb, mb, db) = a.date, b.date
    if ma is None or mb is None:  # a day of the month alone ("8日", "on the 8th"): the days must agree
        return da is not None and da == db and (ma is None or mb is None or ma == mb)
    if ma != mb:
        return False
    return (da is None or db is None or da == db) and (ya is None or yb is None or ya == yb)


def matches(a: Value, b: Value) -> bool:
    """The same value written two ways (a unit missing on one side is not a difference)."""
    if {a.kind, b.kind} == {"date", "year"}:  # 2026年 and January 1, 2026 agree on the year
        date, year = (a, b) if a.kind == "date" else (b, a)
        return date.date[0] is not None and year.amount == date.date[0]
    if a.kind == "date" or b.kind == "date":
        return a.kind == b.kind and same_date(a, b)
    return same_amount(a, b)  # a number and a year of the same amount are one value ("2023春节", "2023")


def unit_agrees(a: Value, b: Value) -> bool:
    """Both values measure the same specific kind of thing (a bare count or an unknown unit does not say)."""
    if a.kind != b.kind:
        return False
    if a.kind in ("date", "year"):
        return True
    if not a.unit or not b.unit or "count" in (a.unit, b.unit):
        return False
    ua, ub = a.unit, b.unit
    if ua.startswith("money:") and ub.startswith("money:"):
        return ua == ub or ua == "money:" or ub == "money:"
    return ua == ub
