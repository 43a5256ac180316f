"""Benchmarks of the pairwise findings engine on the development splits in ../shared/benchmarks.

    .venv/bin/python bench/bench_findings.py                  # both sets, full
    .venv/bin/python bench/bench_findings.py --limit 40       # quick: 40 rows per perturbation / 40 pairs
    .venv/bin/python bench/bench_findings.py --set summedits --timing   # also time `storytrace compare`

Only id/source/derived reach the engine (through the same Comparer that `storytrace compare`
uses); labels stay here with the scorer. Prints tables in Markdown for bench/RESULTS.md.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storytrace.compare import Comparer, PairInput  # noqa: E402
from storytrace.config import Config  # noqa: E402

BENCH_DIR = Path(os.environ.get("STORYTRACE_BENCHMARKS", ROOT.parent / "shared" / "benchmarks"))
if not BENCH_DIR.exists():
    BENCH_DIR = Path("/work/shared/benchmarks")


def load_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def run_engine(comparer: Comparer, pairs: list[PairInput]) -> dict[str, object]:
    return {r.id: r for r in comparer.compare(pairs)}


# -- SummEdits ------------------------------------------------------------------------------------

def bench_summedits(comparer: Comparer, limit: int | None, verbose: bool) -> None:
    rows = load_jsonl(BENCH_DIR / "summedits_news_dev.jsonl")
    if limit:
        rows = rows[:limit]
    t0 = time.perf_counter()
    results = run_engine(comparer, [PairInput(r["id"], r["source"], r["derived"]) for r in rows])
    elapsed = time.perf_counter() - t0
    tp = tn = fp = fn = 0
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in rows:
        predicted = results[r["id"]].consistent
        gold = bool(r["consistent"])
        if gold and predicted:
            tn += 1
        elif gold:
            fp += 1
        elif not predicted:
            tp += 1
        else:
            fn += 1
        types = r["edit_types"] or (["(consistent paraphrase)"] if gold else ["(unlabelled inconsistent)"])
        for t in types if not gold else ["(consistent, any edit label)"]:
            by_type[t][0] += (predicted == gold)
            by_type[t][1] += 1
        if verbose and predicted != gold:
            fs = [(f.type, f.derived_value, f.source_value) for f in results[r["id"]].findings if f.severity != "low"]
            print(f"  MISS gold={gold} {r['edit_types']} :: {r['derived'][:160]} -> {fs}")
    sensitivity = tp / max(1, tp + fn)
    specificity = tn / max(1, tn + fp)
    print(f"\n### SummEdits news dev ({len(rows)} pairs, {elapsed:.1f} s in-process after model load)\n")
    print(f"balanced accuracy **{(sensitivity + specificity) / 2:.3f}** "
          f"(inconsistent detected {tp}/{tp + fn} = {sensitivity:.3f}; consistent kept {tn}/{tn + fp} = {specificity:.3f})\n")
    print("| gold label / edit type | pairs | correct |")
    print("|---|---:|---:|")
    for t, (ok, n) in sorted(by_type.items()):
        print(f"| {t} | {n} | {ok}/{n} = {ok / n:.2f} |")


# -- DEMETR ---------------------------------------------------------------------------------------

def bench_demetr(comparer: Comparer, limit: int | None, verbose: str) -> None:
    rows = [r for r in load_jsonl(BENCH_DIR / "demetr_dev.jsonl") if r["applied"]]
    if limit:
        kept, seen = [], Counter()
        for r in rows:
            if seen[r["perturbation"]] < limit:
                seen[r["perturbation"]] += 1
                kept.append(r)
        rows = kept
    pairs = []
    faithful_seen: set[tuple[str, str]] = set()
    for r in rows:
        pairs.append(PairInput(f"{r['id']}|perturbed", r["reference"], r["perturbed"]))
        key = (r["reference"], r["faithful"])
        if key not in faithful_seen:  # each faithful translation counted once
            faithful_seen.add(key)
            pairs.append(PairInput(f"{r['id']}|faithful", r["reference"], r["faithful"]))
    t0 = time.perf_counter()
    results = run_engine(comparer, pairs)
    elapsed = time.perf_counter() - t0
    flagged: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in rows:
        res = results[f"{r['id']}|perturbed"]
        flagged[r["perturbation"]][0] += not res.consistent
        flagged[r["perturbation"]][1] += 1
        if verbose and verbose in r["perturbation"] and res.consistent == r["perturbation"].startswith("critical"):
            fs = [(f.type, f.derived_value, f.source_value) for f in res.findings if f.severity != "low"]
            print(f"  {r['perturbation']}: R: {r['reference']}\n      P: {r['perturbed']}\n      -> {fs}")
    faithful = [results[p.id] for p in pairs if p.id.endswith("|faithful")]
    false_alarms = sum(not f.consistent for f in faithful)
    if verbose == "faithful":
        by_id = {p.id: p for p in pairs}
        for f in faithful:
            if not f.consistent:
                p = by_id[f.id]
                fs = [(x.type, x.derived_value, x.source_value) for x in f.findings if x.severity != "low"]
                print(f"  FA R: {p.source}\n     F: {p.derived}\n     -> {fs}")
    print(f"\n### DEMETR dev ({len(rows)} applied rows + {len(faithful)} distinct faithful pairs, {elapsed:.1f} s)\n")
    print(f"false alarms on faithful translations: **{false_alarms}/{len(faithful)} = {false_alarms / max(1, len(faithful)):.3f}** (target <= 0.10)\n")
    targets = {"critical_id10_numbers_replaced": ">= 0.95", "critical_id9_ne_replaced": ">= 0.95",
               "critical_id8_negation": ">= 0.85", "critical_id7_antonym": ">= 0.70",
               "critical_id25_ne_removed": ">= 0.70", "critical_id6_addition": ">= 0.70",
               "minor_id26_misspelled": "<= 0.10", "minor_id15_case": "<= 0.10",
               "minor_id29_punc_addition": "<= 0.10", "minor_id14_word_swap": "<= 0.10"}
    print("| perturbation | rows | flagged inconsistent | target |")
    print("|---|---:|---:|---|")
    for p, (n_flag, n) in sorted(flagged.items()):
        print(f"| {p} | {n} | {n_flag}/{n} = {n_flag / n:.2f} | {targets.get(p, '(not a distortion)' if not p.startswith('critical') else '')} |")
    critical = [v for p, v in flagged.items() if p.startswith("critical")]
    hit, total = sum(v[0] for v in critical), sum(v[1] for v in critical)
    print(f"\nall critical perturbations detected: {hit}/{total} = {hit / max(1, total):.3f}")


def time_cli(limit: int | None) -> None:
    """`storytrace compare` end to end (a fresh process: model load included)."""
    src = BENCH_DIR / "summedits_news_dev.jsonl"
    with tempfile.TemporaryDirectory() as tmp:
        pairs = Path(tmp) / "pairs.jsonl"
        rows = load_jsonl(src)[: limit or None]
        pairs.write_text("".join(json.dumps({"id": r["id"], "source": r["source"], "derived": r["derived"]}) + "\n" for r in rows))
        exe = ROOT / ".venv" / "bin" / "storytrace"
        t0 = time.perf_counter()
        proc = subprocess.run([str(exe), "compare", "--pairs", str(pairs), "--out", str(Path(tmp) / "out.jsonl"), "--quiet"],
                              capture_output=True, text=True)
        elapsed = time.perf_counter() - t0
        print(f"\n`storytrace compare` on {len(rows)} SummEdits pairs, fresh process incl. model load: "
              f"**{elapsed:.1f} s** (exit {proc.returncode}; target < 60 s)")
        if proc.returncode:
            print(proc.stderr[-2000:])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", choices=["all", "summedits", "demetr"], default="all")
    ap.add_argument("--limit", type=int, default=None, help="rows per perturbation (DEMETR) / pairs (SummEdits)")
    ap.add_argument("--timing", action="store_true", help="also time `storytrace compare` as a fresh process")
    ap.add_argument("--show", default="", help="print misses: an edit/perturbation name part, or 'faithful'")
    args = ap.parse_args()
    comparer = Comparer(Config(quiet=True))
    if args.set in ("all", "summedits"):
        bench_summedits(comparer, args.limit, bool(args.show))
    if args.set in ("all", "demetr"):
        bench_demetr(comparer, args.limit, args.show)
    if args.timing:
        time_cli(args.limit)


if __name__ == "__main__":
    main()
