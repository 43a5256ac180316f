"""Rules alone, the sentence-pair verifier alone, and both combined, on every dev pair set.

    .venv/bin/python bench/bench_verifier.py                 # tuning parts pick thresholds, confirm parts scored
    .venv/bin/python bench/bench_verifier.py --limit 60      # quick: at most 60 pairs per set and part, evenly spread
    .venv/bin/python bench/bench_verifier.py --write         # also replace the section in bench/RESULTS.md
    # on two cores: each part in its own process, then one report from both
    .venv/bin/python bench/bench_verifier.py --parts tune --save /tmp/tune.json &
    .venv/bin/python bench/bench_verifier.py --parts confirm --save /tmp/confirm.json; wait
    .venv/bin/python bench/bench_verifier.py --load /tmp/tune.json /tmp/confirm.json

One run computes, per pair, the rule findings (severity untouched), the verifier's support (its
least supported derived sentence against its best source chunk) and the verifier's score of each
medium/high finding; the three decisions are then made from those:
- rules: consistent iff no medium/high finding;
- verifier: consistent iff support >= t_low;
- check (the finding check alone, Config.verifier_findings): findings the verifier scores >= t_high
  are downgraded; consistent iff no medium/high finding remains;
- pairs (the pair use alone, Config.verifier_pairs): consistent iff no medium/high finding and
  support >= t_low;
- combined (both): findings scored >= t_high downgraded; consistent iff no medium/high finding
  remains and support >= t_low.
Session 10 adds three uses of the same scores (storytrace/verifier/combiner.py gives the reasons):
- contrast: consistent iff the self-normalised support (logit of the worst sentence's support minus
  the logit of that sentence scored against itself) >= t;
- rules+contrast: consistent iff no medium/high finding and contrast >= t;
- learned: a logistic regression of the findings (high, medium, verifier-weighted), the support,
  the contrast and the length ratio, fitted on the held tuning half of all sets jointly (each set and
  each class weighted equally); consistent iff P(consistent) >= t.
``--load-runs N`` only measures loading the verifier (plain torch against transformers).
Thresholds are chosen on the TUNING parts only, on the half of their documents the verifier was
not trained on (storytrace.verifier.data.held_for_thresholds; only that half is scored) (best mean balanced accuracy over the sets, with
DEMETR false alarms on faithful pairs at most 0.05); the confirm parts are scored, never read.
Only id/source/derived reach the engine. Speed: pairs per CPU-second of the verifier's work, the
model's load time and the peak resident memory of the process.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import splits  # noqa: E402
from splits import BENCH_DIR, load_jsonl, split_rows  # noqa: E402

from storytrace.compare import Comparer, PairInput  # noqa: E402
from storytrace.config import Config  # noqa: E402
from storytrace.verifier.data import held_for_thresholds  # noqa: E402

SETS = ("summedits_news_dev", "falke_sentpairs_dev", "xsum_hallucinations_dev", "demetr_dev",
        "wmt23_zhen_dev_en_pairs")
LOW_GRID = (0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6)
HIGH_GRID = (0.8, 0.9, 0.95, 0.98, 0.99, 1.01)  # 1.01: never downgrade
MAX_FAITHFUL_FALSE_ALARMS = 0.05
MODES = ("rules", "verifier", "check", "pairs", "combined")
# session 10: other uses of the same scores (storytrace.verifier.combiner explains the features)
NEW_MODES = ("contrast", "rules+contrast", "learned")
# session 12 (Config.verifier_severity): a finding's two sentences scored both ways (the lower score);
# "same-meaning": a medium finding at or above t is lowered to low (a high one only to medium, which
# still flags the pair); "same-meaning-any": high and medium alike are cleared at or above t
SEVERITY_MODES = ("same-meaning", "same-meaning-any")
SEVERITY_GRID = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98, 1.01)
ALL_MODES = MODES + NEW_MODES + SEVERITY_MODES
PROBABILITY_GRID = tuple(round(0.05 * k, 2) for k in range(1, 20))



def pairs_of(name: str, rows: list[dict]) -> list[tuple[str, str, str, bool, str]]:
    """(id, source, derived, consistent, kind) per pair; DEMETR gives two pairs per row."""
    out = []
    if name == "demetr_dev":
        seen = set()
        for r in rows:
            if not r.get("applied", True):
                continue
            key = (r["reference"], r["faithful"])
            if key not in seen:  # one faithful pair per source sentence
                seen.add(key)
                out.append((f"{r['id']}:faithful", r["reference"], r["faithful"], True, "faithful"))
            critical = r["perturbation"].startswith("critical")
            out.append((f"{r['id']}:perturbed", r["reference"], r["perturbed"], not critical,
                        "critical" if critical else "minor"))
        return out
    return [(str(r["id"]), r["source"], r["derived"], bool(r["consistent"]), "") for r in rows]


def balanced_accuracy(gold: list[bool], predicted: list[bool]) -> tuple[float, float, float]:
    """(balanced accuracy, share of inconsistent caught, false-alarm rate on consistent)."""
    pos = [p for g, p in zip(gold, predicted) if not g]
    neg = [p for g, p in zip(gold, predicted) if g]
    caught = sum(1 for p in pos if not p) / len(pos) if pos else 0.0
    alarms = sum(1 for p in neg if not p) / len(neg) if neg else 0.0
    return (caught + 1 - alarms) / 2, caught, alarms


def decide(item: dict, mode: str, t_low: float, t_high: float) -> bool:
    if mode == "contrast":
        return item["contrast"] >= t_low
    if mode == "rules+contrast":
        return not item["rule_flags"] and item["contrast"] >= t_low
    if mode == "learned":
        return item["p_consistent"] >= t_low
    if mode == "rules":
        return not item["rule_flags"]
    if mode == "verifier":
        return item["support"] >= t_low
    if mode in SEVERITY_MODES:
        cleared = ("medium",) if mode == "same-meaning" else ("medium", "high")
        return all(sev in cleared and same is not None and same >= t_high
                   for sev, same in zip(item["flag_severities"], item["flag_same"]))
    if mode == "pairs":
        return not item["rule_flags"] and item["support"] >= t_low
    kept = [s for s in item["flag_scores"] if s is None or s < t_high]
    if mode == "check":
        return not kept
    return not kept and item["support"] >= t_low


def score_set(items: list[dict], mode: str, t_low: float, t_high: float) -> dict:
    gold = [i["consistent"] for i in items]
    pred = [decide(i, mode, t_low, t_high) for i in items]
    ba, caught, alarms = balanced_accuracy(gold, pred)
    faithful = [p for i, p in zip(items, pred) if i["kind"] == "faithful"]
    critical = [p for i, p in zip(items, pred) if i["kind"] == "critical"]
    return {"ba": ba, "caught": caught, "alarms": alarms, "n": len(items),
            "faithful_alarms": (sum(1 for p in faithful if not p) / len(faithful)) if faithful else None,
            "critical_caught": (sum(1 for p in critical if not p) / len(critical)) if critical else None}


def run_part(comparer: Comparer, pairs: list[tuple]) -> tuple[list[dict], float]:
    inputs = [PairInput(pid, src, der) for pid, src, der, _, _ in pairs]
    t0 = time.process_time()
    results = {r.id: r for r in comparer.compare(inputs)}
    # each derived sentence against itself: the verifier's ceiling for that sentence (its length and
    # style offset), which the self-normalised support divides out
    sentences = {pid: [s.text for s in r.articles[f"{pid}:derived"].sentences] for pid, r in results.items()}
    selfs = comparer.verifier.score([(t, t) for texts in sentences.values() for t in texts])
    cpu = time.process_time() - t0
    selfs_of, k = {}, 0
    for pid, texts in sentences.items():
        selfs_of[pid], k = selfs[k:k + len(texts)], k + len(texts)
    from storytrace.findings.verify import same_meaning_scores

    t1 = time.process_time()
    same = {pid: same_meaning_scores(r.findings, comparer.verifier, ("high", "medium")) for pid, r in results.items()}
    cpu += time.process_time() - t1
    items = []
    for pid, src, der, consistent, kind in pairs:
        r = results[pid]
        flags = [k for k, f in enumerate(r.findings) if f.severity in ("high", "medium")]
        scores = r.finding_scores or [None] * len(r.findings)
        items.append({"id": pid, "consistent": consistent, "kind": kind, "support": r.support,
                      "rule_flags": flags, "flag_scores": [scores[k] for k in flags],
                      "flag_severities": [r.findings[k].severity for k in flags],
                      "flag_same": [same[pid][k] for k in flags],
                      "sentence_supports": r.sentence_supports, "sentence_selfs": selfs_of[pid],
                      "findings": [[f.severity, f.type, f.confidence, scores[k]] for k, f in enumerate(r.findings)],
                      "source_words": len(src.split()), "derived_words": len(der.split())})
    return items, cpu


def choose(tuning: dict[str, list[dict]], mode: str) -> tuple[float, float]:
    """Best mean balanced accuracy among thresholds whose DEMETR faithful false alarms are at most
    MAX_FAITHFUL_FALSE_ALARMS; where none is (rules alone may already be above it), the fewest
    faithful false alarms first (never a fixed fallback that raises them)."""
    best, best_key = (0.0, 1.01), None
    highs = HIGH_GRID if mode in ("combined", "check") else SEVERITY_GRID if mode in SEVERITY_MODES else (1.01,)
    lows = (0.0,) if mode in ("check",) + SEVERITY_MODES else LOW_GRID
    if mode in ("contrast", "rules+contrast"):  # a logit difference: candidates at every 5% of the tuning values
        values = sorted(i["contrast"] for items in tuning.values() for i in items)
        lows = (-1e9,) + tuple(values[int(k * (len(values) - 1) / 20)] for k in range(1, 20))
    if mode == "learned":
        lows = PROBABILITY_GRID
    for t_low in lows:
        for t_high in highs:
            scores = {name: score_set(items, mode, t_low, t_high) for name, items in tuning.items() if items}
            demetr = scores.get("demetr_dev")
            alarms = demetr["faithful_alarms"] if demetr and demetr["faithful_alarms"] is not None else 0.0
            ok = alarms <= MAX_FAITHFUL_FALSE_ALARMS
            key = (ok, 0.0 if ok else -alarms, sum(s["ba"] for s in scores.values()) / len(scores))
            if best_key is None or key > best_key:
                best, best_key = (t_low, t_high), key
    return best


def enrich(run: dict) -> None:
    """Per pair: the combiner's features and the self-normalised contrast (see verifier/combiner.py)."""
    from storytrace.verifier.combiner import FEATURES, pair_features

    for sets in run["parts"].values():
        for items in sets.values():
            for i in items:
                f = pair_features([x[0] for x in i["findings"]], [x[3] for x in i["findings"]],
                                  i["sentence_supports"] or [], i["sentence_selfs"], i["source_words"], i["derived_words"])
                i["features"] = f
                i["contrast"] = f[FEATURES.index("contrast")]


