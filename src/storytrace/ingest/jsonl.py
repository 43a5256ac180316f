"""JSON (one object or a list of objects) and JSON lines: one article per object.

Fields: id, text, title, outlet, url, published, language, author; anything else is kept in
Article.metadata. A malformed line is skipped and reported with its line number.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from storytrace.ingest.errors import InputProblem
from storytrace.ingest.metadata import NAMED_FROM_TEXT, make_article
from storytrace.ingest.text import inferred_title
from storytrace.model import Article, InputError

# Exports name the body differently; the first present one is the text.
TEXT_FIELDS = ("text", "content", "body")


# JSON escapes can spell lone UTF-16 surrogates ("\\ud800"), which no UTF-8 writer (spaCy, SQLite,
# report.json) accepts: they become U+FFFD, one character for one, so offsets do not move.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _no_surrogates(value: Any) -> Any:
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [_no_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {_no_surrogates(k): _no_surrogates(v) for k, v in value.items()}
    return value


def _loads(s: str) -> Any:
    try:
        value = json.loads(s)
        return _no_surrogates(value) if _SURROGATE_ESCAPE.search(s) else value
    except json.JSONDecodeError as exc:
        raise ValueError(f"malformed JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise ValueError("malformed JSON: nested too deeply") from None
    except ValueError as exc:  # e.g. an integer with too many digits
        raise ValueError(f"malformed JSON: {exc}") from None


def article_from_object(
    obj: Any, path: str, default_id: str, line: int | None = None, item: int | None = None
) -> tuple[Article | None, list[InputError]]:
    """An Article from one decoded JSON value, or None and the reason (``item``: its place in a list)."""
    where = f"item {item}: " if item is not None else ""
    if not isinstance(obj, dict):
        return None, [InputError(path, f"{where}expected a JSON object, got {type(obj).__name__}", line)]
    text_field = next((f for f in TEXT_FIELDS if f in obj), None)
    text = obj.get(text_field) if text_field else None
    if not isinstance(text, str):
        problem = "missing 'text' field" if text_field is None else f"field {text_field!r} is not a string"
        return None, [InputError(path, f"{where}{problem}", line)]
    if not text.strip():
        return None, [InputError(path, f"{where}empty 'text' field", line)]
    fields = {k: v for k, v in obj.items() if k != text_field}
    raw_id = fields.get("id")
    article_id = str(raw_id) if isinstance(raw_id, (str, int)) and str(raw_id).strip() else default_id
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    origins = {}
    if fields.get("title") in (None, ""):  # named as the .txt reader names the same text
        fields["title"], origins["title"] = inferred_title(text), NAMED_FROM_TEXT
    return make_article(article_id, path, text, fields, line, origin="JSON field", origins=origins)


def read_jsonl(path: str, text: str, stem: str) -> Iterator[Article | InputError]:
    for n, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            continue
        try:
            obj = _loads(raw)
        except ValueError as exc:
            yield InputError(path, str(exc), line=n)
            continue
        article, problems = article_from_object(obj, path, f"{stem}-{n}", line=n)
        yield from problems
        if article is not None:
            yield article


def read_json(path: str, text: str, stem: str) -> Iterator[Article | InputError]:
    try:
        data = _loads(text)
    except ValueError as exc:
        raise InputProblem(str(exc)) from None
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if isinstance(data, dict):
        article, problems = article_from_object(data, path, stem)
        yield from problems
        if article is not None:
            yield article
        return
    if not isinstance(data, list):
        raise InputProblem(f"expected a JSON object or a list of objects, got {type(data).__name__}")
    if not data:
        raise InputProblem("no articles in JSON file (an empty list)")
    for i, obj in enumerate(data, start=1):
        article, problems = article_from_object(obj, path, f"{stem}-{i}", item=i)
        yield from problems
        if article is not None:
            yield article
