"""A saved page's publication date: the article's own date stamp, not a year guessed from the page.

htmldate's extensive search, when a page has no date in its markup, takes any bare year it finds (a
"Copyright 2019" footer, "first held in 2007" in the story) and returns the first of January of it.
That date is wrong, and the run orders versions by it: the page becomes the earliest version, the
source of every lineage edge. The date stamp at the top of the article's text, which the .txt path
reads, is the article's date.
"""
from __future__ import annotations

from datetime import date

from storytrace.ingest.html import article_from_html

PAGE = """<!DOCTYPE html><html><head><title>Harbour bridge to close for repairs | Coastal Times</title>
<meta property="og:site_name" content="Coastal Times"></head><body>
<nav><a href="/">Home</a> <a href="/local">Local</a></nav>
<article><h1>Harbour bridge to close for repairs</h1>
{stamp}
<p>The harbour bridge will close for six weeks from Monday while engineers replace its worn cables.</p>
<p>The council said the bridge, which first opened in 1998, carries eleven thousand cars a day.</p>
<p>Ferries will run every twenty minutes while the work goes on, a spokeswoman said.</p>
</article>
<footer>Copyright 2019 Coastal Times. All rights reserved.</footer>
</body></html>"""


def _published(stamp: str):
    article, _ = article_from_html(PAGE.format(stamp=stamp), "bridge", "bridge.html")
    return article.published


def test_date_stamp_above_the_text_is_the_publication_date():
    assert _published("<p>3: 15 PM EDT 3 / 24 / 2020</p>") == date(2020, 3, 24)
    assert _published("<p>Published: 14 May 2021 09: 10 BST</p>") == date(2021, 5, 14)


def test_a_bare_year_in_the_footer_or_the_story_is_no_date():
    assert _published("") is None


def test_a_date_in_the_markup_is_kept():
    page = PAGE.format(stamp="<p>Published: 14 May 2021</p>").replace(
        "</head>", '<meta property="article:published_time" content="2021-05-13T22:00:00Z"></head>')
    article, _ = article_from_html(page, "bridge", "bridge.html")
    assert article.published == date(2021, 5, 13)