def fit_combiner(tuning: dict[str, list[dict]]):
    """Logistic regression on the held tuning half of every set jointly: each set weighs the same,
    and within a set each class weighs the same (balanced accuracy on every set is the target)."""
    from storytrace.verifier.combiner import fit

    rows, labels, weights = [], [], []
    for items in tuning.values():
        for label in (True, False):
            group = [i for i in items if i["consistent"] is label]
            for i in group:
                rows.append(i["features"])
                labels.append(label)
                weights.append(0.5 / len(group))
    return fit(rows, labels, weights)


def apply_combiner(run: dict, combiner) -> None:
    for sets in run["parts"].values():
        for items in sets.values():
            for i in items:
                i["p_consistent"] = combiner.probability(i["features"])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0, help="at most this many pairs per set and part")
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--parts", default="tune,confirm", help="score only these parts (e.g. two processes, one each)")
    ap.add_argument("--save", type=Path, help="also write the scored pairs and the measurements to this JSON file")
    ap.add_argument("--load", type=Path, nargs="+", help="score nothing: merge files written by --save and report")
    ap.add_argument("--save-combiner", type=Path, help="write the combiner fitted on the tuning parts (and its threshold) here")
    ap.add_argument("--load-runs", type=int, default=0,
                    help="only measure loading the verifier, plain torch against transformers, in N fresh processes each")
    ap.add_argument("--write", action="store_true", help="replace the section in bench/RESULTS.md")
    ap.add_argument("--weights", default="", help="verifier weights folder (default: the shipped ones)")
    args = ap.parse_args()
    if args.load_runs:
        print("\n".join(measure_loads(args.load_runs, args.weights)))
        return
    run = merge([json.loads(p.read_text(encoding="utf-8")) for p in args.load]) if args.load else score_all(args)
    if args.save:
        args.save.write_text(json.dumps(run), encoding="utf-8")
    if "tune" not in args.parts.split(",") and not args.load:
        return  # thresholds need the tuning part: report from the merged files
    enrich(run)
    combiner = fit_combiner(run["parts"]["tune"])
    apply_combiner(run, combiner)
    thresholds = {mode: choose(run["parts"]["tune"], mode) for mode in ALL_MODES}
    if args.save_combiner:
        from dataclasses import replace

        replace(combiner, threshold=thresholds["learned"][0]).save(args.save_combiner)
    lines = render(run, thresholds, args, combiner)
    print("\n".join(lines))
    if args.write:
        from results import replace_section

        heading = "## Sentence-pair verifier: rules, verifier, combined (bench_verifier.py)"
        replace_section(heading, heading + "\n\n" + "\n".join(lines) + "\n")


