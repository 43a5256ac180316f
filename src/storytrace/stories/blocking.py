"""Blocking: cut a corpus into blocks of articles that may tell the same story, in near-linear time.

Candidate pairs come from three sources, each near-linear in the corpus:
- ``bands``: LSH bands over the MinHash channels, as a join on band keys (a sort here, a groupBy in
  Spark): two articles are candidates when they share any band key of any channel;
- ``containment``: the same join over each article's name and figure hashes (an inverted index),
  so a 300-word summary meets the 3,000-word original it sits inside (high containment, low
  Jaccard);
- ``vectors``: each article's nearest document vectors (multilingual) inside the publication
  window, so a translation meets its original.
A bucket (band key or term) with more than ``max_bucket`` articles (boilerplate, a name in every
article) is dropped whole, in both paths, so the cost stays near-linear and the result does not
depend on the order articles arrive in. Every candidate is then verified by combined evidence
(``pair_passes``: Jaccard, containment of names and figures, vector similarity, window), and
blocks are the connected components of verified pairs. A document-vector cosine alone is evidence
only above its chance level at the corpus's density (``chance_cosines``: what the best of an
article's window articles reaches by chance grows with their number; a fixed bar let chance pairs
join 8% of truly-lone generated articles at 10,000 and 28% at 100,000, block19 in
bench/RESULTS.md). Likewise a shared name or figure is evidence for the cosine + names rule only
when fewer than half of the window's articles carry it (``typical_terms``: the year, a capital,
a head of state are shared by any two articles of a dense window). At
scale, weak verified pairs chain different stories into one component (percolation: 20 articles
at most in 10,000 generated articles, 1,598 in 30,000); a component above ``max_block`` is cut at its weakest links
(``split_block``), so a story's cost (quadratic in its block) and a worker's share stay bounded.
Story decisions are made inside each block by ``storytrace.stories.build_stories``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import Callable

import numpy as np

from storytrace.stories.signature import CHANNELS, PERMUTATIONS, ArticleSignature
from storytrace.similarity.minhash import EMPTY, _mix64

UNKNOWN_DATE = -1
TERM_SALT = np.uint64(0xC0FFEE) << np.uint64(32)  # term keys never meet band keys
# A pair's cosine is computed again, in another order of operations, where the evidence is weighed
# (float16 vectors as float32: ~1e-6 apart); a row whose window comes this close to cosine_alone gets
# its chance bar (chance_cosines(deciding_only=True)).
CHANCE_MARGIN = 1e-3


@dataclass(frozen=True)
class BlockingParams:
    # (bands, rows) per channel: text catches verbatim reuse; anchors and words catch rewrites.
    bands: dict[str, tuple[int, int]] = field(
        default_factory=lambda: {"text": (32, 4), "anchors": (21, 3)}
    )
    # A candidate pair is kept when any channel's estimated Jaccard reaches its threshold.
    verify: dict[str, float] = field(default_factory=lambda: {"text": 0.2, "anchors": 0.4})
    max_bucket: int = 100
    window_days: int = 60  # wider than the story window: blocks must not cut a story apart
    sources: tuple[str, ...] = ("bands", "containment", "vectors")
    # Containment: shared names/figures over the smaller article's, with at least this many shared.
    min_shared_terms: int = 4
    containment: float = 0.5
    containment_cosine: float = 0.4  # ... and documents not about something else (when both have vectors)
    # Vectors: neighbours kept per article, and the similarity a neighbour pair needs, alone (a
    # translation shares few Latin names) or with some shared names and figures.
    neighbours: int = 10
    cosine_alone: float = 0.75
    cosine_with_terms: float = 0.55
    terms_with_cosine: float = 0.35
    # Chance at this density (``chance_cosines``): a cosine alone counts as evidence only above what
    # the best of the article's window articles would reach by chance with probability
    # ``chance_alpha`` (fitted to its cosines with them); with fewer than ``min_background`` window
    # articles chance is not estimated and the fixed bar applies alone.
    chance_alpha: float = 0.05
    min_background: int = 100
    # Names and figures that more than ``typical_share`` of a window's articles carry (a year, a
    # capital, a wire agency: ``typical_terms``) are what any two of its articles share; the cosine +
    # names rule leaves them out, of the shared names and of each article's (None: all count; with
    # fewer than ``min_background`` window articles none is typical).
    typical_share: float | None = 0.5
    # Percolation guard (split_block): at scale, verified pairs chain different stories into one
    # component, and a story's cost grows with its block's square. A component above max_block is
    # cut at its weakest verified pairs until its parts fit; pairs at least firm_strength strong
    # (pair_strength, 0..8) are never cut, and parts joined by dense_links pairs or more (covering
    # half the smaller part) are one group again, however large.
    max_block: int = 100
    firm_strength: float = 6.0
    dense_links: int = 3


class SignatureTable:
    """Signatures of a whole corpus as a few numpy arrays (about 1 KB per article)."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self._index: dict[str, int] = {}
        self._chunks: list[tuple[np.ndarray, dict[str, np.ndarray]]] = []
        self._published: np.ndarray | None = None
        self._matrices: dict[str, np.ndarray] | None = None
        self.terms: list[np.ndarray] = []  # per row: sorted distinct name/figure hashes
        self._vectors: list[np.ndarray] = []  # per row: float16 unit vector, or empty
        self._vector_matrix: np.ndarray | None = None
        self._chance: tuple[tuple, bool, np.ndarray] | None = None  # (params key, deciding_only, chance_cosines)
        self._typical: tuple[tuple, list[np.ndarray]] | None = None  # (params key, typical_terms)

    def __len__(self) -> int:
        return len(self.ids)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self._index

    def add(self, sigs: list[ArticleSignature]) -> None:
        """Append signatures; an id seen before is replaced (its content changed)."""
        fresh = []
        for s in sigs:
            if s.id in self._index:
                self._replace(self._index[s.id], s)
            else:
                self._index[s.id] = len(self.ids)
                self.ids.append(s.id)
                self.terms.append(np.asarray(s.terms, dtype=np.uint32))
                self._vectors.append(np.asarray(s.vector, dtype=np.float16))
                fresh.append(s)
        self._vector_matrix = None
        self._chance = None
        self._typical = None
        if fresh:
            dates = np.array([UNKNOWN_DATE if s.published is None else s.published for s in fresh], dtype=np.int64)
            mats = {c: np.stack([s.channel(c) for s in fresh]).astype(np.uint32) for c in CHANNELS}
            self._chunks.append((dates, mats))
            self._published = self._matrices = None

    def _replace(self, row: int, s: ArticleSignature) -> None:
        self._consolidate()
        self._published[row] = UNKNOWN_DATE if s.published is None else s.published
        for c in CHANNELS:
            self._matrices[c][row] = s.channel(c)
        self.terms[row] = np.asarray(s.terms, dtype=np.uint32)
        self._vectors[row] = np.asarray(s.vector, dtype=np.float16)
        self._chance = None
        self._typical = None

    def _consolidate(self) -> None:
        if self._matrices is not None:
            return
        if not self._chunks:
            self._published = np.zeros(0, dtype=np.int64)
            self._matrices = {c: np.zeros((0, PERMUTATIONS[c]), dtype=np.uint32) for c in CHANNELS}
        else:
            self._published = np.concatenate([d for d, _ in self._chunks])
            self._matrices = {c: np.concatenate([m[c] for _, m in self._chunks]) for c in CHANNELS}
        self._chunks = [(self._published, self._matrices)]

    @property
    def published(self) -> np.ndarray:
        self._consolidate()
        return self._published

    def matrix(self, channel: str) -> np.ndarray:
        self._consolidate()
        return self._matrices[channel]

    def vectors(self) -> tuple[np.ndarray, np.ndarray]:
        """(n, d) float16 matrix of document vectors (zeros where missing) and a has-vector mask."""
        if self._vector_matrix is None:
            d = max((len(v) for v in self._vectors), default=0)
            m = np.zeros((len(self._vectors), d), dtype=np.float16)
            for i, v in enumerate(self._vectors):
                if len(v) == d and d:
                    m[i] = v
            self._vector_matrix = m
        m = self._vector_matrix
        return m, (np.any(m != 0, axis=1) if m.shape[1] else np.zeros(len(m), dtype=bool))

    def signature(self, row: int) -> ArticleSignature:
        pub = int(self.published[row])
        return ArticleSignature(
            self.ids[row], None if pub == UNKNOWN_DATE else pub,
            *(self.matrix(c)[row] for c in CHANNELS), terms=self.terms[row], vector=self._vectors[row],
        )

    def nbytes(self) -> int:
        self._consolidate()
        return (self._published.nbytes + sum(m.nbytes for m in self._matrices.values())
                + sum(t.nbytes for t in self.terms) + sum(v.nbytes for v in self._vectors))


