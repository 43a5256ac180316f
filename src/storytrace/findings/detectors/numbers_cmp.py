"""number_change and date_change: numbers of the derived text compared on normalised values.

A derived number is supported when the aligned source sentences have the same value (rounding
aside). When it is missing there but the aligned sentence has a number about the same thing
(the same noun, or the only number there) that the derived sentence lost, it is a change; when the
source has it elsewhere it is supported; otherwise it is an unsupported addition.
"""
from __future__ import annotations

import math
import re

from storytrace.findings.common import PairContext, make_finding, span_text
from storytrace.findings.conversions import currency, is_bracketed_conversion
from storytrace.findings.severity import Signal, lower_to_medium
from storytrace.findings.lexicon import MONTHS, SCALE_WORDS, WEEKDAYS
from storytrace.findings.clauses import governor
from storytrace.findings.registry import detector
from storytrace.findings.said_another_way import said_another_way, time_said_from_writing
from storytrace.findings.slots import same_word
from storytrace.findings.quantity_words import disagree, quantity_words
from storytrace.findings.numbers import NumberValue, raw_values, time_unit_follows, read_two_ways, second_values, sentence_numbers
from storytrace.findings.text import ParsedSentence, Token
from storytrace.model import Finding
from storytrace.nlp.attribution import dateline_length

# How this detector's explanation of a change between two amounts of time begins: the tagger calls such
# spans DATE, so they are found as date_change, and typed_as_amount_of_time makes them number_change once
# the pair's severity is settled. (attributes_cmp's "The span of time changed": the same count of another
# unit, "the two-year anniversary" / "the two-month anniversary", often says when: it stays a date_change.)
AMOUNT_OF_TIME_LEAD = "The amount of time changed:"

# Numbers too common in ordinary prose to be checked when written as words.
_WEAK_WORDS = frozenset({"one", "once", "single", "half", "first", "couple", "pair"})


def _is_weak(n: NumberValue) -> bool:
    return n.text.lower() in _WEAK_WORDS


def _is_rank(sentence: ParsedSentence, n: NumberValue) -> bool:
    """An ordinal that ranks something ("the third quarter"); a day of the month ("on the 12th")
    is a date and compares with "March 12"."""
    return n.is_ordinal and not _day_of_month(sentence, n)


_DAY_PREPOSITIONS = frozenset("on by until till from since before after of".split())


def _day_of_month(sentence: ParsedSentence, n: NumberValue) -> bool:
    """ "on the 12th", "March 12th": an ordinal of 1-31 in figures that ranks no noun ("the 19th
    century" and "the 3rd quarter" are ranks), in a date or after "<preposition> the" (the tagger
    often calls "on the 12th" an ORDINAL, not a DATE)."""
    if not (n.is_ordinal and 1 <= n.value <= 31) or not n.text[:1].isdigit():
        return False
    after = [t for t in sentence.tokens if t.start >= n.end][:1]
    if after and after[0].pos in ("NOUN", "PROPN"):
        return False
    before = [t.lower for t in sentence.tokens if t.end <= n.start][-2:]
    return _is_date(sentence, n) or (len(before) == 2 and before[1] == "the" and before[0] in _DAY_PREPOSITIONS)


def _is_date(sentence: ParsedSentence, n: NumberValue) -> bool:
    return n.is_year or any(t.ent_type in ("DATE", "TIME") for t in sentence.tokens if t.start >= n.start and t.end <= n.end)


def _head_noun(sentence: ParsedSentence, n: NumberValue) -> str:
    """The noun a number counts ("330 plants" -> plant), for pairing numbers across versions."""
    idx = [i for i, t in enumerate(sentence.tokens) if t.start >= n.start and t.end <= n.end]
    if not idx:
        return ""
    tok = sentence.tokens[idx[-1]]
    head = sentence.tokens[tok.head]
    if head.pos in ("NOUN", "PROPN") and head is not tok:
        return head.lemma
    nxt = idx[-1] + 1
    while nxt < len(sentence.tokens) and sentence.tokens[nxt].pos in ("ADJ", "NOUN", "SYM", "NUM", "PUNCT") and sentence.tokens[nxt].text not in ",;":
        if sentence.tokens[nxt].pos == "NOUN":
            return sentence.tokens[nxt].lemma
        nxt += 1
    return ""