def score_all(args) -> dict:
    """Rules and verifier over the asked sets and parts, and the verifier's speed, load time, memory."""
    t0 = time.perf_counter()
    from storytrace.findings.verify import load_verifier

    load_verifier(args.weights, True)  # the recorded figures use bfloat16 where the CPU has it
    load_seconds = time.perf_counter() - t0
    # the verifier scores everything; thresholds that change nothing, so raw scores are kept
    verified = Comparer(Config(quiet=True, verifier_pairs=True, verifier_findings=True,
                               verifier_weights=args.weights, verifier_bf16=True, verifier_entailed_above=2.0,
                               verifier_unsupported_below=-1.0))
    parts: dict[str, dict[str, list[dict]]] = {"tune": {}, "confirm": {}}
    cpu_total, pair_total = 0.0, 0
    for name in args.sets.split(","):
        tune, confirm = split_rows(name, load_jsonl(BENCH_DIR / f"{name}.jsonl"))
        # the verifier trains on the other half of the tuning documents: scores there are inflated
        tune = [r for r in tune if held_for_thresholds(splits, name, r)]
        for part, rows in (("tune", tune), ("confirm", confirm)):
            if part not in args.parts.split(","):
                continue
            pairs = pairs_of(name, rows)
            if args.limit and len(pairs) > args.limit:
                step = len(pairs) / args.limit  # evenly spread, not the first documents only
                pairs = [pairs[int(k * step)] for k in range(args.limit)]
            items, cpu = run_part(verified, pairs)
            parts[part][name] = items
            cpu_total += cpu
            pair_total += len(pairs)
            print(f"{name} {part}: {len(pairs)} pairs, {cpu:.0f} CPU s", file=sys.stderr)
    # the verifier's own speed, on a fresh instance (its cache would flatter it): confirm pairs of Falke
    n, cpu = verifier_speed(args.weights)
    return {"parts": parts, "cpu_total": cpu_total, "pair_total": pair_total, "load_seconds": load_seconds,
            "speed_pairs": n, "speed_cpu": cpu, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


LOAD_PROBE = """
import sys, time, torch
t0, c0 = time.perf_counter(), time.process_time()
from storytrace.verifier import Verifier
v = Verifier(sys.argv[2] or None, loader=sys.argv[1])
v.score([("The council voted to close the bridge.", "The council decided to close the bridge.")])
print(time.perf_counter() - t0, time.process_time() - c0)
"""


def measure_loads(runs: int, weights: str) -> list[str]:
    """Seconds from a process with torch imported (as the pipeline has it) to the first scored pair,
    per loader, interleaved so both see the same machine."""
    import statistics
    import subprocess

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "OMP_NUM_THREADS": "1"}
    seen: dict[str, list[tuple[float, float]]] = {"auto": [], "transformers": []}
    for _ in range(runs):
        for loader in seen:
            out = subprocess.run([sys.executable, "-c", LOAD_PROBE, loader, weights], capture_output=True,
                                 text=True, check=True, env=env)
            wall, cpu = map(float, out.stdout.split())
            seen[loader].append((wall, cpu))
    lines = ["| loader | runs | median wall s | median CPU s | min CPU s |", "|---|---|---|---|---|"]
    for loader, times in seen.items():
        name = "plain torch (verifier/bert.py)" if loader == "auto" else "transformers from_pretrained (before)"
        lines.append(f"| {name} | {runs} | {statistics.median(w for w, _ in times):.2f} | "
                     f"{statistics.median(c for _, c in times):.2f} | {min(c for _, c in times):.2f} |")
    return lines


