"""Build an Article from a text and a dictionary of metadata fields (front matter, JSON, HTML, feeds)."""
from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from storytrace.ingest.dates import parse_published, unread_because
from storytrace.ingest.stamp_time import PUBLISHED_TIME, from_value
from storytrace.model import Article, InputError
from storytrace.nlp.language import normalize_language

STRING_FIELDS = ("title", "outlet", "author", "url")
KNOWN_FIELDS = frozenset((*STRING_FIELDS, "id", "text", "published", "language"))
MAX_FIELD_CHARS = 2_000
# Caps on the shown fields, at ingest: a 5 MB title would be repeated on every index page.
FIELD_CHARS = {"title": 500, "outlet": 200, "author": 300, "url": 2_000}
# Metadata is kept, not analysed: a few levels and a few thousand values are plenty, and bounding
# both keeps a hostile field (a YAML alias bomb, JSON nested 500 deep) from costing minutes,
# gigabytes or a recursion error far from the file that caused it.
MAX_METADATA_DEPTH = 20
MAX_METADATA_VALUES = 10_000


class MetadataTooLarge(ValueError):
    """A metadata value nested deeper or holding more values than the bounds above."""


def plain_metadata(value: Any, depth: int = 0, budget: list[int] | None = None) -> Any:
    """``value`` as JSON-safe data: string keys, lists for tuples and sets, text for other types.

    Raises MetadataTooLarge past MAX_METADATA_DEPTH levels or MAX_METADATA_VALUES values (aliases
    count each time they are reached, so an alias bomb stops after that many, not after 2**n).
    """
    budget = [MAX_METADATA_VALUES] if budget is None else budget
    budget[0] -= 1
    if budget[0] < 0:
        raise MetadataTooLarge(f"more than {MAX_METADATA_VALUES} values")
    if depth > MAX_METADATA_DEPTH:
        raise MetadataTooLarge(f"nested more than {MAX_METADATA_DEPTH} levels deep")
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, dict):
        return {k if isinstance(k, str) else as_text(k): plain_metadata(v, depth + 1, budget) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [plain_metadata(v, depth + 1, budget) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def plain_fields(fields: Mapping[str, Any], source_path: str, where: int | None) -> tuple[dict[str, Any], list[InputError]]:
    """Every field made plain (``plain_metadata``); a field past the bounds is dropped with a warning."""
    out: dict[str, Any] = {}
    warnings: list[InputError] = []
    budget = [MAX_METADATA_VALUES]
    for key, value in fields.items():
        name = key if isinstance(key, str) else as_text(key)
        try:
            out[name] = plain_metadata(value, 0, budget)
            if name not in KNOWN_FIELDS:
                out[name], cut = cut_long_strings(out[name])
                if cut:
                    warnings.append(InputError(
                        source_path, f"metadata field {name[:40]!r}: text longer than {MAX_FIELD_CHARS} characters cut", where, False
                    ))
        except MetadataTooLarge as exc:
            warnings.append(InputError(source_path, f"metadata field {name[:40]!r} dropped: {exc}", where, False))
            budget = [MAX_METADATA_VALUES]
    return out, warnings


def cut_long_strings(value: Any) -> tuple[Any, int]:
    """A plain value with every string cut at MAX_FIELD_CHARS, and how many were cut."""
    if isinstance(value, str):
        return (value[:MAX_FIELD_CHARS], 1) if len(value) > MAX_FIELD_CHARS else (value, 0)
    if isinstance(value, dict):
        pairs = {k: cut_long_strings(v) for k, v in value.items()}
        return {k: v for k, (v, _) in pairs.items()}, sum(n for _, n in pairs.values())
    if isinstance(value, list):
        pairs2 = [cut_long_strings(v) for v in value]
        return [v for v, _ in pairs2], sum(n for _, n in pairs2)
    return value, 0


def capped_field(name: str, value: Any, source_path: str, where: int | None = None) -> tuple[str, list[InputError]]:
    """A shown field (title, outlet, author, url) as one line of text within its cap; a warning when cut."""
    cap = FIELD_CHARS.get(name, MAX_FIELD_CHARS)
    text = as_text(value, limit=cap + 1)
    if len(text) <= cap:
        return text, []
    return text[:cap], [InputError(source_path, f"{name} longer than {cap} characters; cut", where, False)]


def as_text(value: Any, limit: int = MAX_FIELD_CHARS) -> str:
    """A metadata value as one line of text: lists are joined, other types written out."""
    if value is None:
        return ""
    if isinstance(value, str):
        s = value
    elif isinstance(value, (list, tuple)):
        s = ", ".join(as_text(v) for v in value if v is not None)
    elif isinstance(value, (dict, bool, int, float)):
        try:
            s = json.dumps(value, ensure_ascii=False, default=str)
        except (TypeError, ValueError, RecursionError):  # keys of mixed types, nesting: still one line of text
            s = str(value)[: limit * 2]
    else:
        s = str(value)
    return " ".join(s.split())[:limit]


# Where a field came from (article.metadata["field_sources"]): explicit metadata always wins over
# what storytrace.ingest.header infers from the text.
FRONT_MATTER, HTML_META, JSON_FIELD, FEED_FIELD = "front matter", "HTML meta", "JSON field", "feed entry"
INFERRED, META_FILE = "inferred from text", "--meta file"
# A title a format left empty, named from the text as the .txt reader would name it (a JSON row): shown
# as the title, but the text was not cut, so the lead already says it (docvec.vector_title).
NAMED_FROM_TEXT = "named from its text"
FIELD_SOURCES = "field_sources"


def field_source(article: Article, name: str) -> str | None:
    """Where ``article``'s field ``name`` came from (the values above), None when nothing says."""
    sources = article.metadata.get(FIELD_SOURCES) if isinstance(article.metadata, dict) else None
    return sources.get(name) if isinstance(sources, dict) else None


def make_article(
    article_id: str, source_path: str, text: str, fields: Mapping[str, Any], where: int | None = None,
    origin: str = "metadata", origins: Mapping[str, str] | None = None,
) -> tuple[Article, list[InputError]]:
    """An Article with the known fields set and the rest kept in ``metadata``; warnings for bad values.

    ``where`` is the line number to report problems at (JSON lines). ``origin`` names where the
    fields came from (``origins`` per field where they differ); it is kept per field.
    """
    fields, warnings = plain_fields(fields, source_path, where)
    article = Article(id=article_id, source_path=source_path, original_text=text)
    sources = {k: (origins or {}).get(k, origin) for k in ("title", "outlet", "author", "url", "published", "language")
               if fields.get(k) not in (None, "")}
    if sources:
        article.metadata[FIELD_SOURCES] = sources
    for name in STRING_FIELDS:
        if name in fields:
            text, cut = capped_field(name, fields[name], source_path, where)
            setattr(article, name, text)
            warnings += cut
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
                InputError(source_path, f"could not read published date {as_text(raw_date)[:40]!r} as a calendar day"
                           f" ({unread_because(raw_date)}); kept as text", where, False)
            )
            article.metadata["published_raw"] = as_text(raw_date)
        when = from_value(raw_date) if PUBLISHED_TIME not in fields else None
        if when is not None and when.day == article.published:
            article.metadata[PUBLISHED_TIME] = when.iso()  # "2011-08-04T17:55:00-04:00": the time orders one day's versions
    for key, value in fields.items():
        if key not in KNOWN_FIELDS and key != FIELD_SOURCES:
            article.metadata[str(key)] = value
    return article, warnings
