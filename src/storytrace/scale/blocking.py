"""Blocking: cut a corpus into blocks of articles that may tell the same story, in near-linear time.

Candidate pairs come from LSH bands over the signature channels, as a join on band keys
(a sort here, a groupBy in Spark): two articles are candidates when they share any band key of
any channel. A bucket with more than ``max_bucket`` articles (boilerplate shared by thousands of
pages) is dropped whole, in both paths, so the cost stays near-linear and the result does not
depend on the order articles arrive in. Candidates are then verified by estimated Jaccard
similarity and publication window, and blocks are the connected components of verified pairs.
Story decisions are made inside each block by ``storytrace.stories.build_stories``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from storytrace.scale.signature import CHANNELS, PERMUTATIONS, ArticleSignature
from storytrace.similarity.minhash import EMPTY, _mix64

UNKNOWN_DATE = -1


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


class SignatureTable:
    """Signatures of a whole corpus as a few numpy arrays (about 1 KB per article)."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self._index: dict[str, int] = {}
        self._chunks: list[tuple[np.ndarray, dict[str, np.ndarray]]] = []
        self._published: np.ndarray | None = None
        self._matrices: dict[str, np.ndarray] | None = None

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
                fresh.append(s)
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

    def nbytes(self) -> int:
        self._consolidate()
        return self._published.nbytes + sum(m.nbytes for m in self._matrices.values())


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


def bucket_pairs(keys: np.ndarray, rows: np.ndarray, max_bucket: int) -> np.ndarray:
    """All (i, j), i < j, of rows sharing a key, from buckets of 2..max_bucket rows (the band join)."""
    order = np.argsort(keys, kind="stable")
    k, r = keys[order], rows[order]
    if len(k) == 0:
        return np.zeros((0, 2), dtype=np.int64)
    starts = np.flatnonzero(np.concatenate([[True], k[1:] != k[:-1]]))
    sizes = np.diff(np.append(starts, len(k)))
    out = []
    for size in np.unique(sizes[(sizes >= 2) & (sizes <= max_bucket)]):
        group_starts = starts[sizes == size]
        members = r[group_starts[:, None] + np.arange(size)[None, :]]  # (groups, size)
        a, b = np.triu_indices(int(size), k=1)
        out.append(np.stack([members[:, a].ravel(), members[:, b].ravel()], axis=1))
    if not out:
        return np.zeros((0, 2), dtype=np.int64)
    pairs = np.concatenate(out)
    pairs.sort(axis=1)
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
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
    """The candidate pairs that pass a channel's Jaccard threshold inside the publication window."""
    if len(pairs) == 0:
        return pairs
    keep = np.zeros(len(pairs), dtype=bool)
    for channel in CHANNELS:
        keep |= estimated_jaccard(table, pairs, channel) >= params.verify[channel]
    d = table.published
    da, db = d[pairs[:, 0]], d[pairs[:, 1]]
    in_window = (da == UNKNOWN_DATE) | (db == UNKNOWN_DATE) | (np.abs(da - db) <= params.window_days)
    return pairs[keep & in_window]


def pair_passes(a: ArticleSignature, b: ArticleSignature, params: BlockingParams) -> bool:
    """``verify_pairs`` for one pair (the Spark job applies it to joined candidate rows)."""
    if a.published is not None and b.published is not None and abs(a.published - b.published) > params.window_days:
        return False
    return any(
        not _empty(a.channel(c)) and not _empty(b.channel(c)) and float(np.mean(a.channel(c) == b.channel(c))) >= params.verify[c]
        for c in CHANNELS
    )


def components(n: int, edges: np.ndarray) -> np.ndarray:
    """Component label per row (connected components of the verified pairs)."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    if n == 0:
        return np.zeros(0, dtype=np.int64)
    graph = coo_matrix((np.ones(len(edges), dtype=np.int8), (edges[:, 0], edges[:, 1])), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    return labels


@dataclass
class BlockingResult:
    blocks: list[list[str]]  # article ids, each block sorted; blocks ordered by their first id
    candidate_pairs: int
    verified_pairs: int


def block_corpus(table: SignatureTable, params: BlockingParams | None = None) -> BlockingResult:
    params = params or BlockingParams()
    keys, rows = all_band_keys(table, params)
    candidates = bucket_pairs(keys, rows, params.max_bucket)
    del keys, rows
    edges = verify_pairs(table, candidates, params)
    labels = components(len(table), edges)
    groups: dict[int, list[str]] = {}
    for row, label in enumerate(labels.tolist()):
        groups.setdefault(label, []).append(table.ids[row])
    blocks = sorted((sorted(g) for g in groups.values()), key=lambda g: g[0])
    return BlockingResult(blocks, len(candidates), len(edges))
