"""A vectorised MinHash and an LSH index over it, for lexical reuse candidates.

Why our own: datasketch builds a string per shingle, hashes it with SHA-1 in a Python loop and
then applies 128 permutations to every shingle. Here a whole batch of texts is hashed with numpy
over its UTF-8 bytes (word hashes, then word n-gram shingle hashes, no Python work per word), and
the signature is computed by one-permutation hashing with densification: one hash per shingle
instead of 128. bench/bench_minhash.py compares it with datasketch on the same corpus.
Signatures are uint32; the share of equal positions estimates Jaccard similarity.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

WORD_RE = re.compile(r"\w+", re.UNICODE)
EMPTY = np.uint32(0xFFFFFFFF)  # the signature value of a document with no shingles
_SHINGLE_MULTIPLIERS = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5,
     0x94D049BB133111EB, 0xBF58476D1CE4E5B9, 0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53],
    dtype=np.uint64,
)
# ASCII letters and digits and "_" are word bytes (as regex \w); every byte >= 0x80 is too, so
# accented and non-Latin words stay whole (a non-ASCII dash also joins words: harmless for reuse).
_IS_WORD_BYTE = np.zeros(256, dtype=bool)
for _c in b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_":
    _IS_WORD_BYTE[_c] = True
_IS_WORD_BYTE[0x80:] = True


def _mix64(x: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser: spreads the bits of combined hashes (wrapping uint64 maths)."""
    x = x ^ (x >> np.uint64(30))
    x = x * np.uint64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> np.uint64(27))
    x = x * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def words_of(text: str) -> list[str]:
    """Lower-cased words (for callers that want strings; the hashing path never builds them)."""
    return WORD_RE.findall(text.lower())


@dataclass
class HashedWords:
    """Word hashes of a batch of texts, flat, with the text each word belongs to."""

    hashes: np.ndarray  # uint64, one per word
    doc: np.ndarray  # int64 index of the text, non-decreasing
    count: int  # number of texts


def hash_words(texts: Sequence[str]) -> HashedWords:
    """Hash every word of every text with numpy over the UTF-8 bytes: no Python work per word.

    The batch is one byte array with a NUL between texts. With prefix sums of ``byte * P**i``
    (wrapping uint64), a word spanning bytes [s, e) hashes to ``(H[e] - H[s]) * P**-s``: P is odd,
    so it has an inverse modulo 2**64 and the hash does not depend on where the word sits.
    """
    joined = "\0".join(t.lower() for t in texts).encode("utf-8", "surrogatepass")
    data = np.frombuffer(joined, dtype=np.uint8)
    is_word = _IS_WORD_BYTE[data]
    padded = np.concatenate([[False], is_word, [False]])
    changes = np.flatnonzero(padded[1:] != padded[:-1])
    starts, ends = changes[0::2], changes[1::2]
    if len(starts) == 0:
        return HashedWords(np.zeros(0, np.uint64), np.zeros(0, np.int64), len(texts))
    powers = _powers(len(data))
    prefix = np.zeros(len(data) + 1, dtype=np.uint64)
    np.cumsum((data.astype(np.uint64) + np.uint64(1)) * powers, out=prefix[1:])
    hashes = _mix64((prefix[ends] - prefix[starts]) * _powers(len(data), inverse=True)[starts])
    separators = np.flatnonzero(data == 0)
    doc = np.searchsorted(separators, starts)
    return HashedWords(hashes, doc.astype(np.int64), len(texts))


_P = 0x100000001B3
_P_INV = pow(_P, -1, 2**64)
_power_cache: dict[bool, np.ndarray] = {}


def _powers(n: int, inverse: bool = False) -> np.ndarray:
    """P**i (or P**-i) for i < n, wrapping uint64; grown by doubling and kept between batches."""
    table = _power_cache.get(inverse)
    if table is None or len(table) < n:
        size = max(n, 1 << 18, 2 * len(table) if table is not None else 0)
        table = np.cumprod(np.full(size, _P_INV if inverse else _P, dtype=np.uint64))
        table = np.concatenate([[np.uint64(1)], table[:-1]])
        _power_cache[inverse] = table
    return table[:n]


