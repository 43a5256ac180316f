"""Sentence alignment of two texts in one language, and verbatim reuse passages.

The building blocks of align.py (which also sends versions in two languages to crosslingual.py):
sentence sides scored by embeddings and shared names, a monotonic path with merges and splits,
moved sentences, and n-gram anchored reuse passages. Kept apart from align.py so that crosslingual.py
can use them without an import circle.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from storytrace.model import AlignedPair, Alignment, Article, Mention, ReusePassage

# Weights of the combined sentence score (cosine dominates: it carries paraphrase and translation).
W_COSINE, W_LEXICAL, W_MENTIONS = 0.7, 0.2, 0.1
MATCH_BASE = 0.42  # a pair scoring below this costs the path more than leaving both sentences out
MIN_PAIR_SCORE = 0.5  # pairs of the monotonic path kept in the result
MOVED_PAIR_SCORE = 0.62  # the higher bar for left-over sentences matched out of order
# (source sentences, derived sentences) of each move and the weight its gain gets: a group match
# counts a little more than one pair, so a genuine fusion beats "1-1 plus a skipped sentence".
GROUP_MOVES: dict[tuple[int, int], float] = {(1, 1): 1.0, (2, 1): 1.3, (3, 1): 1.5, (1, 2): 1.3}
GROUP_MEMBER_MIN = 0.4  # each sentence of a group must score at least this with its partner
ANCHOR_WORDS = 5
MIN_PASSAGE_WORDS = 8
MAX_ANCHOR_GAP = 6  # words: bridges one changed word (which breaks five consecutive 5-grams)

_WORD_RE = re.compile(r"\w+", re.UNICODE)


_LSAP: Callable | None = None


def linear_sum_assignment() -> Callable:
    """scipy's assignment solver (``scipy.optimize.linear_sum_assignment``, a C function of the
    extension ``scipy/optimize/_lsap``), loaded from that extension alone: importing
    ``scipy.optimize`` for it ran the package's whole ``__init__`` (scipy.linalg, scipy.fft,
    numpy.f2py, ...), ~0.1 CPU-s in every analyze process. The same function, so the same
    assignments (tested); any trouble finding the file falls back to the ordinary import. The folder
    comes from scipy's import spec, so not even scipy's own ``__init__`` runs."""
    global _LSAP
    if _LSAP is None:
        try:
            import importlib.machinery
            import importlib.util
            from pathlib import Path

            folder = Path(importlib.util.find_spec("scipy").submodule_search_locations[0]) / "optimize"
            found = [folder / f"_lsap{suffix}" for suffix in importlib.machinery.EXTENSION_SUFFIXES
                     if (folder / f"_lsap{suffix}").is_file()]
            spec = importlib.util.spec_from_file_location("scipy.optimize._lsap", found[0])
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            _LSAP = module.linear_sum_assignment
        except Exception:  # noqa: BLE001 - any layout change: the documented import
            from scipy.optimize import linear_sum_assignment as _LSAP
    return _LSAP
_STEM_CHARS = 6  # crude stemming: "negotiators"/"negotiations" share "negoti"


def _stop_words() -> frozenset[str]:
    try:
        from storytrace.nlp.models import english_stop_words  # spaCy's list, without importing spaCy and torch

        return english_stop_words()
    except ImportError:  # spaCy is a dependency; the fallback keeps this module importable alone
        return frozenset("the a an of to in on and or for with at by from as is was were be been that this it".split())


STOP_WORDS = _stop_words()


def content_terms(text: str) -> set[str]:
    """Lower-cased content words cut to a short stem: the lexical side of the sentence score."""
    return {w[:_STEM_CHARS] for w in _WORD_RE.findall(text.lower()) if w not in STOP_WORDS}


def mention_key(m: Mention) -> str | None:
    """A comparable key for a mention: canonical names, quantity value+unit, ISO dates."""
    if m.kind in ("person", "org", "place"):
        return f"{m.kind}:{str(m.value or m.text).lower()}"
    if m.kind == "quantity" and m.value is not None and hasattr(m.value, "value"):
        return f"q:{m.value.value:g}:{getattr(m.value, 'unit', '')}"
    if m.kind == "date" and m.value is not None and getattr(m.value, "iso", ""):
        return f"d:{m.value.iso}"
    return None


def mentions_by_sentence(article: Article) -> list[set[str]]:
    keys: list[set[str]] = [set() for _ in article.sentences]
    for m in article.mentions:
        k = mention_key(m)
        if k and 0 <= m.sentence < len(keys):
            keys[m.sentence].add(k)
    return keys


# -- sentence features and scores ---------------------------------------------------------------
@dataclass
class SentenceSide:
    """What the aligner knows about the sentences of one text."""

    texts: list[str]
    vectors: np.ndarray  # (n, d) L2-normalised
    terms: list[set[str]]
    mentions: list[set[str]]
    weights: np.ndarray  # word counts, to weight group vectors
    # group(size) answers, kept: a story's article meets every other one with the same groups.
    _grouped: dict[int, "SentenceSide"] = field(default_factory=dict, repr=False, compare=False)
    # incidence rows of terms / mentions against _TERM_IDS, kept with the generation they were built in
    _incidence: dict[str, tuple[int, np.ndarray, np.ndarray, np.ndarray]] = field(
        default_factory=dict, repr=False, compare=False)

    def incidence(self, attr: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(column ids, row pointers, set sizes) of the sets in ``attr`` ("terms" or "mentions"),
        columns numbered by _TERM_IDS: built once, for every pair this side takes part in."""
        found = self._incidence.get(attr)
        if found is None or found[0] != _term_generation:
            sets = getattr(self, attr)
            lens = np.array([len(x) for x in sets], np.int64)
            ids = _TERM_IDS
            cols = np.array([ids.setdefault(t, len(ids)) for x in sets for t in x], np.int64)
            indptr = np.zeros(len(sets) + 1, np.int64)
            np.cumsum(lens, out=indptr[1:])
            found = self._incidence[attr] = (_term_generation, cols, indptr, lens)
        return found[1], found[2], found[3]

    @classmethod
    def build(cls, texts: list[str], embedder, mentions: list[set[str]] | None = None) -> "SentenceSide":
        vectors = embedder.encode(list(texts)) if texts else np.zeros((0, 1), np.float32)
        return cls(
            texts=list(texts),
            vectors=np.asarray(vectors, dtype=np.float32),
            terms=[content_terms(t) for t in texts],
            mentions=mentions if mentions is not None else [set() for _ in texts],
            weights=np.array([max(1, len(t.split())) for t in texts], dtype=np.float32),
        )

    def __len__(self) -> int:
        return len(self.texts)

    def group(self, size: int) -> "SentenceSide":
        """Row i is the group of sentences i-size+1 .. i (rows before size-1 repeat shorter groups)."""
        if size == 1:
            return self
        found = self._grouped.get(size)
        if found is None:
            found = self._grouped[size] = self._group(size)
        return found

    def _group(self, size: int) -> "SentenceSide":
        n = len(self)
        vecs = np.zeros_like(self.vectors)
        terms, mentions, weights = [], [], np.zeros(n, np.float32)
        for i in range(n):
            lo = max(0, i - size + 1)
            w = self.weights[lo : i + 1]
            v = (self.vectors[lo : i + 1] * w[:, None]).sum(axis=0)
            vecs[i] = v / (np.linalg.norm(v) or 1.0)
            terms.append(set().union(*self.terms[lo : i + 1]))
            mentions.append(set().union(*self.mentions[lo : i + 1]))
            weights[i] = w.sum()
        return SentenceSide(self.texts, vecs, terms, mentions, weights)