@detector("numbers", scope="pair", types=("number_change", "date_change", "unsupported_addition"),
          severity={"number_change": "high", "date_change": "high"}, rank={"number_change": 40, "date_change": 50},
          strict=("number_change", "date_change"))
def detect_numbers(ctx: PairContext) -> list[Finding]:
    findings: list[Finding] = _identifier_changes(ctx) + _quantity_word_changes(ctx)
    all_source = [(s, n) for s in ctx.src.sentences for n in sentence_numbers(s)]
    source_raw = raw_values(ctx.source.text or ctx.source.original_text)
    for sentence in ctx.der.sentences:
        derived_numbers = sentence_numbers(sentence)
        if not derived_numbers:
            continue
        aligned = ctx.aligned_source(sentence.index)
        aligned_numbers = [(s, n) for s in aligned for n in sentence_numbers(s)]
        for n in derived_numbers:
            if _is_weak(n):
                continue
            flipped = _flipped_bound(sentence, n, aligned_numbers)
            if flipped is not None:
                src_sentence, m = flipped
                findings.append(make_finding(
                    ctx, "number_change", sentence, _bound_text(sentence, n), src_sentence, _bound_text(src_sentence, m),
                    f"The bound is reversed: the source says \"{_bound_text(src_sentence, m)}\", this version says "
                    f"\"{_bound_text(sentence, n)}\".", 0.75,
                ))
                continue
            rank = _is_rank(sentence, n)
            if any(n.matches(m) and _is_rank(s, m) == rank for s, m in aligned_numbers):
                continue  # a rank is matched by a rank: "third quarter" is not "3 roads"
            if not rank and any(n.matches_value(v) for s in aligned for v in raw_values(s.text)):
                continue  # written another way there ("272.000", "2:0", "both")
            if not rank and _one_value_written_two_ways(sentence, n, aligned, aligned_numbers):
                continue  # "3 000" for "3,000", "2.5" for "two and a half"
            if any(said_another_way(n.value, n.start - sentence.start, n.end - sentence.start, sentence.text, s.text)
                   for s in aligned):
                continue  # "three" of "the first three quarters" for "January to September"; "up 100%" / "doubled"
            if rank and _century_of_a_source_year(sentence, n, " ".join(s.text for s in aligned)):
                continue  # "the 19th century" renders "the 1800s"
            slot = _slot_partner(sentence, n, derived_numbers, aligned_numbers, ctx)
            if rank:
                # A rank is supported by the same rank only: "third quarter" is not backed by a
                # "3" somewhere else in the article.
                elsewhere = any(m.is_ordinal and n.matches(m) for _, m in all_source) \
                    or _century_of_a_source_year(sentence, n, ctx.source.text)
                slot = slot or _ranked_partner(sentence, n, all_source)
            else:
                elsewhere = any(n.matches(m) for _, m in all_source) or any(n.matches_value(v) for v in source_raw)
            if slot is None and elsewhere:
                continue
            kind = "date_change" if _is_date(sentence, n) else "number_change"
            if slot is not None:
                src_sentence, m = slot
                if kind == "number_change" and _is_date(src_sentence, m):
                    kind = "date_change"
                what = "date" if kind == "date_change" else "number"
                if kind == "date_change" and _amounts_of_time(sentence, n, src_sentence, m):
                    what = "amount of time"  # "2 years" / "2 1/2 years": how long, not when
                if kind == "number_change" and _converted_apart(sentence, n, src_sentence, m):
                    findings.append(make_finding(
                        ctx, kind, sentence, n.text, src_sentence, m.text,
                        f"The source says \"{_as_written(src_sentence, m)}\", this version says \"{_as_written(sentence, n)}\","
                        " in another currency, in brackets after an amount it converts: one amount at two exchange rates,"
                        " which the pair cannot check.", 0.4, severity="low"))
                    continue
                missing = _missing_signal(sentence, n, src_sentence, m, rank)
                finding = make_finding(
                    ctx, kind, sentence, n.text, src_sentence, m.text,
                    f"The {what} changed: the source says \"{_as_written(src_sentence, m)}\", this version says "
                    f"\"{_as_written(sentence, n)}\".", 0.85 if not elsewhere else 0.6,
                )
                findings.append(lower_to_medium(finding, *missing) if missing else finding)
            else:
                there = " ".join(s.text for s in aligned)
                relative, phrase = time_said_from_writing(
                    n.value, n.is_year, n.start - sentence.start, sentence.text, there, ctx.source.published)
                if relative and ctx.source.published is not None:
                    continue  # "2022" for "last year", "in 53 years" for "since 1969", in a text written in 2023
                explanation = f"The number \"{n.text}\" appears nowhere in the source."
                if relative:
                    explanation += (f' Low: the source says "{phrase}" here, and a version may say that time from the'
                                    " calendar or from the day of writing; without the source's date the pair cannot"
                                    " check which year that is.")
                if rank:
                    explanation = _rank_explanation(sentence, n, all_source) or explanation
                elsewhere = ctx.other_versions_with(lambda article, n=n: _says_number(article, n))
                # another version reporting the same figure makes it a shared fact, not an invention;
                # a date in the version's own dateline says when it was filed, no fact of the story
                filed = n.end <= sentence.start + dateline_length(sentence.text)
                if filed:
                    explanation += " Low: it is the date of this version's dateline, when it was filed."
                low = bool(elsewhere) or filed or relative
                findings.append(make_finding(
                    ctx, "unsupported_addition", sentence, n.text, None, "", explanation + ctx.support_note(elsewhere),
                    0.5 if low else 0.7, severity="low" if low else None,
                ))
    return findings