def shingles_of_batch(words: HashedWords, n: int) -> tuple[np.ndarray, np.ndarray]:
    """(shingle hashes, text index) for every word n-gram inside one text.

    A text shorter than n words (but not empty) gets one shingle made of all its words.
    """
    h, doc = words.hashes, words.doc
    if len(h) == 0:
        return h, doc
    count = max(len(h) - n + 1, 0)
    combined = np.zeros(count, dtype=np.uint64)
    for k in range(n):
        combined += h[k : k + count] * _SHINGLE_MULTIPLIERS[k % len(_SHINGLE_MULTIPLIERS)]
    inside = doc[:count] == doc[n - 1 : n - 1 + count]
    shingles, shingle_doc = _mix64(combined[inside]), doc[:count][inside]
    words_per_doc = np.bincount(doc, minlength=words.count)
    short = np.flatnonzero((words_per_doc > 0) & (words_per_doc < n))
    if len(short):
        first = np.searchsorted(doc, short)
        mask = (1 << 64) - 1
        combined_short = [
            sum(int(h[f + k]) * int(_SHINGLE_MULTIPLIERS[k]) for k in range(int(words_per_doc[d]))) & mask
            for f, d in zip(first, short)
        ]
        extra = _mix64(np.array(combined_short, dtype=np.uint64))
        shingles = np.concatenate([shingles, extra])
        shingle_doc = np.concatenate([shingle_doc, short])
    return shingles, shingle_doc


_CHUNK_CHARS = 256_000  # text hashed at once: keeps the byte arrays and power tables in cache


def _chunks_by_length(texts: Sequence[str], limit: int) -> Iterator[tuple[int, int]]:
    start, size = 0, 0
    for i, t in enumerate(texts):
        if size and size + len(t) > limit:
            yield start, i
            start, size = i, 0
        size += len(t) + 1
    if start < len(texts):
        yield start, len(texts)