def band_keys(matrix: np.ndarray, channel: str, bands: int, rows: int) -> np.ndarray:
    """(n, bands) uint64 keys; channel and band are mixed in, so one flat join covers them all."""
    n = len(matrix)
    sig = matrix[:, : bands * rows].astype(np.uint64).reshape(n, bands, rows)
    salt = ((CHANNELS.index(channel) + 1) * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
    acc = np.full((n, bands), salt, dtype=np.uint64)
    acc = acc + np.arange(bands, dtype=np.uint64)[None, :]
    for k in range(rows):
        acc = _mix64(acc * np.uint64(0x100000001B3) + sig[:, :, k] + np.uint64(k + 1))
    # An article with no terms in this channel (all-EMPTY signature) must not meet the others.
    empty = np.all(matrix == np.uint32(0xFFFFFFFF), axis=1)
    if empty.any():
        # unique per article: a key nobody else has
        acc[empty] = _mix64(np.flatnonzero(empty).astype(np.uint64) * np.uint64(0xDEADBEEF) + np.uint64(salt))[:, None] + np.arange(bands, dtype=np.uint64)[None, :]
    return acc


def all_band_keys(table: SignatureTable, params: BlockingParams) -> tuple[np.ndarray, np.ndarray]:
    """Flat (keys, row) arrays over every channel and band."""
    keys, rows = [], []
    for channel in CHANNELS:
        b, r = params.bands[channel]
        k = band_keys(table.matrix(channel), channel, b, r)
        keys.append(k.ravel())
        rows.append(np.repeat(np.arange(len(table), dtype=np.int64), b))
    return np.concatenate(keys), np.concatenate(rows)


def bucket_pairs(keys: np.ndarray, rows: np.ndarray, max_bucket: int, counts: bool = False):
    """All (i, j), i < j, of rows sharing a key, from buckets of 2..max_bucket rows (the band join).

    With ``counts``: (pairs, number of keys each pair shares among those buckets).
    """
    empty = np.zeros((0, 2), dtype=np.int64)
    order = np.argsort(keys, kind="stable")
    k, r = keys[order], rows[order]
    if len(k) == 0:
        return (empty, np.zeros(0, dtype=np.int64)) if counts else empty
    starts = np.flatnonzero(np.concatenate([[True], k[1:] != k[:-1]]))
    sizes = np.diff(np.append(starts, len(k)))
    out = []
    for size in np.unique(sizes[(sizes >= 2) & (sizes <= max_bucket)]):
        group_starts = starts[sizes == size]
        members = r[group_starts[:, None] + np.arange(size)[None, :]]  # (groups, size)
        a, b = np.triu_indices(int(size), k=1)
        out.append(np.stack([members[:, a].ravel(), members[:, b].ravel()], axis=1))
    if not out:
        return (empty, np.zeros(0, dtype=np.int64)) if counts else empty
    pairs = np.concatenate(out)
    pairs.sort(axis=1)
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    if counts:
        return np.unique(pairs, axis=0, return_counts=True)
    return np.unique(pairs, axis=0)


def estimated_jaccard(table: SignatureTable, pairs: np.ndarray, channel: str, chunk: int = 50_000) -> np.ndarray:
    m = table.matrix(channel)
    out = np.empty(len(pairs), dtype=np.float32)
    for s in range(0, len(pairs), chunk):
        p = pairs[s : s + chunk]
        a, b = m[p[:, 0]], m[p[:, 1]]
        # two texts with nothing in this channel (no names, say) are not alike in it
        out[s : s + chunk] = np.where(_empty(a) | _empty(b), 0.0, (a == b).mean(axis=1))
    return out


def _empty(m: np.ndarray) -> np.ndarray:
    return np.all(m == EMPTY, axis=-1)


def verify_pairs(table: SignatureTable, pairs: np.ndarray, params: BlockingParams) -> np.ndarray:
    """The candidate pairs whose combined evidence passes (``pair_passes``) inside the publication window."""
    if len(pairs) == 0:
        return pairs
    d = table.published
    da, db = d[pairs[:, 0]], d[pairs[:, 1]]
    in_window = (da == UNKNOWN_DATE) | (db == UNKNOWN_DATE) | (np.abs(da - db) <= params.window_days)
    keep = np.zeros(len(pairs), dtype=bool)
    for channel in CHANNELS:
        keep |= estimated_jaccard(table, pairs, channel) >= params.verify[channel]
    if "bands" not in params.sources or len(params.sources) > 1:
        rest = np.flatnonzero(~keep & in_window)
        if len(rest):
            keep[rest] = _evidence_passes(table, pairs[rest], params)
    return pairs[keep & in_window]


def _evidence_passes(table: SignatureTable, pairs: np.ndarray, params: BlockingParams) -> np.ndarray:
    """Containment of names and figures and vector similarity, for pairs the Jaccard test left out."""
    vectors, has = table.vectors()
    chance = chance_cosines(table, params, deciding_only=True) if "vectors" in params.sources else np.full(len(table), -np.inf)
    typical = typical_terms(table, params) if "vectors" in params.sources else None
    out = np.zeros(len(pairs), dtype=bool)
    for s in range(0, len(pairs), 50_000):
        p = pairs[s : s + 50_000]
        if vectors.shape[1]:
            cos = np.einsum("ij,ij->i", vectors[p[:, 0]].astype(np.float32), vectors[p[:, 1]].astype(np.float32))
            both = has[p[:, 0]] & has[p[:, 1]]
        else:
            cos, both = np.zeros(len(p), dtype=np.float32), np.zeros(len(p), dtype=bool)
        for k, (i, j) in enumerate(p.tolist()):
            shared, smaller = _shared_terms(table.terms[i], table.terms[j])
            cosine = float(cos[k]) if both[k] else None
            names = None
            if typical is not None:
                names = partial(_untypical_shared, table.terms[i], table.terms[j], typical[i], typical[j])
            out[s + k] = evidence_passes(shared, smaller, cosine, params, min(float(chance[i]), float(chance[j])), names)
    return out


def _untypical_shared(a: np.ndarray, b: np.ndarray, typical_a: np.ndarray, typical_b: np.ndarray) -> tuple[int, int]:
    """``_shared_terms`` of two articles without the names and figures typical of either's window."""
    if len(typical_a) or len(typical_b):
        drop = np.union1d(typical_a, typical_b)
        a, b = np.setdiff1d(a, drop, assume_unique=True), np.setdiff1d(b, drop, assume_unique=True)
    return _shared_terms(a, b)


def _shared_terms(a: np.ndarray, b: np.ndarray) -> tuple[int, int]:
    if not len(a) or not len(b):
        return 0, 0
    return len(np.intersect1d(a, b, assume_unique=True)), min(len(a), len(b))


def evidence_passes(shared: int, smaller: int, cosine: float | None, params: BlockingParams,
                    chance: float = -np.inf, untypical: Callable[[], tuple[int, int]] | None = None) -> bool:
    """Combined evidence beyond Jaccard: never one signal alone, except a near-identical document vector.

    - the smaller article's names and figures mostly found in the larger one (a summary), and
      the two documents not about different things;
    - similar documents (a rewrite, an independent report) that share some names and figures;
    - very similar documents (a translation: few names in common script, the same figures).

    ``chance``: the lower of the two articles' ``chance_cosines``; the cosine alone is evidence
    only above it too (the pair stands out from the background of at least one of them). The rule
    with shared names and figures keeps its fixed cosine bar: the names are evidence that chance in
    the vectors does not give.

    ``untypical``: gives (shared, smaller) for that rule once the names and figures typical of
    either article's window (``typical_terms``) are left out, called only where that rule decides;
    None: as ``shared``, ``smaller``. A name
    that most articles of the window carry is shared by any two of them: counted, it let two
    unrelated reports on one theme with a few common names reach the containment bar (171, 522
    and 3,388 chance pairs at 10,000, 30,000 and 100,000 generated articles, block19 in
    bench/RESULTS.md). The containment rule (a summary inside its original) keeps every name.
    """
    containment = shared / smaller if smaller else 0.0
    sources = params.sources
    if "containment" in sources and shared >= params.min_shared_terms and containment >= params.containment:
        if cosine is None or cosine >= params.containment_cosine:
            return True
    if "vectors" in sources and cosine is not None:
        if cosine >= params.cosine_alone and cosine >= chance:
            return True
        if cosine >= params.cosine_with_terms and shared >= 2 and containment >= params.terms_with_cosine:
            if untypical is None:
                return True
            own, few = untypical()
            if own >= 2 and (own / few if few else 0.0) >= params.terms_with_cosine:
                return True
    return False


def pair_passes(a: ArticleSignature, b: ArticleSignature, params: BlockingParams,
                chance: tuple[float, float] | None = None,
                typical: tuple[np.ndarray, np.ndarray] | None = None) -> bool:
    """``verify_pairs`` for one pair (the Spark job applies it to joined candidate rows).

    ``chance``: the two articles' ``chance_cosines`` in their corpus (None: no corpus, no chance bar);
    ``typical``: their ``typical_terms`` in their corpus (None: no corpus, every name counts)."""
    if a.published is not None and b.published is not None and abs(a.published - b.published) > params.window_days:
        return False
    if any(
        not _empty(a.channel(c)) and not _empty(b.channel(c)) and float(np.mean(a.channel(c) == b.channel(c))) >= params.verify[c]
        for c in CHANNELS
    ):
        return True
    if params.sources == ("bands",):
        return False
    ta, tb = np.asarray(a.terms, dtype=np.uint32), np.asarray(b.terms, dtype=np.uint32)
    shared, smaller = _shared_terms(ta, tb)
    cosine = None
    if len(a.vector) and len(a.vector) == len(b.vector) and a.vector.any() and b.vector.any():
        cosine = float(np.asarray(a.vector, dtype=np.float32) @ np.asarray(b.vector, dtype=np.float32))
    names = None
    if typical is not None:
        names = partial(_untypical_shared, ta, tb, *(np.asarray(t, dtype=np.uint32) for t in typical))
    return evidence_passes(shared, smaller, cosine, params, min(chance) if chance else -np.inf, names)


def typical_terms(table: SignatureTable, params: BlockingParams, chunk: int = 1 << 18) -> list[np.ndarray]:
    """Per row, the name/figure hashes that more than ``typical_share`` of the articles of its
    publication window carry (itself included; the window of an undated article is the whole
    corpus, and undated articles are in every window, as in ``vector_pairs``); empty where the
    window has fewer than ``min_background`` articles or ``typical_share`` is None. Kept on the table
    until it changes.

    Why: a name or figure that most articles of the window carry (the year, a capital, a head of
    state, a wire agency) is shared by two of them whatever they report; sharing it is no sign of
    one story. Counting it let unrelated reports on one theme reach the cosine + names rule's
    containment bar by chance, more often the denser the window. A name shared by two articles
    and few others keeps its full weight. Window document frequency by sorted (term, day) keys and
    binary search: near-linear, and the same whatever order the articles arrive in.
    """
    key = (params.window_days, params.typical_share, params.min_background)
    known = getattr(table, "_typical", None)  # (a table pickled by older code has none)
    if known is not None and known[0] == key:
        return known[1]
    n = len(table)
    none = np.zeros(0, dtype=np.uint32)
    out = [none] * n
    sizes = np.array([len(t) for t in table.terms], dtype=np.int64)
    if params.typical_share is not None and n and sizes.sum():
        pub = table.published.astype(np.int64)
        dated = pub != UNKNOWN_DATE
        days = np.sort(pub[dated])
        lo = np.searchsorted(days, pub - params.window_days, side="left")
        hi = np.searchsorted(days, pub + params.window_days, side="right")
        window = np.where(dated, hi - lo + int((~dated).sum()), n)
        undated_key = np.uint64(0xFFFFFFFF)
        day_key = np.where(dated, np.clip(pub, 0, 0xFFFFFFFE), 0xFFFFFFFF).astype(np.uint64)
        terms = np.concatenate(table.terms).astype(np.uint64) << np.uint64(32)
        rows = np.repeat(np.arange(n, dtype=np.int32), sizes)
        keys = np.sort(terms | day_key[rows])
        typical = np.zeros(len(terms), dtype=bool)
        for s in range(0, len(terms), chunk):
            t, r = terms[s : s + chunk], rows[s : s + chunk]
            d = pub[r]
            first = np.where(dated[r], np.clip(d - params.window_days, 0, 0xFFFFFFFE), 0).astype(np.uint64)
            last = np.where(dated[r], np.clip(d + params.window_days, 0, 0xFFFFFFFE), 0xFFFFFFFF).astype(np.uint64)
            count = np.searchsorted(keys, t | last, side="right") - np.searchsorted(keys, t | first, side="left")
            # a dated article's window also holds every undated article
            count += np.where(dated[r], np.searchsorted(keys, t | undated_key, side="right")
                              - np.searchsorted(keys, t | undated_key, side="left"), 0)
            m = window[r]
            typical[s : s + chunk] = (m >= max(2, params.min_background)) & (count > params.typical_share * m)
        ends = np.cumsum(sizes)
        for row in np.unique(rows[typical]).tolist():
            mine = typical[ends[row] - sizes[row] : ends[row]]
            out[row] = np.asarray(table.terms[row], dtype=np.uint32)[mine]
    table._typical = (key, out)
    return out


# -- containment and vector candidates ----------------------------------------------------------
def term_pairs(table: SignatureTable, max_bucket: int, min_shared: int = 2) -> np.ndarray:
    """Pairs sharing a name/figure hash (posting lists of 2..max_bucket articles): an inverted index join."""
    if not table.terms:
        return np.zeros((0, 2), dtype=np.int64)
    sizes = np.array([len(t) for t in table.terms], dtype=np.int64)
    if not sizes.sum():
        return np.zeros((0, 2), dtype=np.int64)
    # Terms and channels are different key spaces: salt the term hashes so they never meet band keys.
    keys = np.concatenate(table.terms).astype(np.uint64) | TERM_SALT
    rows = np.repeat(np.arange(len(table), dtype=np.int64), sizes)
    pairs, shared = bucket_pairs(keys, rows, max_bucket, counts=True)
    # One shared name or figure is no evidence under any rule (each needs two or more).
    return pairs[shared >= min_shared]


def vector_pairs(table: SignatureTable, params: BlockingParams, chunk: int = 1024) -> np.ndarray:
    """Each article's ``neighbours`` most similar documents inside the publication window (exact search).

    Rows are visited in date order, each against the rows whose date is within the window (all
    rows for an undated article), in chunks, so memory stays at chunk x window. A pair is kept
    only above ``cosine_with_terms``: below it no evidence rule can pass it. The same pass
    measures the chance level of each article whose bar can decide a pair
    (``chance_cosines(deciding_only=True)``) and keeps it on the table.
    """
    return _window_scan(table, params, chunk, neighbours=True, deciding_only=True)


def chance_cosines(table: SignatureTable, params: BlockingParams, chunk: int = 1024, *,
                   deciding_only: bool = False) -> np.ndarray:
    """Per row, the cosine that chance alone would give one of its window articles with probability
    ``chance_alpha``: mu + sigma * z, with mu and sigma the median and the spread (1.4826 x MAD) of
    the article's cosines with the M other articles of its publication window, robust to the
    related minority among them, and z the normal quantile of alpha / M (one-sided, Bonferroni over
    the M draws). -inf where chance is not estimated (no vector, or fewer than ``min_background``
    articles in the window).

    ``deciding_only``: only the rows whose bar can decide a pair, those with a window article at
    ``cosine_alone`` or more (less ``CHANCE_MARGIN`` for rounding); -inf elsewhere. The bar is read
    only by the cosine-alone rule, which needs that cosine anyway, so blocking with these bars is
    exactly blocking with all of them, for the median and MAD of far fewer rows (the costly part:
    ~36% of the rows at 10,000 generated articles, 41% at 30,000, need one). What blocking and the
    Spark job use; a table that holds all the bars answers both.

    Why: a document vector's nearest neighbours are the best of M draws, and the best of M draws
    rises with M. In a dense window (a large corpus, one topic that many articles share) "the 10
    nearest" and "cosine 0.75" are what unrelated articles reach by chance; a pair's cosine is
    evidence only when it stands out from the article's own background at that density.
    """
    known = getattr(table, "_chance", None)  # (a table pickled by older code has none)
    if known is None or len(known) != 3 or known[0] != _chance_key(params) or (known[1] and not deciding_only):
        _window_scan(table, params, chunk, neighbours=False, deciding_only=deciding_only)
    return table._chance[2]


def _chance_key(params: BlockingParams) -> tuple:
    return (params.window_days, params.chance_alpha, params.min_background, params.cosine_alone)


def _window_scan(table: SignatureTable, params: BlockingParams, chunk: int, neighbours: bool,
                 deciding_only: bool) -> np.ndarray:
    vectors, has = table.vectors()
    n = len(table)
    chance = np.full(n, -np.inf, dtype=np.float64)
    empty = np.zeros((0, 2), dtype=np.int64)
    key = _chance_key(params)
    if not vectors.shape[1] or has.sum() < 2:
        table._chance = (key, deciding_only, chance)
        return empty
    rows = np.flatnonzero(has)
    pub = table.published[rows]
    order = rows[np.argsort(np.where(pub == UNKNOWN_DATE, np.iinfo(np.int64).max, pub), kind="stable")]
    dates = table.published[order]
    dated = dates != UNKNOWN_DATE
    undated = order[~dated]
    dated_rows, dated_days = order[dated], dates[dated]
    mat = vectors.astype(np.float32)
    out = []
    for s in range(0, len(order), chunk):
        block = order[s : s + chunk]
        days = table.published[block]
        if np.all(days != UNKNOWN_DATE):
            lo = np.searchsorted(dated_days, days.min() - params.window_days, side="left")
            hi = np.searchsorted(dated_days, days.max() + params.window_days, side="right")
            pool = np.concatenate([dated_rows[lo:hi], undated])
        else:
            pool = order
        sims = mat[block] @ mat[pool].T
        bd, pd = table.published[block][:, None], table.published[pool][None, :]
        outside = (bd != UNKNOWN_DATE) & (pd != UNKNOWN_DATE) & (np.abs(bd - pd) > params.window_days)
        outside |= block[:, None] == pool[None, :]
        # the background: each row's cosines with the other articles of its window, by median and
        # MAD (a story's versions and its topic's articles, a minority, must not raise it)
        m = (~outside).sum(axis=1)
        fit = m >= max(2, params.min_background)
        if deciding_only:  # (fmax: a NaN cosine is no article near this one)
            fit &= np.fmax.reduce(np.where(outside, -1.0, sims), axis=1) >= params.cosine_alone - CHANCE_MARGIN
        if fit.any():
            from scipy.special import ndtri  # here: a window under min_background articles never needs it (~0.1 CPU-s to import)

            back = np.where(outside[fit], np.nan, sims[fit])
            middle = np.nanmedian(back, axis=1)
            spread = 1.4826 * np.nanmedian(np.abs(back - middle[:, None]), axis=1)
            del back
            chance[block[fit]] = middle + spread * -ndtri(params.chance_alpha / m[fit])
        if not neighbours:
            continue
        sims[outside] = -1.0
        k = min(params.neighbours, len(pool) - 1)
        if k <= 0:
            continue
        top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        val = np.take_along_axis(sims, top, axis=1)
        a = np.repeat(block, k)
        b = pool[top.ravel()]
        keep = val.ravel() >= params.cosine_with_terms
        out.append(np.stack([a[keep], b[keep]], axis=1))
    table._chance = (key, deciding_only, np.round(chance, 4))
    if not out:
        return empty
    pairs = np.concatenate(out).astype(np.int64)
    pairs.sort(axis=1)
    return np.unique(pairs, axis=0) if len(pairs) else pairs


def candidate_pairs(table: SignatureTable, params: BlockingParams) -> np.ndarray:
    """Union of the candidate sources named in ``params.sources`` (sorted, distinct (i, j), i < j)."""
    found = []
    if "bands" in params.sources:
        keys, rows = all_band_keys(table, params)
        found.append(bucket_pairs(keys, rows, params.max_bucket))
        del keys, rows
    if "containment" in params.sources:
        found.append(term_pairs(table, params.max_bucket, 2))
    if "vectors" in params.sources:
        found.append(vector_pairs(table, params))
    found = [f for f in found if len(f)]
    if not found:
        return np.zeros((0, 2), dtype=np.int64)
    return np.unique(np.concatenate(found), axis=0)


def components(n: int, edges: np.ndarray) -> np.ndarray:
    """Component label per row (connected components of the verified pairs): the labels of scipy's
    ``connected_components(directed=False)``, int32, numbered in the order of each component's lowest
    row (tested against it), by union-find, without importing scipy.sparse and its csgraph (~0.2 CPU-s
    in each process)."""
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    parent = list(range(n))
    for a, b in np.asarray(edges, dtype=np.int64).reshape(-1, 2).tolist():
        ra, rb = _root(parent, a), _root(parent, b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)  # a component's root is its lowest row
    roots = np.fromiter((_root(parent, i) for i in range(n)), dtype=np.int64, count=n)
    labels = np.full(n, -1, dtype=np.int32)
    lowest = roots == np.arange(n)  # each root, in row order, gets the next label
    labels[lowest] = np.arange(int(lowest.sum()), dtype=np.int32)
    return labels[roots]


def pair_strength(table: SignatureTable, pairs: np.ndarray, params: BlockingParams) -> np.ndarray:
    """How many independent signals back each pair: each signal's value over its verification bar,
    capped at 2, summed over text Jaccard, anchor Jaccard, name/figure containment (with at least
    ``min_shared_terms`` shared) and document cosine (0..8, rounded to 3 decimals so that float noise
    between paths cannot reorder pairs). A pair passed by one signal just over its bar scores ~1-2;
    two versions of one story agree on several signals."""
    if len(pairs) == 0:
        return np.zeros(0, dtype=np.float64)
    total = np.zeros(len(pairs), dtype=np.float64)
    for channel in CHANNELS:
        total += np.minimum(estimated_jaccard(table, pairs, channel).astype(np.float64) / params.verify[channel], 2.0)
    shared = np.array([_shared_terms(table.terms[i], table.terms[j]) for i, j in pairs.tolist()], dtype=np.int64)
    contained = np.where(shared[:, 0] >= params.min_shared_terms, shared[:, 0] / np.maximum(shared[:, 1], 1), 0.0)
    total += np.minimum(contained / params.containment, 2.0)
    vectors, has = table.vectors()
    if vectors.shape[1]:
        cos = np.einsum("ij,ij->i", vectors[pairs[:, 0]].astype(np.float32), vectors[pairs[:, 1]].astype(np.float32))
        both = has[pairs[:, 0]] & has[pairs[:, 1]]
        total += np.where(both, np.clip(cos.astype(np.float64) / params.cosine_alone, 0.0, 2.0), 0.0)
    return np.round(total, 3)


def split_block(ids: list[str], edges: np.ndarray, strength: np.ndarray, params: BlockingParams) -> list[list[int]]:
    """Parts of one connected component (rows 0..len(ids)-1, its verified ``edges`` and their
    ``strength``) that fit ``max_block``; a component that fits is one part.

    1. weakest links: verified pairs are joined strongest first, all pairs of one strength at
       once (so the order rows arrive in does not matter); a group that the pairs of a level would
       take past ``max_block`` keeps, as its part, what it was before that level (single linkage
       cut where the parts still fit); pairs of ``firm_strength`` or more always join;
    2. dense groups: two parts joined by ``dense_links`` verified pairs or more, and by at least
       half as many pairs as the smaller part has articles, are one part again (a story larger
       than the cap, verified all over, is not cut apart by step 1's order);
    3. strays: an article left alone whose pairs were all cut joins the part (of 2+ articles)
       holding its strongest pair, so a version verified by one weak pair is not lost.
    """
    n = len(ids)
    if n <= params.max_block:
        return [list(range(n))]
    parent = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    part_of = np.full(n, -1, dtype=np.int64)  # frozen part label (its smallest row), -1 while growing

    def freeze(root: int) -> None:
        growing = [m for m in members[root] if part_of[m] < 0]
        if growing:
            part_of[growing] = min(growing)

    order = np.lexsort((edges[:, 1], edges[:, 0], -strength)) if len(edges) else np.zeros(0, dtype=np.int64)
    levels = np.split(order, np.flatnonzero(np.diff(strength[order]) != 0) + 1) if len(order) else []
    for level in levels:
        firm = float(strength[level[0]]) >= params.firm_strength
        # pre-level groups joined by this level's pairs (a local union-find over their roots)
        touched: dict[int, set[int]] = {}
        links = [(_root(parent, int(a)), _root(parent, int(b))) for a, b in edges[level].tolist()]
        local = {r: r for pair in links for r in pair}
        for ra, rb in links:
            xa, xb = _root(local, ra), _root(local, rb)
            if xa != xb:
                local[max(xa, xb)] = min(xa, xb)
        for r in local:
            touched.setdefault(_root(local, r), set()).add(r)
        for roots in touched.values():
            if len(roots) < 2:
                continue
            size = sum(len(members[r]) for r in roots)
            if size > params.max_block and not firm:
                for r in roots:
                    freeze(r)
            keep = max(roots, key=lambda r: (len(members[r]), -r))
            for r in roots:
                if r != keep:
                    parent[r] = keep
                    members[keep].extend(members.pop(r))
    for root in members:
        freeze(root)
    labels = _dense_groups(part_of, edges, strength >= params.firm_strength, params)
    labels = _strays(labels, edges, strength)
    parts: dict[int, list[int]] = {}
    for row, label in enumerate(labels.tolist()):
        parts.setdefault(label, []).append(row)
    return sorted(parts.values())


def _root(parent: list[int] | dict[int, int], x: int) -> int:
    """The root of ``x`` in a union-find forest (``parent[x]``, a list or a dict), halving the path on the way."""
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def _dense_groups(labels: np.ndarray, edges: np.ndarray, firm: np.ndarray, params: BlockingParams) -> np.ndarray:
    """Join parts linked by many verified pairs or by one firm pair, all qualifying pairs of parts
    at once, until none is left."""
    labels = labels.copy()
    while len(edges):
        la, lb = labels[edges[:, 0]], labels[edges[:, 1]]
        cross = la != lb
        if not cross.any():
            break
        both = np.sort(np.stack([la[cross], lb[cross]], axis=1), axis=1)
        pairs, inverse, counts = np.unique(both, axis=0, return_inverse=True, return_counts=True)
        sizes = np.bincount(labels, minlength=len(labels))
        smaller = np.minimum(sizes[pairs[:, 0]], sizes[pairs[:, 1]])
        dense = (counts >= params.dense_links) & (2 * counts >= smaller)
        dense[np.unique(inverse.ravel()[firm[cross]])] = True
        if not dense.any():
            break
        joined = components(len(labels), pairs[dense])
        # each part takes the smallest label of its joined group
        first = np.full(len(labels), len(labels), dtype=np.int64)
        np.minimum.at(first, joined, np.arange(len(labels)))
        labels = first[joined[labels]]
    return labels


def _strays(labels: np.ndarray, edges: np.ndarray, strength: np.ndarray) -> np.ndarray:
    """An article alone in its part joins the part (2+ articles) of its strongest pair (ties: lowest row)."""
    sizes = np.bincount(labels, minlength=len(labels))
    best: dict[int, tuple[float, int, int]] = {}
    for (a, b), s in zip(edges.tolist(), strength.tolist()):
        for lone, other in ((a, b), (b, a)):
            if sizes[labels[lone]] == 1 and sizes[labels[other]] >= 2:
                key = (-s, other, int(labels[other]))
                if lone not in best or key < best[lone]:
                    best[lone] = key
    out = labels.copy()
    for lone, (_, _, label) in best.items():
        out[lone] = label
    return out


def split_large(table: SignatureTable, edges: np.ndarray, labels: np.ndarray, params: BlockingParams) -> np.ndarray:
    """Component labels with every component above ``max_block`` replaced by its ``split_block`` parts."""
    if not len(labels):
        return labels
    sizes = np.bincount(labels)
    large = np.flatnonzero(sizes > params.max_block)
    if not len(large):
        return labels
    labels = labels.copy()
    next_label = int(labels.max()) + 1
    edge_label = labels[edges[:, 0]] if len(edges) else np.zeros(0, dtype=np.int64)
    for label in large.tolist():
        rows = np.flatnonzero(labels == label)
        # rows in id order, so that ties fall the same way whatever order the table holds them in
        rows = rows[np.argsort([table.ids[r] for r in rows.tolist()], kind="stable")]
        local = np.full(len(labels), -1, dtype=np.int64)
        local[rows] = np.arange(len(rows))
        mine = edges[edge_label == label]
        sub = np.sort(local[mine], axis=1)
        strength = pair_strength(table, mine, params)
        for part in split_block([table.ids[r] for r in rows.tolist()], sub, strength, params)[1:]:
            labels[rows[part]] = next_label
            next_label += 1
    return labels


@dataclass
class BlockingResult:
    blocks: list[list[str]]  # article ids, each block sorted; blocks ordered by their first id
    candidate_pairs: int
    verified_pairs: int


def block_corpus(table: SignatureTable, params: BlockingParams | None = None) -> BlockingResult:
    params = params or BlockingParams()
    candidates = candidate_pairs(table, params)
    edges = verify_pairs(table, candidates, params)
    labels = split_large(table, edges, components(len(table), edges), params)
    groups: dict[int, list[str]] = {}
    for row, label in enumerate(labels.tolist()):
        groups.setdefault(label, []).append(table.ids[row])
    blocks = sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])
    return BlockingResult(blocks, len(candidates), len(edges))
