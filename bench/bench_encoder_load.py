"""CPU cost of loading the sentence encoder: plain transformers against sentence-transformers.

    .venv/bin/python bench/bench_encoder_load.py [--runs 3]

Each run is a fresh process that imports storytrace, loads MiniLM and encodes one sentence; the
CPU seconds (user+sys) of the whole process are reported (median over runs, both ways interleaved
in one run of this script). Vectors are identical either way (tests/test_similarity_embeddings.py).
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import replace_section  # noqa: E402

CHILD = r"""
import sys
sys.path.insert(0, sys.argv[1])
import storytrace.similarity.plain_encoder as pe
if sys.argv[2] == "sentence-transformers":
    pe.plain_layout = lambda path: None
from storytrace.config import Config
from storytrace.similarity.embeddings import Embedder
Embedder(Config()).encode(["One sentence to encode."])
"""


def cpu_of(mode: str) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    subprocess.run([sys.executable, "-c", CHILD, str(ROOT / "src"), mode], check=True, env=env,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    modes = ("sentence-transformers", "plain transformers")
    cpu: dict[str, list[float]] = {m: [] for m in modes}
    for _ in range(args.runs):
        for m in modes:
            cpu[m].append(cpu_of(m))
    for m in modes:
        print(m, [round(x, 2) for x in cpu[m]])
    heading = "## Loading the sentence encoder (issue 22, point 3)"
    lines = [heading, "", f"Command: `.venv/bin/python bench/bench_encoder_load.py --runs {args.runs}` "
             f"({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; shared machine, both ways interleaved in one run).", "",
             "Process CPU (user+sys) to import storytrace, load MiniLM and encode one sentence:", "",
             "| loader | min CPU s | median CPU s | max CPU s |", "|---|---|---|---|"]
    for m in modes:
        lines.append(f"| {m} | {min(cpu[m]):.2f} | {statistics.median(cpu[m]):.2f} | {max(cpu[m]):.2f} |")
    ratio = statistics.median(cpu["plain transformers"]) / statistics.median(cpu["sentence-transformers"])
    lines += ["", f"Ratio of medians (plain / sentence-transformers): {ratio:.2f}. The vectors are bit-identical "
              "(fp32 and bf16, tested), so every report is unchanged."]
    replace_section(heading, "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
