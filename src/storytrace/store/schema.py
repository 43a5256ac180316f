"""The store's layout: the tables people query, the internal ones, the version and its migration.

User-facing tables have plain names and a column that points at an article is called
``article_id`` (or ``source_article_id`` / ``derived_article_id`` when a row joins two), declared as
a foreign key so Datasette links it. JSON sits in the columns listed in ``JSON_COLUMNS`` (described
in ``datasette-metadata.json``). The streaming run's own tables (blobs, signatures, blocks, what
still waits for extraction, the store's key/value meta) start with ``_st_``: nobody needs to query them.

Version 3 (``PRAGMA user_version``) is this layout. Earlier stores are migrated in place, each step
in one transaction, the first time a writable Store opens them: version 1 (every release before
session 9: ``edges``, ``findings.article``, unprefixed internal tables, the version in a ``meta``
table) to 2, and version 2 to 3, which adds ``stories.alone_because`` (why a story of one article
joined no other: which evidence was too weak), filled from the stored story blobs. Version 3 to 4
adds why each finding has its severity (``findings.signals``, ``lacks``, ``severity_reason``;
findings/severity.py); the findings of an earlier store keep NULL there: unknown. A version 3
store differs only by those columns, so it stays readable read-only (``READABLE_FROM``).
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

SCHEMA_VERSION = 4
READABLE_FROM = 3  # the oldest layout a read-only Store reads as it is (missing columns: unknown)
INTERNAL_PREFIX = "_st_"

TABLES = """
CREATE TABLE IF NOT EXISTS _st_meta (key TEXT PRIMARY KEY, value TEXT);
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
CREATE TABLE IF NOT EXISTS stories (id TEXT PRIMARY KEY, title TEXT, article_count INTEGER, alone_because TEXT);
CREATE TABLE IF NOT EXISTS story_articles (
    story_id TEXT REFERENCES stories(id), article_id TEXT REFERENCES articles(id),
    PRIMARY KEY (story_id, article_id)
);
CREATE TABLE IF NOT EXISTS alignments (
    story_id TEXT REFERENCES stories(id), source_article_id TEXT REFERENCES articles(id),
    derived_article_id TEXT REFERENCES articles(id), source_sentences TEXT, derived_sentences TEXT, score REAL
);
CREATE TABLE IF NOT EXISTS unaligned (
    story_id TEXT REFERENCES stories(id), source_article_id TEXT REFERENCES articles(id),
    derived_article_id TEXT REFERENCES articles(id), side TEXT, sentence INTEGER
);
CREATE TABLE IF NOT EXISTS reuse_passages (
    story_id TEXT REFERENCES stories(id), source_article_id TEXT REFERENCES articles(id),
    derived_article_id TEXT REFERENCES articles(id),
    source_start INTEGER, source_end INTEGER, derived_start INTEGER, derived_end INTEGER
);
CREATE TABLE IF NOT EXISTS lineage (
    story_id TEXT REFERENCES stories(id), source_article_id TEXT REFERENCES articles(id),
    derived_article_id TEXT REFERENCES articles(id), relation TEXT,
    confidence REAL, coverage REAL, containment REAL, evidence TEXT
);
CREATE TABLE IF NOT EXISTS findings (
    id TEXT, story_id TEXT REFERENCES stories(id), finding_key TEXT, type TEXT, severity TEXT,
    article_id TEXT REFERENCES articles(id), against TEXT, claim TEXT, claim_start INTEGER, claim_end INTEGER,
    derived_value TEXT, source_article_id TEXT REFERENCES articles(id), source_text TEXT, source_start INTEGER,
    source_end INTEGER, source_value TEXT, explanation TEXT, confidence REAL,
    signals TEXT, lacks TEXT, severity_reason TEXT
);
CREATE TABLE IF NOT EXISTS input_errors (path TEXT, line INTEGER, problem TEXT, fatal INTEGER);
"""

INDEXES = """
CREATE INDEX IF NOT EXISTS idx_mentions_article ON mentions(article_id);
CREATE INDEX IF NOT EXISTS idx_quotes_article ON quotes(article_id);
CREATE INDEX IF NOT EXISTS idx_findings_story ON findings(story_id);
CREATE INDEX IF NOT EXISTS idx_findings_key ON findings(finding_key);
CREATE INDEX IF NOT EXISTS idx_lineage_story ON lineage(story_id);
CREATE INDEX IF NOT EXISTS idx_removals_article ON removals(article_id);
CREATE INDEX IF NOT EXISTS idx_language_spans_article ON language_spans(article_id);
CREATE INDEX IF NOT EXISTS idx_roles_article ON roles(article_id);
CREATE INDEX IF NOT EXISTS idx_attributions_article ON attributions(article_id);
CREATE INDEX IF NOT EXISTS idx_story_articles_article ON story_articles(article_id);
CREATE INDEX IF NOT EXISTS idx_alignments_story ON alignments(story_id);
CREATE INDEX IF NOT EXISTS idx_unaligned_story ON unaligned(story_id);
CREATE INDEX IF NOT EXISTS idx_reuse_story ON reuse_passages(story_id);
"""

# Columns holding JSON text (what each holds is in datasette-metadata.json).
JSON_COLUMNS = {
    "articles": ("metadata",),
    "mentions": ("value",),
    "alignments": ("source_sentences", "derived_sentences"),
    "lineage": ("evidence",),
    "findings": ("against", "signals", "lacks"),
}

# -- version 1 -> 2 -----------------------------------------------------------------------------
_RENAMED_TABLES = {  # version 1 name -> version 2 name
    "meta": "_st_meta", "article_blobs": "_st_article_blobs", "signatures": "_st_signatures",
    "story_blobs": "_st_story_blobs", "blocks": "_st_blocks", "pending_extraction": "_st_pending_extraction",
}
_PAIR_COLUMNS = "story_id, source AS source_article_id, derived AS derived_article_id"
_REBUILT = {  # version 2 table <- SELECT over its version 1 table
    "alignments": ("alignments", f"{_PAIR_COLUMNS}, source_sentences, derived_sentences, score"),
    "unaligned": ("unaligned", f"{_PAIR_COLUMNS}, side, sentence"),
    "reuse_passages": ("reuse_passages", f"{_PAIR_COLUMNS}, source_start, source_end, derived_start, derived_end"),
    "lineage": ("edges", f"{_PAIR_COLUMNS}, relation, confidence, coverage, containment, evidence"),
    "findings": ("findings", "id, story_id, st_finding_key(article, type, claim, derived_value, source_value), type,"
                 " severity, article, against, claim, claim_start, claim_end, derived_value, source_article, source_text,"
                 " source_start, source_end, source_value, explanation, confidence,"
                 " NULL, NULL, NULL"),  # the severity basis columns of layout 4: unknown
}
_OLD_INDEXES = ("idx_edges_story", "idx_findings_story", "idx_alignments_story", "idx_unaligned_story", "idx_reuse_story")


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def is_version_1(conn: sqlite3.Connection) -> bool:
    """A store written before the version in PRAGMA user_version: its version sits in ``meta``."""
    return conn.execute("PRAGMA user_version").fetchone()[0] == 0 and "meta" in _tables(conn)


def is_storytrace_store(conn: sqlite3.Connection) -> bool:
    return conn.execute("PRAGMA user_version").fetchone()[0] >= 2 or is_version_1(conn)


def needs_migration(conn: sqlite3.Connection) -> bool:
    """A store of an earlier layout (version 1 to 3): a writable Store migrates it."""
    return is_version_1(conn) or 2 <= conn.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION


def readable_read_only(conn: sqlite3.Connection) -> bool:
    """A layout a read-only Store reads without migrating (``READABLE_FROM`` or later)."""
    return conn.execute("PRAGMA user_version").fetchone()[0] >= READABLE_FROM


def _table_sql(name: str) -> str:
    start = TABLES.index(f"CREATE TABLE IF NOT EXISTS {name} ")
    return TABLES[start : TABLES.index(";", start) + 1]


@contextmanager
def _migration(conn: sqlite3.Connection, version: int) -> Iterator[None]:
    """One migration step in one transaction: the body's changes and the new layout version are
    committed together, or nothing is (a failed step leaves the store as it was)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        conn.execute(f"PRAGMA user_version = {int(version)}")
        conn.execute("INSERT OR REPLACE INTO _st_meta(key, value) VALUES ('schema_version', ?)", (str(version),))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def migrate_1_to_2(conn: sqlite3.Connection) -> None:
    """Rename and rebuild a version 1 store's tables in one transaction (all or nothing)."""
    from storytrace.store.reviews import key_of_values

    conn.create_function("st_finding_key", 5, lambda *v: key_of_values(*("" if x is None else str(x) for x in v)),
                         deterministic=True)
    present = _tables(conn)
    with _migration(conn, 2):
        for old, new in _RENAMED_TABLES.items():
            if old in present:
                conn.execute(f"ALTER TABLE {old} RENAME TO {new}")
        for name in _OLD_INDEXES:
            conn.execute(f"DROP INDEX IF EXISTS {name}")
        for new, (old, select) in _REBUILT.items():
            if old not in present:
                continue
            conn.execute(f"ALTER TABLE {old} RENAME TO _st_v1_{old}")
            conn.execute(_table_sql(new))
            conn.execute(f"INSERT INTO {new} SELECT {select} FROM _st_v1_{old} ORDER BY rowid")
            conn.execute(f"DROP TABLE _st_v1_{old}")


