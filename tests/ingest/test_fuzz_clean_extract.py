"""Hostile text through the cleaner, every extractor and `storytrace compare` input lines (issue 7).

Random Unicode with right-to-left and zero-width marks, combining marks, odd and unbalanced quotes
(spanning paragraphs), huge numbers ("10^400", 400-digit figures), very long lines. Properties: no
exception, every span inside the text and ``text[start:end]`` equal to what the span claims, and
every cleaned offset maps back to the same character of the original text.
"""
from __future__ import annotations

import json
import math
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storytrace.compare import Comparer, PairInput, read_pairs
from storytrace.ingest.clean import clean_article
from storytrace.model import Article, InputError, Quantity
from storytrace.nlp.dates import extract_dates
from storytrace.nlp.language import identify_language_with_confidence, tag_language_spans
from storytrace.nlp.quantities import parse_number_words
from storytrace.nlp.quotes import find_quote_spans
from storytrace.nlp.segment import SentenceIndex, split_paragraphs

RTL_AND_ZERO_WIDTH = ["\u200f", "\u200e", "\u202e", "\u202b", "\u202c", "\u2066", "\u2067", "\u2069", "\u061c",
                      "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"]
COMBINING = ["\u0301", "\u0308", "\u0327", "\u20dd", "\u0489", "\u036f"]
ODD_QUOTES = ['"', "'", "“", "”", "‘", "’", "«", "»", "„", "‟", "‹", "›", "「", "」", "『", "』", "＂", "″", "`", "´"]
HUGE_NUMBERS = ["10^400", "1e400", "9" * 400, "$" + "9" * 400 + "bn", "1" * 400 + " per cent of GDP",
                "-" + "8" * 400, "0." + "0" * 399 + "1", "10**400", "2^1000000 tons", "9" * 30 + " years ago",
                "on the " + "9" * 20 + "th", "March 99, 99999", "between " + "9" * 400 + " and " + "8" * 400 + " people",
                "nine hundred trillion quadrillion billion million thousand", "€1,000,000,000,000,000,000,000,000bn"]
NEWS_PIECES = [
    "said ", "Paul Tremblay ", "Tremblay ", "Maria Lopez, a former trade official, ", "March 11 ", "the 12th ",
    "$5bn ", "\\$4.2bn ", "2.5 per cent of GDP ", "according to Reuters ", "told the Guardian ", "he added. ",
    "Translation by Ana Ruiz. ", "Original: http://x.example/1 ", "last month ", "three weeks ago ", "yesterday ",
    "the European Commission ", "Prime Minister ", "二〇二四年三月。", "مرحبا بالعالم ", "שלום ", ". ", ", ",
]
DEBRIS_LINES = ["\nAdvertisement\n", "\nShare this article\n", "\n[Read more](#)\n", "\nPhoto: AP\n",
                "\nSign up for our newsletter\n", "\n> \"A pulled quote,\" he said.\n"]
BREAKS = ["\n", "\n\n", "\n\n\n", "\r\n", "\t", "  "]

hostile_piece = st.one_of(
    st.sampled_from(RTL_AND_ZERO_WIDTH + COMBINING + ODD_QUOTES + HUGE_NUMBERS + NEWS_PIECES + DEBRIS_LINES + BREAKS),
    st.text(max_size=15),  # any Unicode (hypothesis leaves out lone surrogates; see the compare test for those)
)
hostile_text = st.lists(hostile_piece, max_size=50).map("".join)
READ_DATES = st.one_of(st.none(), st.dates(min_value=date(1800, 1, 1), max_value=date(2200, 12, 31)))  # ingest's range

