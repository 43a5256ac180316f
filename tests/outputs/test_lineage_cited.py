"""Outlets cited but absent from the corpus are lineage nodes of their own (report.json, SVG, HTML)."""
from __future__ import annotations

from storytrace.lineage import cited_absent
from storytrace.model import Article, Attribution, Report, Sentence, Story

TEXT_A = "The Washington Post reported on the 12th that the port deal was signed. Officials confirmed it."
TEXT_B = "According to Harbour Ledger, the deal was signed. According to Mara Lindqvist, it will hold."


def article(aid: str, text: str, outlet: str, cues: list[tuple[str, str]]) -> Article:
    a = Article(id=aid, source_path=aid, original_text=text, text=text, outlet=outlet, title=f"Title {aid}")
    first = text.index(".") + 1
    a.sentences = [Sentence(0, 0, first, text[:first]), Sentence(1, first + 1, len(text), text[first + 1 :])]
    for kind, target in cues:
        start = text.index(target)
        a.attributions.append(Attribution(kind, target, start, start + len(target), 0 if start < first else 1))
    return a


def story_articles() -> list[Article]:
    a = article("a", TEXT_A, "Harbour Ledger", [("reported", "The Washington Post")])
    b = article("b", TEXT_B, "Observer News", [("according_to", "Harbour Ledger"), ("according_to", "Mara Lindqvist")])
    return [a, b]


def test_cited_outlet_absent_from_the_story_is_a_node_with_the_citing_sentence():
    cited = cited_absent(story_articles())
    assert [(c.id, c.outlet, c.cited_by) for c in cited] == [("cited:washington-post", "The Washington Post", ["a"])]
    assert cited[0].evidence == ["a: The Washington Post reported on the 12th that the port deal was signed."]


def test_present_outlets_and_people_are_not_cited_nodes():
    outlets = {c.outlet for c in cited_absent(story_articles())}
    assert "Harbour Ledger" not in outlets  # in the story: evidence for its edge instead
    assert "Mara Lindqvist" not in outlets  # a person, not an outlet


def test_report_json_and_html_show_cited_nodes_and_name_versions_by_outlet():
    from storytrace.outputs.html_report import render
    from storytrace.outputs.json_report import SCHEMA_VERSION, report_to_dict

    arts = story_articles()
    report = Report(version="t", articles=arts, stories=[Story("story-1", "Port deal", ["a", "b"])])
    d = report_to_dict(report)
    assert d["schema_version"] == SCHEMA_VERSION == 5
    assert d["stories"][0]["cited"][0]["absent"] is True
    html = render(report)
    assert "Cited but not in the corpus" in html and "The Washington Post (cited)" in html
    assert "Harbour Ledger (a)" in html and "2 versions" in html