class MinHasher:
    """MinHash signatures by one-permutation hashing with optimal densification.

    Each shingle is hashed once; the hash picks one of ``num_perm`` bins and each bin keeps its
    minimum (Li, Owen & Zhang 2012). Bins left empty borrow from another bin chosen by a fixed
    pseudo-random probe sequence (Shrivastava 2017), so two similar texts borrow alike. The share
    of equal bins estimates Jaccard similarity, as with k-permutation MinHash, at 1/num_perm of
    the hashing cost.
    """

    def __init__(self, num_perm: int = 128, ngram: int = 3, seed: int = 1, probes: int = 32):
        rng = np.random.default_rng(seed)
        self.num_perm = num_perm
        self.ngram = ngram
        self._salt = np.uint64(int(rng.integers(0, 2**63)))
        self._probes = rng.integers(0, num_perm, size=(num_perm, probes))

    def shingles(self, text: str) -> np.ndarray:
        """The distinct shingle hashes of one text (for exact containment between two texts)."""
        shingles, _ = shingles_of_batch(hash_words([text]), self.ngram)
        return np.unique(shingles)

    def signatures(self, texts: Sequence[str]) -> np.ndarray:
        """One uint32 row per text; a text with no words gets a row of EMPTY (never a candidate)."""
        return self.signatures_and_sizes(texts)[0]

    def signatures_and_sizes(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Signatures and the number of shingles of each text (repeats counted: an upper bound)."""
        texts = list(texts)
        out = np.empty((len(texts), self.num_perm), dtype=np.uint32)
        sizes = np.zeros(len(texts), dtype=np.int64)
        for start, end in _chunks_by_length(texts, _CHUNK_CHARS):
            shingles, doc = shingles_of_batch(hash_words(texts[start:end]), self.ngram)
            out[start:end] = self._signatures(shingles, doc, end - start)
            sizes[start:end] = np.bincount(doc, minlength=end - start)
        return out, sizes

    def _signatures(self, shingles: np.ndarray, doc: np.ndarray, count: int) -> np.ndarray:
        k = self.num_perm
        h = _mix64(shingles ^ self._salt)
        bins = ((h >> np.uint64(32)) * np.uint64(k)) >> np.uint64(32)
        values = (h & np.uint64(0xFFFFFFFF)).astype(np.uint32)
        flat = np.full(count * k, EMPTY, dtype=np.uint32)
        np.minimum.at(flat, doc * k + bins.astype(np.int64), values)
        sig = flat.reshape(count, k)
        self._densify(sig)
        return sig

    def _densify(self, sig: np.ndarray) -> None:
        empty = sig == EMPTY
        rows = np.flatnonzero(empty.any(axis=1) & ~empty.all(axis=1))
        if len(rows) == 0:
            return
        sub, sub_empty = sig[rows], empty[rows]
        donor_ok = ~sub_empty[:, self._probes]  # (rows, bins, probes)
        first = donor_ok.argmax(axis=2)
        found = np.take_along_axis(donor_ok, first[..., None], axis=2)[..., 0]
        donor_bin = self._probes[np.arange(self.num_perm)[None, :], first]
        borrowed = np.take_along_axis(sub, donor_bin, axis=1)
        # Mix in the receiving bin so a borrowed value is not counted as that donor's match twice over.
        bin_ids = np.arange(self.num_perm, dtype=np.uint64)[None, :]
        borrowed = (_mix64(borrowed.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15) + bin_ids) & np.uint64(0xFFFFFFFE)).astype(np.uint32)
        fill = sub_empty & found
        sub[fill] = borrowed[fill]
        # Bins whose probes all hit empty bins (very short texts): take the nearest filled bin to the right.
        rest = sub_empty & ~found
        if rest.any():
            for r, b in zip(*np.nonzero(rest)):
                filled = np.flatnonzero(~sub_empty[r])
                j = filled[np.searchsorted(filled, b) % len(filled)]
                sub[r, b] = np.uint32((int(sub[r, j]) * 0x9E3779B1 + int(b) + 1) & 0xFFFFFFFE)
        sig[rows] = sub


def estimate_jaccard(sig_a: np.ndarray, sig_b: np.ndarray) -> float:
    if sig_a[0] == EMPTY and np.all(sig_a == EMPTY) or sig_b[0] == EMPTY and np.all(sig_b == EMPTY):
        return 0.0
    return float(np.mean(sig_a == sig_b))


def containment_from_jaccard(jaccard: float, size_a: int, size_b: int) -> float:
    """|A & B| / min(|A|, |B|) from a Jaccard estimate and the set sizes (a summary inside its source)."""
    smaller = min(size_a, size_b)
    if smaller == 0:
        return 0.0
    intersection = jaccard / (1.0 + jaccard) * (size_a + size_b)
    return float(min(1.0, intersection / smaller))


# -- LSH ------------------------------------------------------------------------------------
def _false_rates(threshold: float, bands: int, rows: int, steps: int = 200) -> tuple[float, float]:
    """Integrated false positive / false negative probability of a (bands, rows) scheme."""
    xs = np.linspace(0, 1, steps + 1)
    p = 1 - (1 - xs**rows) ** bands
    fp = np.trapezoid(p[xs <= threshold], xs[xs <= threshold]) if threshold > 0 else 0.0
    fn = np.trapezoid(1 - p[xs >= threshold], xs[xs >= threshold]) if threshold < 1 else 0.0
    return float(fp), float(fn)


@lru_cache(maxsize=64)
def optimal_bands(threshold: float, num_perm: int, fp_weight: float = 0.5, fn_weight: float = 0.5) -> tuple[int, int]:
    """(bands, rows) minimising weighted false positives and negatives: the rule datasketch uses.

    Cached: a pure function of its arguments that walks ~600 schemes (~40 ms), and build_stories
    makes an LSH index for every block (2-3% of a --workers run's CPU before the cache).
    """
    best, best_cost = (1, num_perm), float("inf")
    for bands in range(1, num_perm + 1):
        for rows in range(1, num_perm // bands + 1):
            fp, fn = _false_rates(threshold, bands, rows)
            cost = fp_weight * fp + fn_weight * fn
            if cost < best_cost:
                best, best_cost = (bands, rows), cost
    return best


@dataclass
class LSHParams:
    bands: int
    rows: int

    @classmethod
    def for_threshold(cls, threshold: float, num_perm: int) -> "LSHParams":
        return cls(*optimal_bands(threshold, num_perm))


class LSHIndex:
    """Banded LSH: documents sharing any band of their signature become candidate pairs.

    Streaming: ``add`` indexes a batch and returns the candidate pairs it forms with everything
    indexed before and inside the batch, so a corpus never has to be held at once. Band keys live
    in sorted numpy runs merged like an LSM tree (O(log n) runs), so lookups are vectorised
    ``searchsorted`` calls, never a Python loop per document. A bucket holding more than
    ``max_bucket`` documents (boilerplate shared by thousands of pages) yields only its first
    ``max_bucket`` members as partners, which keeps the cost near-linear.
    """

    def __init__(self, num_perm: int = 128, threshold: float = 0.3, params: LSHParams | None = None, max_bucket: int = 200):
        self.params = params or LSHParams.for_threshold(threshold, num_perm)
        if self.params.bands * self.params.rows > num_perm:
            raise ValueError(f"{self.params.bands} bands x {self.params.rows} rows exceed {num_perm} permutations")
        self.max_bucket = max_bucket
        self._runs: list[tuple[np.ndarray, np.ndarray]] = []  # (sorted keys, doc ids)
        self.size = 0

    def band_keys(self, signatures: np.ndarray) -> np.ndarray:
        """(n, bands) uint64: each band's rows folded into one hash, salted by the band number."""
        b, r = self.params.bands, self.params.rows
        sig = signatures[:, : b * r].astype(np.uint64).reshape(len(signatures), b, r)
        acc = np.broadcast_to(np.arange(1, b + 1, dtype=np.uint64), (len(signatures), b)).copy()
        for k in range(r):
            acc = _mix64(acc * np.uint64(0x100000001B3) + sig[:, :, k])
        return acc

    def add(self, signatures: np.ndarray) -> np.ndarray:
        """Index a batch (doc ids are consecutive from ``self.size``); return (earlier, later) id pairs.

        The result is an int64 array of shape (k, 2), sorted and without duplicates.
        """
        n, bands = len(signatures), self.params.bands
        keys = self.band_keys(signatures)
        docs = np.repeat(np.arange(self.size, self.size + n, dtype=np.int64), bands)
        keys = keys.ravel()
        nonempty = np.repeat(~np.all(signatures == EMPTY, axis=1), bands)
        keys, docs = keys[nonempty], docs[nonempty]
        found = [self._pairs_with_runs(keys, docs), *self._pairs_inside(keys, docs)]
        self._add_run(keys, docs)
        self.size += n
        pairs = np.concatenate([f for f in found if len(f)] or [np.zeros((0, 2), np.int64)])
        if len(pairs) == 0:
            return pairs
        codes = np.unique(pairs[:, 0] * (1 << 32) + pairs[:, 1])
        return np.stack([codes >> 32, codes & 0xFFFFFFFF], axis=1)

    def _pairs_with_runs(self, keys: np.ndarray, docs: np.ndarray) -> np.ndarray:
        out = []
        for run_keys, run_docs in self._runs:
            left = np.searchsorted(run_keys, keys, "left")
            right = np.minimum(np.searchsorted(run_keys, keys, "right"), left + self.max_bucket)
            counts = right - left
            hit = np.flatnonzero(counts)
            if len(hit) == 0:
                continue
            reps = counts[hit]
            starts = np.repeat(left[hit] - np.concatenate([[0], np.cumsum(reps)[:-1]]), reps)
            partner = run_docs[starts + np.arange(reps.sum())]
            out.append(np.stack([partner, np.repeat(docs[hit], reps)], axis=1))
        return np.concatenate(out) if out else np.zeros((0, 2), np.int64)

    def _pairs_inside(self, keys: np.ndarray, docs: np.ndarray) -> list[np.ndarray]:
        order = np.lexsort((docs, keys))
        k, d = keys[order], docs[order]
        out = []
        for gap in range(1, self.max_bucket):
            same = np.flatnonzero(k[gap:] == k[:-gap]) if gap < len(k) else np.zeros(0, np.int64)
            if len(same) == 0:
                break
            out.append(np.stack([d[same], d[same + gap]], axis=1))
        return out

    def _add_run(self, keys: np.ndarray, docs: np.ndarray) -> None:
        order = np.argsort(keys, kind="stable")
        self._runs.append((keys[order], docs[order]))
        # Merge while the newest run is at least as big as the one before: O(log n) runs.
        while len(self._runs) >= 2 and len(self._runs[-1][0]) >= len(self._runs[-2][0]):
            (k2, d2), (k1, d1) = self._runs.pop(), self._runs.pop()
            k, d = np.concatenate([k1, k2]), np.concatenate([d1, d2])
            order = np.argsort(k, kind="stable")
            self._runs.append((k[order], d[order]))


def candidate_pairs(signatures: np.ndarray, threshold: float = 0.3, batch: int = 4096) -> Iterator[tuple[int, int]]:
    """All LSH candidate pairs of a signature matrix, streamed batch by batch."""
    index = LSHIndex(signatures.shape[1], threshold)
    for start in range(0, len(signatures), batch):
        for a, b in index.add(signatures[start : start + batch]).tolist():
            yield a, b
