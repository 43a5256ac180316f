"""Extraction: paragraphs, sentences, entities, roles, quantities, dates, quotes, attribution.

``Extractor.process(article)`` fills the article in place; ``process_many`` streams many articles
through spaCy's ``nlp.pipe`` in batches. Each paragraph is parsed as its own doc, so a sentence
never crosses a paragraph and memory stays flat however long an article is. Every span is a
character offset into ``article.text`` (the cleaned text).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from storytrace.config import Config
from storytrace.model import Article
from storytrace.nlp.attribution import extract_attributions, removed_line_attributions
from storytrace.nlp.dates import extract_dates
from storytrace.nlp.entities import extract_entities
from storytrace.nlp.parsed import ParseView, keep_view, pack_view, view_from_parts
from storytrace.nlp.quantities import extract_quantities
from storytrace.nlp.quotes import extract_quotes
from storytrace.nlp.roles import extract_roles
from storytrace.nlp.segment import SentenceIndex, sentence_spans, split_paragraphs
from storytrace.nlp.tokens import TokenIndex

__all__ = ["Extractor"]

_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w.-]+@[\w-]+\.[\w.]+")  # numbers in links are not quantities
# Paragraphs longer than this are parsed in slices cut at a sentence end: the parser slows down
# badly on very long sentence-less stretches and needs ~1 GB per 100k chars.
MAX_PARSE_CHARS = 5_000


class Extractor:
    def __init__(self, config: Config | None = None, keep_views: bool = True):
        from storytrace.nlp.models import load_spacy

        self.config = config or Config()
        self.nlp = load_spacy(self.config.spacy_model)
        # keep each extracted article's token view for the findings (nlp/parsed.py): the one parse
        self.keep_views = keep_views

    def process(self, article: Article) -> Article:
        """Extract from one article in place; an unexpected failure raises (the pipeline reports it)."""
        for done in self.process_many([article], raise_errors=True):
            return done
        return article

    def process_many(self, articles: Iterable[Article], raise_errors: bool = False) -> Iterator[Article]:
        """Extract from many articles, parsing their paragraphs in batches; yields each article when done.

        One article that fails does not stop the stream: it is yielded with what was extracted and a
        line in ``article.warnings`` (unless ``raise_errors``).
        """
        for article, parts in self._parsed(articles, _prepare):
            try:
                _extract(article, parts)
            except Exception as exc:  # noqa: BLE001 - one odd article must not end a 100k-article run
                if raise_errors:
                    raise
                article.warnings.append(f"extraction failed: {type(exc).__name__}: {exc}")
            else:
                if self.keep_views:
                    try:
                        # packed at once (~2-3 KB, the form its blob takes anyway) rather than as token
                        # objects (~0.3 MB an article): a worker extracts a whole group before any story
                        # is analysed, so unpacked views grew with the group (1,637 articles in one
                        # block at 100,000); the findings unpack one when they read it (kept_view)
                        keep_view(article, pack_view(self._view(article, parts), article.text or article.original_text))
                    except Exception:  # noqa: BLE001 - no view kept: the findings parse this article again
                        pass
            yield article

    def parse_views(self, articles: list[Article]) -> list[ParseView]:
        """Token views of articles that have none kept (reloaded from the store, or built by hand),
        parsed as extraction parses them; the articles are not changed."""
        return [self._view(article, parts) for article, parts in self._parsed(articles, _paragraph_text)]

    def _view(self, article: Article, parts: list) -> ParseView:
        from storytrace.nlp.models import add_lemmas

        for _, doc in parts:
            add_lemmas(self.nlp, doc)  # after extraction has read the docs: it never sees lemmas
        return view_from_parts(article, parts)

    def _parsed(self, articles: Iterable[Article], text_of) -> Iterator[tuple[Article, list]]:
        """Each article with its paragraphs parsed: (base offset, doc) per paragraph slice, in batches."""
        pending: dict[int, tuple[Article, list, int]] = {}  # article key -> (article, parts, paragraphs left)

        def paragraph_stream():
            for key, article in enumerate(articles):
                text, paragraphs = text_of(article)
                slices = [(s, e) for p in paragraphs for s, e in _slices(text, p.start, p.end)]
                pending[key] = (article, [], len(slices))
                if not slices:
                    yield "", (key, 0, True)
                for s, e in slices:
                    yield text[s:e], (key, s, False)

        for doc, (key, base, empty) in self.nlp.pipe(paragraph_stream(), as_tuples=True, batch_size=self.config.batch_size * 8):
            article, parts, left = pending[key]
            if not empty:
                parts.append((base, doc))
                left -= 1
            pending[key] = (article, parts, left)
            if left <= 0:
                del pending[key]
                yield article, parts


def _prepare(article: Article) -> tuple[str, list]:
    # An article never cleaned is read as it came; one the cleaner emptied (a lone translator line)
    # stays empty: its removed lines are not story text, and their cues are kept as attributions.
    if not article.text and not article.removals:
        article.text = article.original_text
    _annotate_language(article)
    article.paragraphs = split_paragraphs(article.text)
    return article.text, article.paragraphs


def _paragraph_text(article: Article) -> tuple[str, list]:
    """The text and paragraphs extraction would parse, without changing the article."""
    text = article.text or article.original_text
    return text, article.paragraphs or split_paragraphs(text)


def _annotate_language(article: Article) -> None:
    """Language and language spans, unless cleaning already set them (it normally does)."""
    if article.language and article.language_spans:
        return
    try:
        from storytrace.nlp.language import annotate_language
    except ImportError:  # the language module is optional: keep whatever ingest set
        return
    annotate_language(article)


def _slices(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut an over-long paragraph after a sentence end (else a space) so each slice parses cheaply."""
    out = []
    while end - start > MAX_PARSE_CHARS:
        limit = start + MAX_PARSE_CHARS
        cut = max(text.rfind(". ", start, limit) + 2, text.rfind(" ", start, limit) + 1 if text.rfind(". ", start, limit) < 0 else 0)
        if cut <= start:
            cut = limit
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def _extract(article: Article, parts: list) -> None:
    text = article.text
    sentence_starts = [base + sent.start_char for base, doc in parts for sent in doc.sents]
    article.sentences = sentence_spans(text, article.paragraphs, sentence_starts)
    index = SentenceIndex(article.sentences)
    tokens = TokenIndex(parts)
    entities = extract_entities(parts, text, index)
    urls = [(m.start(), m.end()) for m in _URL.finditer(text)]
    dates = [d for d in extract_dates(text, index, article.published) if not _inside(d.start, urls)]
    quantities = extract_quantities(text, tokens, index, [(d.start, d.end) for d in dates] + urls)
    mentions = sorted([*entities.mentions, *quantities, *dates], key=lambda m: (m.start, m.end))
    article.mentions = mentions
    article.roles = extract_roles(text, entities.mentions, entities.glued_titles, tokens, index)
    article.quotes = extract_quotes(text, article.paragraphs, article.sentences, index, entities.mentions, article.roles, tokens)
    article.attributions = sorted(extract_attributions(text, index, entities.mentions)
                                  + removed_line_attributions(article.removals, index), key=lambda a: a.start)


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in spans)
