"""Build an Article from a text and a dictionary of metadata fields (front matter, JSON, HTML, feeds)."""
from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from storytrace.ingest.dates import parse_published
from storytrace.model import Article, InputError
from storytrace.nlp.language import normalize_language

STRING_FIELDS = ("title", "outlet", "author", "url")
KNOWN_FIELDS = frozenset((*STRING_FIELDS, "id", "text", "published", "language"))
MAX_FIELD_CHARS = 2_000


def as_text(value: Any) -> str:
    """A metadata value as one line of text: lists are joined, other types written out."""
    if value is None:
        return ""
    if isinstance(value, str):
        s = value
    elif isinstance(value, (list, tuple)):
        s = ", ".join(as_text(v) for v in value if v is not None)
    elif isinstance(value, (dict, bool, int, float)):
        s = json.dumps(value, ensure_ascii=False, default=str)
    else:
        s = str(value)
    return " ".join(s.split())[:MAX_FIELD_CHARS]


# Where a field came from (article.metadata["field_sources"]): explicit metadata always wins over
# what storytrace.ingest.header infers from the text.
FRONT_MATTER, HTML_META, JSON_FIELD, FEED_FIELD = "front matter", "HTML meta", "JSON field", "feed entry"
INFERRED, META_FILE = "inferred from text", "--meta file"
FIELD_SOURCES = "field_sources"


def make_article(
    article_id: str, source_path: str, text: str, fields: Mapping[str, Any], where: int | None = None,
    origin: str = "metadata", origins: Mapping[str, str] | None = None,
) -> tuple[Article, list[InputError]]:
    """An Article with the known fields set and the rest kept in ``metadata``; warnings for bad values.

    ``where`` is the line number to report problems at (JSON lines). ``origin`` names where the
    fields came from (``origins`` per field where they differ); it is kept per field.
    """
    warnings: list[InputError] = []
    article = Article(id=article_id, source_path=source_path, original_text=text)
    sources = {k: (origins or {}).get(k, origin) for k in ("title", "outlet", "author", "url", "published", "language")
               if fields.get(k) not in (None, "")}
    if sources:
        article.metadata[FIELD_SOURCES] = sources
    for name in STRING_FIELDS:
        if name in fields:
            setattr(article, name, as_text(fields[name]))
    if fields.get("language") not in (None, ""):
        article.language = normalize_language(as_text(fields["language"]))
        if not article.language:
            warnings.append(
                InputError(source_path, f"unknown language {as_text(fields['language'])[:40]!r}; identifying it", where, False)
            )
    raw_date = fields.get("published")
    if raw_date not in (None, ""):
        article.published = parse_published(raw_date)
        if article.published is None:
            warnings.append(
                InputError(source_path, f"could not read published date {as_text(raw_date)[:40]!r}", where, False)
            )
            article.metadata["published_raw"] = as_text(raw_date)
    for key, value in fields.items():
        if key not in KNOWN_FIELDS and key != FIELD_SOURCES:
            article.metadata[str(key)] = value
    return article, warnings