# Column numbers of terms and mention keys, shared by every side so that each side's incidence
# rows are built once. Past _TERM_IDS_KEPT entries the numbering starts over (a new generation),
# and sides rebuild their rows. Which number a term gets changes nothing: the counts are exact.
_TERM_IDS: dict[str, int] = {}
_TERM_IDS_KEPT = 1 << 16
_term_generation = 0


def _shared_counts(ca: np.ndarray, pa: np.ndarray, cb: np.ndarray, pb: np.ndarray) -> np.ndarray:
    """|a & b| for every row a of the first incidence (column ids ``ca``, row pointers ``pa``) and row b
    of the second, as float32. Dense 0/1 matrices over the columns both sides use: every count is a
    whole number far below 2**24, so the product is exact in any summation order and equals scipy's
    sparse product (tested), without importing scipy.sparse (~0.1 CPU-s in each process)."""
    na, nb = len(pa) - 1, len(pb) - 1
    shared = np.intersect1d(ca, cb)
    if not len(shared):
        return np.zeros((na, nb), np.float32)

    def dense(cols: np.ndarray, ptr: np.ndarray, rows: int) -> np.ndarray:
        row_of = np.repeat(np.arange(rows), np.diff(ptr))
        keep = np.isin(cols, shared)
        out = np.zeros((rows, len(shared)), np.float32)
        np.add.at(out, (row_of[keep], np.searchsorted(shared, cols[keep])), 1.0)  # a repeated id counts twice, as in a sparse sum
        return out

    return dense(ca, pa, na) @ dense(cb, pb, nb).T


