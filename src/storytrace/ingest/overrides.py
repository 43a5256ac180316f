"""`storytrace analyze --meta FILE.csv`: a person's metadata for articles, over anything read or inferred.

Columns: id (required), title, outlet, author, published, url, language; an empty cell leaves
that field as read. Each field set here records "--meta file" as where it came from.
"""
from __future__ import annotations

import csv
from pathlib import Path

from storytrace.ingest.dates import parse_published
from storytrace.ingest.metadata import FIELD_SOURCES, META_FILE, as_text
from storytrace.model import Article
from storytrace.nlp.language import normalize_language

COLUMNS = ("id", "title", "outlet", "author", "published", "url", "language")


def load_meta_csv(path: str | Path) -> dict[str, dict[str, str]]:
    """id -> {field: value} (non-empty cells only). A malformed file is a ValueError naming it."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            header = [h.strip() for h in (reader.fieldnames or [])]
            if "id" not in header:
                raise ValueError(f"{path}: --meta file needs an 'id' column (columns: {', '.join(COLUMNS)})")
            unknown = [h for h in header if h not in COLUMNS]
            if unknown:
                raise ValueError(f"{path}: unknown --meta column(s) {', '.join(map(repr, unknown))} (columns: {', '.join(COLUMNS)})")
            out: dict[str, dict[str, str]] = {}
            for n, row in enumerate(reader, start=2):
                row = {(k or "").strip(): (v or "").strip() for k, v in row.items() if k}
                if not row.get("id"):
                    raise ValueError(f"{path}: line {n}: empty id")
                fields = {k: v for k, v in row.items() if k != "id" and v}
                if "published" in fields and parse_published(fields["published"]) is None:
                    raise ValueError(f"{path}: line {n}: cannot read published date {fields['published'][:40]!r}")
                out[row["id"]] = fields
            return out
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: --meta file is not UTF-8 text ({exc.reason})") from None
    except csv.Error as exc:
        raise ValueError(f"{path}: malformed CSV ({exc})") from None


def apply_meta(article: Article, fields: dict[str, str]) -> Article:
    for name, value in fields.items():
        if name == "published":
            article.published = parse_published(value)
        elif name == "language":
            article.language = normalize_language(value) or article.language
        else:
            setattr(article, name, as_text(value))
        article.metadata.setdefault(FIELD_SOURCES, {})[name] = META_FILE
    return article
