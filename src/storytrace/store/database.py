"""The SQLite store: plain tables with readable columns, so Datasette opens it as it is.

WAL mode, and each article (or story) is written in one transaction: a crash leaves either the
old rows or the new ones, never half of each. Writing an article replaces only that article's rows;
everything else already in the store is kept.
"""
from __future__ import annotations

import dataclasses
from collections.abc import Collection
import json
import sqlite3
from pathlib import Path
from typing import Any

from storytrace.model import Article, InputError, Report, Story, finding_to_dict
from storytrace.store import corrections, reviews, schema
from storytrace.store.reviews import finding_key, reviews_of
from storytrace.store.errors import StoreError, as_store_error

SCHEMA_VERSION = schema.SCHEMA_VERSION

ARTICLE_TABLES = ("removals", "language_spans", "sentences", "mentions", "roles", "quotes", "attributions")
STORY_TABLES = ("story_articles", "alignments", "unaligned", "reuse_passages", "lineage", "findings")


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
    corrected = article.metadata.get("corrected")  # a person's corrections (store/corrections.py)
    if corrected:  # absent for every uncorrected article, whose hash stays what earlier versions stored
        h.update(_json(corrected).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


class Store:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(self.path, timeout=30)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            schema.ensure(self.conn)  # a store of the earlier layout is migrated here, once
            reviews.ensure_schema(self.conn)
            corrections.ensure_schema(self.conn)
            self.conn.commit()
        except (sqlite3.DatabaseError, OSError) as exc:
            raise as_store_error(self.path, exc) from exc

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
            self.write_article_rows(a)

    def write_article_rows(self, a: Article) -> None:
        """The rows of ``save_article`` without committing: callers add their own rows to the same transaction."""
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
        with self.conn:
            self.write_story_rows(story, articles)

    def write_story_rows(self, story: Story, articles: dict[str, Article] | None = None) -> None:
        """The rows of ``save_story`` without committing (callers add their own rows to the transaction)."""
        self._delete_story_rows(story.id)
        alone = (story.note or None) if len(story.article_ids) == 1 else None  # why it joined no other article
        self.conn.execute(
            "INSERT INTO stories (id, title, article_count, alone_because) VALUES (?,?,?,?)",
            (story.id, story.title, len(story.article_ids), alone),
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
            "INSERT INTO lineage VALUES (?,?,?,?,?,?,?,?)",
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
                (d["id"], story.id, finding_key(f), d["type"], d["severity"], d["article"], _json(d["against"]), d["claim"],
                 d["claim_span"][0], d["claim_span"][1], d["derived_value"], d["source_article"], d["source_text"],
                 ss[0], ss[1], d["source_value"], d["explanation"], d["confidence"],
                 None if d["signals"] is None else _json(d["signals"]), None if d["lacks"] is None else _json(d["lacks"]),
                 d["severity_reason"])
            )
        self.conn.executemany("INSERT INTO findings VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)

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


# -- reading back (used by the web app) ------------------------------------------------------
# Added for `storytrace serve`: rebuild model objects from the store so the app renders the same
# views as report.html. Findings are stored with original-text spans; they are mapped back to
# cleaned-text spans through the sentences table (exact at sentence starts, close inside).


def _from_original(sentences: list[tuple[int, int, int, int]], offset: int | None) -> int | None:
    """Original-text offset -> cleaned-text offset, using (start, end, orig_start, orig_end) rows."""
    if offset is None:
        return None
    for start, end, o_start, o_end in sentences:
        if o_start <= offset <= o_end:
            return min(start + (offset - o_start), end)
    return offset


def load_articles(store: Store, ids: list[str] | None = None) -> list[Article]:
    """Articles with their text, metadata and sentences (not mentions: the views do not need them)."""
    from datetime import date

    from storytrace.model import OffsetMap, Sentence

    sql = (
        "SELECT id, source_path, title, outlet, author, url, language, published, metadata, original_text, text"
        " FROM articles"
    )
    params: tuple = ()
    if ids is not None:
        if not ids:
            return []
        sql += f" WHERE id IN ({','.join('?' * len(ids))})"
        params = tuple(ids)
    articles = []
    for row in store.conn.execute(sql + " ORDER BY id", params).fetchall():
        (aid, source_path, title, outlet, author, url, language, published, metadata, original_text, text) = row
        try:
            published_date = date.fromisoformat(published) if published else None
        except ValueError:
            published_date = None
        a = Article(
            id=aid, source_path=source_path or "", original_text=original_text or "", text=text or "",
            title=title or "", outlet=outlet or "", author=author or "", url=url or "", language=language or "",
            published=published_date, metadata=json.loads(metadata) if metadata else {},
        )
        rows = store.conn.execute(
            'SELECT idx, paragraph, start, "end", orig_start, text FROM sentences WHERE article_id = ? ORDER BY idx',
            (aid,),
        ).fetchall()
        a.sentences = [Sentence(index=i, start=s, end=e, text=t, paragraph=p or 0) for i, p, s, e, _, t in rows]
        if rows:
            a.offset_map = OffsetMap(clean_starts=[r[2] for r in rows], orig_starts=[r[4] for r in rows])
        articles.append(a)
    return articles


def story_ids(store: Store) -> list[str]:
    return [r[0] for r in store.conn.execute("SELECT id FROM stories ORDER BY rowid")]


def load_stories(store: Store, ids: list[str] | None = None, aligned: Collection[str] | None = None) -> list[Story]:
    """Stories with their alignments, lineage and findings (finding spans in cleaned-text offsets).

    ``aligned``: load only the alignments that involve one of these articles (none when empty):
    a story of 50 versions holds over a thousand, and a page of it or its lineage needs few or none.
    """
    from storytrace.model import AlignedPair, Alignment, Edge, Finding, ReusePassage

    q = store.conn.execute
    spans: dict[str, list[tuple[int, int, int, int]]] = {}

    def to_clean(article_id: str | None, start, end) -> tuple[int, int] | None:
        if article_id is None or start is None or end is None:
            return None
        if article_id not in spans:
            spans[article_id] = q(
                'SELECT start, "end", orig_start, orig_end FROM sentences WHERE article_id = ? ORDER BY idx', (article_id,)
            ).fetchall()
        return _from_original(spans[article_id], start), _from_original(spans[article_id], end)

    # A store of layout 3 (read-only, not migrated) has no severity basis columns: NULL, unknown.
    present = schema.columns(store.conn, "findings")
    basis = ", ".join(c if c in present else f"NULL AS {c}" for c in schema.SEVERITY_COLUMNS)
    stories = []
    for sid in ids if ids is not None else story_ids(store):
        head = q("SELECT id, title, alone_because FROM stories WHERE id = ?", (sid,)).fetchone()
        if head is None:
            continue
        story = Story(id=head[0], title=head[1] or "", article_ids=[
            r[0] for r in q("SELECT article_id FROM story_articles WHERE story_id = ? ORDER BY rowid", (sid,))
        ], note=head[2] or "")
        by_pair: dict[tuple[str, str], Alignment] = {}

        def alignment(source: str, derived: str) -> Alignment:
            return by_pair.setdefault((source, derived), Alignment(source, derived))

        if aligned is None:
            only, args = "", (sid,)
        else:
            marks = ",".join("?" * len(aligned)) or "NULL"
            only, args = f" AND (source_article_id IN ({marks}) OR derived_article_id IN ({marks}))", (sid, *aligned, *aligned)
        for source, derived, s_idx, d_idx, score in q(
            "SELECT source_article_id, derived_article_id, source_sentences, derived_sentences, score FROM alignments"
            f" WHERE story_id = ?{only} ORDER BY rowid", args
        ):
            alignment(source, derived).pairs.append(AlignedPair(json.loads(s_idx), json.loads(d_idx), score))
        for source, derived, side, sentence in q(
            "SELECT source_article_id, derived_article_id, side, sentence FROM unaligned"
            f" WHERE story_id = ?{only} ORDER BY rowid", args
        ):
            al = alignment(source, derived)
            (al.unaligned_source if side == "source" else al.unaligned_derived).append(sentence)
        for source, derived, *offsets in q(
            "SELECT source_article_id, derived_article_id, source_start, source_end, derived_start, derived_end"
            " FROM reuse_passages"
            f" WHERE story_id = ?{only} ORDER BY rowid", args
        ):
            alignment(source, derived).reuse.append(ReusePassage(*offsets))
        story.alignments = list(by_pair.values())
        story.lineage = [
            Edge(s, d, rel, conf, cov, cont, json.loads(ev) if ev else [])
            for s, d, rel, conf, cov, cont, ev in q(
                "SELECT source_article_id, derived_article_id, relation, confidence, coverage, containment, evidence"
                " FROM lineage"
                " WHERE story_id = ? ORDER BY rowid", (sid,)
            )
        ]
        for row in q(
            "SELECT id, type, severity, article_id, against, claim, claim_start, claim_end, derived_value, source_article_id,"
            f" source_text, source_start, source_end, source_value, explanation, confidence, {basis} FROM findings"
            " WHERE story_id = ? ORDER BY rowid", (sid,)
        ):
            (fid, ftype, severity, article, against, claim, c_start, c_end, derived_value, source_article,
             source_text, s_start, s_end, source_value, explanation, confidence, signals, lacks, reason) = row
            story.findings.append(Finding(
                id=fid, type=ftype, severity=severity, article=article, against=json.loads(against) if against else [],
                claim=claim or "", claim_span=to_clean(article, c_start, c_end) or (0, 0),
                derived_value=derived_value or "", source_article=source_article, source_text=source_text or "",
                source_span=to_clean(source_article, s_start, s_end), source_value=source_value or "",
                explanation=explanation or "", confidence=confidence or 0.0,
                signals=json.loads(signals) if signals is not None else None,
                lacks=json.loads(lacks) if lacks is not None else None, severity_reason=reason,
            ))
        decided = reviews_of(store.conn, story.findings)
        for f in story.findings:
            f.review = decided[f.id].to_dict() if f.id in decided else None
        stories.append(story)
    return stories


def load_errors(store: Store) -> list[InputError]:
    return [
        InputError(path, problem, line, bool(fatal))
        for path, line, problem, fatal in store.conn.execute("SELECT path, line, problem, fatal FROM input_errors")
    ]


def load_report(store: Store, version: str = "") -> Report:
    return Report(version=version, articles=load_articles(store), stories=load_stories(store), errors=load_errors(store))


def replace_stories(store: Store, stories: list[Story], articles: dict[str, Article]) -> None:
    """After re-analysing everything: drop the old stories (their ids may not come back) and write
    the new ones, in one transaction, so a reader never sees half of each."""
    new_ids = {s.id for s in stories}
    with store.conn:
        for sid in story_ids(store):
            if sid not in new_ids:
                store._delete_story_rows(sid)
        for s in stories:
            store.write_story_rows(s, articles)


class OldLayout(ValueError):
    """A store of an earlier layout (version 1 or 2) opened read-only: it can only be migrated writable."""


def open_readonly(path: str | Path) -> Store:
    """A Store over an existing file opened read-only: no schema writes, safe beside a writer (WAL).

    A store in a read-only folder (or on read-only media) cannot get the WAL's shared-memory file
    that even a reader needs: it is opened immutable instead (SQLite then assumes nobody writes it).
    """
    path = Path(path)
    if not path.is_file():
        raise StoreError(f"{path}: no such store")
    store = Store.__new__(Store)
    store.path = path
    try:
        try:
            store.conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
            known = schema.is_storytrace_store(store.conn)
        except sqlite3.OperationalError as exc:
            if "not a database" in str(exc) or "malformed" in str(exc):
                raise
            store.conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True, timeout=30)
            known = schema.is_storytrace_store(store.conn)
        old = schema.needs_migration(store.conn) and not schema.readable_read_only(store.conn)
    except sqlite3.DatabaseError as exc:
        raise as_store_error(path, exc) from exc
    if not known:
        store.conn.close()
        raise ValueError(f"{path}: not a storytrace store (no schema version)")
    if old:
        store.conn.close()
        raise OldLayout(f"{path}: a store of an earlier storytrace layout, read-only here: open it writable once"
                         " (storytrace serve, or analyze --db) to migrate it")
    return store


# A story worth listing: several versions, or one article that contradicts itself.
_LISTED = "(article_count > 1 OR id IN (SELECT story_id FROM findings))"


def story_summaries(
    store: Store, limit: int | None = None, offset: int = 0, listed_only: bool = False,
) -> list[dict[str, Any]]:
    """Each story's id, title, article count, findings per severity and why a story of one article is
    alone, for a listing (a page of it)."""
    where = f" WHERE {_LISTED}" if listed_only else ""
    rows = store.conn.execute(
        f"SELECT id, title, article_count, alone_because FROM stories{where} ORDER BY rowid LIMIT ? OFFSET ?",
        (-1 if limit is None else limit, offset),
    ).fetchall()
    counts: dict[str, dict[str, int]] = {}
    for start in range(0, len(rows), 500):  # findings per severity for this page's stories only
        chunk = [r[0] for r in rows[start : start + 500]]
        marks = ",".join("?" * len(chunk))
        for sid, severity, n in store.conn.execute(
            f"SELECT story_id, severity, count(*) FROM findings WHERE story_id IN ({marks}) GROUP BY 1, 2", chunk
        ):
            counts.setdefault(sid, {})[severity] = n
    return [
        {"id": sid, "title": title or sid, "article_count": n,
         "findings": {s: counts.get(sid, {}).get(s, 0) for s in ("high", "medium", "low")}, "alone_because": alone or ""}
        for sid, title, n, alone in rows
    ]


def story_count(store: Store, listed_only: bool = False) -> int:
    where = f" WHERE {_LISTED}" if listed_only else ""
    return store.conn.execute(f"SELECT count(*) FROM stories{where}").fetchone()[0]


def finding_counts(store: Store, severity: str | None = None, type: str | None = None,
                   article: str | None = None, review: str | None = None) -> dict[str, int]:
    """story id -> number of its findings that match the filters given (None: any); ``review``: a
    person's decision (open, confirmed, dismissed), joined through the finding's content key."""
    conds, args = [], []
    for column, value in (("f.severity", severity), ("f.type", type), ("f.article_id", article),
                          ("coalesce(r.status, 'open')", review)):
        if value is not None:
            conds.append(f"{column} = ?")
            args.append(value)
    where = (" WHERE " + " AND ".join(conds)) if conds else ""
    join = " LEFT JOIN reviews r ON r.finding_key = f.finding_key" if review is not None else ""
    return dict(store.conn.execute(f"SELECT f.story_id, count(*) FROM findings f{join}{where} GROUP BY f.story_id", args))


def stories_of_article(store: Store, article_id: str) -> list[str]:
    return [r[0] for r in store.conn.execute("SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,))]


# An article in no listed story: what report.html lists under "Articles in no story" (a story of one
# article with a finding is listed as a story, "1 version", in both places).
_LOOSE = (
    "id NOT IN (SELECT sa.article_id FROM story_articles sa JOIN stories s ON s.id = sa.story_id"
    " WHERE s.article_count > 1 OR s.id IN (SELECT story_id FROM findings))"
)


def article_summaries(
    store: Store, limit: int | None = None, offset: int = 0, loose_only: bool = False,
) -> list[dict[str, Any]]:
    """Id, title, outlet, language, date and word count of every article (a page of them), without the
    texts, and ``alone_because``: why its story of one article joined no other ("" when none says)."""
    cols = ("id", "source_path", "title", "outlet", "language", "published", "word_count")
    where = f" WHERE {_LOOSE}" if loose_only else ""
    alone = ("(SELECT s.alone_because FROM story_articles sa JOIN stories s ON s.id = sa.story_id"
             " WHERE sa.article_id = articles.id AND s.article_count = 1)")
    return [
        {**dict(zip(cols, row)), "alone_because": row[-1] or ""}
        for row in store.conn.execute(
            f"SELECT {', '.join(cols)}, {alone} FROM articles{where} ORDER BY published, id LIMIT ? OFFSET ?",
            (-1 if limit is None else limit, offset),
        )
    ]


def article_count(store: Store, loose_only: bool = False) -> int:
    where = f" WHERE {_LOOSE}" if loose_only else ""
    return store.conn.execute(f"SELECT count(*) FROM articles{where}").fetchone()[0]


def stories_joined(store: Store, article_ids: list[str]) -> list[dict[str, str]]:
    """The stories (id, title) holding any of ``article_ids``, in the order of the ids, each once."""
    seen: dict[str, str] = {}
    for aid in article_ids:
        for sid, title in store.conn.execute(
            "SELECT s.id, s.title FROM story_articles sa JOIN stories s ON s.id = sa.story_id WHERE sa.article_id = ?", (aid,)
        ):
            seen.setdefault(sid, title or sid)
    return [{"id": sid, "title": title} for sid, title in seen.items()]
