"""An article left in no story says why: which evidence was too weak (hand-written articles, no spaCy)."""
from __future__ import annotations

from datetime import date

from storytrace.config import Config
from storytrace.model import Article, Report
from storytrace.stories.build import single_story
from storytrace.stories.build import NO_CANDIDATE, build_stories

PORT = ("Harbour authority approves Kestrel Bay terminal\n\nThe Veldmark Harbour Authority approved a container terminal "
        "at Kestrel Bay on Monday. It will cost 1.4 billion euros and handle 900,000 containers a year.")
LIBRARY = ("Oskarsund library reopens after roof repairs\n\nThe central library in Oskarsund reopened on Saturday after "
           "eight months of repairs. Librarian Mette Aalvik said 2,300 damaged books had been replaced.")


def article(aid: str, text: str) -> Article:
    return Article(id=aid, source_path=aid, original_text=text, text=text, title=text.split("\n")[0],
                   published=date(2025, 5, 12), language="en")


def test_unrelated_articles_in_one_block_each_say_what_was_too_weak():
    stories = build_stories([article("port", PORT), article("library", LIBRARY)], None, Config())
    assert sorted(len(s.article_ids) for s in stories) == [1, 1]
    for s in stories:
        other = "library" if s.article_ids == ["port"] else "port"
        assert s.note.startswith(f"closest: {other} (document similarity ")
        assert "combined score" in s.note or "strong signal" in s.note


def test_an_article_alone_in_its_block_says_no_candidate_and_the_report_shows_it():
    from storytrace.outputs.html_report import render
    from storytrace.outputs.json_report import report_to_dict

    a = article("port", PORT)
    story = single_story(a)[0]
    assert story.note == NO_CANDIDATE
    assert build_stories([a], None, Config())[0].note == NO_CANDIDATE  # the shortcut says the same
    report = Report(version="t", articles=[a], stories=[story])
    assert report_to_dict(report)["stories"][0]["alone_because"] == NO_CANDIDATE
    assert "Alone because no other article in the publication window" in render(report)
