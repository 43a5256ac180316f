"""Saved web pages: trafilatura finds the main text and the metadata (title, author, date, site)."""
from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from storytrace.ingest.dates import parse_published
from storytrace.ingest.errors import InputProblem
from storytrace.ingest.header import HeaderInfo, infer_header
from storytrace.ingest.metadata import make_article
from storytrace.ingest.stamp_time import PUBLISHED_TIME
from storytrace.model import Article, InputError

_HTML_LANG = re.compile(r"""<html[^>]{0,500}?\blang\s*=\s*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)?)""", re.I)


# When a page has no article, trafilatura falls back to menus and footers: real main text has at
# least one paragraph of this many words that is not web debris.
MIN_PARAGRAPH_WORDS = 5


def _has_prose(paragraphs: list[str]) -> bool:
    from storytrace.ingest.debris import line_debris_kind

    return any(len(p.split()) >= MIN_PARAGRAPH_WORDS and line_debris_kind(p) is None for p in paragraphs)


# trafilatura hands a page whose main text is shorter than its MIN_EXTRACTED_SIZE (250 characters)
# to fallback extractors, which glue the whole article element into one line: headline, byline and
# photo caption run into the story's first sentence. A short article is still an article: its own
# extraction is tried first at any length, and the fallbacks only when that finds no prose.
SHORT_PAGE_MIN_CHARACTERS = 10


@lru_cache(maxsize=1)
def _short_page_config():
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", str(SHORT_PAGE_MIN_CHARACTERS))
    return config


def _bare_extraction(html: str, config=None):
    import trafilatura
    from trafilatura.settings import set_date_params

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # it logs parse trouble we report ourselves
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return trafilatura.bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False,
                                               include_images=False, date_extraction_params=set_date_params(False),
                                               **({"config": config} if config else {}))
    except RecursionError:
        raise InputProblem("HTML nested too deeply to read") from None
    except Exception as exc:  # lxml and trafilatura raise many kinds of errors on broken markup
        raise InputProblem(f"could not parse HTML ({type(exc).__name__})") from None


def _main_text(doc) -> str:
    return (getattr(doc, "text", None) or "") if doc is not None else ""


# htmldate's extensive search, used when the markup holds no date, turns any bare year on the page
# (a "Copyright 2019" footer, "first held in 2007" in the story) into the first of January of it.
def _page_date(html: str, stamp: HeaderInfo, markup_date: str | None):
    """The date of the page's markup; else the date stamp above the article's text (``stamp``: its
    header, as a .txt file's is read); else htmldate's search of the whole page, unless it is a first
    of January (a bare year)."""
    if markup_date:
        return markup_date
    stamped = stamp.published
    if stamped:
        return stamped
    import htmldate

    try:
        guess = htmldate.find_date(html, extensive_search=True, original_date=True)
    except Exception:  # htmldate raises many kinds of errors on broken markup
        return None
    return None if not guess or guess.endswith("-01-01") else guess


def extract_main_text(html: str) -> tuple[str, dict[str, Any]]:
    """(main text with paragraphs separated by blank lines, metadata fields); raises InputProblem."""
    doc = _bare_extraction(html, _short_page_config())
    text = _main_text(doc)
    if not _has_prose([p.strip() for p in text.split("\n")]):
        doc = _bare_extraction(html)  # the article's own extraction found no prose: let the fallbacks try
        text = _main_text(doc)
    if not text.strip():
        raise InputProblem("no main text found in HTML")
    title = (doc.title or "").strip()
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    # trafilatura repeats the headline as the first line; the title is kept in the metadata.
    if title and paragraphs and paragraphs[0].casefold() == title.casefold():
        paragraphs = paragraphs[1:]
    if not _has_prose(paragraphs):
        raise InputProblem("no main text found in HTML")
    stamp = infer_header("\n".join(paragraphs))  # the date stamp above the text: the page's day and time
    fields: dict[str, Any] = {
        "title": title,
        "author": doc.author or "",
        "outlet": doc.sitename or doc.hostname or "",
        "url": doc.url or "",
        "published": _page_date(html, stamp, doc.date),
    }
    # the stamp's time, where its day is the page's
    if stamp.published_time is not None and parse_published(fields["published"]) == stamp.published_time.day:
        fields[PUBLISHED_TIME] = stamp.published_time.iso()
    m = _HTML_LANG.search(html[:5000])
    if m:
        fields["language"] = m.group(1)
    for extra in ("description", "categories", "tags"):
        value = getattr(doc, extra, None)
        if value:
            fields[extra] = value
    return "\n\n".join(paragraphs), {k: v for k, v in fields.items() if v not in ("", None)}


def article_from_html(html: str, article_id: str, source_path: str, **overrides: Any) -> tuple[Article, list[InputError]]:
    text, fields = extract_main_text(html)
    fields.update({k: v for k, v in overrides.items() if v not in ("", None)})
    return make_article(article_id, source_path, text, fields, origin="HTML meta")


def read_html(path: str, text: str, stem: str) -> Iterator[Article | InputError]:
    article, warnings_ = article_from_html(text, stem, path)
    yield from warnings_
    yield article
