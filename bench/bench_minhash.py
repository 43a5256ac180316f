"""MinHash-LSH side by side: storytrace's vectorised MinHash vs datasketch, same corpus, one run.

The corpus: unrelated documents of Zipf-distributed words, plus planted near-duplicates (a copy of
a document with a share of its words replaced and a few sentences dropped or added). Both
implementations use word 3-gram shingles, 128 permutations and the same LSH threshold (so the same
band/row rule). Reported: throughput (signatures + LSH index + candidate pairs, documents/s),
recall of the planted pairs among the candidates, and the number of candidate pairs.

    .venv/bin/python bench/bench_minhash.py --docs 6000 --dups 1500
"""
from __future__ import annotations

import argparse
import random
import time

import numpy as np


def make_corpus(n_docs: int, n_dups: int, words_per_doc: int, seed: int) -> tuple[list[str], set[tuple[int, int]]]:
    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(50_000)]
    weights = [1.0 / (i + 1) ** 1.05 for i in range(len(vocab))]
    docs = [" ".join(rng.choices(vocab, weights, k=words_per_doc)) for _ in range(n_docs)]
    planted: set[tuple[int, int]] = set()
    for _ in range(n_dups):
        base = rng.randrange(n_docs)
        words = docs[base].split()
        rate = rng.uniform(0.02, 0.08)  # word substitutions: Jaccard of 3-shingles roughly 0.6-0.9
        words = [rng.choice(vocab) if rng.random() < rate else w for w in words]
        cut = rng.randrange(0, len(words) // 10 + 1)  # drop a tail, as a copy that stops early
        words = words[: len(words) - cut]
        docs.append(" ".join(words))
        planted.add((base, len(docs) - 1))
    return docs, planted


def run_storytrace(docs: list[str], threshold: float) -> tuple[set[tuple[int, int]], float, tuple[int, int]]:
    from storytrace.similarity.minhash import LSHIndex, MinHasher

    t0 = time.perf_counter()
    hasher = MinHasher(num_perm=128, ngram=3)
    index = LSHIndex(128, threshold)
    pairs: set[tuple[int, int]] = set()
    batch = 2048
    for start in range(0, len(docs), batch):
        sigs = hasher.signatures(docs[start : start + batch])
        pairs.update(map(tuple, index.add(sigs).tolist()))
    return pairs, time.perf_counter() - t0, (index.params.bands, index.params.rows)


def run_datasketch(docs: list[str], threshold: float) -> tuple[set[tuple[int, int]], float, tuple[int, int]]:
    from datasketch import MinHash, MinHashLSH

    from storytrace.similarity.minhash import words_of

    t0 = time.perf_counter()
    lsh = MinHashLSH(threshold=threshold, num_perm=128)
    pairs: set[tuple[int, int]] = set()
    for i, doc in enumerate(docs):
        w = words_of(doc)
        shingles = {" ".join(w[k : k + 3]).encode() for k in range(max(1, len(w) - 2))}
        m = MinHash(num_perm=128)
        m.update_batch(list(shingles))
        for j in lsh.query(m):
            pairs.add((j, i))
        lsh.insert(i, m)
    return pairs, time.perf_counter() - t0, (lsh.b, lsh.r)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=6000)
    ap.add_argument("--dups", type=int, default=1500)
    ap.add_argument("--words", type=int, default=400)
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    docs, planted = make_corpus(args.docs, args.dups, args.words, args.seed)
    print(f"corpus: {len(docs)} documents of ~{args.words} words, {len(planted)} planted near-duplicate pairs")
    results = {}
    for name, fn in (("storytrace", run_storytrace), ("datasketch", run_datasketch)):
        pairs, seconds, (b, r) = fn(docs, args.threshold)
        recall = len(planted & pairs) / len(planted)
        results[name] = (len(docs) / seconds, recall)
        print(
            f"{name:<11} bands={b:<3} rows={r:<2} {seconds:7.2f} s  {len(docs) / seconds:9.0f} docs/s  "
            f"recall {recall:.4f}  candidate pairs {len(pairs)}"
        )
    ratio = results["storytrace"][0] / results["datasketch"][0]
    print(f"speed-up: {ratio:.1f}x; recall storytrace {results['storytrace'][1]:.4f} vs datasketch {results['datasketch'][1]:.4f}")
    np.random.seed(0)


if __name__ == "__main__":
    main()