def _converted_apart(sentence: ParsedSentence, n: NumberValue, src_sentence: ParsedSentence, m: NumberValue) -> bool:
    """Two figures in different currencies, one of them a bracketed conversion of the amount before it
    ("40 million euros ($52 million)" / "40 million euros (35 million pounds)"): no changed figure."""
    def where(s: ParsedSentence, v: NumberValue) -> tuple[str, int, int]:
        return s.text, v.start - s.start, v.end - s.start
    mine, theirs = currency(*where(sentence, n)), currency(*where(src_sentence, m))
    return bool(mine and theirs and mine != theirs) \
        and (is_bracketed_conversion(*where(sentence, n)) or is_bracketed_conversion(*where(src_sentence, m)))


def _amounts_of_time(sentence: ParsedSentence, n: NumberValue, src_sentence: ParsedSentence, m: NumberValue) -> bool:
    """Are both figures, where they stand, amounts of time ("sentenced to 2 years" / "to 2 1/2 years",
    "for three days" / "for four days", "a 20-year sentence"), not points in time ("three days ago",
    "two years later", "March 12", "in 2019")?"""
    return not (n.is_year or m.is_year) and time_unit_follows(sentence.text, n.end - sentence.start) \
        and time_unit_follows(src_sentence.text, m.end - src_sentence.start)


def typed_as_amount_of_time(f: Finding) -> Finding:
    """A change between two amounts of time is a number_change: how long, not when (DESIGN:
    number_change, a quantity changed in value, unit or scale; the cross-language detector types a
    duration so). Found as date_change (the tagger calls such spans DATE) and told by its explanation
    (AMOUNT_OF_TIME_LEAD); typed here, once the pair's severity is settled (pairwise.detect_pair):
    typed earlier, a number_change and a date_change with one changed figure in one sentence would
    read as two detectors agreeing (merge.py), a signal the change does not have, and a severity
    would rise. The type only: the severity stays."""
    if f.type == "date_change" and f.explanation.startswith(AMOUNT_OF_TIME_LEAD):
        f.type = "number_change"
    return f


def _one_value_written_two_ways(sentence: ParsedSentence, n: NumberValue, aligned: list[ParsedSentence],
                                aligned_numbers: list[tuple[ParsedSentence, NumberValue]]) -> bool:
    """Is ``n`` the value its aligned source writes a second way ("2.5" for "two and a half", "3000"
    for "3 000"), or a piece of a figure this sentence writes a second way whose whole value the source
    gives ("3" and "000" of "3 000" for "3,000")? Support only: no change is made from these readings."""
    others = second_values(aligned)
    if any(n.matches_value(v) for v in others):
        return True
    return read_two_ways(sentence, n, [m.value for _, m in aligned_numbers] + others
                         + [v for s in aligned for v in raw_values(s.text)])


