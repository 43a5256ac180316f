"""Analysing the store again after articles are added, so stories, lineage and findings take the new
versions into account. One analysis at a time (a lock); models load once.

A store written by `storytrace analyze` (every article has its blob and signature) is updated
incrementally, like `analyze --db`: only the blocks the new articles join are recomputed. Any
other store (written article by article) is analysed again in full."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from storytrace.ingest.ids import IdRegistry, collision_note, derived_id
from storytrace.model import Article, InputError
from storytrace.store import database as store_mod


@dataclass
class AnalysisResult:
    added: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    articles: int = 0
    stories: int = 0
    findings: int = 0


def _fresh(a: Article) -> Article:
    """A stored article as the readers gave it: the pipeline cleans and extracts it again."""
    return Article(
        id=a.id, source_path=a.source_path, original_text=a.original_text, title=a.title, outlet=a.outlet,
        author=a.author, url=a.url, language=a.language, published=a.published, metadata=dict(a.metadata),
    )


def _default_pipeline():
    from storytrace.config import Config
    from storytrace.pipeline import Pipeline

    return Pipeline(Config(quiet=True))


class Reanalyser:
    def __init__(self, db_path: Path, pipeline_factory: Callable[[], object] = _default_pipeline):
        self.db_path = Path(db_path)
        self._factory = pipeline_factory
        self._pipeline = None
        self._lock = threading.Lock()

    @property
    def pipeline(self):
        if self._pipeline is None:
            self._pipeline = self._factory()
        return self._pipeline

    def read(self, paths: list[Path]):
        """The pipeline's readers (used for uploaded files)."""
        return self.pipeline.read(paths)

    def add(self, new: list[Article], input_errors: list[InputError] | None = None) -> AnalysisResult:
        input_errors = list(input_errors or [])
        ids = IdRegistry()  # one request's uploads share a registry: site1/index.txt and site2/index.txt stay two
        input_errors += [note for note in (ids.assign(a, sanitize=False) for a in new) if note]
        from storytrace.store.lock import store_lock

        with self._lock, store_lock(self.db_path):  # an `analyze --db` on the same store waits, or we do
            # the streaming runner needs a full pipeline (one that extracts); a stand-in only reads and runs
            if hasattr(self.pipeline, "prepare_many") and _incremental_ready(self.db_path):
                return self._add_incrementally(new, list(input_errors or []))
            return self._reanalyse_all(new, input_errors)

    def correct(self, article_id: str, fields: dict[str, str], note: str = "") -> dict[str, str]:
        """Record a person's correction of an article's metadata and analyse its story again with it
        (a date or language can change the lineage); returns every corrected field of the article.
        ``corrections.BadCorrection`` for a value that cannot be used; KeyError for an unknown article."""
        from storytrace.store import corrections, stream_tables
        from storytrace.store.lock import store_lock

        with self._lock, store_lock(self.db_path):
            with store_mod.Store(self.db_path) as s:
                if not s.has_article(article_id):
                    raise KeyError(article_id)
                merged = corrections.set_correction(s.conn, article_id, fields, note)
            if hasattr(self.pipeline, "prepare_many") and _incremental_ready(self.db_path):
                from storytrace.streaming.runner import run_into_store

                with store_mod.Store(self.db_path) as s:
                    stored = stream_tables.load_articles(s, [article_id])
                # the runner applies the stored correction and replaces the article, recomputing its block
                run_into_store(self.pipeline, [_fresh(a) for a in stored], self.db_path, keep_others=True)
            else:
                self._reanalyse_all([], [])
            return merged

    def _reanalyse_all(self, new: list[Article], input_errors: list[InputError]) -> AnalysisResult:
        """Every stored article and ``new`` analysed again in full (a store without blobs, a stand-in pipeline)."""
        from storytrace.store import corrections

        with store_mod.Store(self.db_path) as s:
            stored = {a.id: a for a in store_mod.load_articles(s)}
            fixes = corrections.corrections_of(s.conn)
        input_errors += keep_stored_apart(new, stored)
        new_ids = {a.id for a in new}
        kept = [_fresh(a) for a in stored.values() if a.id not in new_ids]
        for a in kept + list(new):
            if a.id in fixes:
                corrections.apply_correction(a, fixes[a.id])
        report = self.pipeline.run(kept + list(new))
        by_id = {a.id: a for a in report.articles}
        with store_mod.Store(self.db_path) as s:
            for a in report.articles:
                s.save_article(a)
            store_mod.replace_stories(s, report.stories, by_id)
            s.save_errors(list(input_errors or []) + report.errors)
        return AnalysisResult(
            added=[a.id for a in new if a.id in by_id],
            errors=[str(e) for e in (input_errors or [])] + [str(e) for e in report.errors],
            articles=len(report.articles), stories=len(report.stories), findings=len(report.findings),
        )

    def _add_incrementally(self, new: list[Article], input_errors: list[InputError]) -> AnalysisResult:
        from storytrace.streaming.runner import run_into_store

        run = run_into_store(self.pipeline, list(new), self.db_path, keep_others=True)
        with store_mod.Store(self.db_path) as s:
            s.save_errors(input_errors)
            count = lambda table: s.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: E731
            stored = set(s.article_ids())
            return AnalysisResult(
                added=[a.id for a in new if a.id in stored],
                errors=[str(e) for e in input_errors + run.errors],
                articles=count("articles"), stories=count("stories"), findings=count("findings"),
            )


def keep_stored_apart(new: list[Article], stored: dict[str, Article]) -> list[InputError]:
    """Give a new article whose id a different stored text holds an id of its own; one note per rename."""
    taken = set(stored) | {a.id for a in new}
    notes: list[InputError] = []
    for a in new:
        old = stored.get(a.id)
        if old is None or store_mod.content_hash(old) == store_mod.content_hash(a):
            continue
        wanted, base, n = a.id, derived_id(a), 2
        a.id = base
        while a.id in taken and (a.id not in stored or store_mod.content_hash(stored[a.id]) != store_mod.content_hash(a)):
            a.id, n = f"{base}-{n}", n + 1
        taken.add(a.id)
        notes.append(collision_note(a, wanted, replaced=False))
    return notes


def _incremental_ready(db_path: Path) -> bool:
    """Whether every stored article has what an incremental run needs (its blob and signature)."""
    from storytrace.store import stream_tables

    with store_mod.Store(db_path) as s:
        stream_tables.ensure_schema(s)
        total = s.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        return total == len(stream_tables.analysed_hashes(s))
