"""report.html in a real browser: findings render, filters work, changed words are highlighted,
hostile text stays text, and nothing is loaded from anywhere."""
from __future__ import annotations

import pytest
from report_helpers import HOSTILE, build_hostile_report

from storytrace.outputs import html_report

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def report_url(tmp_path_factory) -> str:
    path = html_report.write(build_hostile_report(), tmp_path_factory.mktemp("report") / "report.html")
    return path.as_uri()


def _visible(page, selector: str) -> int:
    return page.locator(f"{selector}:visible").count()


def test_findings_render_and_filters_hide_and_show(watched, report_url):
    page = watched.page
    page.goto(report_url)
    assert _visible(page, ".finding") == 3
    form = page.locator("form.filters")
    assert form.is_visible()  # the inline script ran: the CSP hash matched
    assert page.locator(".filter-count").inner_text() == "Showing 3 of 3"
    form.locator("select[name=severity]").select_option("high")
    assert _visible(page, ".finding") == 1
    assert page.locator(".finding:visible .ftype").inner_text() == "entity swap"
    assert page.locator(".filter-count").inner_text() == "Showing 1 of 3"
    form.locator("select[name=severity]").select_option("")
    form.locator("select[name=type]").select_option("number_change")
    assert _visible(page, ".finding") == 1 and page.locator(".finding:visible").get_attribute("data-severity") == "medium"
    form.locator("select[name=type]").select_option("")
    form.locator("select[name=article]").select_option("blog-rewrite")
    assert _visible(page, ".finding") == 3
    form.locator("button[type=reset]").click()
    page.wait_for_function("document.querySelector('.filter-count').textContent === 'Showing 3 of 3'")
    watched.screenshot("report-filters.png")


def test_side_by_side_highlights_the_changed_words(watched, report_url):
    page = watched.page
    page.goto(report_url)
    card = page.locator("#s1-f1")
    assert card.locator(".derived mark.val").inner_text() == "Hana Morikawa"
    assert card.locator(".source mark.val").inner_text() == "Emi Sato"
    assert card.locator(".derived mark.chg").all_inner_texts() == ["12"]
    # Side by side: the source box left of the version's box, on one line.
    src, der = card.locator(".side.source").bounding_box(), card.locator(".side.derived").bounding_box()
    assert src["x"] + src["width"] <= der["x"] and abs(src["y"] - der["y"]) < 2
    background = card.locator(".derived mark.val").evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    reading = page.locator("#s1-r2")
    # Views with changes start open; a faithful translation starts folded away.
    assert reading.get_attribute("open") is not None and page.locator("#s1-r1").get_attribute("open") is None
    assert reading.locator("tr.changed").count() == 2 and reading.locator("tr.dropped").count() == 2
    assert reading.locator("tr.changed td.dst mark.chg").first.inner_text() == "Hana Morikawa"
    watched.screenshot("report-full.png")


def test_hostile_text_renders_as_plain_text(watched, report_url):
    page = watched.page
    page.goto(report_url)
    page.wait_for_timeout(200)
    assert watched.dialogs == []
    assert page.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert page.evaluate("[...document.querySelectorAll('*')].filter(e => e.hasAttribute('onerror')).length") == 0
    assert page.evaluate("document.scripts.length") == 1
    assert HOSTILE.split(" <img")[0] in page.locator("#s1-f3 .derived").inner_text()
    assert "<img src=x onerror=alert(1)>" in page.locator("body").inner_text()


def test_nothing_is_fetched_but_the_file_itself(watched, report_url):
    watched.page.goto(report_url)
    watched.page.wait_for_timeout(200)
    assert watched.requests == [report_url]
    assert not [e for e in watched.console_errors if "Content Security Policy" in e]


def test_readable_without_javascript(browser, report_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(report_url)
    assert page.locator(".finding:visible").count() == 3  # everything shows; only the filters need the script
    assert not page.locator("form.filters").is_visible()
    assert page.locator("#s1-r1 tr.kept").count() == 4
    context.close()
