"""Runs the stages in order: ingest -> clean -> segment/extract -> stories -> align -> lineage -> findings.

Each stage reads the articles and adds to them, like components over spaCy's Doc. The command
line is a thin layer over ``analyze``; a notebook calls it directly.
"""
from __future__ import annotations


from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from storytrace.config import Config
from storytrace.model import Article, InputError, Report, Story, analysis_failure
from storytrace.progress import progress_bar

__all__ = ["Config", "analyze", "analyze_block", "Pipeline"]

_UNSET = object()
EXTRACT_BATCH = 64  # articles cleaned and extracted together (spaCy pipes their paragraphs in batches)


def _version() -> str:
    from storytrace.version import __version__

    return __version__


class Pipeline:
    """The engine: Config and the models loaded from it, each on first use and then shared.

    Every front end uses one: the command line, ``compare``'s Comparer, the web app's Reanalyser,
    the streaming runner's worker processes and the Spark executors (one per process). A run loads
    only what its inputs need: a corpus of one-article stories never loads the sentence encoder.
    """

    def __init__(self, config: Config | None = None):
        self.config = config or Config()
        self._extractor = None
        self._embedder = None
        self._parser = None
        self._nli: object = _UNSET

    @property
    def extractor(self):
        """spaCy extraction (nlp/); it keeps each article's token view for the findings."""
        if self._extractor is None:
            from storytrace.nlp import Extractor

            self._extractor = Extractor(self.config)
        return self._extractor

    @property
    def embedder(self):
        """The sentence encoder (``embedding_model``), with its cache."""
        if self._embedder is None:
            from storytrace.similarity.embeddings import Embedder

            self._embedder = Embedder(self.config)
        return self._embedder

    @property
    def parser(self):
        """Token views for the findings: the extraction's own parse, or a parse by the same extractor."""
        if self._parser is None:
            from storytrace.findings.text import Parser

            self._parser = Parser(lambda: self.extractor)
        return self._parser

    @property
    def nli(self):
        """The optional NLI scorer (``nli_model``), or None when none is configured."""
        if self._nli is _UNSET:
            self._nli = None
            if self.config.nli_model:
                from storytrace.findings.nli import NLIScorer

                self._nli = NLIScorer(self.config.nli_model)  # NLILoadError: one line for the user
        return self._nli

    @property
    def verifier(self):
        """The sentence-pair verifier when any of its uses is on, else None."""
        if not (self.config.verifier_pairs or self.config.verifier_findings or self.config.verifier_severity):
            return None
        from storytrace.findings.verify import load_verifier

        return load_verifier(self.config.verifier_weights, self.config.verifier_bf16)  # cached per process and weights

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
                yield analysis_failure(article, exc)
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
                yield analysis_failure(article, exc)

    def analyze_articles(self, articles: list[Article], progress=None) -> list[Story]:
        """The cross-article stages: blocks, then stories, alignment, lineage and findings per block."""
        from storytrace.stories.blocking import SignatureTable, block_corpus
        from storytrace.stories.build import story_order
        from storytrace.stories.signature import signatures_for

        table = SignatureTable()
        table.add(signatures_for(articles, self.config.document_encoder))
        blocks = block_corpus(table).blocks
        by_id = {a.id: a for a in articles}
        stories: list[Story] = []
        taken: set[str] = set()
        task = progress.add_task("stories", total=len(blocks)) if progress else None
        for block in blocks:
            stories.extend(analyze_block([by_id[i] for i in block], self, taken=taken))
            if progress:
                progress.advance(task)
        return sorted(stories, key=story_order)

    def run(self, inputs: Iterable[str | Path | Article]) -> Report:
        """Analyse in memory and return the Report (small inputs, notebooks, the web app)."""
        report = Report(version=_version())
        with progress_bar(self.config.quiet) as progress:
            items = list(self.read(inputs))
            articles = [a for a in items if isinstance(a, Article)]
            report.errors.extend(e for e in items if isinstance(e, InputError))
            task = progress.add_task("extract", total=len(articles)) if progress else None
            for start in range(0, len(articles), EXTRACT_BATCH):
                for done in self.prepare_many(articles[start : start + EXTRACT_BATCH]):
                    if isinstance(done, InputError):
                        report.errors.append(done)
                    else:
                        report.articles.append(done)
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


def block_stories(articles: list[Article], engine: Pipeline) -> list[Story]:
    """The stories of one block, before ids, alignments, lineage and findings (analyze_block's first step)."""
    from storytrace.stories.build import build_stories, single_story

    articles = sorted(articles, key=lambda a: a.id)  # the same block gives the same input order
    return single_story(articles[0]) if len(articles) == 1 else build_stories(articles, engine.embedder, engine.config)


