"""The token-level view of an article that the findings read: made from the extraction's own parse.

Extraction parses each paragraph once (``nlp/__init__.py``); while its docs exist, the tokens the
detectors need (lemma, part of speech, dependency head, entity tags, offsets) are copied into a
``ParseView`` and kept beside the article for as long as the article object lives. The findings then
read that view instead of parsing the text again. An article that comes back from the store, or one
built by hand, has no view: ``parse_views`` parses it the same way (paragraph by paragraph, the same
pipeline), so the findings are the same whichever path the article took.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
import weakref
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from storytrace.model import Article, Sentence


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


@dataclass(frozen=True)
class ParseView:
    """What the findings need of one parse of an article's text."""

    key: str  # view_key of the article it was made from (text and sentence spans)
    sentences: list[ParsedSentence]
    lemmas: frozenset[str]  # word keys of every token's lemma
    acronyms: frozenset[str]  # all-caps words and the initials of multi-word names


_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 16)
def word_key(word: str) -> str:
    """Lowercase, accent-free, no dots, no possessive: "U.S." -> "us", "Russia's" -> "russia"."""
    w = strip_accents(word).lower().replace("’", "'").replace("ß", "ss")
    if w.endswith("'s"):
        w = w[:-2]
    return _NON_WORD.sub("", w)


def view_key(article: Article) -> str:
    text = article.text or article.original_text
    spans = ",".join(f"{s.start}:{s.end}" for s in article.sentences)
    return hashlib.sha1((text + "\x00" + spans).encode("utf-8", "surrogatepass")).hexdigest()


# -- the view kept beside its article -----------------------------------------------------------
# Keyed by the article object, not stored on it: a view is a few hundred KB, and it must not be
# pickled with the article (worker results), written to the store or compared by ``==``.
_KEPT: dict[int, tuple[weakref.ref, ParseView]] = {}


def keep_view(article: Article, view: ParseView) -> None:
    key = id(article)

    def gone(ref: weakref.ref, key: int = key) -> None:
        if _KEPT.get(key, (None,))[0] is ref:
            del _KEPT[key]

    _KEPT[key] = (weakref.ref(article, gone), view)


def kept_view(article: Article) -> ParseView | None:
    """The view extraction kept for this article, if its text and sentences are still the ones parsed."""
    entry = _KEPT.get(id(article))
    if entry is None or entry[0]() is not article or entry[1].key != view_key(article):
        return None
    return entry[1]


def forget_views(articles: Iterable[Article]) -> None:
    """Drop the kept views (after a block is analysed: nothing reads them again)."""
    for article in articles:
        entry = _KEPT.get(id(article))
        if entry is not None and entry[0]() is article:
            del _KEPT[id(article)]


# -- making views from docs -------------------------------------------------------------------
def view_from_parts(article: Article, parts: list[tuple[int, object]]) -> ParseView:
    """The view of an article parsed as several docs (one per paragraph slice) placed at ``base``.

    Each token goes to the article sentence that holds it; a dependency head outside that sentence
    points to the token itself.
    """
    flat = [(base + t.idx, n, t) for n, (base, doc) in enumerate(parts) for t in doc if not t.is_space]
    sentences = []
    k = 0
    for sent in article.sentences or _doc_sentences(parts):
        toks = []
        while k < len(flat) and flat[k][0] < sent.end:
            if flat[k][0] >= sent.start:
                toks.append(flat[k])
            k += 1
        first = {(n, t.i): i for i, (_, n, t) in enumerate(toks)}
        parsed = ParsedSentence(sent.index, sent.start, sent.end, sent.text)
        for start, n, t in toks:
            parsed.tokens.append(Token(
                text=t.text, lower=t.lower_, lemma=t.lemma_.lower(), pos=t.pos_, tag=t.tag_, dep=t.dep_,
                head=first.get((n, t.head.i), first[(n, t.i)]), ent_type=t.ent_type_, ent_iob=t.ent_iob_,
                start=start, end=start + len(t.text), is_stop=t.is_stop, like_num=t.like_num,
            ))
        sentences.append(parsed)
    lemmas = frozenset(word_key(t.lemma_) for _, doc in parts for t in doc)
    return ParseView(view_key(article), sentences, lemmas, _acronyms(parts))


def _doc_sentences(parts: list[tuple[int, object]]) -> list[Sentence]:
    """Sentences from the docs themselves (an article nobody extracted)."""
    spans = [(base + s.start_char, base + s.end_char, s.text) for base, doc in parts for s in doc.sents]
    return [Sentence(index=i, start=s, end=e, text=t) for i, (s, e, t) in enumerate(spans)]


def _acronyms(parts: list[tuple[int, object]]) -> frozenset[str]:
    out = set()
    for _, doc in parts:
        out |= {word_key(t.text) for t in doc
                if len(word_key(t.text)) >= 2 and word_key(t.text).upper() == t.text.replace(".", "")}
        for ent in doc.ents:
            words = [w for w in ent if w.is_alpha and w.text[0].isupper()]
            if len(words) >= 2:
                out.add("".join(w.text[0] for w in words).lower())
    return frozenset(out)