def merge(runs: list[dict]) -> dict:
    """One run from several (e.g. the tuning part and the confirm part scored in two processes)."""
    out = {"parts": {"tune": {}, "confirm": {}}, "cpu_total": 0.0, "pair_total": 0}
    for r in runs:
        for part, sets in r["parts"].items():
            out["parts"][part].update(sets)
        out["cpu_total"] += r["cpu_total"]
        out["pair_total"] += r["pair_total"]
    out["load_seconds"] = max(r["load_seconds"] for r in runs)
    out["speed_pairs"], out["speed_cpu"] = runs[0]["speed_pairs"], runs[0]["speed_cpu"]
    out["peak_mb"] = max(r["peak_mb"] for r in runs)
    return out


def verifier_speed(weights: str) -> tuple[int, float]:
    from storytrace.verifier import Verifier
    from storytrace.verifier.chunks import split_sentences

    rows = load_jsonl(BENCH_DIR / "falke_sentpairs_dev.jsonl")[:100]
    pairs = [(r["source"], s) for r in rows for s in split_sentences(r["derived"])]
    fresh = Verifier(weights or None)
    t0 = time.process_time()
    fresh.score(pairs)
    return len(pairs), time.process_time() - t0


def auc(items: list[dict], key: str = "support") -> float | None:
    """Threshold-free: the chance that a consistent pair gets a higher ``key`` than an inconsistent one."""
    pos = [i[key] for i in items if i["consistent"] and i[key] is not None]
    neg = [i[key] for i in items if not i["consistent"] and i[key] is not None]
    if not pos or not neg:
        return None
    return sum((p > n) + 0.5 * (p == n) for p in pos for n in neg) / (len(pos) * len(neg))