def _dice_sides(src: "SentenceSide", der: "SentenceSide", attr: str) -> np.ndarray:
    """Dice overlap of every pair of sets ``attr`` of the two sides (2 |a & b| / (|a| + |b|), 0 for two
    empty sets), through incidence matrices built from each side's kept rows."""
    global _term_generation
    if len(_TERM_IDS) >= _TERM_IDS_KEPT:
        _TERM_IDS.clear()
        _term_generation += 1
    ca, pa, la = src.incidence(attr)
    cb, pb, lb = der.incidence(attr)
    inter = _shared_counts(ca, pa, cb, pb)
    sizes = la.astype(np.float32)[:, None] + lb.astype(np.float32)[None, :]
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(sizes > 0, 2 * inter / sizes, 0.0).astype(np.float32)


def score_matrix(src: SentenceSide, der: SentenceSide) -> np.ndarray:
    """Combined score of every source sentence (or group) against every derived one, in [0, 1]."""
    if len(src) == 0 or len(der) == 0:
        return np.zeros((len(src), len(der)), np.float32)
    cosine = np.clip(src.vectors @ der.vectors.T, 0.0, 1.0)
    lexical = _dice_sides(src, der, "terms")
    if any(src.mentions) or any(der.mentions):
        mentions = _dice_sides(src, der, "mentions")
        # Neither sentence names anything: no evidence either way, so let the words stand in.
        none = (np.array([not m for m in src.mentions])[:, None]) & (np.array([not m for m in der.mentions])[None, :])
        mentions = np.where(none, lexical, mentions)
    else:
        mentions = lexical
    return (W_COSINE * cosine + W_LEXICAL * lexical + W_MENTIONS * mentions).astype(np.float32)


# -- the dynamic program ------------------------------------------------------------------------
@dataclass
class SentenceAlignment:
    pairs: list[AlignedPair] = field(default_factory=list)
    unaligned_source: list[int] = field(default_factory=list)
    unaligned_derived: list[int] = field(default_factory=list)


def _monotonic_path(scores: dict[tuple[int, int], np.ndarray], n: int, m: int) -> list[tuple[int, int, int, int, float]]:
    """Best monotonic sequence of moves; returns (src_end, der_end, a, b, score) for each match."""
    dp = np.zeros((n + 1, m + 1), np.float64)
    back = np.zeros((n + 1, m + 1), np.int8)  # 0 stop, 1 skip source, 2 skip derived, 3+ a group move
    moves = list(GROUP_MOVES.items())
    # Gains of each move at every (i, j) end point, precomputed as arrays for speed.
    gains = []
    for (a, b), weight in moves:
        s = scores[(a, b)]  # indexed by the last sentence of each group
        gains.append((a, b, (s - MATCH_BASE) * weight))
    dp_list = dp.tolist()
    back_list = back.tolist()
    gain_lists = [(a, b, g.tolist()) for a, b, g in gains]
    for i in range(n + 1):
        row = dp_list[i]
        brow = back_list[i]
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            best, arg = -1e18, 0
            if i > 0 and dp_list[i - 1][j] > best:
                best, arg = dp_list[i - 1][j], 1
            if j > 0 and row[j - 1] > best:
                best, arg = row[j - 1], 2
            for k, (a, b, g) in enumerate(gain_lists):
                if i >= a and j >= b:
                    v = dp_list[i - a][j - b] + g[i - 1][j - 1]
                    if v > best:
                        best, arg = v, 3 + k
            row[j] = best
            brow[j] = arg
    path = []
    i, j = n, m
    while i > 0 or j > 0:
        arg = back_list[i][j]
        if arg == 1:
            i -= 1
        elif arg == 2:
            j -= 1
        else:
            a, b, _ = gain_lists[arg - 3]
            path.append((i, j, a, b, float(scores[(a, b)][i - 1, j - 1])))
            i, j = i - a, j - b
    return path[::-1]