def migrate_2_to_3(conn: sqlite3.Connection) -> None:
    """Add ``stories.alone_because`` and fill it for the stories of one article from their blobs
    (the reason was kept there, only not where people and the web app query), in one transaction."""
    from storytrace.store import codec

    with _migration(conn, 3):
        columns = {r[1] for r in conn.execute("PRAGMA table_info(stories)")}
        if "alone_because" not in columns:
            conn.execute("ALTER TABLE stories ADD COLUMN alone_because TEXT")
        if "_st_story_blobs" in _tables(conn):
            rows = conn.execute(
                "SELECT b.story_id, b.data FROM _st_story_blobs b JOIN stories s ON s.id = b.story_id"
                " WHERE s.article_count = 1").fetchall()
            notes = [(codec.unpack_story(data).note or None, sid) for sid, data in rows]
            conn.executemany("UPDATE stories SET alone_because = ? WHERE id = ?", notes)


# Columns a later version added to a table: a reader of an older store selects NULL for them.
SEVERITY_COLUMNS = ("signals", "lacks", "severity_reason")


def migrate_3_to_4(conn: sqlite3.Connection) -> None:
    """Add the findings' severity basis columns (NULL, unknown, for the findings already stored)."""
    with _migration(conn, 4):
        present = {r[1] for r in conn.execute("PRAGMA table_info(findings)")}
        for column in SEVERITY_COLUMNS:
            if column not in present:
                conn.execute(f"ALTER TABLE findings ADD COLUMN {column} TEXT")


def columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}


def ensure(conn: sqlite3.Connection) -> None:
    """Create (or migrate to) the current layout. The caller commits nothing: this commits itself."""
    if is_version_1(conn):
        migrate_1_to_2(conn)
    if conn.execute("PRAGMA user_version").fetchone()[0] == 2:
        migrate_2_to_3(conn)
    if conn.execute("PRAGMA user_version").fetchone()[0] == 3:
        migrate_3_to_4(conn)
    conn.executescript(TABLES)
    conn.executescript(INDEXES)
    if conn.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    conn.execute("INSERT OR IGNORE INTO _st_meta(key, value) VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
    conn.commit()
