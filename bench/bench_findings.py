"""Benchmarks of the pairwise findings engine on the development splits in ../shared/benchmarks.

    .venv/bin/python bench/bench_findings.py                  # every set, full, tuning and confirm parts
    .venv/bin/python bench/bench_findings.py --limit 40       # quick: 40 rows per perturbation / 40 pairs
    .venv/bin/python bench/bench_findings.py --set falke --show misses   # misses of the TUNING part only
    .venv/bin/python bench/bench_findings.py --set summedits --timing   # also time `storytrace compare`

Every set is cut by document hash into a tuning and a confirm part (bench/splits.py, see
bench/README.md); each figure is printed for both parts side by side. ``--show`` prints rows of the
tuning part only: the confirm part is scored, never read row by row.

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

sys.path.insert(0, str(ROOT / "bench"))

from splits import BENCH_DIR, CONFIRM, TUNE, load_jsonl, row_part  # noqa: E402
from storytrace.compare import Comparer, PairInput  # noqa: E402
from storytrace.config import Config  # noqa: E402




def run_engine(comparer: Comparer, pairs: list[PairInput]) -> dict[str, object]:
    return {r.id: r for r in comparer.compare(pairs)}


# -- SummEdits ------------------------------------------------------------------------------------

def _balanced(rows: list[dict], results: dict, gold_key: str = "consistent") -> tuple[float, int, int, int, int]:
    """(balanced accuracy, inconsistent caught, inconsistent, consistent flagged, consistent)."""
    tp = fn = tn = fp = 0
    for r in rows:
        predicted, gold = results[r["id"]].consistent, bool(r[gold_key])
        if gold:
            tn += predicted
            fp += not predicted
        else:
            tp += not predicted
            fn += predicted
    sens, spec = tp / max(1, tp + fn), tn / max(1, tn + fp)
    return (sens + spec) / 2, tp, tp + fn, fp, tn + fp


def _parts(dataset: str, rows: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {TUNE: [], CONFIRM: []}
    for r in rows:
        out[row_part(dataset, r)].append(r)
    return out


def _print_balanced(title: str, dataset: str, rows: list[dict], results: dict, elapsed: float) -> None:
    parts = _parts(dataset, rows)
    print(f"\n### {title} ({len(rows)} pairs, {elapsed:.1f} s in-process after model load)\n")
    print("| part | pairs | balanced accuracy | inconsistent caught | false alarms on consistent |")
    print("|---|---:|---:|---:|---:|")
    for name in (TUNE, CONFIRM):
        ba, tp, n_bad, fp, n_good = _balanced(parts[name], results)
        print(f"| {name} | {len(parts[name])} | **{ba:.3f}** | {tp}/{n_bad} = {tp / max(1, n_bad):.3f} | "
              f"{fp}/{n_good} = {fp / max(1, n_good):.3f} |")


def _show_tuning_misses(dataset: str, rows: list[dict], results: dict) -> None:
    for r in rows:
        if row_part(dataset, r) != TUNE or results[r["id"]].consistent == bool(r["consistent"]):
            continue
        fs = [(f.type, f.derived_value, f.source_value) for f in results[r["id"]].findings if f.severity != "low"]
        print(f"  MISS gold={r['consistent']} :: {r['derived'][:160]} -> {fs}")


def _print_faithful_highs(label: str, parts: dict[str, list], results: dict) -> None:
    """High findings on pairs that carry no error (issue 17.3: a high must be right): their count per
    part, the pairs that carry one, and the count per finding type. ``parts`` holds result ids."""
    cells = []
    for name in (TUNE, CONFIRM):
        kinds: Counter = Counter()
        pairs = 0
        for rid in parts[name]:
            highs = [f.type for f in results[rid].findings if f.severity == "high"]
            pairs += bool(highs)
            kinds.update(highs)
        by_type = ", ".join(f"{t} {n}" for t, n in sorted(kinds.items())) or "none"
        cells.append(f"{name} {sum(kinds.values())} on {pairs}/{len(parts[name])} pairs ({by_type})")
    print(f"\nhigh findings on faithful/consistent pairs ({label}): {'; '.join(cells)}")


def bench_summedits(comparer: Comparer, limit: int | None, verbose: bool) -> None:
    rows = load_jsonl(BENCH_DIR / "summedits_news_dev.jsonl")
    if limit:
        rows = rows[:limit]
    t0 = time.perf_counter()
    results = run_engine(comparer, [PairInput(r["id"], r["source"], r["derived"]) for r in rows])
    elapsed = time.perf_counter() - t0
    _print_balanced("SummEdits news dev", "summedits_news_dev", rows, results, elapsed)
    by_type: dict[str, dict[str, list[int]]] = defaultdict(lambda: {TUNE: [0, 0], CONFIRM: [0, 0]})
    for r in rows:
        predicted, gold = results[r["id"]].consistent, bool(r["consistent"])
        types = r["edit_types"] or (["(consistent paraphrase)"] if gold else ["(unlabelled inconsistent)"])
        for t in types if not gold else ["(consistent, any edit label)"]:
            cell = by_type[t][row_part("summedits_news_dev", r)]
            cell[0] += (predicted == gold)
            cell[1] += 1
    consistent = _parts("summedits_news_dev", [r for r in rows if r["consistent"]])
    _print_faithful_highs("consistent", {k: [r["id"] for r in v] for k, v in consistent.items()}, results)
    if verbose:
        _show_tuning_misses("summedits_news_dev", rows, results)
    print("\n| gold label / edit type | tune correct | confirm correct |")
    print("|---|---:|---:|")
    for t, cells in sorted(by_type.items()):
        shown = [f"{ok}/{n} = {ok / n:.2f}" if n else "-" for ok, n in (cells[TUNE], cells[CONFIRM])]
        print(f"| {t} | {shown[0]} | {shown[1]} |")


# -- pair sets scored by balanced accuracy (Falke, XSum, WMT English pairs) --------------------------

PAIR_SETS = {
    "falke": ("falke_sentpairs_dev", "Falke CNN/DM sentence pairs dev"),
    "xsum": ("xsum_hallucinations_dev", "XSum hallucinations dev"),
    "wmt_en": ("wmt23_zhen_dev_en_pairs", "WMT23 zh-en: one English translation against another"),
}


def bench_pairs(comparer: Comparer, key: str, limit: int | None, verbose: bool) -> None:
    dataset, title = PAIR_SETS[key]
    rows = load_jsonl(BENCH_DIR / f"{dataset}.jsonl")
    if limit:
        rows = rows[:limit]
    t0 = time.perf_counter()
    results = run_engine(comparer, [PairInput(r["id"], r["source"], r["derived"]) for r in rows])
    _print_balanced(title, dataset, rows, results, time.perf_counter() - t0)
    if key == "wmt_en":  # the paraphrase pairs are the faithful ones the issue names
        parts = _parts(dataset, [r for r in rows if r.get("kind") == "paraphrase"])
        cells = []
        for name in (TUNE, CONFIRM):
            n = len(parts[name])
            fa = sum(not results[r["id"]].consistent for r in parts[name])
            cells.append(f"{name} {fa}/{n} = {fa / max(1, n):.3f}")
        print(f"\nfalse alarms on paraphrase pairs (two faithful translations): {'; '.join(cells)} (target <= 0.05)")
        _print_faithful_highs("paraphrase pairs", {k: [r["id"] for r in v] for k, v in parts.items()}, results)
    else:
        consistent = _parts(dataset, [r for r in rows if r["consistent"]])
        _print_faithful_highs("consistent", {k: [r["id"] for r in v] for k, v in consistent.items()}, results)
    if verbose:
        _show_tuning_misses(dataset, rows, results)


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
        if verbose and verbose in r["perturbation"] and res.consistent == r["perturbation"].startswith("critical") \
                and row_part("demetr_dev", r) == TUNE:
            fs = [(f.type, f.derived_value, f.source_value) for f in res.findings if f.severity != "low"]
            print(f"  {r['perturbation']}: R: {r['reference']}\n      P: {r['perturbed']}\n      -> {fs}")
    part_of = {r["id"]: row_part("demetr_dev", r) for r in rows}
    faithful = {name: [results[p.id] for p in pairs if p.id.endswith("|faithful") and part_of[p.id.split("|")[0]] == name]
                for name in (TUNE, CONFIRM)}
    if verbose == "faithful":
        by_id = {p.id: p for p in pairs}
        for f in faithful[TUNE]:  # the tuning part only
            if not f.consistent:
                p = by_id[f.id]
                fs = [(x.type, x.derived_value, x.source_value) for x in f.findings if x.severity != "low"]
                print(f"  FA R: {p.source}\n     F: {p.derived}\n     -> {fs}")
    n_faithful = sum(len(v) for v in faithful.values())
    print(f"\n### DEMETR dev ({len(rows)} applied rows + {n_faithful} distinct faithful pairs, {elapsed:.1f} s)\n")
    print("| part | false alarms on faithful translations (target <= 0.05) | critical detected (target >= 0.85) |")
    print("|---|---:|---:|")
    for name in (TUNE, CONFIRM):
        fa = sum(not f.consistent for f in faithful[name])
        crit = [r for r in rows if part_of[r["id"]] == name and r["perturbation"].startswith("critical")]
        hit = sum(not results[f"{r['id']}|perturbed"].consistent for r in crit)
        print(f"| {name} | {fa}/{len(faithful[name])} = {fa / max(1, len(faithful[name])):.3f} | "
              f"{hit}/{len(crit)} = {hit / max(1, len(crit)):.3f} |")
    _print_faithful_highs("faithful translations",
                          {name: [f.id for f in faithful[name]] for name in (TUNE, CONFIRM)}, results)
    print("\n| perturbation | tune flagged | confirm flagged |")
    print("|---|---:|---:|")
    for p in sorted(flagged):
        cells = []
        for name in (TUNE, CONFIRM):
            sel = [r for r in rows if r["perturbation"] == p and part_of[r["id"]] == name]
            k = sum(not results[f"{r['id']}|perturbed"].consistent for r in sel)
            cells.append(f"{k}/{len(sel)} = {k / max(1, len(sel)):.2f}")
        print(f"| {p} | {cells[0]} | {cells[1]} |")
    # A perturbed row is the faithful translation with one change: a false alarm on the faithful
    # translation flags each of its perturbed rows too. Counted here: critical rows flagged by a
    # medium/high finding the faithful pair does not have (the perturbation itself was seen).
    faithful_keys = {(p.source, p.derived): {(f.type, f.derived_value) for f in results[p.id].findings if f.severity != "low"}
                     for p in pairs if p.id.endswith("|faithful")}
    cells = []
    for name in (TUNE, CONFIRM):
        crit = [r for r in rows if part_of[r["id"]] == name and r["perturbation"].startswith("critical")]
        own = sum(any(f.severity != "low" and (f.type, f.derived_value) not in faithful_keys[(r["reference"], r["faithful"])]
                      for f in results[f"{r['id']}|perturbed"].findings) for r in crit)
        cells.append(f"{name} {own}/{len(crit)} = {own / max(1, len(crit)):.3f}")
    print(f"\ncritical detected by a finding the faithful pair does not have: {'; '.join(cells)}")


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
    ap.add_argument("--set", choices=["all", "summedits", "demetr", *PAIR_SETS], default="all")
    ap.add_argument("--limit", type=int, default=None, help="rows per perturbation (DEMETR) / pairs (SummEdits)")
    ap.add_argument("--timing", action="store_true", help="also time `storytrace compare` as a fresh process")
    ap.add_argument("--show", default="", help="print misses: an edit/perturbation name part, or 'faithful'")
    ap.add_argument("--setting", nargs=2, action="append", metavar=("NAME", "VALUE"), default=[],
                    help="a Config setting, as `storytrace compare --setting` (e.g. verifier_severity true)")
    args = ap.parse_args()
    from storytrace.config import apply_settings

    comparer = Comparer(apply_settings(Config(quiet=True), [tuple(s) for s in args.setting]))
    if args.set in ("all", "summedits"):
        bench_summedits(comparer, args.limit, bool(args.show))
    if args.set in ("all", "demetr"):
        bench_demetr(comparer, args.limit, args.show)
    for key in PAIR_SETS:
        if args.set in ("all", key):
            bench_pairs(comparer, key, args.limit, bool(args.show))
    if args.timing:
        time_cli(args.limit)


if __name__ == "__main__":
    main()