def _member_minimum(base: np.ndarray, a: int, b: int) -> np.ndarray:
    """For the group ending at (i, j): the lowest pair score of a member against the other side."""
    low = base.copy()
    for k in range(1, a):  # source groups i-k .. i against derived sentence j
        shifted = np.full_like(base, -1.0)
        shifted[k:, :] = base[:-k, :]
        low = np.minimum(low, shifted)
    for k in range(1, b):
        shifted = np.full_like(base, -1.0)
        shifted[:, k:] = base[:, :-k]
        low = np.minimum(low, shifted)
    return low


@dataclass(frozen=True)
class AlignParams:
    """The scorer and bars of one kind of alignment (the defaults are the one-language aligner's)."""

    score: Callable[[SentenceSide, SentenceSide], np.ndarray] = score_matrix
    min_pair: float = MIN_PAIR_SCORE
    moved_pair: float = MOVED_PAIR_SCORE


def align_sides(src: SentenceSide, der: SentenceSide, params: AlignParams = AlignParams()) -> SentenceAlignment:
    n, m = len(src), len(der)
    if n == 0 or m == 0:
        return SentenceAlignment([], list(range(n)), list(range(m)))
    score_matrix = params.score
    base = score_matrix(src, der)
    scores = {(1, 1): base}
    for a, b in GROUP_MOVES:
        if (a, b) == (1, 1):
            continue
        grouped = score_matrix(src.group(a), der.group(b))
        # Every member of a group must relate to the other side on its own: a short credit line
        # or an unrelated sentence must not ride along with a good match.
        member_floor = _member_minimum(base, a, b)
        scores[(a, b)] = np.where(member_floor >= GROUP_MEMBER_MIN, grouped, -1.0).astype(np.float32)
        # Groups reaching before the first sentence are not real groups.
        scores[(a, b)][: a - 1, :] = -1.0
        scores[(a, b)][:, : b - 1] = -1.0
    pairs: list[AlignedPair] = []
    for i_end, j_end, a, b, s in _monotonic_path(scores, n, m):
        if s >= params.min_pair:
            pairs.append(AlignedPair(list(range(i_end - a, i_end)), list(range(j_end - b, j_end)), round(s, 4)))
    used_src = {i for p in pairs for i in p.source}
    used_der = {j for p in pairs for j in p.derived}
    left_src = [i for i in range(n) if i not in used_src]
    left_der = [j for j in range(m) if j not in used_der]
    if left_src and left_der:
        sub = base[np.ix_(left_src, left_der)]
        rows, cols = linear_sum_assignment()(sub, maximize=True)
        for r, c in zip(rows, cols):
            if sub[r, c] >= params.moved_pair:
                pairs.append(AlignedPair([left_src[r]], [left_der[c]], round(float(sub[r, c]), 4)))
                used_src.add(left_src[r])
                used_der.add(left_der[c])
    pairs.sort(key=lambda p: (p.derived[0], p.source[0]))
    return SentenceAlignment(
        pairs,
        [i for i in range(n) if i not in used_src],
        [j for j in range(m) if j not in used_der],
    )


def align_sentences(
    src_texts: list[str],
    der_texts: list[str],
    embedder,
    src_mentions: list[set[str]] | None = None,
    der_mentions: list[set[str]] | None = None,
) -> Alignment:
    """Align two raw lists of sentences (ids left empty); pair indices refer to the lists."""
    result = align_sides(
        SentenceSide.build(src_texts, embedder, src_mentions), SentenceSide.build(der_texts, embedder, der_mentions)
    )
    return Alignment("", "", result.pairs, result.unaligned_source, result.unaligned_derived)


