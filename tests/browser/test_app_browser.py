"""The served app in a real browser: the same views, filters and escaping, and the add form."""
from __future__ import annotations

import pytest
from report_helpers import HOSTILE

pytestmark = pytest.mark.browser


def test_story_page_findings_and_filters(watched, served_app):
    page = watched.page
    page.goto(f"{served_app}/stories/story-1")
    assert page.locator(".finding:visible").count() == 3
    page.locator("select[name=severity]").select_option("low")
    assert page.locator(".finding:visible").count() == 1
    assert page.locator(".finding:visible").get_attribute("data-type") == "unsupported_addition"
    page.locator("select[name=severity]").select_option("")
    card = page.locator("#s1-f1")
    assert card.locator(".derived mark.val").inner_text() == "Hana Morikawa"
    assert card.locator(".source mark.val").inner_text() == "Emi Sato"
    assert watched.dialogs == [] and page.evaluate("document.querySelectorAll('img').length") == 0
    assert not [e for e in watched.console_errors if "Content Security Policy" in e]
    watched.screenshot("app-story.png")


def test_index_and_hostile_article_page(watched, served_app):
    page = watched.page
    page.goto(served_app)
    assert page.locator("table.stories a").first.inner_text().startswith("Trade talks <script>")
    watched.screenshot("app-index.png")
    page.goto(f"{served_app}/articles/blog-rewrite")
    text = page.locator("#article-text").inner_text()
    assert "<script>alert(1)</script>" in text and "onerror=alert(1)" in text
    assert watched.dialogs == []
    assert page.evaluate("[...document.querySelectorAll('*')].filter(e => e.hasAttribute('onerror')).length") == 0


def test_pasting_a_hostile_article_through_the_form(watched, served_app):
    page = watched.page
    page.goto(served_app)
    page.fill("textarea[name=text]", f"Hostile paste {HOSTILE}\n\nSomething happened. {HOSTILE}")
    page.fill("input[name=outlet]", "<img src=x onerror=alert(2)>")
    page.click("form.add button[type=submit]")
    page.wait_for_selector(".notice")
    assert "Added 1 article(s)" in page.locator(".notice").inner_text()
    page.click("table.stories a")  # re-analysis put every article in one story (the stand-in pipeline)
    link = page.locator("table.versions a", has_text="<img src=x onerror=alert(2)>")
    assert link.count() == 1
    link.click()
    page.wait_for_selector("#article-text")
    assert "Something happened. <script>alert(1)</script>" in page.locator("#article-text").inner_text()
    page.wait_for_timeout(200)
    assert watched.dialogs == []
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    watched.screenshot("app-hostile-article.png")
