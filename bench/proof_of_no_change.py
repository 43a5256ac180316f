"""Proof that a refactoring changed no result: the same outputs before and after, byte for byte.

    # outputs of one checkout (its src/ on PYTHONPATH) into a folder
    .venv/bin/python bench/proof_of_no_change.py snapshot --src /path/to/checkout/src --out /tmp/before
    .venv/bin/python bench/proof_of_no_change.py snapshot --out /tmp/after        # this checkout
    .venv/bin/python bench/proof_of_no_change.py diff /tmp/before /tmp/after
    # a change that only adds fields: the files differ, and do not once those fields are taken out
    .venv/bin/python bench/proof_of_no_change.py diff /tmp/before /tmp/after --added signals,lacks,severity_reason

A snapshot holds report.json of `storytrace analyze examples/` and the output of
`storytrace compare --pairs` on every pair-shaped dev set of ../shared/benchmarks (SummEdits,
DEMETR perturbed and faithful translations, Falke, XSum, WMT23 English pairs), all through the
command line, so every layer a user meets is covered. Only ids and texts reach the command;
nothing here reads labels. ``--limit N`` keeps the first N pairs of each set (a quick check).
"""
from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from splits import BENCH_DIR, load_jsonl  # noqa: E402


def _pairs_of(dataset: str, rows: list[dict]) -> list[dict]:
    if dataset == "demetr_dev":  # reference against the perturbed and (once) the faithful translation
        out, seen = [], set()
        for r in rows:
            out.append({"id": f"{r['id']}|perturbed", "source": r["reference"], "derived": r["perturbed"]})
            if (r["reference"], r["faithful"]) not in seen:
                seen.add((r["reference"], r["faithful"]))
                out.append({"id": f"{r['id']}|faithful", "source": r["reference"], "derived": r["faithful"]})
        return out
    return [{"id": r["id"], "source": r["source"], "derived": r["derived"]} for r in rows]


PAIR_SETS = ("summedits_news_dev", "demetr_dev", "falke_sentpairs_dev", "xsum_hallucinations_dev",
             "wmt23_zhen_dev_en_pairs")


def _run(args: list[str], src: Path) -> float:
    env = dict(os.environ, PYTHONPATH=str(src), OMP_NUM_THREADS="1", HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "storytrace.cli", *args], env=env, check=False,
                   stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def snapshot(src: Path, out: Path, limit: int | None) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        seconds = _run(["analyze", str(ROOT / "examples" / "corpus"), "--out", tmp, "-q"], src)
        report = Path(tmp) / "report.json"
        (out / "examples_report.json").write_bytes(report.read_bytes() if report.exists() else b"(missing)\n")
        print(f"analyze examples/corpus: {seconds:.1f} s", flush=True)
        for dataset in PAIR_SETS:
            pairs = _pairs_of(dataset, load_jsonl(BENCH_DIR / f"{dataset}.jsonl"))[:limit]
            path = Path(tmp) / f"{dataset}.pairs.jsonl"
            path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in pairs), encoding="utf-8")
            seconds = _run(["compare", "--pairs", str(path), "--out", str(out / f"{dataset}.compare.jsonl"), "-q"], src)
            print(f"compare {dataset} ({len(pairs)} pairs): {seconds:.1f} s", flush=True)


_CHECKOUT_PATH = re.compile(r'"source_path": "[^"]*?/examples/corpus/')


def _normalised(path: Path) -> bytes:
    """The snapshot's bytes with each checkout's own folder taken out of report.json's source paths
    (a snapshot of /work/main and one of another worktree name their own examples/ folder)."""
    data = path.read_bytes()
    if path.name == "examples_report.json":
        data = _CHECKOUT_PATH.sub('"source_path": "examples/corpus/', data.decode("utf-8")).encode("utf-8")
    return data


def _without(value, fields: frozenset[str]):
    if isinstance(value, dict):
        return {k: _without(v, fields) for k, v in value.items() if k not in fields}
    if isinstance(value, list):
        return [_without(v, fields) for v in value]
    return value


def _fields_taken_out(data: bytes, name: str, fields: frozenset[str]) -> bytes:
    """The snapshot file with every key named in ``fields`` removed from every JSON object, in its
    own key order (report.json is one document, a compare output one document a line)."""
    text = data.decode("utf-8")
    docs = [json.loads(text)] if name.endswith(".json") else [json.loads(line) for line in text.splitlines()]
    return "\n".join(json.dumps(_without(d, fields), ensure_ascii=False, indent=1 if name.endswith(".json") else None)
                     for d in docs).encode("utf-8")


def diff(before: Path, after: Path, added: frozenset[str] = frozenset()) -> int:
    """``added``: fields the change under test adds. A file that differs is then compared once more
    without them in either snapshot: equal means the new fields are the only difference."""
    names = sorted({p.name for p in before.iterdir()} | {p.name for p in after.iterdir()})
    changed = only_added = 0
    for name in names:
        a, b = before / name, after / name
        if not a.exists() or not b.exists():
            print(f"{name}: only in {'after' if not a.exists() else 'before'}")
            changed += 1
            continue
        if _normalised(a) == _normalised(b):
            print(f"{name}: identical ({len(a.read_bytes().splitlines())} lines)")
            continue
        if added and _fields_taken_out(_normalised(a), name, added) == _fields_taken_out(_normalised(b), name, added):
            text = _normalised(b).decode()
            counts = ", ".join(f"{f} x{text.count(chr(34) + f + chr(34) + ':')}" for f in sorted(added))
            print(f"{name}: differs only by the added fields ({counts})")
            only_added += 1
            continue
        changed += 1
        lines = list(difflib.unified_diff(_normalised(a).decode().splitlines(), _normalised(b).decode().splitlines(),
                                          lineterm="", n=0))
        print(f"{name}: DIFFERS ({len(lines)} diff lines); first ones:")
        for line in lines[:12]:
            print("   ", line[:240])
    if changed:
        print(f"{changed} file(s) differ")
    else:
        print(f"no change other than the added fields, in {only_added} file(s)" if only_added else "no change")
    return 1 if changed else 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    snap = sub.add_parser("snapshot", help="write the outputs of one checkout into a folder")
    snap.add_argument("--src", type=Path, default=ROOT / "src", help="the checkout's src folder")
    snap.add_argument("--out", type=Path, required=True)
    snap.add_argument("--limit", type=int, default=None, help="first N pairs of each set only")
    d = sub.add_parser("diff", help="compare two snapshots; exit status 1 when they differ")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    d.add_argument("--added", default="", help="comma-separated fields the change adds: a difference in them only is no change")
    args = ap.parse_args()
    if args.command == "snapshot":
        snapshot(args.src, args.out, args.limit)
    else:
        sys.exit(diff(args.before, args.after, frozenset(f for f in args.added.split(",") if f)))


if __name__ == "__main__":
    main()
