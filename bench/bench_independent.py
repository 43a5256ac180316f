"""Findings between independent reports of one event: ECB+ (../shared/benchmarks/ecbplus_clusters_dev.jsonl).

    .venv/bin/python bench/bench_independent.py                   # both parts
    .venv/bin/python bench/bench_independent.py --part tune --show  # medium/high findings of the TUNING part
    .venv/bin/python bench/bench_independent.py --part tune --dump /tmp/x.jsonl  # the same, as lines to judge

Each ECB+ ``cluster`` is one event reported by different outlets (with a few wire copies among
them). Each cluster is analysed as one story, given, not clustered (this measures lineage and
findings, not story grouping): the articles are cleaned and extracted as in a run, aligned pair by pair, then lineage and findings as in ``storytrace analyze``.

Nothing here has an answer key: most pairs are independent reports, whose details legitimately differ
(another angle, another day's figures), so a medium or high finding between them is worth a look
only where it is a real disagreement about one fact. Figures per part of splits.py (cut by topic):
lineage edges by relation, medium and high findings per 1,000 words, findings by type and severity.
Precision is hand-judged on the tuning part only (``--show``/``--dump``), recorded in bench/RESULTS.md.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from splits import BENCH_DIR, CONFIRM, TUNE, row_part  # noqa: E402

DATASET = "ecbplus_clusters_dev"
RELATIONS = ("verbatim_copy", "translation", "summary", "rewrite", "shared_source", "independent")


@dataclass
class Tally:
    clusters: int = 0
    articles: int = 0
    words: int = 0
    relations: Counter = field(default_factory=Counter)
    severities: Counter = field(default_factory=Counter)
    types: Counter = field(default_factory=Counter)
    # medium/high findings on edges the lineage called derived vs the story-wide/independent rest
    on_derived_edge: int = 0


def analyse(articles: list, pipeline, story_id: str):
    from storytrace.align import align_story
    from storytrace.findings import detect_findings
    from storytrace.lineage import infer_lineage
    from storytrace.model import Story

    story = Story(id=story_id, title=story_id, article_ids=[a.id for a in articles])
    story.alignments = align_story(articles, pipeline.embedder)
    story.lineage = infer_lineage(articles, story.alignments)
    by_id = {a.id: a for a in articles}
    story.findings = detect_findings(story, by_id, pipeline.config, encoder=pipeline.embedder)
    return story, by_id


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--part", choices=[TUNE, CONFIRM], default=None)
    ap.add_argument("--show", action="store_true", help="print medium/high findings of the tuning part")
    ap.add_argument("--dump", default=None, help="write medium/high findings of the tuning part as jsonl")
    ap.add_argument("--limit", type=int, default=None, help="first N clusters only")
    args = ap.parse_args()

    from bench_stories import DATA, LABELS, load_rows
    from storytrace.ingest.jsonl import article_from_object
    from storytrace.config import Config
    from storytrace.pipeline import Pipeline

    pipeline = Pipeline(Config(quiet=True))
    rows = load_rows(DATA)
    # Cleaned and extracted here, not from bench_stories' cache: that cache is keyed by the rows and the
    # codec, not by the cleaning and extraction code this bench measures.
    rows = [r for r in rows if not args.part or row_part(DATASET, r) == args.part]
    articles = []
    for r in rows:
        a, problems = article_from_object({k: v for k, v in r.items() if k not in LABELS}, str(DATA), r["id"])
        assert a is not None, problems
        articles.append(a)
    articles = [a for s in range(0, len(articles), 64) for a in pipeline.prepare_many(articles[s : s + 64])]
    by_cluster: dict[str, list] = defaultdict(list)
    part: dict[str, str] = {}
    for r, a in zip(rows, articles):
        by_cluster[r["cluster"]].append(a)
        part[r["cluster"]] = row_part(DATASET, r)
    tallies = {TUNE: Tally(), CONFIRM: Tally()}
    dump = open(args.dump, "w", encoding="utf-8") if args.dump else None
    t0 = time.perf_counter()
    clusters = sorted(by_cluster)[: args.limit or None]
    for cluster in clusters:
        p = part[cluster]
        members = by_cluster[cluster]
        if (args.part and p != args.part) or len(members) < 2:
            continue
        story, by_id = analyse(members, pipeline, cluster)
        t = tallies[p]
        t.clusters += 1
        t.articles += len(members)
        t.words += sum(a.word_count for a in members)
        t.relations.update(e.relation for e in story.lineage)
        derived_pairs = {(e.source, e.derived) for e in story.lineage if e.relation in RELATIONS[:4]}
        for f in story.findings:
            t.severities[f.severity] += 1
            if f.severity == "low":
                continue
            t.types[(f.type, f.severity)] += 1
            t.on_derived_edge += (f.source_article, f.article) in derived_pairs
            if p != TUNE:
                continue
            edge = next((e.relation for e in story.lineage if {e.source, e.derived} == {f.source_article, f.article}), "-")
            if args.show:
                print(f"[{cluster}] {f.severity} {f.type} {f.derived_value!r} <- {f.source_value!r} "
                      f"({f.article} vs {f.source_article}, edge {edge})")
                print(f"    claim:  {f.claim[:220]}")
                print(f"    source: {(f.source_text or '')[:220]}")
                print(f"    why:    {f.explanation[:220]}")
            if dump:
                dump.write(json.dumps({"cluster": cluster, "severity": f.severity, "type": f.type, "edge": edge,
                                       "article": f.article, "source_article": f.source_article,
                                       "derived_value": f.derived_value, "source_value": f.source_value,
                                       "claim": f.claim, "source_text": f.source_text,
                                       "explanation": f.explanation}, ensure_ascii=False) + "\n")
    if dump:
        dump.close()
    elapsed = time.perf_counter() - t0
    print(report(tallies, elapsed, args))


def report(tallies: dict[str, Tally], elapsed: float, args) -> str:
    cmd = "bench/bench_independent.py" + (f" --part {args.part}" if args.part else "") + (
        f" --limit {args.limit}" if args.limit else "")
    lines = [f"`{cmd}`: each ECB+ cluster analysed as one given story, {elapsed:.0f} s.", "",
             "| part | clusters | articles | words | edges " + " ".join(f"{r} /" for r in RELATIONS).rstrip(" /")
             + " | high | medium | low | high per 1,000 words | medium per 1,000 words | medium/high on derived edges |",
             "|---|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|"]
    for name in (TUNE, CONFIRM):
        t = tallies[name]
        if not t.clusters:
            continue
        rel = " / ".join(str(t.relations[r]) for r in RELATIONS)
        w = max(1, t.words)
        lines.append(f"| {name} | {t.clusters} | {t.articles} | {t.words} | {rel} | {t.severities['high']} | "
                     f"{t.severities['medium']} | {t.severities['low']} | {1000 * t.severities['high'] / w:.2f} | "
                     f"{1000 * t.severities['medium'] / w:.2f} | {t.on_derived_edge} |")
    lines.append("")
    for name in (TUNE, CONFIRM):
        t = tallies[name]
        if t.clusters:
            kinds = ", ".join(f"{k[0]}/{k[1]} {n}" for k, n in sorted(t.types.items()))
            lines.append(f"{name}: medium/high findings by type: {kinds or 'none'}")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