def analyze_block(
    articles: list[Article], engine: Pipeline,
    previous: dict[str, str] | None = None, taken: set[str] | None = None, forget: bool = True,
    stories: list[Story] | None = None,
) -> list[Story]:
    """Stories of one block with alignments, lineage and findings (``previous``: see assign_story_ids).

    Every path calls this (one process, the streaming runner's workers, the Spark executors), so the
    same articles in a block give the same stories, ids, lineage and findings whichever path ran them.
    ``engine`` (a Pipeline) gives the config and the models; the encoder is loaded only for a block
    of two or more articles. ``forget``: drop the members' token views afterwards (each article is in
    one block); the streaming runner keeps them until it has packed them into the store.
    ``stories``: what block_stories gave for these articles (the workers build them first, to encode
    only the sentences the aligner will read); computed here when not given.
    The three steps are public so that a worker can run the first for a whole group of blocks, encode
    the meaning checks' texts of all of them in one batch, then run the last.
    """
    block = prepare_block(articles, engine, previous, taken, stories)
    prefetch_meaning([block], engine)
    return finish_block(block, engine, forget)


@dataclass
class PreparedBlock:
    """A block's stories with ids, alignments and lineage: what its findings are detected over."""
    articles: list[Article]
    stories: list[Story]
    # story id -> the pair contexts the meaning prefetch built, for that story's findings (taken by finish_block)
    contexts: dict[str, dict] = field(default_factory=dict)


def prepare_block(articles: list[Article], engine: Pipeline, previous: dict[str, str] | None = None,
                  taken: set[str] | None = None, stories: list[Story] | None = None) -> PreparedBlock:
    """Stories (ids assigned), their alignments and lineage."""
    from storytrace.align import align_story
    from storytrace.lineage import infer_lineage
    from storytrace.stories.ids import assign_story_ids

    if stories is None:
        stories = block_stories(articles, engine)
    assign_story_ids(stories, previous, taken)  # before findings: finding ids contain the story id
    by_id = {a.id: a for a in articles}
    for story in stories:
        members = [by_id[i] for i in story.article_ids]
        story.alignments = align_story(members, engine.embedder) if len(members) > 1 else []
        story.lineage = infer_lineage(members, story.alignments)
    return PreparedBlock(articles, stories)


def _meaning_encoder(engine: Pipeline, story: Story):
    """The encoder the findings of ``story`` may ask: only where the aligner already needed it (a
    one-article story has no edge), and only for the model the meaning threshold fits."""
    from storytrace.findings.meaning import calibrated

    return engine.embedder if len(story.article_ids) > 1 and calibrated(engine.config) else None


def prefetch_meaning(blocks: list[PreparedBlock], engine: Pipeline, max_texts: int = 4096) -> None:
    """Encode in big batches the texts the meaning checks of these blocks' findings will ask for: asked
    pair by pair they came one sentence a batch, several times the cost of a sentence in a big batch
    (bench/RESULTS.md, "Issue 22, session 26"). Vectors depend on their text alone, so no finding moves."""
    from storytrace.findings import meaning_texts
    from storytrace.similarity.embeddings import encode_ahead

    texts: list[str] = []
    for block in blocks:
        by_id = {a.id: a for a in block.articles}
        for story in block.stories:
            encoder = _meaning_encoder(engine, story)
            if encoder is not None:
                texts += meaning_texts(story, by_id, engine.parser, encoder, keep=block.contexts.setdefault(story.id, {}))
    if texts:  # a quarter of the cache at most: the group's sentences, which the findings read too, keep the rest
        encode_ahead(engine.embedder, list(dict.fromkeys(texts)), cache_share=4, max_texts=max_texts)


def finish_block(block: PreparedBlock, engine: Pipeline, forget: bool = True) -> list[Story]:
    """The findings of each prepared story; the token views dropped afterwards when ``forget``."""
    from storytrace.findings import detect_findings
    from storytrace.nlp.parsed import forget_views

    by_id = {a.id: a for a in block.articles}
    for story in block.stories:
        story.findings = detect_findings(story, by_id, engine.config, parser=engine.parser, nli=engine.nli,
                                         encoder=_meaning_encoder(engine, story), contexts=block.contexts.pop(story.id, None))
    if forget:
        forget_views(block.articles)  # each article is in one block: its token view is not read again
    return block.stories

