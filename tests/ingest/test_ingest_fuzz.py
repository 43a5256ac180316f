"""Hostile input for every reader: random bytes, odd Unicode, deep nesting. Never an exception,
only Articles with text or InputErrors naming the file."""
import gzip
import json
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storytrace.ingest import read_paths
from storytrace.ingest.clean import clean_article
from storytrace.model import Article, InputError

EXTENSIONS = [".txt", ".md", ".html", ".json", ".jsonl", ".warc", ".rss", ".xml", ".txt.gz", ".unknown"]
ODD_UNICODE = st.text(
    alphabet=st.sampled_from(list("abc \n\"'{}[]<>:#-—“”") + ["\u200f", "\u200b", "\u0301", "\u202e", "\ufeff", "中", "\U0001f600"]),
    max_size=300,
)
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def read_all(path: Path):
    items = list(read_paths([path], max_bytes=64 * 1024))
    for item in items:
        assert isinstance(item, (Article, InputError))
        if isinstance(item, Article):
            assert item.original_text.strip() and item.id
            clean_article(item)  # the cleaner and language tagger must take whatever a reader lets through
        else:
            assert item.path == str(path) and item.problem and "\n" not in item.problem
    return items


@FUZZ
@given(data=st.binary(max_size=2000), ext=st.sampled_from(EXTENSIONS))
def test_random_bytes_never_raise(tmp_path_factory, data, ext):
    path = tmp_path_factory.mktemp("fuzz") / f"f{ext}"
    path.write_bytes(gzip.compress(data) if ext.endswith(".gz") else data)
    read_all(path)


@FUZZ
@given(text=ODD_UNICODE, ext=st.sampled_from(EXTENSIONS))
def test_odd_unicode_never_raises(tmp_path_factory, text, ext):
    path = tmp_path_factory.mktemp("fuzz") / f"f{ext}"
    path.write_bytes(gzip.compress(text.encode()) if ext.endswith(".gz") else text.encode())
    read_all(path)


@FUZZ
@given(obj=st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(
        ["id", "text", "title", "published", "language", "author", "url", "outlet", "x"]), children, max_size=6),
    max_leaves=20,
))
def test_json_with_wrong_types_never_raises(tmp_path_factory, obj):
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "one.json").write_text(json.dumps(obj))
    (folder / "rows.jsonl").write_text(json.dumps(obj) + "\n" + json.dumps({"text": "Fine body.", "x": obj}) + "\n")
    read_all(folder / "one.json")
    items = read_all(folder / "rows.jsonl")
    assert any(isinstance(a, Article) and a.original_text == "Fine body." for a in items)


def test_deeply_nested_html_is_an_error_or_text_quickly(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 20000 + "Some words here that are enough for a paragraph." + "</div>" * 20000)
    started = time.perf_counter()
    read_all(path)
    assert time.perf_counter() - started < 30


def test_huge_single_line_text_file(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("Title\n\n" + "word " * 200_000)
    started = time.perf_counter()
    items = list(read_paths([path]))
    (article,) = items
    clean_article(article)
    assert len(article.text) == len("word " * 200_000) - 1  # trailing space stripped by the reader
    assert time.perf_counter() - started < 20
