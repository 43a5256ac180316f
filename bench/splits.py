"""Tuning and confirm parts of every development set, cut by document hash.

Work is tuned by looking at rows of the tuning part only; the confirm part is scored, never read row
by row. Every row of one document (one news article, one source sentence with all its perturbations,
one ECB+ topic with both its look-alike events) falls into the same part, so nothing learnt from a
tuning row can leak into the confirm part through another row of the same document.

    from splits import part, split_rows
    tune, confirm = split_rows("falke_sentpairs_dev", rows)
"""
from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path

TUNE, CONFIRM = "tune", "confirm"

# The dev sets live beside the repository (../shared/benchmarks), never inside it; a git worktree
# elsewhere finds them at the workplace's fixed path. STORYTRACE_BENCHMARKS overrides both.
BENCH_DIR = Path(os.environ.get("STORYTRACE_BENCHMARKS", Path(__file__).resolve().parents[2] / "shared" / "benchmarks"))
if not BENCH_DIR.exists():
    BENCH_DIR = Path("/work/shared/benchmarks")


def load_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _source(row: dict) -> str:
    return row["source"]


# What "one document" is in each set (see ../shared/benchmarks/README.md).
DOCUMENT_KEY: dict[str, Callable[[dict], str]] = {
    "summedits_news_dev": _source,                       # the news article
    "demetr_dev": lambda r: r["reference"].strip(),      # one source sentence, all 12 perturbations
    "falke_sentpairs_dev": lambda r: r["article_id"],    # the CNN/DM article
    "xsum_hallucinations_dev": lambda r: str(r["bbcid"]),  # the BBC article, all 5 systems
    "wmt23_zhen_dev": lambda r: r["doc"],                # the chinanews document, all systems
    "wmt23_zhen_dev_en_pairs": lambda r: r["doc"],       # same documents as wmt23_zhen_dev
    "ecbplus_clusters_dev": lambda r: str(r["topic"]),   # a topic holds both look-alike events
}


def part(document_key: str) -> str:
    """TUNE or CONFIRM, about half each, fixed for a document whatever else is in the file."""
    digest = hashlib.sha256(document_key.encode("utf-8")).digest()
    return TUNE if digest[0] % 2 == 0 else CONFIRM


def row_part(dataset: str, row: dict) -> str:
    return part(DOCUMENT_KEY[dataset](row))


def split_rows(dataset: str, rows: Iterable[dict]) -> tuple[list[dict], list[dict]]:
    """(tuning rows, confirm rows) of ``dataset`` (a file name without .jsonl)."""
    tune: list[dict] = []
    confirm: list[dict] = []
    for row in rows:
        (tune if row_part(dataset, row) == TUNE else confirm).append(row)
    return tune, confirm
