"""Ingest, cleaning and language-identification throughput on generated articles.

    .venv/bin/python bench/bench_ingest.py [--articles 1000] [--write bench/RESULTS.md]

Writes N Markdown files with front matter and web debris, N/10 HTML pages and one JSON lines file
of N rows into a temporary folder, then times each stage separately on one core:
read (read_paths), clean (debris removal + offset map) and language (identify + tag lines).
Times are CPU seconds of this process (time.process_time), so other load on a shared machine
inflates them less than wall-clock time would.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

WORDS = (
    "the minister said on monday that talks on trade tariffs and the cheese quota would resume in brussels "
    "after negotiators from both governments agreed new instructions for the final round of the deal covering "
    "cars farm goods and services worth billions a year according to officials familiar with the matter"
).split()
DEBRIS = ["Advertisement", "Share this article", "Photo: Reuters", "Source: Eurostat", "Comments (12)",
          "Topics: Trade, Japan", "Sign up for our newsletter"]


def paragraph(rng: random.Random) -> str:
    sentences = []
    for _ in range(rng.randint(2, 4)):
        words = [rng.choice(WORDS) for _ in range(rng.randint(12, 28))]
        if rng.random() < 0.2:
            words[3] = f"[{words[3]}](#)"
        if rng.random() < 0.2:
            words[5] = "\\$42.7bn"
        sentences.append(" ".join(words).capitalize() + ".")
    return " ".join(sentences)


def article_body(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(6, 12)):
        parts.append(paragraph(rng))
        if rng.random() < 0.3:
            parts.append(rng.choice(DEBRIS))
    return "\n\n".join(parts)


def generate(folder: Path, n: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    words = 0
    for i in range(n):
        body = article_body(rng)
        words += len(body.split())
        (folder / f"a{i:05d}.md").write_text(
            f"---\noutlet: Outlet {i % 13}\npublished: 2024-03-{1 + i % 28:02d}\n---\n# Headline number {i}\n\n{body}\n"
        )
    for i in range(n // 10):
        body = article_body(rng)
        words += len(body.split())
        paras = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
        (folder / f"h{i:05d}.html").write_text(
            f"<html><head><title>Page {i}</title></head><body><nav>Home | World</nav><article><h1>Page {i}</h1>"
            f"{paras}</article><footer>Copyright</footer></body></html>"
        )
    with open(folder / "rows.jsonl", "w") as f:
        for i in range(n):
            body = article_body(rng)
            words += len(body.split())
            f.write(json.dumps({"id": f"row{i}", "text": body, "title": f"Row {i}", "published": "2024-03-11"}) + "\n")
    return words


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--write", type=Path, help="append the figures to this Markdown file")
    args = ap.parse_args()
    from storytrace.ingest import read_paths
    from storytrace.ingest.clean import clean_text, find_removals
    from storytrace.model import Article
    from storytrace.nlp.language import annotate_language, identify_language

    folder = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    try:
        words = generate(folder, args.articles)
        megabytes = sum(p.stat().st_size for p in folder.iterdir()) / 1e6

        t0 = time.process_time()
        items = list(read_paths([folder]))
        t_read = time.process_time() - t0
        articles = [a for a in items if isinstance(a, Article)]
        assert len(articles) == args.articles * 2 + args.articles // 10, len(articles)

        t0 = time.process_time()
        removals = 0
        for a in articles:
            r = find_removals(a.original_text)
            a.text, a.offset_map = clean_text(a.original_text, r)
            a.removals = r
            removals += len(r)
        t_clean = time.process_time() - t0

        t0 = time.process_time()
        identify_language("warm up the model")
        t_load = time.process_time() - t0
        t0 = time.process_time()
        for a in articles:
            annotate_language(a)
        t_lang = time.process_time() - t0
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    n = len(articles)
    rows = [
        ("read (md + html + jsonl)", t_read, n / t_read, words / t_read),
        ("clean (debris + offset map)", t_clean, n / t_clean, words / t_clean),
        ("language (article + lines)", t_lang, n / t_lang, words / t_lang),
    ]
    lines = [
        f"{n} articles, {words:,} words, {megabytes:.1f} MB on disk, {removals} removals; "
        f"py3langid model load {t_load:.2f} s; peak RSS {peak_mb:.0f} MB",
        "",
        "| stage | CPU seconds | articles/s | words/s |",
        "|---|---:|---:|---:|",
        *(f"| {name} | {secs:.2f} | {aps:,.0f} | {wps:,.0f} |" for name, secs, aps, wps in rows),
    ]
    print("\n".join(lines))
    if args.write:
        command = f".venv/bin/python bench/bench_ingest.py --articles {args.articles} --write {args.write}"
        section = (
            "\n## Ingest, cleaning and language identification\n\n"
            f"Command: `{command}` (one process, one core, CPU time; measured on a shared, loaded 2-core "
            "machine, so treat figures as lower bounds).\n\n" + "\n".join(lines) + "\n"
        )
        with open(args.write, "a") as f:
            f.write(section)


if __name__ == "__main__":
    sys.exit(main())
