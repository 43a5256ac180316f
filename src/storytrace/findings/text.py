"""Token-level view of an article's sentences for the pairwise detectors.

The extractor gives mentions, quotes and roles; the polarity, addition and omission detectors
also need lemmas, parts of speech and dependencies. They read them from the extraction's own parse
(nlp/parsed.py): each article is parsed once per run.
"""
from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import lru_cache

from storytrace.findings.lexicon import DEMONYMS
from storytrace.model import Article
from storytrace.nlp.parsed import (  # noqa: F401 - Token, ParsedSentence, word_key, strip_accents: re-exported
    ParsedSentence, ParseView, Token, kept_view, strip_accents, view_key, word_key,
)

_CACHE_SIZE = 256


NameForms = dict[str, set[frozenset[str]]]  # a word key -> the entity kinds it is tagged with


@dataclass
class ArticleViews:
    """What detectors derive from a whole parsed article, kept with it: a source compared with 30
    versions derives each view once. Each field is filled, on first use, by the one function named."""
    content_keys: list[frozenset[str]] | None = None  # findings.common.source_content_keys
    name_initials: frozenset[str] | None = None  # detectors.entities_cmp.name_initials
    places: frozenset[str] | None = None  # detectors.entities_cmp.source_places
    defined_acronyms: frozenset[str] | None = None  # detectors.entities_cmp.defined_acronyms
    name_cut_forms: tuple[NameForms, NameForms] | None = None  # findings.name_cuts.name_forms
    people_places: frozenset[int] | None = None  # detectors.entities_cmp.people_word_places


@dataclass
class ParsedArticle:
    article_id: str
    sentences: list[ParsedSentence]
    vocabulary: frozenset[str]  # word keys of every word of the text
    stems: frozenset[str]  # demonym-aware stems of every word
    acronyms: frozenset[str] = frozenset()  # all-caps words and the initials of multi-word names
    views: ArticleViews = field(default_factory=ArticleViews, repr=False, compare=False)

    def sentence(self, index: int) -> ParsedSentence | None:
        if 0 <= index < len(self.sentences) and self.sentences[index].index == index:
            return self.sentences[index]
        for s in self.sentences:
            if s.index == index:
                return s
        return None


def hyphen_joined(text: str, base: int, tok: Token) -> bool:
    """Is the token joined to a neighbour by a hyphen ("the old of a 19-year-old", "ill-prepared")?
    Then it is part of a compound, not a word standing alone. ``text`` starts at offset ``base``."""
    i, j = tok.start - base, tok.end - base
    return (i > 0 and text[i - 1] == "-") or (j < len(text) and text[j] == "-")


_WORD_RE = re.compile(r"[^\W_]+(?:[.'’-][^\W_]+)*\.?", re.UNICODE)
_DEMONYM_SUFFIXES = ("ians", "ians", "ian", "ans", "ese", "ish", "ain", "ia", "an", "i", "a", "e", "y", "s")


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude stem that joins places and their peoples: Russia/Russian, China/Chinese."""
    w = word_key(word)
    if w in DEMONYMS:
        w = DEMONYMS[w]
    for suffix in _DEMONYM_SUFFIXES:
        if len(w) - len(suffix) >= 4 and w.endswith(suffix):
            return w[: -len(suffix)]
    return w


def said_keys(sentence: ParsedSentence) -> set[str]:
    """The word keys a sentence says, each word by its lemma and by its own form ("said", "say")."""
    return {k for t in sentence.tokens for k in (word_key(t.lemma), word_key(t.lower))}


def text_vocabulary(text: str) -> tuple[frozenset[str], frozenset[str]]:
    words = [word_key(m.group()) for m in _WORD_RE.finditer(text)]
    # Keep hyphenated compounds whole and also their parts: "one-year" supports "year".
    parts = [p for m in _WORD_RE.finditer(text) for p in re.split(r"[-’']", m.group()) if p]
    keys = {w for w in words if w} | {word_key(p) for p in parts if word_key(p)}
    return frozenset(keys), frozenset(stem(k) for k in keys)


class Parser:
    """ParsedArticle of each article, cached by text so a source compared with 30 summaries is read once.

    The tokens come from the parse extraction kept beside the article (nlp/parsed.py); an article
    without one (reloaded from the store, built by hand) is parsed as extraction parses it.
    """

    def __init__(self, extractor=None, spacy_model: str = "en_core_web_sm"):
        # an Extractor, or a function that returns one (the engine's, loaded only if a parse is needed)
        self._extractor = extractor
        self._spacy_model = spacy_model
        self._cache: OrderedDict[str, ParsedArticle] = OrderedDict()

    @property
    def extractor(self):
        if callable(self._extractor) and not hasattr(self._extractor, "parse_views"):
            self._extractor = self._extractor()
        if self._extractor is None:
            from storytrace.config import Config
            from storytrace.nlp import Extractor

            self._extractor = Extractor(Config(spacy_model=self._spacy_model))
        return self._extractor

    def parse(self, article: Article) -> ParsedArticle:
        return self.parse_many([article])[0]

    def forget(self) -> None:
        """Drop the cached parses (a worker between groups); a later ask parses again, same tokens."""
        self._cache.clear()

    def parse_many(self, articles: list[Article]) -> list[ParsedArticle]:
        keys = [view_key(a) for a in articles]
        todo = {k: a for k, a in zip(keys, articles) if k not in self._cache}
        unparsed = []
        for key, article in todo.items():
            view = kept_view(article)
            if view is None:
                unparsed.append((key, article))
            else:
                self._cache[key] = _to_parsed(article, view)
        if unparsed:
            views = self.extractor.parse_views([a for _, a in unparsed])
            for (key, article), view in zip(unparsed, views):
                self._cache[key] = _to_parsed(article, view)
        out = []
        for key, article in zip(keys, articles):
            parsed = self._cache[key]
            self._cache.move_to_end(key)
            # One text, one parse, one set of views, whichever article id it comes under.
            out.append(ParsedArticle(article.id, parsed.sentences, parsed.vocabulary, parsed.stems, parsed.acronyms,
                                     views=parsed.views))
        while len(self._cache) > _CACHE_SIZE:
            self._cache.popitem(last=False)
        return out


_default_parser: Parser | None = None


def default_parser() -> Parser:
    """The process's one Parser (and cache) for callers that are given none."""
    global _default_parser
    if _default_parser is None:
        _default_parser = Parser()
    return _default_parser


def _to_parsed(article: Article, view: ParseView) -> ParsedArticle:
    vocab, stems = text_vocabulary(article.text or article.original_text)
    return ParsedArticle(article.id, view.sentences, vocab | view.lemmas, stems, view.acronyms)
