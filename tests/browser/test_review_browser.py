"""Issue 20.1 in a real browser: confirming and dismissing findings, correcting an article's
metadata, and a re-analysis (another version uploaded) that keeps the decisions and corrections."""
from __future__ import annotations

import dataclasses

import pytest
from conftest import serve_hostile_store
from report_helpers import build_hostile_report
from pipeline_stubs import SimplePipeline

from storytrace.model import Report

pytestmark = pytest.mark.browser


class FindingsAgainPipeline(SimplePipeline):
    """A stand-in re-analysis that finds the hostile story's findings again, under new ids (as a
    reordered detector would), with every article it is given in that story."""

    def run(self, articles):
        report = SimplePipeline.run(self, articles)
        story = build_hostile_report().stories[0]
        story.findings = [dataclasses.replace(f, id=f"again-{f.id}") for f in story.findings]
        story.article_ids = [a.id for a in articles]
        return Report("test", report.articles, [story])


@pytest.fixture
def app_url(tmp_path, browser):
    yield from serve_hostile_store(tmp_path / "store.db", FindingsAgainPipeline)


def _decide(page, finding_id: str, status: str, reason: str = "", note: str = ""):
    row = page.locator(f"#review-{finding_id}")
    row.locator("select[name=status]").select_option(status)
    if reason:
        row.locator("select[name=reason]").select_option(reason)
    if note:
        row.locator("input[name=note]").fill(note)
    row.locator("button[type=submit]").click()
    page.wait_for_load_state()


def test_confirming_and_dismissing_with_a_reason(watched, app_url):
    page = watched.page
    page.goto(f"{app_url}/stories/story-1")
    _decide(page, "f-swap", "confirmed", note="Checked against the wire copy.")
    assert page.locator("#review-f-swap").get_attribute("data-status") == "confirmed"
    card = page.locator(".finding[data-review=confirmed]")
    assert card.count() == 1 and "Checked against the wire copy." in card.inner_text()
    _decide(page, "f-num", "dismissed", reason="translation wording")
    row = page.locator("#review-f-num")
    assert row.get_attribute("data-status") == "dismissed" and "(translation wording)" in row.inner_text()
    page.locator("form.filters select[name=review]").select_option("dismissed")  # the filter hides the rest
    assert page.locator(".finding:visible").count() == 1
    assert page.locator(".finding:visible").get_attribute("data-type") == "number_change"
    assert watched.dialogs == []
    watched.screenshot("app-review.png")


def test_editing_an_articles_metadata(watched, app_url):
    page = watched.page
    page.goto(f"{app_url}/articles/daily-translation")
    page.locator("#metadata summary").click()
    page.fill("form.correct input[name=outlet]", "Daily Courier <Weekend>")
    page.fill("form.correct input[name=published]", "2024-03-11")
    page.click("form.correct button[type=submit]")
    page.wait_for_selector("#corrected-note")
    assert "outlet, published corrected by a person" in page.locator("#corrected-note").inner_text()
    assert "Daily Courier <Weekend> · 2024-03-11" in page.locator("p.lede").inner_text()
    bad = page.locator("form.correct input[name=published]")
    bad.fill("soon")
    page.click("form.correct button[type=submit]")
    assert "cannot read the date" in page.locator("body").inner_text()  # a clear refusal, nothing stored
    page.goto(f"{app_url}/articles/daily-translation")
    assert "2024-03-11" in page.locator("p.lede").inner_text() and watched.dialogs == []


def test_a_reanalysis_keeps_the_decisions_and_corrections(watched, app_url, tmp_path):
    page = watched.page
    page.goto(f"{app_url}/stories/story-1")
    _decide(page, "f-swap", "confirmed")
    _decide(page, "f-add", "dismissed", reason="parser error", note="boilerplate")
    page.goto(f"{app_url}/articles/blog-rewrite")
    page.locator("#metadata summary").click()
    page.fill("form.correct input[name=title]", "Trade talks: the blog's version")
    page.click("form.correct button[type=submit]")
    page.wait_for_selector("#corrected-note")
    upload = tmp_path / "another-version.txt"
    upload.write_text("Talks with Canada resume\n\nThe trade minister said talks with Canada would resume on "
                      "March 11, and that the agreement is worth $210bn over ten years.\n")
    page.goto(app_url)
    page.set_input_files("form.add input[type=file]", str(upload))
    page.click("form.add button[type=submit]")
    page.wait_for_selector(".notice")
    assert "Added 1 article(s)" in page.locator(".notice").inner_text()
    page.goto(f"{app_url}/stories/story-1")  # the findings came back under new ids
    assert page.locator("#review-again-f-swap").get_attribute("data-status") == "confirmed"
    dismissed = page.locator("#review-again-f-add")
    assert dismissed.get_attribute("data-status") == "dismissed" and "boilerplate" in dismissed.inner_text()
    assert page.locator("#review-again-f-num").get_attribute("data-status") == "open"
    versions = page.locator("table.versions").inner_text()
    assert "title corrected by a person" in versions and "Trade talks: the blog's version" in versions
    assert "another-version" in versions
    watched.screenshot("app-review-after-reanalysis.png")
