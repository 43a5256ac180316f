"""A person's corrections of article metadata, kept in the store and applied over what ingest read.

Like `--meta`, a correction wins over everything read or inferred; unlike it, it lives in the
store (``article_corrections``, keyed by article id), so it survives re-analysis, `analyze --db`
and the web app's additions: every run applies it to the article as it is read again. The
corrected fields are recorded in the article's metadata (``corrected``, and "corrected by a
person" in ``field_sources``), so report files and pages can say a person changed them.
"""
from __future__ import annotations

from datetime import datetime, timezone

from storytrace.ingest.dates import parse_published
from storytrace.ingest.metadata import FIELD_CHARS, FIELD_SOURCES, as_text
from storytrace.model import Article
from storytrace.nlp.language import normalize_language

FIELDS = ("title", "outlet", "author", "published", "url", "language")
CORRECTED = "corrected"  # article.metadata key: {field: value as corrected}
BY_PERSON = "corrected by a person"  # the field_sources value
MAX_NOTE_CHARS = 2_000

CORRECTIONS_SCHEMA = """
CREATE TABLE IF NOT EXISTS article_corrections (
    article_id TEXT PRIMARY KEY REFERENCES articles(id),
    title TEXT, outlet TEXT, author TEXT, published TEXT, url TEXT, language TEXT,
    note TEXT, corrected_at TEXT
);
"""


class BadCorrection(ValueError):
    """A corrected value that cannot be used (the message says which field and why)."""


def ensure_schema(conn) -> None:
    conn.executescript(CORRECTIONS_SCHEMA)


def checked(fields: dict[str, str]) -> dict[str, str]:
    """The fields a person set, validated and normalised; BadCorrection names the first bad one."""
    out: dict[str, str] = {}
    for name, raw in fields.items():
        if name not in FIELDS:
            raise BadCorrection(f"unknown field {name!r} (fields: {', '.join(FIELDS)})")
        value = " ".join(str(raw).split())
        if name == "published" and value:
            when = parse_published(value)
            if when is None:
                raise BadCorrection(f"published: cannot read the date {value[:40]!r} (write it as YYYY-MM-DD)")
            value = when.isoformat()
        elif name == "language" and value:
            code = normalize_language(value)
            if not code:
                raise BadCorrection(f"language: {value[:40]!r} is not a language code (en, fr, zh...)")
            value = code
        elif name == "url" and value and not value.lower().startswith(("http://", "https://")):
            raise BadCorrection("url: only http(s) addresses are kept")
        elif name in FIELD_CHARS and len(value) > FIELD_CHARS[name]:
            raise BadCorrection(f"{name}: longer than {FIELD_CHARS[name]} characters")
        out[name] = value
    return out


def set_correction(conn, article_id: str, fields: dict[str, str], note: str = "",
                   now: datetime | None = None) -> dict[str, str]:
    """Record corrected ``fields`` of one article, merged with its earlier corrections; returns them all."""
    fields = checked(fields)
    ensure_schema(conn)
    merged = {**corrections_of(conn, [article_id]).get(article_id, {}), **fields}
    when = (now or datetime.now(timezone.utc)).replace(microsecond=0).isoformat()
    with conn:
        conn.execute(
            "INSERT OR REPLACE INTO article_corrections VALUES (?,?,?,?,?,?,?,?,?)",
            (article_id, *(merged.get(f) for f in FIELDS), note.strip()[:MAX_NOTE_CHARS], when),
        )
    return merged


def corrections_of(conn, ids: list[str] | None = None) -> dict[str, dict[str, str]]:
    """article id -> {field: corrected value} (only the fields a person set); {} before any correction."""
    sql = f"SELECT article_id, {', '.join(FIELDS)} FROM article_corrections"
    try:
        if ids is None:
            rows = conn.execute(sql).fetchall()
        else:
            rows = []
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                rows += conn.execute(f"{sql} WHERE article_id IN ({','.join('?' * len(chunk))})", chunk).fetchall()
    except Exception:  # a store from before corrections (no table yet), opened read-only
        return {}
    return {row[0]: {f: v for f, v in zip(FIELDS, row[1:]) if v is not None} for row in rows}


def apply_correction(article: Article, fields: dict[str, str]) -> Article:
    """Set the corrected fields on ``article`` and record that a person set them."""
    for name, value in fields.items():
        if name == "published":
            article.published = parse_published(value) if value else None
        elif name == "language":
            article.language = value
        else:
            setattr(article, name, as_text(value))
        article.metadata.setdefault(FIELD_SOURCES, {})[name] = BY_PERSON
    if fields:
        article.metadata[CORRECTED] = dict(sorted(fields.items()))
    return article


def corrected_fields(article: Article) -> list[str]:
    """Which fields of ``article`` a person corrected (for the report files and pages)."""
    fixed = article.metadata.get(CORRECTED)
    return [f for f in FIELDS if isinstance(fixed, dict) and f in fixed]
