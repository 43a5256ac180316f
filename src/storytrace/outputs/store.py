"""The SQLite store: plain tables with readable columns, so Datasette opens it as it is.

WAL mode, and each article (or story) is written in one transaction: a crash leaves either the
old rows or the new ones, never half of each. Writing an article replaces only that article's rows;
everything else already in the store is kept.
"""
from __future__ import annotations

import dataclasses
import json
import sqlite3
from pathlib import Path
from typing import Any

from storytrace.model import Article, InputError, Report, Story

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, source_path TEXT, title TEXT, outlet TEXT, author TEXT, url TEXT,
    language TEXT, published TEXT, word_count INTEGER, metadata TEXT,
    original_text TEXT, text TEXT, content_hash TEXT
);
CREATE TABLE IF NOT EXISTS removals (
    article_id TEXT REFERENCES articles(id), start INTEGER, "end" INTEGER, kind TEXT, text TEXT
);
CREATE TABLE IF NOT EXISTS language_spans (
    article_id TEXT REFERENCES articles(id), start INTEGER, "end" INTEGER, language TEXT
);
CREATE TABLE IF NOT EXISTS sentences (
    article_id TEXT REFERENCES articles(id), idx INTEGER, paragraph INTEGER,
    start INTEGER, "end" INTEGER, orig_start INTEGER, orig_end INTEGER, text TEXT,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE IF NOT EXISTS mentions (
    article_id TEXT REFERENCES articles(id), kind TEXT, text TEXT, value TEXT, entity TEXT, label TEXT,
    sentence INTEGER, start INTEGER, "end" INTEGER, orig_start INTEGER, orig_end INTEGER
);
CREATE TABLE IF NOT EXISTS roles (
    article_id TEXT REFERENCES articles(id), person TEXT, entity TEXT, title TEXT, pattern TEXT,
    sentence INTEGER, start INTEGER, "end" INTEGER
);
CREATE TABLE IF NOT EXISTS quotes (
    article_id TEXT REFERENCES articles(id), text TEXT, speaker TEXT, speaker_entity TEXT, cue TEXT,
    sentence INTEGER, start INTEGER, "end" INTEGER, orig_start INTEGER, orig_end INTEGER
);
CREATE TABLE IF NOT EXISTS attributions (
    article_id TEXT REFERENCES articles(id), kind TEXT, target TEXT, sentence INTEGER,
    start INTEGER, "end" INTEGER
);
CREATE TABLE IF NOT EXISTS stories (id TEXT PRIMARY KEY, title TEXT, article_count INTEGER);
CREATE TABLE IF NOT EXISTS story_articles (
    story_id TEXT REFERENCES stories(id), article_id TEXT REFERENCES articles(id),
    PRIMARY KEY (story_id, article_id)
);
CREATE TABLE IF NOT EXISTS alignments (
    story_id TEXT REFERENCES stories(id), source TEXT, derived TEXT,
    source_sentences TEXT, derived_sentences TEXT, score REAL
);
CREATE TABLE IF NOT EXISTS unaligned (
    story_id TEXT REFERENCES stories(id), source TEXT, derived TEXT, side TEXT, sentence INTEGER
);
CREATE TABLE IF NOT EXISTS reuse_passages (
    story_id TEXT REFERENCES stories(id), source TEXT, derived TEXT,
    source_start INTEGER, source_end INTEGER, derived_start INTEGER, derived_end INTEGER
);
CREATE TABLE IF NOT EXISTS edges (
    story_id TEXT REFERENCES stories(id), source TEXT, derived TEXT, relation TEXT,
    confidence REAL, coverage REAL, containment REAL, evidence TEXT
);
CREATE TABLE IF NOT EXISTS findings (
    id TEXT, story_id TEXT REFERENCES stories(id), type TEXT, severity TEXT, article TEXT,
    against TEXT, claim TEXT, claim_start INTEGER, claim_end INTEGER, derived_value TEXT,
    source_article TEXT, source_text TEXT, source_start INTEGER, source_end INTEGER,
    source_value TEXT, explanation TEXT, confidence REAL
);
CREATE TABLE IF NOT EXISTS input_errors (path TEXT, line INTEGER, problem TEXT, fatal INTEGER);
CREATE INDEX IF NOT EXISTS idx_mentions_article ON mentions(article_id);
CREATE INDEX IF NOT EXISTS idx_quotes_article ON quotes(article_id);
CREATE INDEX IF NOT EXISTS idx_findings_story ON findings(story_id);
CREATE INDEX IF NOT EXISTS idx_edges_story ON edges(story_id);
"""

ARTICLE_TABLES = ("removals", "language_spans", "sentences", "mentions", "roles", "quotes", "attributions")
STORY_TABLES = ("story_articles", "alignments", "unaligned", "reuse_passages", "edges", "findings")


def _json(value: Any) -> str:
    if dataclasses.is_dataclass(value):
        value = dataclasses.asdict(value)
    return json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)


def content_hash(article: Article) -> str:
    import hashlib

    h = hashlib.sha256()
    for part in (article.id, article.original_text, article.title, article.outlet, article.url, str(article.published)):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()


class Store:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.conn = sqlite3.connect(self.path, timeout=30)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.executescript(SCHEMA)
            self.conn.execute(
                "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
            )
            self.conn.commit()
        except sqlite3.DatabaseError as exc:
            raise ValueError(f"{self.path}: not a storytrace store ({exc})") from exc

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    # -- articles ---------------------------------------------------------------------------
    def has_article(self, article_id: str, digest: str | None = None) -> bool:
        row = self.conn.execute("SELECT content_hash FROM articles WHERE id = ?", (article_id,)).fetchone()
        return row is not None and (digest is None or row[0] == digest)

    def article_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM articles ORDER BY id")]

    def save_article(self, a: Article) -> None:
        """Replace one article and everything extracted from it, in one transaction."""
        with self.conn:
            self._delete_article_rows(a.id)
            self.conn.execute(
                "INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    a.id, a.source_path, a.title, a.outlet, a.author, a.url, a.language,
                    a.published.isoformat() if a.published else None, a.word_count,
                    _json(a.metadata), a.original_text, a.text, content_hash(a),
                ),
            )
            self.conn.executemany(
                "INSERT INTO removals VALUES (?,?,?,?,?)", [(a.id, r.start, r.end, r.kind, r.text) for r in a.removals]
            )
            self.conn.executemany(
                "INSERT INTO language_spans VALUES (?,?,?,?)",
                [(a.id, s.start, s.end, s.language) for s in a.language_spans],
            )
            self.conn.executemany(
                "INSERT INTO sentences VALUES (?,?,?,?,?,?,?,?)",
                [(a.id, s.index, s.paragraph, s.start, s.end, *a.original_span(s.start, s.end), s.text) for s in a.sentences],
            )
            self.conn.executemany(
                "INSERT INTO mentions VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [
                    (a.id, m.kind, m.text, _json(m.value), m.entity, m.label, m.sentence, m.start, m.end,
                     *a.original_span(m.start, m.end))
                    for m in a.mentions
                ],
            )
            self.conn.executemany(
                "INSERT INTO roles VALUES (?,?,?,?,?,?,?,?)",
                [(a.id, r.person, r.entity, r.title, r.pattern, r.sentence, r.start, r.end) for r in a.roles],
            )
            self.conn.executemany(
                "INSERT INTO quotes VALUES (?,?,?,?,?,?,?,?,?,?)",
                [
                    (a.id, q.text, q.speaker, q.speaker_entity, q.cue, q.sentence, q.start, q.end,
                     *a.original_span(q.start, q.end))
                    for q in a.quotes
                ],
            )
            self.conn.executemany(
                "INSERT INTO attributions VALUES (?,?,?,?,?,?)",
                [(a.id, t.kind, t.target, t.sentence, t.start, t.end) for t in a.attributions],
            )

    def _delete_article_rows(self, article_id: str) -> None:
        for table in ARTICLE_TABLES:
            self.conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        self.conn.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    # -- stories ----------------------------------------------------------------------------
    def save_story(self, story: Story, articles: dict[str, Article] | None = None) -> None:
        from storytrace.outputs.json_report import finding_to_dict

        with self.conn:
            self._delete_story_rows(story.id)
            self.conn.execute(
                "INSERT INTO stories VALUES (?,?,?)", (story.id, story.title, len(story.article_ids))
            )
            self.conn.executemany(
                "INSERT INTO story_articles VALUES (?,?)", [(story.id, i) for i in story.article_ids]
            )
            for al in story.alignments:
                self.conn.executemany(
                    "INSERT INTO alignments VALUES (?,?,?,?,?,?)",
                    [(story.id, al.source, al.derived, _json(p.source), _json(p.derived), p.score) for p in al.pairs],
                )
                self.conn.executemany(
                    "INSERT INTO unaligned VALUES (?,?,?,?,?)",
                    [(story.id, al.source, al.derived, "source", i) for i in al.unaligned_source]
                    + [(story.id, al.source, al.derived, "derived", i) for i in al.unaligned_derived],
                )
                self.conn.executemany(
                    "INSERT INTO reuse_passages VALUES (?,?,?,?,?,?,?)",
                    [
                        (story.id, al.source, al.derived, r.source_start, r.source_end, r.derived_start, r.derived_end)
                        for r in al.reuse
                    ],
                )
            self.conn.executemany(
                "INSERT INTO edges VALUES (?,?,?,?,?,?,?,?)",
                [
                    (story.id, e.source, e.derived, e.relation, e.confidence, e.coverage, e.containment, _json(e.evidence))
                    for e in story.lineage
                ],
            )
            rows = []
            for f in story.findings:
                d = finding_to_dict(f, articles)
                ss = d["source_span"] or [None, None]
                rows.append(
                    (d["id"], story.id, d["type"], d["severity"], d["article"], _json(d["against"]), d["claim"],
                     d["claim_span"][0], d["claim_span"][1], d["derived_value"], d["source_article"], d["source_text"],
                     ss[0], ss[1], d["source_value"], d["explanation"], d["confidence"])
                )
            self.conn.executemany("INSERT INTO findings VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)

    def _delete_story_rows(self, story_id: str) -> None:
        for table in STORY_TABLES:
            self.conn.execute(f"DELETE FROM {table} WHERE story_id = ?", (story_id,))
        self.conn.execute("DELETE FROM stories WHERE id = ?", (story_id,))

    def save_errors(self, errors: list[InputError]) -> None:
        with self.conn:
            self.conn.executemany(
                "INSERT INTO input_errors VALUES (?,?,?,?)", [(e.path, e.line, e.problem, int(e.fatal)) for e in errors]
            )

    def save_report(self, report: Report) -> None:
        by_id = {a.id: a for a in report.articles}
        for a in report.articles:
            self.save_article(a)
        for s in report.stories:
            self.save_story(s, by_id)
        self.save_errors(report.errors)
