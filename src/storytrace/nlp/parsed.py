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
import json
import re
import unicodedata
import weakref
import zlib
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
    if text.isascii():  # most words of most articles: NFKD leaves ASCII as it is
        return text
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
# pickled with the article (worker results), compared by ``==`` or decoded when nobody reads it.
# A view is kept packed (bytes: from extraction, nlp/__init__.py, or from a blob), decoded each time
# it is read (kept_view; loading a store's articles to write a report never pays for their views),
# or as a ParseView given by hand.
@dataclass
class _Kept:
    ref: weakref.ref
    view: ParseView | None
    packed: bytes | None
    key: str  # view_key of the article when the view was kept


_KEPT: dict[int, _Kept] = {}


def keep_view(article: Article, view: ParseView | bytes) -> None:
    """Keep ``view`` (a ParseView, or its packed form from a blob) beside ``article``."""
    key = id(article)

    def gone(ref: weakref.ref, key: int = key) -> None:
        entry = _KEPT.get(key)
        if entry is not None and entry.ref is ref:
            del _KEPT[key]

    ref = weakref.ref(article, gone)
    if isinstance(view, ParseView):
        _KEPT[key] = _Kept(ref, view, None, view.key)
    else:
        _KEPT[key] = _Kept(ref, None, bytes(view), view_key(article))


def _entry(article: Article) -> _Kept | None:
    entry = _KEPT.get(id(article))
    return entry if entry is not None and entry.ref() is article else None


def kept_view(article: Article) -> ParseView | None:
    """The view kept for this article, if its text and sentences are still the ones parsed."""
    entry = _entry(article)
    if entry is None:
        return None
    key = view_key(article)
    if entry.view is None:
        if entry.key != key or entry.packed is None:
            return None
        # Unpacked for the reader, not kept here: the findings' parser keeps what it reads in a
        # bounded cache, while an entry lives until its block is analysed, so keeping every unpacked
        # view here held a whole group's token objects at once (memory growing with the group).
        view = unpack_view(entry.packed, article.text or article.original_text)
        if view is None or view.key != key:
            # a form this version does not read, or the view of another text or sentence split (the
            # entry's key is the article's when the bytes were kept, not the view's own): parse
            # again, and neither unpack these bytes at every read nor hand them on to the blob
            entry.packed = None
            return None
        return view
    return entry.view if entry.view.key == key else None


def packed_view(article: Article) -> bytes | None:
    """The kept view in its packed form (for the article's blob), or None when none is kept."""
    entry = _entry(article)
    if entry is None:
        return None
    key = view_key(article)
    if entry.packed is not None and entry.key == key:
        return entry.packed
    if entry.view is not None and entry.view.key == key:
        return pack_view(entry.view, article.text or article.original_text)
    return None


def forget_views(articles: Iterable[Article]) -> None:
    """Drop the kept views (after a block is analysed: nothing reads them again)."""
    for article in articles:
        if _entry(article) is not None:
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



# -- the view in a blob -----------------------------------------------------------------------
# A view travels with its article (the store's blob, the Spark stages) so the findings never parse
# an article again after extraction. Compact form: the text of a token is its slice of the article
# text and its lower form is text.lower() (spaCy's rule), so only exceptions are written; the tags
# of a token are one index into a table of the article's distinct tag combinations; offsets are
# gaps; a lemma is written only where it is not the lower form. zlib (the codec) does the rest.
VIEW_FORMAT = 1


def view_to_plain(view: ParseView, text: str) -> dict:
    """JSON-ready compact form of ``view`` of an article whose text is ``text``."""
    symbols: dict[str, int] = {}
    sentences = []
    odd: dict[str, list[str]] = {}
    derived: set[str] = set()
    for s_no, s in enumerate(view.sentences):
        rows = []
        previous = s.start
        for i, t in enumerate(s.tokens):
            sym = "\t".join((t.pos, t.tag, t.dep, t.ent_type, t.ent_iob, f"{int(t.is_stop)}{int(t.like_num)}"))
            rows.append([t.start - previous, t.end - t.start, t.head - i, symbols.setdefault(sym, len(symbols)),
                         0 if t.lemma == t.lower else t.lemma])
            previous = t.end
            if text[t.start:t.end] != t.text or t.lower != t.text.lower():
                odd[f"{s_no}.{i}"] = [t.text, t.lower]
            derived.add(word_key(t.lemma))
        sentences.append([s.index, s.start, s.end, None if text[s.start:s.end] == s.text else s.text, rows])
    plain = {"format": VIEW_FORMAT, "key": view.key, "symbols": list(symbols), "sentences": sentences,
             "odd": odd, "acronyms": sorted(view.acronyms)}
    if derived <= view.lemmas:
        plain["more_lemmas"] = sorted(view.lemmas - derived)  # tokens outside every sentence, spaces
    else:
        plain["lemmas"] = sorted(view.lemmas)
    return plain


def view_from_plain(plain: dict, text: str) -> ParseView | None:
    """The inverse of ``view_to_plain``; None for a form this version does not read (then the
    findings parse the article again, as for an article stored without a view)."""
    if not isinstance(plain, dict) or plain.get("format") != VIEW_FORMAT:
        return None
    symbols = [sym.split("\t") for sym in plain["symbols"]]
    odd = plain["odd"]
    sentences = []
    derived: set[str] = set()
    for s_no, (index, s_start, s_end, s_text, rows) in enumerate(plain["sentences"]):
        parsed = ParsedSentence(index, s_start, s_end, text[s_start:s_end] if s_text is None else s_text)
        previous = s_start
        for i, (gap, length, head, sym, lemma) in enumerate(rows):
            start = previous + gap
            previous = end = start + length
            pos, tag, dep, ent_type, ent_iob, flags = symbols[sym]
            word, lower = odd.get(f"{s_no}.{i}") or (text[start:end], text[start:end].lower())
            lemma = lower if lemma == 0 else lemma
            parsed.tokens.append(Token(
                text=word, lower=lower, lemma=lemma, pos=pos, tag=tag, dep=dep, head=head + i, ent_type=ent_type,
                ent_iob=ent_iob, start=start, end=end, is_stop=flags[0] == "1", like_num=flags[1] == "1",
            ))
            derived.add(word_key(lemma))
        sentences.append(parsed)
    lemmas = frozenset(plain["lemmas"]) if "lemmas" in plain else frozenset(derived | set(plain["more_lemmas"]))
    return ParseView(plain["key"], sentences, lemmas, frozenset(plain["acronyms"]))


def pack_view(view: ParseView, text: str) -> bytes:
    """``view`` as a zlib stream (the codec appends it to the article's blob)."""
    plain = view_to_plain(view, text)
    return zlib.compress(json.dumps(plain, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass"), 6)


def unpack_view(data: bytes, text: str) -> ParseView | None:
    try:
        plain = json.loads(zlib.decompress(data).decode("utf-8", "surrogatepass"))
        return view_from_plain(plain, text)
    except (ValueError, KeyError, TypeError, IndexError, zlib.error):  # damaged or foreign: parse again
        return None
