"""The verifier as the second signal on severity (Config.verifier_severity, issue 17.3), on the WMT23
zh-en versions of bench_translations.py: how high precision moves with the threshold.

    .venv/bin/python bench/bench_verifier_severity.py --weights old=/tmp/old new=src/storytrace/verifier/weights
    .venv/bin/python bench/bench_verifier_severity.py --limit 4 --weights shipped=src/storytrace/verifier/weights

Each document's versions are analysed once with the rules (as bench_translations.py does); then each
weights folder scores the two sentences of every high finding both ways (the lower of the two:
``findings.verify.same_meaning_scores``), and for each threshold the findings at or above it are
lowered to medium and scored as bench_translations.py scores them. Lowering a high finding to medium
changes neither high+medium precision nor recall; only high precision and the count of highs move.
The threshold is chosen on the TUNING part (the highest strict high precision; on a tie the higher
threshold, which lowers fewer findings); the confirm part is only scored.
"""
from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from bench_translations import Tally, analyse, load_versions, ratio, score  # noqa: E402
from splits import CONFIRM, TUNE  # noqa: E402

GRID = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98, 1.01)  # 1.01: never lowers (rules alone)


def lowered(findings, scores, threshold: float):
    """Copies of the findings, high ones at or above ``threshold`` lowered to medium."""
    return [replace(f, severity="medium") if s is not None and s >= threshold else f for f, s in zip(findings, scores)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--weights", nargs="+", required=True, help="LABEL=FOLDER of verifier weights")
    ap.add_argument("--limit", type=int, default=None, help="first N documents only")
    args = ap.parse_args()
    from storytrace.config import Config
    from storytrace.findings.verify import same_meaning_scores
    from storytrace.pipeline import Pipeline
    from storytrace.verifier import Verifier

    pipeline = Pipeline(Config(quiet=True))
    docs, part = load_versions(args.limit)
    t0 = time.perf_counter()
    stories = [(doc, *analyse(versions, pipeline), versions) for doc, versions in docs.items()]
    print(f"{len(stories)} documents analysed in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    lines = [f"`python bench/bench_verifier_severity.py{f' --limit {args.limit}' if args.limit else ''}` "
             f"({len(stories)} documents; weights {', '.join(args.weights)})", "",
             "| weights | threshold | part | highs | high precision strict | high precision either side | high+medium precision strict | highs lowered (right / wrong, strict) |",
             "|---|---:|---|---:|---:|---:|---:|---:|"]
    for spec in args.weights:
        label, _, folder = spec.partition("=")
        verifier = Verifier(folder)
        c0 = time.process_time()
        scores = {doc: same_meaning_scores(story.findings, verifier, ("high",)) for doc, story, _, _ in stories}
        cpu = time.process_time() - c0
        pairs = sum(2 * sum(s is not None for s in v) for v in scores.values())
        print(f"{label}: {pairs} sentence pairs scored in {cpu:.1f} CPU s", file=sys.stderr)
        results = {}
        for threshold in GRID:
            tallies = {TUNE: Tally(), CONFIRM: Tally()}
            for doc, story, by_id, versions in stories:
                findings = lowered(story.findings, scores[doc], threshold)
                score(replace(story, findings=findings), by_id, versions, tallies[part[doc]], False)
            results[threshold] = tallies
        never = results[1.01]
        for threshold in GRID:
            for name in (TUNE, CONFIRM):
                t, n = results[threshold][name], never[name]
                right, wrong = n.high_right - t.high_right, (n.high - n.high_right) - (t.high - t.high_right)
                lines.append(f"| {label} | {threshold} | {name} | {t.high} | {ratio(t.high_right, t.high)} | "
                             f"{ratio(t.high_right_either, t.high)} | {ratio(t.hm_right, t.hm)} | {right} / {wrong} |")
        tune = {t: results[t][TUNE] for t in GRID}
        best = max(GRID, key=lambda t: ((tune[t].high_right / tune[t].high) if tune[t].high else 0.0, t))
        c = results[best][CONFIRM]
        lines.append(f"| {label} | chosen on tune: {best} | confirm | {c.high} | {ratio(c.high_right, c.high)} | "
                     f"{ratio(c.high_right_either, c.high)} | {ratio(c.hm_right, c.hm)} | rules alone: "
                     f"{ratio(never[CONFIRM].high_right, never[CONFIRM].high)} |")
        print(f"{label}: {pairs} sentence pairs, {cpu:.1f} CPU s ({pairs / max(cpu, 1e-9):.0f} pairs per CPU-second)", file=sys.stderr)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
