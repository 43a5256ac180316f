"""Runs the stages in order: ingest -> clean -> segment/extract -> stories -> align -> lineage -> findings.

Each stage reads the articles and adds to them, like components over spaCy's Doc. The command
line is a thin layer over ``analyze``; a notebook calls it directly.
"""
from __future__ import annotations


from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from storytrace.config import Config
from storytrace.model import Article, InputError, Report, Story

__all__ = ["Config", "analyze", "Pipeline"]


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


class Pipeline:
    """Holds the loaded models so that several runs (a notebook, the web app) load them once."""

    def __init__(self, config: Config | None = None):
        self.config = config or Config()
        self._extractor = None
        self._embedder = None

    @property
    def extractor(self):
        if self._extractor is None:
            from storytrace.nlp import Extractor

            self._extractor = Extractor(self.config)
        return self._extractor

    @property
    def embedder(self):
        if self._embedder is None:
            from storytrace.similarity.embeddings import Embedder

            self._embedder = Embedder(self.config)
        return self._embedder

    # -- stages ---------------------------------------------------------------------------
    def read(self, inputs: Iterable[str | Path | Article]) -> Iterator[Article | InputError]:
        from storytrace.ingest import IdRegistry, read_paths

        ids = IdRegistry()  # one registry for all inputs: ids stay unique across paths and texts
        for item in inputs:
            if isinstance(item, Article):
                yield item
            elif isinstance(item, Path) or (isinstance(item, str) and _looks_like_path(item)):
                yield from read_paths([item], max_bytes=self.config.max_file_bytes, ids=ids)
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

    def analyze_articles(self, articles: list[Article], progress=None) -> list[Story]:
        """The cross-article stages: stories, alignment, lineage, findings."""
        from storytrace.align import align_story
        from storytrace.findings import detect_findings
        from storytrace.lineage import infer_lineage
        from storytrace.stories import build_stories

        stories = build_stories(articles, self.embedder, self.config)
        by_id = {a.id: a for a in articles}
        task = progress.add_task("stories", total=len(stories)) if progress else None
        for story in stories:
            members = [by_id[i] for i in story.article_ids]
            story.alignments = align_story(members, self.embedder)
            story.lineage = infer_lineage(members, story.alignments)
            story.findings = detect_findings(story, by_id)
            if progress:
                progress.advance(task)
        return stories

    def run(self, inputs: Iterable[str | Path | Article]) -> Report:
        report = Report(version=_version())
        with _progress(self.config.quiet) as progress:
            items = list(self.read(inputs))
            articles = [a for a in items if isinstance(a, Article)]
            report.errors.extend(e for e in items if isinstance(e, InputError))
            task = progress.add_task("extract", total=len(articles)) if progress else None
            for article in articles:
                try:
                    self.prepare(article)
                except Exception as exc:  # one bad article must not stop the run
                    report.errors.append(InputError(article.source_path or article.id, f"could not analyse: {exc}"))
                    continue
                report.articles.append(article)
                if progress:
                    progress.advance(task)
            report.stories = self.analyze_articles(report.articles, progress)
        return report


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


