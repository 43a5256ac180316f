"""Torch threads for MiniLM encoding: CPU cost of all cores against one thread, idle and beside a busy process.

    OMP_WAIT_POLICY unset; .venv/bin/python bench/bench_threads.py

Each setting runs in a fresh process that encodes every sentence of examples/corpus (no cache), and
reports the CPU seconds (user+sys) and wall seconds of the encoding alone. "busy" starts one process
that spins on a core for the whole measurement, as any other job on a shared machine does.
Writes the table into bench/RESULTS.md.
"""
from __future__ import annotations

import json
import multiprocessing as mp
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
from results import replace_section  # noqa: E402

CHILD = r"""
import json, os, resource, sys, time
sys.path.insert(0, sys.argv[2])
from storytrace.config import Config
from storytrace.similarity.embeddings import Embedder
from storytrace.ingest import read_paths
import re
threads = int(sys.argv[1])
texts = [a.text or a.original_text for a in read_paths([sys.argv[3]]) if hasattr(a, "original_text")]
sentences = [s for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if s.strip()]
emb = Embedder(Config(torch_threads=threads))
emb.model  # load outside the measurement
r0 = resource.getrusage(resource.RUSAGE_SELF); w0 = time.perf_counter()
emb.encode(sentences)
r1 = resource.getrusage(resource.RUSAGE_SELF); w1 = time.perf_counter()
print(json.dumps({"sentences": len(sentences), "cpu": (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime),
                  "wall": w1 - w0}))
"""


def _spin(stop) -> None:
    while not stop.is_set():
        sum(range(10_000))


def run(threads: int) -> dict:
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    env.pop("OMP_NUM_THREADS", None)
    out = subprocess.run([sys.executable, "-c", CHILD, str(threads), str(ROOT / "src"), str(ROOT / "examples/corpus")],
                         capture_output=True, text=True, env=env, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    rows = []
    for busy in (False, True):
        stop = mp.Event()
        spinner = mp.Process(target=_spin, args=(stop,)) if busy else None
        if spinner:
            spinner.start()
            time.sleep(0.5)
        try:
            for threads, label in ((0, "all cores (old default)"), (1, "1 thread (new default)")):
                r = run(threads)
                rows.append((("busy" if busy else "idle"), label, r))
                print(rows[-1])
        finally:
            if spinner:
                stop.set()
                spinner.join()
    lines = ["## Torch threads for MiniLM encoding (issue 22, point 2)", "",
             f"Command: `.venv/bin/python bench/bench_threads.py` ({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
             f"{os.cpu_count()} cores; the machine was shared with other jobs, so 'idle' is only as idle as it was).", "",
             "| machine | torch threads | sentences | CPU s | wall s | CPU per sentence (ms) |", "|---|---|---|---|---|---|"]
    for busy, label, r in rows:
        lines.append(f"| {busy} | {label} | {r['sentences']} | {r['cpu']:.2f} | {r['wall']:.2f} | {1000 * r['cpu'] / r['sentences']:.1f} |")
    lines += ["", "Reports are unchanged by the thread count (same vectors up to float rounding; findings and stories identical "
              "in the test suite). One thread is now the default (`Config.torch_threads = 1`); set it higher only on an "
              "otherwise idle machine with a single analysis running."]
    replace_section(lines[0], "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
