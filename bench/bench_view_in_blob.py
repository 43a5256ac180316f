"""What carrying the token view in the article's blob costs and saves (issue 16.2).

- size: the article blobs of examples/corpus and of the 6-version story (bench_story.py), packed with
  and without their views (this checkout), and the store file `storytrace analyze` writes for them,
  this checkout against another (``--before``);
- saving: an incremental run (`analyze --db`) that adds one version to a stored 5-version story:
  before, the 5 stored members were parsed again for the findings; now their views come from the store.
  CPU (user+sys) of that second run, both checkouts interleaved, each a fresh process.

    .venv/bin/python bench/bench_view_in_blob.py --before OTHER_CHECKOUT/src [--runs 3]
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
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


def run(cmd: list[str], src: Path) -> float:
    env = {**os.environ, "PYTHONPATH": str(src), "OMP_NUM_THREADS": "1", "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def blob_sizes(folders: dict[str, Path]) -> list[tuple[str, int, int, int]]:
    """(corpus, articles, bytes without views, bytes with views), this checkout, in this process."""
    sys.path.insert(0, str(ROOT / "src"))
    from storytrace.config import Config
    from storytrace.model import Article
    from storytrace.pipeline import Pipeline
    from storytrace.store import codec

    engine = Pipeline(Config(quiet=True))
    rows = []
    for label, folder in folders.items():
        articles = [a for a in engine.read([folder]) if isinstance(a, Article)]
        done = [a for a in engine.prepare_many(articles) if isinstance(a, Article)]
        plain = sum(len(codec.pack(codec.article_to_dict(a))) for a in done)
        rows.append((label, len(done), plain, sum(len(codec.pack_article(a)) for a in done)))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--before", type=Path, required=True, metavar="SRC")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    checkouts = {"before": args.before, "after": ROOT / "src"}
    cli = [sys.executable, "-m", "storytrace.cli", "analyze"]
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        story = tmp / "story"
        story.mkdir()
        write_corpus(story, build_versions())
        folders = {"examples/corpus": ROOT / "examples" / "corpus", "6-version story": story}
        sizes = blob_sizes(folders)
        stores = {}
        for name, src in checkouts.items():
            for label, folder in folders.items():
                out = tmp / f"store-{name}-{label[:3]}"
                run(cli + [str(folder), "--out", str(out), "--quiet"], src)
                stores[(name, label)] = (out / "storytrace.db").stat().st_size
        first, last = tmp / "five", tmp / "sixth"
        first.mkdir()
        last.mkdir()
        files = sorted(story.iterdir())
        for f in files[:-1]:
            shutil.copy(f, first / f.name)
        shutil.copy(files[-1], last / files[-1].name)
        cpu: dict[str, list[float]] = {}
        for k in range(args.runs):
            for name, src in checkouts.items():
                out = tmp / f"incr-{name}-{k}"
                run(cli + [str(first), "--out", str(out), "--quiet"], src)
                cpu.setdefault(name, []).append(
                    run(cli + ["--db", str(out / "storytrace.db"), str(last), "--out", str(tmp / f"r-{name}-{k}"), "--quiet"], src))
    load = os.getloadavg()[0]
    print("## Token views in the article blobs, session 10 (bench_view_in_blob.py, issue 16.2)\n")
    print(f"Command: `.venv/bin/python bench/bench_view_in_blob.py --before {args.before} --runs {args.runs}` "
          f"({time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load average {load:.1f})\n")
    print("| corpus | articles | blob bytes without views | with views | growth |")
    print("|---|---|---|---|---|")
    for label, n, plain, viewed in sizes:
        print(f"| {label} | {n} | {plain:,} | {viewed:,} | +{100 * (viewed - plain) / plain:.0f}% |")
    print("\n| corpus | store file before | after | growth |")
    print("|---|---|---|---|")
    for label in folders:
        b, a = stores[("before", label)], stores[("after", label)]
        print(f"| {label} | {b:,} | {a:,} | {100 * (a - b) / b:+.0f}% |")
    print("\n`analyze --db` adding the sixth version to a stored 5-version story (CPU s of that run, median of "
          f"{args.runs}, interleaved):\n")
    print("| checkout | CPU s | runs |")
    print("|---|---|---|")
    for name, values in cpu.items():
        print(f"| {name} | {statistics.median(values):.2f} | {', '.join(f'{v:.2f}' for v in values)} |")


if __name__ == "__main__":
    main()
