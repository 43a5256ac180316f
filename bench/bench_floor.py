"""How far `storytrace analyze` is from its floor, in CPU seconds (issue 22, point 1).

The floor is the work no analysis can skip: load spaCy and the sentence encoder, run spaCy once over
every article and the encoder once over every sentence. Each figure is a fresh process; CPU is
user+sys of that process and its children (workers included). Floor and analyze run interleaved
in one run of this script, so the ratio is measured under the same load.

    .venv/bin/python bench/bench_floor.py [--runs 3] [--workers 1 2] [--before OTHER_CHECKOUT/src]

Corpora: examples/corpus; the 6-version story of bench_story.py (1,500 words a version); and 24
articles of the ECB+ dev file in ../shared/benchmarks (tuning part; written to a temporary folder,
never into the repository).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
from bench_story import build_versions, write_corpus  # noqa: E402
from results import replace_section  # noqa: E402
from splits import BENCH_DIR, split_rows  # noqa: E402


FLOOR = r"""
import sys
sys.path.insert(0, sys.argv[1])
from storytrace.config import Config
from storytrace.ingest import read_paths
from storytrace.nlp.models import load_spacy
from storytrace.similarity.embeddings import Embedder
config = Config()
texts = [a.original_text for a in read_paths([sys.argv[2]]) if hasattr(a, "original_text")]
nlp = load_spacy(config.spacy_model)
sentences = [s.text for doc in nlp.pipe(texts) for s in doc.sents if s.text.strip()]
Embedder(config).encode(sentences)
"""


def cpu(cmd: list[str], src: Path = ROOT / "src") -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "PYTHONPATH": str(src)}
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def corpora(tmp: Path) -> dict[str, Path]:
    story = tmp / "story"
    story.mkdir()
    write_corpus(story, build_versions())
    out = {"examples/corpus": ROOT / "examples" / "corpus", "6-version story": story}
    ecb = BENCH_DIR / "ecbplus_clusters_dev.jsonl"
    if ecb.exists():
        rows = [json.loads(line) for line in ecb.open(encoding="utf-8")]
        tune, _ = split_rows("ecbplus_clusters_dev", rows)
        folder = tmp / "ecb"
        folder.mkdir()
        for row in tune[:24]:
            (folder / f"{row['id']}.txt").write_text(row["text"], encoding="utf-8")
        out["24 ECB+ articles"] = folder
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--before", type=Path, metavar="SRC",
                        help="also run `analyze --workers 1` from another checkout's src/ (what a change saved)")
    parser.add_argument("--heading", default="## Analysis against its floor (bench_floor.py, issue 22)",
                        help="the RESULTS.md section to write (a new one keeps the earlier figures)")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for label, folder in corpora(tmp).items():
            figures: dict[str, list[float]] = {"floor": []}
            for run in range(args.runs):
                figures["floor"].append(cpu([sys.executable, "-c", FLOOR, str(ROOT / "src"), str(folder)]))
                for w in args.workers:
                    # A fresh store each time: a reused one skips the unchanged articles and measures nothing.
                    out = tmp / f"out-{label[:3]}-{run}-{w}"
                    cmd = [sys.executable, "-m", "storytrace.cli", "analyze", str(folder), "--out", str(out), "--quiet"]
                    figures.setdefault(f"analyze --workers {w}", []).append(cpu(cmd + ["--workers", str(w)]))
                if args.before:
                    out = tmp / f"out-{label[:3]}-{run}-before"
                    cmd = [sys.executable, "-m", "storytrace.cli", "analyze", str(folder), "--out", str(out), "--quiet"]
                    figures.setdefault("analyze --workers 1, before", []).append(cpu(cmd, args.before))
            floor = statistics.median(figures["floor"])
            for name, values in figures.items():
                rows.append((label, name, statistics.median(values), statistics.median(values) / floor))
                print(rows[-1])
    heading = args.heading
    extra = (f" --before {args.before}" if args.before else "") + (f" --heading '{heading}'" if heading != parser.get_default("heading") else "")
    lines = [heading, "", f"Command: `.venv/bin/python bench/bench_floor.py --runs {args.runs}{extra}` "
             f"({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; median CPU-s (user+sys, children included) over "
             f"{args.runs} interleaved runs on a shared 2-core machine). Target: analyze at most 1.2x the floor.", "",
             "| corpus | command | CPU s | x floor |", "|---|---|---|---|"]
    lines += [f"| {c} | {n} | {v:.1f} | {r:.2f} |" for c, n, v, r in rows]
    replace_section(heading, "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
