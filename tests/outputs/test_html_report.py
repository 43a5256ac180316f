"""report.html on a hand-built story: content, escaping of hostile text, and no network loads."""
from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

import pytest

from storytrace.model import (
    Edge, Report,
)
from storytrace.outputs import html_report
from storytrace.outputs.lineage_svg import layout_lineage
from storytrace.outputs.word_diff import CHANGED, VALUE, highlight_pair

from report_helpers import build_hostile_report

class _Collector(HTMLParser):
    """Collects start tags and the text of <script>/<style> blocks as a browser would parse them."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.blocks: dict[str, list[str]] = {"script": [], "style": []}
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in self.blocks:
            self._in = tag
            self.blocks[tag].append("")

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in:
            self.blocks[self._in][-1] += data


@pytest.fixture(scope="module")
def page() -> str:
    return html_report.render(build_hostile_report())


@pytest.fixture(scope="module")
def parsed(page) -> _Collector:
    c = _Collector()
    c.feed(page)
    return c


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_hostile_text_is_escaped_everywhere(page, parsed):
    assert "<script>alert(1)" not in page
    assert "<img src=x" not in page
    assert "<b>Friends</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Blog &amp; &lt;b&gt;Friends&lt;/b&gt;" in page
    # The only script and the only img-free page: nothing injected became an element.
    assert [t for t, _ in parsed.tags if t == "script"] == ["script"]
    assert not [t for t, _ in parsed.tags if t in ("img", "iframe", "object", "embed", "b")]
    assert not [a for _, attrs in parsed.tags for a in attrs if a.startswith("on")]


def test_csp_allows_only_the_inline_blocks_and_no_network(page, parsed):
    metas = [a for t, a in parsed.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert len(metas) == 1
    policy = dict(p.strip().split(" ", 1) for p in metas[0]["content"].split(";"))
    assert policy["default-src"] == "'none'"
    assert policy["script-src"] == _sha(parsed.blocks["script"][0])
    assert policy["style-src"] == _sha(parsed.blocks["style"][0])
    assert "http" not in metas[0]["content"]


def test_self_contained_no_external_references(parsed, page):
    for tag, attrs in parsed.tags:
        for key in ("src", "href", "action", "data"):
            value = attrs.get(key) or ""
            assert not re.match(r"^\s*(https?:|//|javascript:)", value, re.I), (tag, key, value)
    assert "@import" not in page and "url(http" not in page


def test_versions_table_shows_relation_coverage_and_counts(parsed, page):
    rows = re.findall(r'<tr data-article="([^"]+)">(.*?)</tr>', page, re.S)
    by_id = dict(rows)
    assert list(by_id) == ["wire-original", "daily-translation", "blog-rewrite"]
    assert "translation</span> of Wire Service" in by_id["daily-translation"]
    assert "100%" in by_id["daily-translation"]
    assert "rewrite</span> of Wire Service" in by_id["blog-rewrite"] and "50%" in by_id["blog-rewrite"]
    assert "original" in by_id["wire-original"]
    assert "1 high" in by_id["blog-rewrite"] and "1 medium" in by_id["blog-rewrite"] and "1 low" in by_id["blog-rewrite"]
    assert "2024-03-12" in by_id["blog-rewrite"]


def test_lineage_is_inline_svg_with_labelled_edges(page):
    svg = re.search(r"<svg class=\"lineage\".*?</svg>", page, re.S).group()
    assert "translation · 0.93" in svg and "rewrite · 0.77" in svg
    assert svg.count('class="edge') == 2 and svg.count('class="node') == 3


def test_lineage_layers_follow_derivation_depth():
    edges = [Edge("a", "b", "translation", 0.9, 1, 1), Edge("b", "c", "summary", 0.8, 0.3, 1),
             Edge("a", "d", "independent", 0.5, 0, 0)]
    layout = layout_lineage(["a", "b", "c", "d"], edges, {})
    y = {n.article_id: n.y for n in layout.nodes}
    assert y["a"] < y["b"] < y["c"]
    assert y["d"] == y["a"]  # an independent report is not "derived": it stays on the top row
    dashed = {(e.source, e.derived): e.dashed for e in layout.edges}
    assert dashed == {("a", "b"): False, ("b", "c"): False, ("a", "d"): True}


def test_lineage_cycle_does_not_hang():
    edges = [Edge("a", "b", "rewrite", 0.9, 1, 1), Edge("b", "a", "rewrite", 0.9, 1, 1)]
    layout = layout_lineage(["a", "b"], edges, {})
    assert len(layout.nodes) == 2 and len(layout.edges) == 2


def test_findings_show_both_sentences_with_changed_words_marked(page):
    card = re.search(r'<article class="finding high" id="s1-f1".*?</article>', page, re.S).group()
    assert 'data-type="entity_swap"' in card and 'data-article="blog-rewrite"' in card
    assert '<mark class="val">Hana Morikawa</mark>' in card
    assert '<mark class="val">Emi Sato</mark>' in card
    assert '<mark class="chg">12</mark>' in card and '<mark class="chg">11</mark>' in card
    # What the other versions say: the translation's aligned sentence.
    # versions are named by outlet with the id beside it
    assert re.search(r"Daily Courier \([\w-]+\):</strong> Trade minister Emi Sato said talks", card)
    assert "&lt;img src=x onerror=alert(1)&gt;" in card  # the hostile explanation, escaped


def test_findings_are_ordered_by_severity_and_filter_form_lists_choices(page):
    order = re.findall(r'<article class="finding (\w+)"', page)
    assert order == ["high", "medium", "low"]
    form = re.search(r'<form class="filters".*?</form>', page, re.S).group()
    assert "hidden" in form.split(">")[0]  # shown only when the script runs; reading needs no script
    for value in ("entity_swap", "number_change", "unsupported_addition", "blog-rewrite"):
        assert f'value="{value}"' in form


def test_reading_view_colour_codes_each_sentence(page):
    tables = re.findall(r'<details class="reading" id="(s1-r\d)".*?</details>', page, re.S)
    assert tables == ["s1-r1", "s1-r2"]  # translation and rewrite, each beside the original
    rewrite = re.search(r'<details class="reading" id="s1-r2".*?</details>', page, re.S).group()
    statuses = re.findall(r'<tr class="(kept|changed|added|dropped)">', rewrite)
    # Dropped source sentences sit after the row of the source sentence before them.
    assert statuses == ["changed", "changed", "dropped", "dropped", "added"]
    assert "Critics warned" in rewrite
    assert '<a href="#s1-f1">finding</a>' in rewrite
    translation = re.search(r'<details class="reading" id="s1-r1".*?</details>', page, re.S).group()
    assert re.findall(r'<tr class="(\w+)">', translation) == ["kept"] * 4


def test_single_article_story_and_errors_are_listed_not_drawn(page):
    assert "Articles in no story" in page and "Town Paper" in page
    assert 'data-story="story-2"' not in page
    assert "not a WARC file" in page


def test_empty_report_renders(tmp_path):
    path = html_report.write(Report("0.1.0"), tmp_path / "report.html")
    text = path.read_text()
    assert "No story with more than one version" in text and text.rstrip().endswith("</html>")


def test_word_diff_marks_only_the_changed_words():
    pair = highlight_pair("The deal is worth $310bn today.", "The deal is worth $210bn today.", "$310bn", "$210bn")
    marked = [s.text for s in pair.derived if s.cls]
    assert marked == ["$310bn"] and pair.diffed
    assert [s.cls for s in pair.derived if s.cls] == [VALUE]
    pair = highlight_pair("Hana Morikawa met them.", "Emi Sato met them.")
    assert [(s.text, s.cls) for s in pair.derived if s.cls] == [("Hana Morikawa", CHANGED)]
    assert "".join(s.text for s in pair.derived) == "Hana Morikawa met them."


def test_word_diff_skips_paraphrases_but_still_marks_values():
    pair = highlight_pair("Le ministre Emi Sato a parlé.", "Minister Emi Sato spoke at length yesterday.", "Emi Sato", "")
    assert not pair.diffed
    assert [s.text for s in pair.derived if s.cls] == ["Emi Sato"]


def test_versions_are_listed_originals_first_whatever_the_story_order():
    report = build_hostile_report()
    report.stories[0].article_ids.reverse()
    page = html_report.render(report)
    assert re.findall(r'<tr data-article="([^"]+)">', page) == ["wire-original", "daily-translation", "blog-rewrite"]


def test_versions_table_says_when_a_direction_is_unknown():
    """An edge whose direction nothing showed (lineage marks it) reads 'or the other way round' beside
    its source, so a reader does not take the default order for a finding."""
    from storytrace.lineage import DIRECTION_UNKNOWN_NOTE

    report = build_hostile_report()
    story = report.stories[0]
    edge = story.lineage[0]
    story.lineage[0] = Edge(edge.source, edge.derived, edge.relation, 0.5, edge.coverage, edge.containment,
                            [DIRECTION_UNKNOWN_NOTE.format(source=edge.source, derived=edge.derived), *edge.evidence])
    rows = dict(re.findall(r'<tr data-article="([^"]+)">(.*?)</tr>', html_report.render(report), re.S))
    assert "or the other way round" in rows["daily-translation"]
    assert "or the other way round" not in rows["blog-rewrite"]


def test_findings_between_versions_whose_order_is_unknown_say_so():
    """A finding on an edge whose direction nothing showed says, beside the version it is compared
    with, that which came first is not known; its reading view names the other side "the other
    version"; findings on ordered edges read as before. Hostile values stay escaped."""
    from report_helpers import HOSTILE, build_unordered_report

    page = html_report.render(build_unordered_report())
    cards = dict(re.findall(r'<article class="finding [a-z]+" id="[^"]+" data-severity="[a-z]+" data-type="([a-z_]+)"(.*?)</article>',
                            page, re.S))
    note = "(which of the two came first is not known)"
    for kind in ("entity_swap", "number_change", "omission"):  # wire-original / blog-rewrite
        assert note in cards[kind], kind
    assert note not in cards["name_variant"]  # wire-original -> daily-translation is dated
    assert "The versions differ here: the other version has \u201c" in cards["omission"]
    assert "leaves it out" in cards["omission"] and "The other version gives this here" in cards["omission"]
    assert HOSTILE not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in cards["omission"]
    readings = re.findall(r"<summary><strong>[^<]*</strong> beside (.*?)</summary>", page, re.S)
    assert any(r.startswith("the other version") and "which came first is not known" in r for r in readings)
    assert any(r.startswith("its source") and "not known" not in r for r in readings)


def test_versions_table_shows_a_stamps_time_and_zone_and_nothing_unread():
    """A version's stamp time sits under its date ("17:55 UTC-04:00"); a value that is no time (hostile
    metadata) or a time of another day than the one shown is not shown."""
    report = build_hostile_report()
    by_id = {a.id: a for a in report.articles}
    by_id["daily-translation"].metadata["published_time"] = "2024-03-10T17:55-04:00"
    by_id["wire-original"].metadata["published_time"] = "<script>alert(1)</script>"
    by_id["blog-rewrite"].metadata["published_time"] = "2024-03-11T09:00"  # the day before the one shown
    rows = dict(re.findall(r'<tr data-article="([^"]+)">(.*?)</tr>', html_report.render(report), re.S))
    assert "2024-03-10<br><span class=\"muted small\">17:55 UTC-04:00</span>" in rows["daily-translation"]
    assert "UTC" not in rows["wire-original"] and "script" not in rows["wire-original"]
    assert "09:00" not in rows["blog-rewrite"]