def _missing_signal(sentence: ParsedSentence, n: NumberValue, src_sentence: ParsedSentence, m: NumberValue,
                    rank: bool) -> tuple[Signal, str] | None:
    """The signal a changed figure lacks for high and why (None when it has both). High needs the two
    values to be about the same thing, named by one noun or unit on both sides (a rank ranks the
    same noun), and a difference that no rendering explains: two figures a power of ten apart,
    written with different scale words ("1.2 billion" / "120 million"), are a scale word read two
    ways (Chinese 万 and 亿 count in ten-thousands), which one version misread the pair cannot tell."""
    noun = _ranked_noun(sentence, n) if rank else _unit(sentence, n)
    if not noun or noun != (_ranked_noun(src_sentence, m) if rank else _unit(src_sentence, m)):
        return (Signal.SAME_QUANTITY, "no noun or unit names what both figures count, so they may not be about the"
                " same thing (one signal: the figure that takes its place in the sentence).")
    if _scale_slip(n, m, _as_written(sentence, n), _as_written(src_sentence, m)):
        return (Signal.CLEAR_DIFFERENCE, "the figures are a power of ten apart and written with different scale"
                " words, the mark of a scale word (thousand, million, 万, 亿) rendered two ways; either version may"
                " have misread it.")
    return None


_SIGN = re.compile(r"[$€£¥%]|\bper ?cent\b|\bpercent\b")


def _unit(sentence: ParsedSentence, n: NumberValue) -> str:
    """What a figure counts: its noun ("330 plants"), else the sign written with it ("$210bn", "8%")."""
    noun = _head_noun(sentence, n)
    if noun:
        return noun
    before = sentence.text[:n.start - sentence.start].rstrip()[-1:]
    after = _SIGN.match(sentence.text[n.end - sentence.start:].lstrip().lower())
    sign = before if before and before in "$€£¥" else after.group(0) if after else ""
    return "%" if sign and sign[0] in "p%" else sign


def _scale_words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z]+|[万亿]", text.lower()) if w in SCALE_WORDS or w in "万亿")


def _scale_slip(n: NumberValue, m: NumberValue, written_n: str, written_m: str) -> bool:
    if n.is_year or m.is_year or n.value <= 0 or m.value <= 0:
        return False
    if not (math.isfinite(n.value) and math.isfinite(m.value)):  # a figure of 400 digits reads as infinity
        return False
    ratio = math.log10(max(n.value, m.value) / min(n.value, m.value))
    return abs(ratio - round(ratio)) < 1e-6 and round(ratio) >= 1 \
        and _scale_words(written_n) != _scale_words(written_m)


# Amounts quoted whole around their number: "$210bn", "about 2.5 per cent". A date entity often
# runs on into the clause after it ("March 11, ending two years"), so a date is quoted only as far
# as its calendar words go ("Tuesday, March 11").
_AMOUNT_ENTITIES = frozenset({"MONEY", "PERCENT", "QUANTITY"})
_MAX_QUOTED_TOKENS = 6


def _calendar_word(tok: Token) -> bool:
    return tok.like_num or tok.lower in MONTHS or tok.lower in WEEKDAYS or tok.text == ","


def _as_written(sentence: ParsedSentence, n: NumberValue) -> str:
    """The number as a reader finds it in the text: with the date or amount it belongs to
    ("Tuesday, March 11" rather than "11", "about $120bn" rather than "120bn")."""
    toks = sentence.tokens
    inside = [i for i, t in enumerate(toks) if t.start >= n.start and t.end <= n.end]
    if not inside:
        return n.text
    label = toks[inside[0]].ent_type
    if label == "DATE":
        def belongs(t: Token) -> bool:
            return t.ent_type == "DATE" and _calendar_word(t)
    elif label in _AMOUNT_ENTITIES:
        def belongs(t: Token) -> bool:
            return t.ent_type == label
    else:
        return n.text
    first, last = inside[0], inside[-1]
    while first > 0 and toks[first].ent_iob != "B" and belongs(toks[first - 1]):
        first -= 1
    while last + 1 < len(toks) and toks[last + 1].ent_iob == "I" and belongs(toks[last + 1]):
        last += 1
    while first < inside[0] and toks[first].pos == "PUNCT":
        first += 1
    while last > inside[-1] and toks[last].pos == "PUNCT":
        last -= 1
    if last - first + 1 > _MAX_QUOTED_TOKENS:
        return n.text
    return span_text(sentence, first, last + 1)