FAST = settings(max_examples=150, deadline=None)
SLOW = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def long_line(n_words: int = 40_000) -> str:
    """One line of ~300k characters mixing every hostile kind, with no paragraph break."""
    unit = "Paul Tremblay said \u200f“it cost " + "9" * 40 + "\u200b bn” and ‘10^400 ” per cent « of GDP e\u0301 "
    return (unit * (n_words // 12 + 1))[: n_words * 7]


# -- the cleaner ---------------------------------------------------------------------------------
def check_clean(a: Article, original: str) -> None:
    assert a.original_text == original  # nothing is rewritten in place
    text = a.text
    for i, ch in enumerate(text):  # every cleaned character is the original one at its mapped offset
        j = a.offset_map.to_original(i)
        assert 0 <= j < len(original) and original[j] == ch
    previous_end = 0
    for r in a.removals:
        assert 0 <= r.start < r.end <= len(original) and r.text == original[r.start : r.end]
        assert r.start >= previous_end  # sorted, no overlap
        previous_end = r.end
    # kept characters and removed characters tile the original exactly
    assert len(text) + sum(r.end - r.start for r in a.removals) == len(original)
    for s in a.language_spans:
        assert 0 <= s.start < s.end <= len(text) and s.language


@FAST
@given(text=hostile_text)
def test_cleaner_keeps_every_character_accounted_for(text):
    a = Article(id="c", source_path="", original_text=text)
    clean_article(a)
    check_clean(a, text)
    cleaned, offset_map = a.text, a.offset_map
    clean_article(a)  # idempotent
    assert a.text == cleaned and a.offset_map == offset_map


def test_cleaner_on_a_very_long_hostile_line():
    text = "Title\n\n" + long_line() + "\nAdvertisement\n" + long_line(2_000)
    a = Article(id="long", source_path="", original_text=text)
    clean_article(a)
    check_clean(a, text)
    assert "Advertisement" not in a.text and a.text.count("Paul Tremblay") > 1000


# -- extractors without the parser ----------------------------------------------------------------
@FAST
@given(text=hostile_text)
def test_paragraphs_and_quote_spans_stay_inside_the_text(text):
    paragraphs = split_paragraphs(text)
    previous_end = 0
    for p in paragraphs:
        assert previous_end <= p.start < p.end <= len(text)
        assert text[p.start : p.end] == text[p.start : p.end].strip()
        previous_end = p.end
    for piece in find_quote_spans(text, paragraphs):
        assert 0 <= piece.open_mark <= piece.start <= piece.end <= piece.close_mark <= len(text)


@FAST
@given(text=hostile_text, published=READ_DATES)
def test_dates_resolve_or_are_skipped(text, published):
    for m in extract_dates(text, SentenceIndex([]), published):
        assert text[m.start : m.end] == m.text and m.start < m.end
        v = m.value
        if v.granularity in ("day", "month"):
            assert 1 <= v.month <= 12
        if v.year is not None and v.granularity in ("day", "month", "year"):
            assert v.iso.startswith(f"{v.year:04d}")
        if v.granularity == "day" and v.year is not None:
            date(v.year, v.month, v.day)  # a real calendar day


@FAST
@given(words=st.lists(st.sampled_from(["nine", "hundred", "thousand", "million", "billion", "trillion", "quadrillion",
                                       "and", "a", "half", "twenty", "-", "one", "zero", "dozen", "x"]), max_size=40))
def test_number_words_read_or_refused(words):
    value = parse_number_words(" ".join(words))
    assert value is None or not math.isnan(value)


@FAST
@given(text=hostile_text)
def test_language_tagging_spans_inside_the_text(text):
    lang, confidence = identify_language_with_confidence(text)
    assert isinstance(lang, str) and 0.0 <= confidence <= 1.0
    previous_end = 0
    for s in tag_language_spans(text):
        assert previous_end <= s.start < s.end <= len(text) and s.language
        previous_end = s.end


def test_language_of_a_very_long_line_is_one_span():
    text = long_line()
    spans = tag_language_spans(text, "en")
    assert [(s.start, s.end) for s in spans] == [(0, len(text.rstrip()))]


# -- the full extraction stage ---------------------------------------------------------------------
def check_extracted(a: Article) -> None:
    text, original = a.text, a.original_text
    assert not any(w.startswith("extraction failed") for w in a.warnings), a.warnings

    def maps_back(start: int, end: int) -> None:
        assert 0 <= start < end <= len(text)
        o_start, o_end = a.original_span(start, end)
        assert 0 <= o_start < o_end <= len(original)
        for i in (start, end - 1):  # both ends map to the same character of the original
            assert original[a.offset_map.to_original(i)] == text[i]

    for p in a.paragraphs:
        maps_back(p.start, p.end)
    previous_end = 0
    for s in a.sentences:
        assert text[s.start : s.end] == s.text and s.start >= previous_end
        para = a.paragraphs[s.paragraph]
        assert para.start <= s.start and s.end <= para.end
        maps_back(s.start, s.end)
        previous_end = s.end
    for m in a.mentions:
        assert text[m.start : m.end] == m.text
        assert 0 <= m.sentence < max(len(a.sentences), 1)
        maps_back(m.start, m.end)
        if isinstance(m.value, Quantity):
            assert not math.isnan(m.value.value) and (m.value.high is None or not math.isnan(m.value.high))
    for q in a.quotes:
        assert text[q.start : q.end] == q.text
        if q.end > q.start:
            maps_back(q.start, q.end)
    for r in a.roles:
        assert text[r.start : r.end] == r.title
        maps_back(r.start, r.end)
    for at in a.attributions:
        if at.end == at.start:  # the cue of a line the cleaner removed: an empty span where it was
            assert 0 <= at.start <= len(text) and at.kind in ("translation_by", "original_url")
        else:
            maps_back(at.start, at.end)


def test_a_text_that_is_only_a_translator_line_keeps_the_cue_at_an_empty_span(extractor):
    # Found by hypothesis: the whole text is a credit line the cleaner removes.
    a = Article(id="t", source_path="", original_text="Translation by Ana Ruiz. ")
    clean_article(a)
    extractor.process(a)
    check_extracted(a)
    assert [(at.kind, at.target, at.start, at.end) for at in a.attributions] == [("translation_by", "Ana Ruiz", 0, 0)]


@SLOW
@given(text=hostile_text, published=READ_DATES)
def test_extraction_spans_match_and_map_back(extractor, text, published):
    a = Article(id="x", source_path="", original_text=text, published=published)
    clean_article(a)
    extractor.process(a)  # raises on any failure
    check_extracted(a)


UNBALANCED = [
    '“He said the deal was done,\n\nand then it was not, said Paul Tremblay.\n\n"Another opens here\n\nand never closes',
    "»Reversed guillemets« and «unclosed\n\n„German low quote and ‚single’ ' ' '\n\n” stray closer, he said.",
    '"' * 300 + "\n\n" + "“" * 200 + "word" + "”" * 7,
    "‘It’s the ministers’ view,’ said Maria Lopez, a former trade official. ‘Unclosed\n\nstill quoting",
]


@pytest.mark.parametrize("text", UNBALANCED)
def test_unbalanced_quotes_across_paragraphs(extractor, text):
    a = Article(id="q", source_path="", original_text=text)
    clean_article(a)
    extractor.process(a)
    check_extracted(a)
    for q in a.quotes:  # a quote never crosses a paragraph break
        assert "\n\n" not in q.text


def test_huge_numbers_are_read_without_nan_and_spans_match(extractor):
    text = "\n\n".join(f"The bill came to {n}, said Paul Tremblay on March 3." for n in HUGE_NUMBERS)
    a = Article(id="n", source_path="", original_text=text, published=date(2024, 3, 10))
    clean_article(a)
    extractor.process(a)
    check_extracted(a)
    quantities = [m.value.value for m in a.mentions if m.kind == "quantity"]
    assert len(quantities) >= len(HUGE_NUMBERS) // 2
    assert any(math.isinf(v) or v >= 1e300 for v in quantities)  # a 400-digit figure is read, as a huge value


def test_very_long_line_is_extracted_in_slices(extractor):
    text = "A long one\n\n" + long_line(12_000)
    a = Article(id="long", source_path="", original_text=text)
    clean_article(a)
    extractor.process(a)
    check_extracted(a)
    assert a.sentences and a.sentences[-1].end <= len(a.text)
    assert sum(1 for m in a.mentions if m.kind == "person") > 10


# -- `storytrace compare` input lines --------------------------------------------------------------
json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | hostile_text,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(
        st.sampled_from(["id", "source", "derived", "label", "x"]), children, max_size=4),
    max_leaves=10,
)
raw_line = st.one_of(
    json_value.map(lambda v: json.dumps(v, ensure_ascii=False)),
    st.builds(lambda s, d: json.dumps({"id": 1, "source": s, "derived": d}), hostile_text, hostile_text),
    st.sampled_from(['{"id": 1, "source": "\\ud800 a", "derived": "b \\udfff"}', "{" * 5000, "[" * 100_000,
                     '{"id": ' + "9" * 5000 + ', "source": "a", "derived": "b"}', "NaN", "\x00\x01", "{\"source\": 1e999}"]),
    st.text(max_size=80),
)


@FAST
@given(lines=st.lists(raw_line, max_size=8))
def test_compare_input_lines_are_pairs_or_line_errors(tmp_path_factory, lines):
    path = tmp_path_factory.mktemp("pairs") / "in.jsonl"
    path.write_text("\n".join(ln.replace("\n", " ").replace("\r", " ") for ln in lines) + "\n", encoding="utf-8",
                    errors="surrogatepass")
    items = list(read_pairs(path))
    for item in items:
        if isinstance(item, InputError):
            assert item.path == str(path) and item.line >= 1 and "\n" not in item.problem
        else:
            assert isinstance(item, PairInput) and item.source.strip() and item.derived.strip()
            for s in (item.id, item.source, item.derived):
                s.encode("utf-8")  # no lone surrogate gets through to spaCy or the output file


@pytest.fixture(scope="module")
def comparer():
    return Comparer()


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(pairs=st.lists(st.tuples(hostile_text, hostile_text), min_size=1, max_size=4))
def test_compare_on_hostile_pairs_gives_valid_results(comparer, pairs):
    inputs = [PairInput(str(i), s + " x", d + " y") for i, (s, d) in enumerate(pairs)]
    check_compare_results(inputs, list(comparer.compare(inputs)))


def test_compare_on_huge_numbers_and_surrogates(comparer, tmp_path):
    path = tmp_path / "pairs.jsonl"
    rows = [{"id": "big", "source": "The plan costs $5bn, said Paul Tremblay. He added more.",
             "derived": f"The plan costs ${'9' * 400}bn, said Paul Tremblay. He added more."},
            {"id": "pow", "source": "The tax was 10^400 dollars on 10 March 2024.",
             "derived": f"The tax was {'1' * 400} dollars on the 99999999999th of March."},
            {"id": "inf", "source": "Shares fell 3.5% on Monday, said Ana Ruiz.", "derived": "Shares fell 1e400% on Monday, said Ana Ruiz."}]
    text = "\n".join(json.dumps(r) for r in rows) + '\n{"id": "sur", "source": "Fire \\ud800 hit.", "derived": "Fire hit \\udc00."}\n'
    path.write_text(text)
    inputs = [p for p in read_pairs(path) if isinstance(p, PairInput)]
    assert [p.id for p in inputs] == ["big", "pow", "inf", "sur"]
    results = list(comparer.compare(inputs))
    check_compare_results(inputs, results)
    assert not results[0].consistent  # $5bn -> a 400-digit figure is a change


def check_compare_results(inputs, results):
    assert [r.id for r in results] == [p.id for p in inputs]
    for r in results:
        d = r.to_dict()
        json.dumps(d, allow_nan=False, ensure_ascii=False).encode("utf-8")  # strict JSON, valid UTF-8
        assert isinstance(d["consistent"], bool) and 0.0 <= d["score"] <= 1.0
        for f in d["findings"]:
            article = r.articles[f["article"]]
            start, end = f["claim_span"]
            assert 0 <= start <= end <= len(article.original_text)
            if f["source_span"] and f["source_article"] in r.articles:
                s_start, s_end = f["source_span"]
                assert 0 <= s_start <= s_end <= len(r.articles[f["source_article"]].original_text)
