"""Runs the stages in order: ingest -> clean -> segment/extract -> stories -> align -> lineage -> findings.

Each stage reads the articles and adds to them, like components over spaCy's Doc. The command
line is a thin layer over ``analyze``; a notebook calls it directly.
"""
from __future__ import annotations


from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from storytrace.config import Config
from storytrace.loaded_models import LoadedModels
from storytrace.model import Article, InputError, Report, Story

__all__ = ["Config", "analyze", "Pipeline"]

STREAM_BATCH = 64  # articles cleaned and extracted together (spaCy pipes their paragraphs in batches)


def _version() -> str:
    from storytrace import __version__

    return __version__


@contextmanager
def _progress(quiet: bool):
    """A rich progress bar on stderr, or a no-op when quiet or not a terminal-friendly run."""
    if quiet:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    progress = Progress(
        TextColumn("{task.description:<10}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=False,
    )
    with progress:
        yield progress


class Pipeline(LoadedModels):
    """Holds the loaded models so that several runs (a notebook, the web app) load them once."""

    # -- stages ---------------------------------------------------------------------------
    def read(self, inputs: Iterable[str | Path | Article]) -> Iterator[Article | InputError]:
        if not getattr(self.config, "meta_file", ""):
            yield from self._read(inputs)
            return
        from storytrace.ingest.overrides import apply_meta, load_meta_csv

        meta = load_meta_csv(self.config.meta_file)  # --meta wins over everything read or inferred
        for item in self._read(inputs):
            yield apply_meta(item, meta[item.id]) if isinstance(item, Article) and item.id in meta else item

    def _read(self, inputs: Iterable[str | Path | Article]) -> Iterator[Article | InputError]:
        from storytrace.ingest import IdRegistry, read_paths

        ids = IdRegistry()  # one registry for all inputs: ids stay unique across paths and texts
        for item in inputs:
            if isinstance(item, Article):
                renamed = ids.assign(item, sanitize=False)  # two uploads named index.txt must not become one
                if renamed:
                    yield renamed
                yield item
            elif isinstance(item, Path) or (isinstance(item, str) and _looks_like_path(item)):
                yield from read_paths(
                    [item], max_bytes=self.config.max_file_bytes, ids=ids, follow_links=self.config.follow_links
                )
            else:
                from storytrace.ingest import article_from_text

                article = article_from_text(str(item))
                renamed = ids.assign(article)
                if renamed:
                    yield renamed
                yield article

    def prepare(self, article: Article) -> Article:
        """Clean and extract one article (the per-article stages)."""
        from storytrace.ingest.clean import clean_article

        clean_article(article)
        self.extractor.process(article)
        return article

    def prepare_many(self, articles: list[Article]) -> Iterator[Article | InputError]:
        """Clean and extract a batch through spaCy's batched pipe; an article that fails is one InputError.

        When the batched path fails, the batch is redone one article at a time, so one bad
        article costs only itself.
        """
        from storytrace.ingest.clean import clean_article

        if not articles:
            return  # nothing to do: do not load the models
        cleaned: list[Article] = []
        for article in articles:
            try:
                clean_article(article)
                cleaned.append(article)
            except Exception as exc:  # one bad article must not stop the run
                yield _failed(article, exc)
        try:
            done = list(self.extractor.process_many(cleaned))
        except Exception:
            done = None
        if done is not None and len(done) == len(cleaned):
            yield from done
            return
        for article in cleaned:
            try:
                yield self.extractor.process(article)
            except Exception as exc:
                yield _failed(article, exc)

    def analyze_articles(self, articles: list[Article], progress=None) -> list[Story]:
        """The cross-article stages: blocks, then stories, alignment, lineage and findings per block."""
        from storytrace.scale.analysis import analyze_block, story_order
        from storytrace.scale.blocking import SignatureTable, block_corpus
        from storytrace.scale.signature import signatures_for

        table = SignatureTable()
        table.add(signatures_for(articles, self.config.document_encoder))
        blocks = block_corpus(table).blocks
        by_id = {a.id: a for a in articles}
        stories: list[Story] = []
        taken: set[str] = set()
        task = progress.add_task("stories", total=len(blocks)) if progress else None
        for block in blocks:
            stories.extend(analyze_block([by_id[i] for i in block], self.embedder, self.config, taken=taken))
            if progress:
                progress.advance(task)
        return sorted(stories, key=story_order)

    def run(self, inputs: Iterable[str | Path | Article]) -> Report:
        """Analyse in memory and return the Report (small inputs, notebooks, the web app)."""
        report = Report(version=_version())
        with _progress(self.config.quiet) as progress:
            items = list(self.read(inputs))
            articles = [a for a in items if isinstance(a, Article)]
            report.errors.extend(e for e in items if isinstance(e, InputError))
            task = progress.add_task("extract", total=len(articles)) if progress else None
            for start in range(0, len(articles), STREAM_BATCH):
                for done in self.prepare_many(articles[start : start + STREAM_BATCH]):
                    if isinstance(done, InputError):
                        report.errors.append(done)
                    else:
                        report.articles.append(done)
                    if progress:
                        progress.advance(task)
            report.stories = self.analyze_articles(report.articles, progress)
        return report

    def run_into_store(
        self, inputs: Iterable[str | Path | Article], db_path: str | Path, *, keep_others: bool = False,
        workers: int = 1, fast: bool = False, replace: bool = False,
    ):
        """Stream the inputs into the SQLite store and analyse there (bounded memory; see scale/runner.py).

        ``keep_others``: keep stored articles that are not among the inputs (``analyze --db``:
        an incremental run); otherwise the store ends up holding exactly the inputs.
        ``workers``: processes that extract and analyse blocks (each loads its own models, ~1 GB).
        ``fast``: do not extract articles that share a block with no other article.
        ``replace``: with ``keep_others``, a different text under a stored id replaces the stored
        article; otherwise it is kept beside it under an id of its own (scale/runner.py).
        """
        from storytrace.scale.runner import run_into_store

        with _progress(self.config.quiet) as progress:
            return run_into_store(self, inputs, db_path, keep_others=keep_others, progress=progress,
                                  workers=workers, fast=fast, replace=replace)


def _failed(article: Article, exc: Exception) -> InputError:
    return InputError(article.source_path or article.id, f"could not analyse article {article.id}: {type(exc).__name__}: {exc}")


def _looks_like_path(s: str) -> bool:
    return "\n" not in s and len(s) < 4096 and Path(s).exists()


def analyze(inputs: Iterable[str | Path | Article] | str | Path, config: Config | None = None, **options) -> Report:
    """Analyse paths (files or folders) or raw texts and return a Report (the content of report.json).

    ``options`` override fields of ``Config`` (``analyze(paths, quiet=True)``).
    """
    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    config = config or Config()
    for key, value in options.items():
        if not hasattr(config, key):
            raise TypeError(f"unknown option {key!r}")
        setattr(config, key, value)
    return Pipeline(config).run(inputs)