def _says_number(article, n: NumberValue) -> bool:
    text = article.text or article.original_text
    return any(n.matches_value(v) for v in raw_values(text))


_YEAR_OR_DECADE = re.compile(r"\b(1\d{3}|20\d{2})(?:'?s)?\b")


def _century_of_a_source_year(sentence: ParsedSentence, n: NumberValue, source_text: str) -> bool:
    """ "The 19th century" where the source gives a year or decade in it ("the 1800s", "1848")."""
    if _ranked_noun(sentence, n) != "century":
        return False
    first = (n.value - 1) * 100
    return any(first <= int(y) <= first + 100 for y in _YEAR_OR_DECADE.findall(source_text))


# Names with a number inside: "Covid-19", "MH17", "F-16", "A320", "802.11g". Starting with a letter
# (or a dotted version number) keeps out times, units and ranks ("10am", "5km", "3rd").
_IDENTIFIER = re.compile(r"(?<![\w.-])(?:[A-Za-z][A-Za-z.-]*\d[\w.-]*|\d+\.\d+[A-Za-z]\w*)")


def _identifiers(text: str) -> list[str]:
    return [m.group(0).rstrip(".-") for m in _IDENTIFIER.finditer(text)]


def _shape(identifier: str) -> str:
    return re.sub(r"\d+", "#", identifier.lower())


def _identifier_changes(ctx: PairContext) -> list[Finding]:
    """A name whose number changed ("Covid-22" for "Covid-19", "802.22g" for "802.11g"): the same
    letters around other digits, where the source never writes this one."""
    source_ids = {i.lower() for i in _identifiers(ctx.source.text)}
    unmatched = [(sentence, ident) for sentence in ctx.der.sentences for ident in _identifiers(sentence.text)
                 if ident.lower() not in source_ids]
    if not unmatched:
        return []
    ids_of = {s.index: _identifiers(s.text) for s in ctx.src.sentences}  # each source sentence read once
    findings = []
    for sentence, ident in unmatched:
        for src_sentence in [*ctx.aligned_source(sentence.index), *ctx.src.sentences]:
            partner = next((i for i in ids_of[src_sentence.index] if _shape(i) == _shape(ident)), None)
            if partner:
                findings.append(make_finding(
                    ctx, "number_change", sentence, ident, src_sentence, partner,
                    f"The number in the name changed: the source says \"{partner}\", this version says \"{ident}\".",
                    0.8))
                break
    return findings


def _rank_explanation(sentence: ParsedSentence, n: NumberValue, all_source) -> str:
    """ "The source speaks of the fourth and first quarter, never the third." """
    ranks = list(dict.fromkeys(m.text.lower() for _, m in _source_ranks(sentence, n, all_source)))
    if not ranks:
        return ""
    return f"The source speaks of the {' and '.join(ranks)} {_ranked_noun(sentence, n)}, never the {n.text.lower()}."


# "more than 40" and "less than 40" bound a figure from opposite sides.
_LOWER_BOUND = re.compile(r"\b(?:more than|over|above|in excess of|at least|exceed(?:s|ed|ing)?|greater than|"
                          r"upwards of)\s+(?:a\s+)?[$€£¥]?$", re.IGNORECASE)
_UPPER_BOUND = re.compile(r"\b(?:less than|fewer than|under|below|at most|up to)\s+(?:a\s+)?[$€£¥]?$", re.IGNORECASE)


def _bound(sentence: ParsedSentence, n: NumberValue) -> int:
    """+1 when the text bounds the number from below ("more than"), -1 from above, 0 otherwise."""
    before = sentence.text[max(0, n.start - sentence.start - 30):n.start - sentence.start]
    return 1 if _LOWER_BOUND.search(before) else -1 if _UPPER_BOUND.search(before) else 0


