"""The Chinese and Japanese versions of the example story: aligned with the original sentence by
sentence, their planted changes found at their severity, nothing else they say flagged medium or high.

The answer key is examples/distortions.json (d20, d21) and expected.json (no_medium_or_high_but_planted).
"""
import json
from pathlib import Path

import pytest

import storytrace
from storytrace.model import Report

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
DISTORTIONS = json.loads((EXAMPLES / "distortions.json").read_text(encoding="utf-8"))
EXPECTED = json.loads((EXAMPLES / "expected.json").read_text(encoding="utf-8"))
VERSIONS = EXPECTED["no_medium_or_high_but_planted"]
PLANTED = [d for d in DISTORTIONS if d["article"] in VERSIONS]


@pytest.fixture(scope="module")
def report() -> Report:
    return storytrace.analyze([EXAMPLES / EXPECTED["corpus_dir"]], quiet=True)


def _planted_finding(report: Report, d: dict):
    return [f for f in report.findings if f.article == d["article"] and f.type == d["type"]
            and f.derived_value == d["changed_text"] and f.source_value == d["original_text"]]


def test_every_language_version_has_a_planted_change():
    assert {d["article"] for d in PLANTED} == set(VERSIONS) == {"translation-zh", "translation-ja"}


@pytest.mark.parametrize("d", PLANTED, ids=[d["id"] for d in PLANTED])
def test_planted_change_is_found_at_its_severity_with_both_sentences(report: Report, d: dict):
    found = _planted_finding(report, d)
    assert len(found) == 1, [(f.type, f.severity, f.derived_value, f.source_value) for f in report.findings
                             if f.article == d["article"]]
    f = found[0]
    assert f.severity == d["severity"]
    assert d["changed_context"] in f.claim and d["original_context"] in f.source_text
    assert f.source_article == d["source_article"]


@pytest.mark.parametrize("article", VERSIONS)
def test_nothing_else_in_the_translation_is_medium_or_high(report: Report, article: str):
    planted = {id(f) for d in PLANTED for f in _planted_finding(report, d)}
    others = [f for f in report.findings if f.article == article and f.severity in ("high", "medium")
              and id(f) not in planted]
    assert others == []


@pytest.mark.parametrize("article", VERSIONS)
def test_the_translation_is_aligned_sentence_by_sentence_with_the_original(report: Report, article: str):
    story = next(s for s in report.stories if article in s.article_ids)
    edge = next(e for e in story.lineage if e.derived == article)
    assert (edge.source, edge.relation) == ("original", "translation")
    assert edge.containment >= 0.85  # most of the translation's text is in sure pairs with the original
    al = next(a for a in story.alignments if (a.source, a.derived) == ("original", article))
    assert al.unaligned_derived == []  # every sentence of the translation has its partner
    assert len(al.pairs) >= 14 and [p.source for p in al.pairs] == sorted(p.source for p in al.pairs)  # in order
