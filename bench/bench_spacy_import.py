"""What importing spaCy without torch saves (issue 22.3): `import spacy` through thinc imported torch.

Two checkouts, interleaved, each figure a fresh process (CPU = user+sys of the child):
- ``load_spacy``: import storytrace's loader and load the default pipeline; ``-X importtime`` gives
  the cumulative import time of the top-level ``spacy`` import and whether torch was imported;
- ``compare``: `storytrace compare` on one hand-written pair of one-sentence texts (no encoder needed).

    .venv/bin/python bench/bench_spacy_import.py --before OTHER_CHECKOUT/src [--runs 3]
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = "The harbour council voted on Tuesday to close the old bridge for six weeks of repairs, the mayor said.\n"
DERIVED = "The harbour council voted on Tuesday to close the old bridge for nine weeks of repairs, the mayor said.\n"
LOAD = "import sys; from storytrace.nlp.models import load_spacy; load_spacy(); print('torch' in sys.modules)"


def run(cmd: list[str], src: Path, cwd: Path) -> tuple[float, subprocess.CompletedProcess]:
    env = {**os.environ, "PYTHONPATH": str(src), "OMP_NUM_THREADS": "1", "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), done


def spacy_import_ms(stderr: str) -> float:
    """Cumulative microseconds of the outermost `spacy` import in -X importtime output, in ms."""
    times = [int(m.group(1)) for m in re.finditer(r"^import time:\s+\d+ \|\s+(\d+) \|\s?spacy$", stderr, re.M)]
    return max(times) / 1000 if times else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", type=Path, required=True, metavar="SRC")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    checkouts = {"before": args.before, "after": ROOT / "src"}
    rows: dict[tuple[str, str], list] = {}
    outputs: set[str] = set()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        (tmp / "source.txt").write_text(SOURCE, encoding="utf-8")
        (tmp / "derived.txt").write_text(DERIVED, encoding="utf-8")
        for _ in range(args.runs):
            for name, src in checkouts.items():
                cpu, done = run([sys.executable, "-X", "importtime", "-c", LOAD], src, tmp)
                rows.setdefault((name, "load_spacy"), []).append((cpu, spacy_import_ms(done.stderr), done.stdout.strip()))
                cpu, done = run([sys.executable, "-m", "storytrace.cli", "compare", "source.txt", "derived.txt"], src, tmp)
                rows.setdefault((name, "compare"), []).append((cpu, None, None))
                outputs.add(done.stdout)
    load = os.getloadavg()
    print(f"## spaCy without torch (bench_spacy_import.py, issue 22.3)\n")
    print(f"Command: `.venv/bin/python bench/bench_spacy_import.py --before {args.before} --runs {args.runs}` "
          f"({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load average {load[0]:.1f}; median of "
          f"{args.runs} interleaved runs, each a fresh process; CPU = user+sys)\n")
    print("| checkout | what | CPU s | `import spacy` (importtime, ms) | torch imported |")
    print("|---|---|---|---|---|")
    for (name, what), values in rows.items():
        cpu = statistics.median(v[0] for v in values)
        ms = f"{statistics.median(v[1] for v in values):.0f}" if what == "load_spacy" else ""
        torch = {v[2] for v in values} if what == "load_spacy" else ""
        print(f"| {name} | {what} | {cpu:.2f} | {ms} | {', '.join(sorted(torch)) if torch else ''} |")
    print(f"\n`compare` printed the same in every run of both checkouts: {len(outputs) == 1}")


if __name__ == "__main__":
    main()