def _bound_text(sentence: ParsedSentence, n: NumberValue) -> str:
    before = sentence.text[max(0, n.start - sentence.start - 30):n.start - sentence.start]
    m = _LOWER_BOUND.search(before) or _UPPER_BOUND.search(before)
    return (m.group(0) if m else "") + n.text


def _flipped_bound(sentence: ParsedSentence, n: NumberValue,
                   aligned_numbers: list[tuple[ParsedSentence, NumberValue]]):
    """The aligned source figure with the same value bounded from the other side, if any."""
    side = _bound(sentence, n)
    if not side:
        return None
    same = [(s, m) for s, m in aligned_numbers if n.matches(m)]
    if not same or any(_bound(s, m) != -side for s, m in same):
        return None  # one of the source's mentions agrees: nothing reversed
    return same[0]


def _slot_partner(sentence: ParsedSentence, n: NumberValue, derived_numbers: list[NumberValue],
                  aligned_numbers: list[tuple[ParsedSentence, NumberValue]], ctx: PairContext | None = None):
    """The aligned source number this one replaced: unmatched in the derived sentence, and
    about the same noun (or the only unmatched number of the same kind, which this version does
    not give in another sentence rendering that source sentence: see _kept_in_another_rendering)."""
    unmatched = [(s, m) for s, m in aligned_numbers
                 if not _is_weak(m) and not any(m.matches(d) for d in derived_numbers)]
    if not unmatched or _hung_on_a_persons_name(sentence, n):
        return None
    noun = _head_noun(sentence, n)
    for s, m in unmatched:
        if noun and _head_noun(s, m) == noun:
            return s, m
    # Of the same kind: a date for a date, and a rank for a rank ("the second floor" orders floors;
    # "24 Independent Street" names a house), as a rank is matched only by a rank.
    same_kind = [(s, m) for s, m in unmatched if _is_date(s, m) == _is_date(sentence, n)
                 and _is_rank(s, m) == _is_rank(sentence, n)]
    if ctx is not None:
        same_kind = [(s, m) for s, m in same_kind if not _kept_in_another_rendering(ctx, sentence, s, m)]
    if len(same_kind) == 1 and _about_same_thing(sentence, n, *same_kind[0]):
        return same_kind[0]
    return None


def _hung_on_a_persons_name(sentence: ParsedSentence, n: NumberValue) -> bool:
    """A figure the parser hangs as a count on one person's name ("a mother of 13 Lena Ortiz": 13
    children, "13" read as counting "Ortiz"). A single person is not counted: what the figure counts
    is not written, so no figure of the source is known to be the one it replaced, least of all one
    said of that person (her age in "Lena Ortiz, 34,")."""
    inside = [t for t in sentence.tokens if t.start >= n.start and t.end <= n.end]
    if not inside or inside[-1].dep != "nummod":
        return False
    head = sentence.tokens[inside[-1].head]
    return head.tag == "NNP" and head.ent_type == "PERSON"


def _kept_in_another_rendering(ctx: PairContext, sentence: ParsedSentence, src_sentence: ParsedSentence,
                               m: NumberValue) -> bool:
    """Does another sentence of this version, one that renders the same source sentence, give the
    source's value? Then the value was kept, not replaced: a version that splits "She hosted the show
    in 2007" into "... hosted the show in 2007" and an added "She also hosted the Emmys in 2003" did
    not change 2007 to 2003. The only unmatched figure of a kind is taken for the one a new figure
    replaced only because it seems lost."""
    for other in ctx.der.sentences:
        if other.index == sentence.index:
            continue
        if any(a.index == src_sentence.index for a in ctx.aligned_source(other.index)) \
                and any(m.matches(x) for x in sentence_numbers(other)):
            return True
    return False


# Units that make a date a span of time ("25 years ago", "for two weeks"), not a calendar date.
_TIME_UNITS = frozenset("second minute hour day week month year decade century".split())


def _date_kind(sentence: ParsedSentence, n: NumberValue) -> str:
    """'calendar' ("February 7", "2019"), 'span' ("25 years ago") or '' for no date: a span and
    a calendar date are different measures, so neither can be a changed version of the other."""
    if not _is_date(sentence, n):
        return ""
    if n.is_year:
        return "calendar"
    after = [t for t in sentence.tokens if t.start >= n.end][:2]
    if any(t.lemma.lower() in _TIME_UNITS for t in after):
        return "span"
    return "calendar"


