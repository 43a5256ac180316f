"""Alignment accuracy on real data (issue 3, item 5): DEMETR reference vs faithful translations.

From ../shared/benchmarks/demetr_dev.jsonl take the 300 items of one perturbation file, shuffle the
`faithful` sentences, and align the 300 `reference` sentences to them as two 300-sentence
documents without order. A reference sentence is correct when the alignment pairs it with its
own faithful translation.

    .venv/bin/python bench/bench_align_demetr.py --perturbation critical_id9_ne_replaced
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks" / "demetr_dev.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser(description="DEMETR sentence alignment accuracy")
    ap.add_argument("--data", type=Path, default=DEFAULT if DEFAULT.exists() else Path("/work/shared/benchmarks/demetr_dev.jsonl"))
    ap.add_argument("--perturbation", default="critical_id9_ne_replaced")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    if not args.data.exists():
        print(f"error: {args.data}: no such file", file=sys.stderr)
        return 2
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from storytrace.align import align_sentences
    from storytrace.config import Config
    from storytrace.similarity.embeddings import Embedder

    rows = [json.loads(line) for line in args.data.read_text("utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if r["perturbation"] == args.perturbation][:300]
    if not rows:
        known = sorted({json.loads(line)["perturbation"] for line in args.data.read_text("utf-8").splitlines() if line.strip()})
        print(f"error: {args.data}: no rows for perturbation {args.perturbation!r} (known: {', '.join(known)})", file=sys.stderr)
        return 2
    references = [r["reference"] for r in rows]
    order = list(range(len(rows)))
    random.Random(args.seed).shuffle(order)
    faithful = [rows[i]["faithful"] for i in order]
    position = {item: pos for pos, item in enumerate(order)}  # item i's faithful sentence is at position[i]
    embedder = Embedder(Config())
    t0 = time.perf_counter()
    al = align_sentences(references, faithful, embedder)
    seconds = time.perf_counter() - t0
    partners = {i: set() for i in range(len(rows))}
    for p in al.pairs:
        for i in p.source:
            partners[i].update(p.derived)
    correct = sum(1 for i in range(len(rows)) if position[i] in partners[i])
    one_to_one = sum(1 for p in al.pairs if len(p.source) == 1 and len(p.derived) == 1)
    print(f"{args.perturbation}: {len(rows)} reference sentences vs {len(rows)} shuffled faithful translations")
    print(f"true partner found for {correct}/{len(rows)} = {100 * correct / len(rows):.1f}% "
          f"({len(al.pairs)} pairs, {one_to_one} one-to-one, {len(al.unaligned_source)} references unaligned); "
          f"{seconds:.1f} s including encoding")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