# -- reuse passages ----------------------------------------------------------------------------
@lru_cache(maxsize=64)
def _words_with_offsets(text: str) -> tuple[tuple[str, ...], tuple[tuple[int, int], ...]]:
    """The lower-case words of a text and their offsets. Kept for the last 64 texts: a story's
    article is aligned with each of the others, and its whole text was split again for each pair."""
    words, spans = [], []
    for m in _WORD_RE.finditer(text):
        words.append(m.group().lower())
        spans.append(m.span())
    return tuple(words), tuple(spans)


def reuse_passages(source_text: str, derived_text: str, n: int = ANCHOR_WORDS, min_words: int = MIN_PASSAGE_WORDS) -> list[ReusePassage]:
    """Maximal stretches of verbatim reuse, in character offsets of each text."""
    sw, ss = _words_with_offsets(source_text)
    dw, ds = _words_with_offsets(derived_text)
    if len(sw) < n or len(dw) < n:
        return []
    index: dict[tuple[str, ...], list[int]] = {}
    for i in range(len(sw) - n + 1):
        index.setdefault(tuple(sw[i : i + n]), []).append(i)
    anchors: list[tuple[int, int]] = []  # (diagonal, j) with i = j + diagonal
    for j in range(len(dw) - n + 1):
        hits = index.get(tuple(dw[j : j + n]))
        if hits and len(hits) <= 5:  # a 5-gram repeated all over the source anchors nothing
            anchors.extend((i - j, j) for i in hits)
    anchors.sort()
    runs: list[tuple[int, int, int]] = []  # (first derived word, last derived word, diagonal)
    k = 0
    while k < len(anchors):
        diag, j_start = anchors[k]
        j_end = j_start
        k += 1
        while k < len(anchors) and anchors[k][0] == diag and anchors[k][1] - j_end <= MAX_ANCHOR_GAP:
            j_end = anchors[k][1]
            k += 1
        last = j_end + n - 1
        if last - j_start + 1 >= min_words:
            runs.append((j_start, last, diag))
    passages = [
        ReusePassage(ss[j + diag][0], ss[last + diag][1], ds[j][0], ds[last][1])
        for j, last, diag in _resolve_overlaps(runs, min_words)
    ]
    passages.sort(key=lambda p: (p.derived_start, p.source_start))
    return passages


def _resolve_overlaps(runs: list[tuple[int, int, int]], min_words: int) -> list[tuple[int, int, int]]:
    """Each derived word in one passage at most: the longer run keeps the words two runs share.

    A run wholly inside a longer one (a phrase the source repeats) goes; a run that only shares its
    edge with a longer one keeps the words the longer one lacks. Where the derived text leaves out a
    sentence, the runs on either side of the gap meet over a few words that both sides of the seam
    start alike ("In X, the ..."): they overlap there, and each is still a verbatim passage.
    """
    kept: list[tuple[int, int, int]] = []
    for j, last, diag in sorted(runs, key=lambda r: (-(r[1] - r[0]), r[0], r[2])):
        pieces = [(j, last)]
        for kj, klast, _ in kept:
            pieces = [piece for a, b in pieces for piece in ((a, min(b, kj - 1)), (max(a, klast + 1), b)) if piece[1] >= piece[0]]
        kept.extend((a, b, diag) for a, b in pieces if b - a + 1 >= min_words)
    return sorted(kept)


# -- articles -----------------------------------------------------------------------------------
def article_text(a: Article) -> str:
    return a.text or a.original_text


def article_alignment(source: Article, derived: Article, sentences: SentenceAlignment | Alignment) -> Alignment:
    """The alignment of two articles: their sentence pairs (from either aligner) and the verbatim
    reuse passages of their texts."""
    return Alignment(
        source=source.id,
        derived=derived.id,
        pairs=sentences.pairs,
        unaligned_source=sentences.unaligned_source,
        unaligned_derived=sentences.unaligned_derived,
        reuse=reuse_passages(article_text(source), article_text(derived)),
    )