def _about_same_thing(sentence: ParsedSentence, n: NumberValue, src_sentence: ParsedSentence, m: NumberValue) -> bool:
    """Are two values, each the only candidate of its kind, about the same thing? They must be
    the same kind of measure (a calendar date is no span of "25 years") and hang off the same
    word or a synonym of it, or off a word the source sentence uses ("will open on July 20" /
    "opens on July 21" yes; "will open on July 20" / "was held in 2019" no: different events)."""
    if _date_kind(sentence, n) != _date_kind(src_sentence, m):
        return False
    mine = governor(sentence, [i for i, t in enumerate(sentence.tokens) if t.start >= n.start and t.end <= n.end])
    theirs = governor(src_sentence, [i for i, t in enumerate(src_sentence.tokens) if t.start >= m.start and t.end <= m.end])
    if mine is None or theirs is None:
        return False
    # Or the word it hangs off is one the source sentence also uses: a summary re-hangs a figure
    # ("12 people were killed" / "the storm killed 15") but still speaks of the same thing.
    return same_word(mine, theirs) or any(t.lemma == mine.lemma for t in src_sentence.tokens)


def _ranked_partner(sentence: ParsedSentence, n: NumberValue, all_source: list[tuple[ParsedSentence, NumberValue]]):
    """The source's rank of the same thing anywhere in the article ("the fourth quarter" for
    "the third quarter"), when the source gives that thing one rank only."""
    ranks = _source_ranks(sentence, n, all_source)
    if len({m.value for _, m in ranks}) != 1 or ranks[0][1].matches(n):
        return None
    return ranks[0]


def _source_ranks(sentence: ParsedSentence, n: NumberValue,
                  all_source: list[tuple[ParsedSentence, NumberValue]]) -> list[tuple[ParsedSentence, NumberValue]]:
    """The source's ranks of what this rank ranks (none when it ranks nothing we can name)."""
    noun = _ranked_noun(sentence, n)
    if not noun:
        return []
    return [(s, m) for s, m in all_source if m.is_ordinal and _ranked_noun(s, m) == noun]


def _ranked_noun(sentence: ParsedSentence, n: NumberValue) -> str:
    """What a rank ranks: the noun right after it ("fourth quarter"), else its head noun."""
    after = [t for t in sentence.tokens if t.start >= n.end]
    if after and after[0].pos == "NOUN":
        return after[0].lemma
    return _head_noun(sentence, n)


def _quantity_word_changes(ctx: PairContext) -> list[Finding]:
    """A quantity word about a noun changed to one on another step of its scale ("most residents" /
    "some residents", "dozens" / "thousands of protesters"; findings/quantity_words.py). Medium: a
    word of no exact value, one signal."""
    findings: list[Finding] = []
    if not all(_english(a.language) for a in (ctx.source, ctx.derived)):
        return findings  # English words: elsewhere the same letters are other words (Hungarian "most" = "now")
    said: set[tuple[str, str]] | None = None
    for sentence, aligned in ctx.aligned_sentences():
        mine = quantity_words(sentence)
        if not mine:
            continue
        if said is None:
            said = {(q.word, q.noun) for s in ctx.src.sentences for q in quantity_words(s)}
        kept = {(q.word, q.noun) for q in mine}
        for q in mine:
            if (q.word, q.noun) in said:
                continue
            for src in aligned:
                theirs = [(p, disagree(q, p)) for p in quantity_words(src) if p.noun == q.noun]
                if not theirs or any(how is None for _, how in theirs):
                    continue  # the source's word there agrees, or is a vague one
                p, how = theirs[0]
                if (p.word, p.noun) in kept:
                    continue  # this version says the source's word for the noun too
                findings.append(make_finding(
                    ctx, "number_change", sentence, q.text, src, p.text,
                    f"The amount changed: the source says {p.text!r}, this version says {q.text!r} ({how}). "
                    "Medium: quantity words give no exact value.", 0.6, severity="medium"))
                break
    return findings


def _english(language: str | None) -> bool:
    """English ("en", "en-GB") or not known."""
    return not language or language.lower().split("-")[0] == "en"