def render_new(run: dict, thresholds: dict, combiner) -> list[str]:
    """Session 10: the self-normalised contrast and the learned combiner beside rules alone."""
    from storytrace.verifier.combiner import FEATURES

    lines = ["", f"Session 10 uses: contrast t={thresholds['contrast'][0]:.3f}; rules+contrast t={thresholds['rules+contrast'][0]:.3f}; "
             f"learned P(consistent) >= {thresholds['learned'][0]}; combiner (standardised) weights "
             + ", ".join(f"{n} {w:+.2f}" for n, w in zip(FEATURES, combiner.weights)) + f", bias {combiner.bias:+.2f}", "",
             "| set | part | pairs | rules BA | verifier BA | contrast AUC | contrast BA | rules+contrast BA | learned AUC | learned BA | learned caught | learned false alarms |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for part in ("tune", "confirm"):
        for name, items in run["parts"][part].items():
            if not items:
                continue
            s = {mode: score_set(items, mode, *thresholds[mode]) for mode in ALL_MODES}
            c = s["learned"]
            lines.append(f"| {name} | {part} | {len(items)} | {s['rules']['ba']:.3f} | {s['verifier']['ba']:.3f} | "
                         f"{_f3(auc(items, 'contrast'))} | {s['contrast']['ba']:.3f} | {s['rules+contrast']['ba']:.3f} | "
                         f"{_f3(auc(items, 'p_consistent'))} | {c['ba']:.3f} | {c['caught']:.3f} | {c['alarms']:.3f} |")
    return lines


def render_severity(run: dict, thresholds: dict) -> list[str]:
    """Session 12: the second signal on severity (both-ways sentence scores) beside rules alone."""
    lines = ["", "Session 12, second signal on severity (a finding's two sentences, both ways): "
             + "; ".join(f"{m} t={thresholds[m][1]}" for m in SEVERITY_MODES), "",
             "| set | part | pairs | rules BA | rules false alarms | " + " | ".join(f"{m} BA | {m} false alarms" for m in SEVERITY_MODES) + " |",
             "|---|---|---|---|---|" + "---|---|" * len(SEVERITY_MODES)]
    for part in ("tune", "confirm"):
        for name, items in run["parts"][part].items():
            if not items or "flag_same" not in items[0]:
                continue
            s = {mode: score_set(items, mode, *thresholds[mode]) for mode in ("rules",) + SEVERITY_MODES}
            lines.append(f"| {name} | {part} | {len(items)} | " + " | ".join(f"{s[m]['ba']:.3f} | {s[m]['alarms']:.3f}" for m in ("rules",) + SEVERITY_MODES) + " |")
    return lines


def _f3(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def render(run: dict, thresholds: dict, args, combiner=None) -> list[str]:
    parts = run["parts"]
    cmd = "python bench/bench_verifier.py" + (f" --limit {args.limit}" if args.limit else "") + \
          (f" --sets {args.sets}" if args.sets != ",".join(SETS) else "")
    lines = [f"Command: `{cmd}` (confirm parts scored; thresholds chosen on tuning parts: "
             f"verifier t_low={thresholds['verifier'][0]}; check t_high={thresholds['check'][1]}; "
             f"pairs t_low={thresholds['pairs'][0]}; combined t_low={thresholds['combined'][0]}, "
             f"t_high={thresholds['combined'][1]})", "",
             "| set | part | pairs | verifier AUC | rules BA | verifier BA | check BA | pairs BA | combined BA | combined caught | combined false alarms |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for part in ("tune", "confirm"):
        for name, items in parts[part].items():
            if not items:
                continue
            s = {mode: score_set(items, mode, *thresholds[mode]) for mode in MODES}
            c = s["combined"]
            lines.append(f"| {name} | {part} | {len(items)} | {_f3(auc(items))} | " + " | ".join(f"{s[m]['ba']:.3f}" for m in MODES)
                         + f" | {c['caught']:.3f} | {c['alarms']:.3f} |")
    lines += render_new(run, thresholds, combiner)
    lines += render_severity(run, thresholds)
    lines += ["", "DEMETR: critical perturbations detected / false alarms on faithful translations",
              "", "| decision | part | critical detected | faithful false alarms |", "|---|---|---|---|"]
    for part in ("tune", "confirm"):
        items = parts[part].get("demetr_dev") or []
        for mode in ALL_MODES if items else ():
            s = score_set(items, mode, *thresholds[mode])
            lines.append(f"| {mode} | {part} | {_f3(s['critical_caught'])} | {_f3(s['faithful_alarms'])} |")
    lines += ["", f"Verifier speed: {run['speed_pairs'] / run['speed_cpu']:.1f} sentence pairs per CPU-second "
              f"({run['speed_pairs']} Falke pairs, {run['speed_cpu']:.1f} CPU s); model load {run['load_seconds']:.1f} s; "
              f"peak RSS of a scoring process {run['peak_mb']:.0f} MB; rules + verifier over {run['pair_total']} pairs: "
              f"{run['cpu_total']:.0f} CPU s."]
    return lines


if __name__ == "__main__":
    main()
