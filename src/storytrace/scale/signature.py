"""Compact per-article signatures: what candidate generation needs, ~1 KB per article.

Two MinHash channels, each a set view of the cleaned text:
- ``text``: word 3-shingles (verbatim reuse: copies, extractive summaries);
- ``anchors``: names and numbers (capitalised words and digits): survive translation, paraphrase
  and summarising, which is what lexical shingles miss;
- ``words``: content words (lower-cased, 4+ letters, no stop words): paraphrase with the same vocabulary.
They are computed from the cleaned text alone (no spaCy, no embeddings), so the streaming pass
stays cheap and the Spark job computes exactly the same values.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
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

    def channel(self, name: str) -> np.ndarray:
        return getattr(self, name)


def anchor_terms(text: str) -> list[str]:
    """Names and numbers: capitalised words (not common sentence starters) and tokens with digits."""
    out = []
    for token in _TOKEN_RE.findall(text):
        if any(c.isdigit() for c in token):
            out.append(token.rstrip(".").replace(",", ""))
        elif token[0].isupper() and token.lower() not in _COMMON_CAPITALISED and len(token) > 1:
            out.append(token.lower())
    return out


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


def signatures_for(articles: list[Article]) -> list[ArticleSignature]:
    """Signatures of a batch of (cleaned) articles, vectorised over the batch."""
    if not articles:
        return []
    texts = [a.text or a.original_text for a in articles]
    sigs = {
        "text": hasher("text").signatures(texts),
        "anchors": hasher("anchors").signatures([_set_text(anchor_terms(t)) for t in texts]),
    }
    return [
        ArticleSignature(
            id=a.id,
            published=a.published.toordinal() if isinstance(a.published, date) else None,
            text=sigs["text"][i], anchors=sigs["anchors"][i],
        )
        for i, a in enumerate(articles)
    ]


def to_bytes(sig: ArticleSignature) -> bytes:
    return np.concatenate([sig.text, sig.anchors]).astype("<u4").tobytes()


def from_bytes(article_id: str, published: int | None, data: bytes) -> ArticleSignature:
    arr = np.frombuffer(data, dtype="<u4").astype(np.uint32)
    a = PERMUTATIONS["text"]
    return ArticleSignature(article_id, published, arr[:a], arr[a:])
