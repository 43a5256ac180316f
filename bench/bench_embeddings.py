"""Embedding throughput (issue 6, item 4): MiniLM sentences per second per core, and the cache.

Encodes distinct real news sentences (DEMETR references and translations) with the Embedder as the
pipeline uses it (batched, bf16 autocast where the CPU supports it), with torch limited to one
thread so the figure is per core (CPU time of the process: the machine is shared, wall clock is
reported too); then encodes them again to show the cache.

    .venv/bin/python bench/bench_embeddings.py --sentences 1000
"""
from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description="embedding throughput")
    ap.add_argument("--sentences", type=int, default=1000)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--precision", default="auto", choices=["auto", "fp32", "bf16"])
    ap.add_argument("--data", type=Path, default=Path("/work/shared/benchmarks/demetr_dev.jsonl"))
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import torch

    from storytrace.config import Config
    from storytrace.similarity.embeddings import Embedder

    rows = [json.loads(line) for line in args.data.read_text("utf-8").splitlines() if line.strip()]
    sentences = list(dict.fromkeys(s for r in rows for s in (r["reference"], r["faithful"], r["perturbed"])))
    sentences = sentences[: args.sentences]
    embedder = Embedder(Config(), precision=args.precision)
    embedder.encode(["warm up the model and its kernels"])
    torch.set_num_threads(args.threads)
    t0, c0 = time.perf_counter(), time.process_time()
    embedder.encode(sentences)
    cold, cold_cpu = time.perf_counter() - t0, time.process_time() - c0
    t0 = time.perf_counter()
    embedder.encode(sentences)
    warm = time.perf_counter() - t0
    words = sum(len(s.split()) for s in sentences) / len(sentences)
    print(f"{len(sentences)} distinct sentences (mean {words:.0f} words), torch threads {args.threads}, "
          f"bf16 autocast {embedder._use_bf16}, batch {Config().batch_size}")
    print(f"encode, CPU time: {cold_cpu:.1f} s = {len(sentences) / cold_cpu:.0f} sentences per CPU-second (per core)")
    print(f"encode, wall clock on this machine: {cold:.1f} s = {len(sentences) / cold:.0f} sentences/s")
    print(f"again from the cache: {warm * 1000:.0f} ms ({len(sentences) / max(warm, 1e-9):.0f} sentences/s)")


if __name__ == "__main__":
    main()
