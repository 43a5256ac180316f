"""The example corpus in examples/ is consistent with its answer key (fast, no models).

examples/corpus/*.md are the articles; examples/distortions.json lists every planted distortion and
examples/expected.json the expected stories and lineage. Later tests check storytrace against them,
so a typo here would silently make those tests wrong.
"""
import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml

from storytrace.findings.registry import finding_types

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
CORPUS = EXAMPLES / "corpus"
FINDING_TYPES = set(finding_types())  # the registry declares them
TRANSLATIONS = {"translation-zh": "zh", "translation-ja": "ja"}  # versions in other languages
FIELDS = {"id", "title", "outlet", "author", "url", "published", "language"}
FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def parse(path):
    text = path.read_text(encoding="utf-8")
    m = FRONT.match(text)
    assert m, f"{path.name}: no front matter"
    return yaml.safe_load(m.group(1)), text[m.end():]


ARTICLES = {p.stem: parse(p) for p in sorted(CORPUS.glob("*.md"))}
DISTORTIONS = json.loads((EXAMPLES / "distortions.json").read_text(encoding="utf-8"))
EXPECTED = json.loads((EXAMPLES / "expected.json").read_text(encoding="utf-8"))


def body(article_id):
    return ARTICLES[article_id][1]


def words(text):
    return len(re.findall(r"\w+(?:['’-]\w+)*", text))


@pytest.mark.parametrize("stem", sorted(ARTICLES))
def test_article_parses(stem):
    meta, text = ARTICLES[stem]
    assert set(meta) == FIELDS
    assert meta["id"] == stem
    assert meta["language"] == ("en" if stem not in TRANSLATIONS else TRANSLATIONS[stem])
    published = meta["published"]
    assert isinstance(published, dt.date) or dt.date.fromisoformat(published)
    assert meta["url"].startswith("https://")
    lines = text.strip().split("\n")
    assert lines[0] == f"# {meta['title']}", "the first body line is the title"
    paragraphs = [p for p in text.strip().split("\n\n")[1:] if p.strip()]
    assert len(paragraphs) >= 5
    assert all(p == p.strip() for p in paragraphs)


def test_version_lengths():
    for stem in ("original", "translation", "independent", "garbled", "copy"):
        assert 350 <= words(body(stem)) <= 700, stem
    assert 120 <= words(body("summary")) <= 200


def test_translation_credits_translator_and_links_original():
    text = body("translation")
    assert "Translation by " in text
    assert f"Original: {ARTICLES['original'][0]['url']}" in text


def test_copy_carries_web_debris():
    text = body("copy")
    for debris in ("Advertisement", "Share this article", "[last spring](#)", r"\$210bn", "© AP Photo",
                   "Source: Eurostat"):
        assert debris in text, debris


@pytest.mark.parametrize("d", DISTORTIONS, ids=[d["id"] for d in DISTORTIONS])
def test_distortion_spans_occur_in_their_articles(d):
    assert set(d) >= {"id", "article", "type", "severity", "changed_text", "original_text",
                      "source_article", "note"}
    assert d["type"] in FINDING_TYPES
    assert d["severity"] in {"high", "medium", "low"}
    assert d["article"] in ARTICLES and d["source_article"] in ARTICLES
    derived, source = body(d["article"]), body(d["source_article"])
    # Spans are exact and unambiguous: each occurs once (or its longer context does).
    assert d["changed_text"] in derived
    if derived.count(d["changed_text"]) > 1:
        assert derived.count(d["changed_context"]) == 1
    if d["original_text"] is None:
        assert d["type"] == "unsupported_addition"
    else:
        assert d["original_text"] in source
        if source.count(d["original_text"]) > 1:
            assert source.count(d["original_context"]) == 1
    if "changed_context" in d:
        assert d["changed_text"] in d["changed_context"] and derived.count(d["changed_context"]) == 1
    if "original_context" in d:
        assert d["original_text"] in d["original_context"] and source.count(d["original_context"]) == 1
    # The change is real: neither side carries the other's wording at that place.
    if d["original_text"] is not None and d["type"] != "internal_contradiction":
        assert d.get("original_context", d["original_text"]) not in derived
        assert d.get("changed_context", d["changed_text"]) not in source
    for other in d.get("against", []):
        assert other in ARTICLES and other != d["article"]
    assert set(d.get("also_types", [])) <= FINDING_TYPES - {d["type"]}


def test_distortion_list_covers_every_finding_type():
    assert len(DISTORTIONS) >= 12
    # a planted change may be reported as one type carrying another as evidence (the garble's swap
    # is an entity_swap with the consensus of the other versions behind it)
    assert {t for d in DISTORTIONS for t in (d["type"], *d.get("also_types", []))} == FINDING_TYPES
    ids = [d["id"] for d in DISTORTIONS]
    assert len(ids) == len(set(ids))


def test_unsupported_additions_have_no_support_anywhere():
    for d in DISTORTIONS:
        if d["type"] == "unsupported_addition":
            others = [s for s in ARTICLES if s != d["article"]]
            assert all(d["changed_text"] not in body(s) for s in others)
            assert all("1968" not in body(s) for s in others)


def test_summary_and_independent_have_no_distortions():
    clean = set(EXPECTED["no_medium_or_high"])
    assert {"summary", "original"} <= clean
    assert not [d for d in DISTORTIONS if d["article"] in clean and d["severity"] != "low"]
    assert not [d for d in DISTORTIONS if d["article"] in {"summary", "original", "independent"}]


def test_summary_keeps_the_original_values():
    summary, original = body("summary"), body("original")
    for value in ("$210bn", "10 per cent", "seven years", "60,000 tonnes", "March 11", "January 1, 2026",
                  "April 2", "Katharine Vollmer", "Kenji Arimura", "Daisuke Morimoto",
                  "but only if the European Parliament ratifies it before then"):
        assert value in summary and value in original, value


def test_expected_ids_exist():
    grouped = [i for story in EXPECTED["stories"] for i in story]
    assert sorted(grouped) == sorted(ARTICLES), "every article is in exactly one story"
    for path in EXPECTED["articles"].values():
        assert (EXAMPLES / path).is_file()
    assert set(EXPECTED["articles"]) == set(ARTICLES)
    relations = {"verbatim_copy", "translation", "summary", "rewrite", "independent", "shared_source"}
    story_of = {i: n for n, story in enumerate(EXPECTED["stories"]) for i in story}
    for edge in EXPECTED["lineage"]:
        assert edge["relation"] in relations
        assert story_of[edge["source"]] == story_of[edge["derived"]]
    for d in DISTORTIONS:
        assert story_of[d["article"]] == story_of[d["source_article"]]
