"""Block analysis, in this process or in worker processes: extract the pending members, then analyse.

The runner hands out groups of blocks; each group is one task, so spaCy and MiniLM see a few
hundred articles at a time (batching is where their speed comes from). A worker opens the store
read-only (SQLite in WAL mode lets it read while the parent writes) and returns the stories and
the articles it extracted; only the parent writes. Story ids come out as if ``taken`` were empty:
the parent checks them against the ids the run has handed out and recomputes the rare block
whose inherited id is already taken, so the result is the same whatever the number of workers.

Workers are replaced by fresh ones after ``GROUPS_PER_WORKER`` groups each. Their caches are
bounded, but spaCy's vocabulary keeps every new string it meets and the heap fragments, so a worker
that ran for hours on 100,000 articles grew to twice its starting size. A new pool costs a few
seconds of model loading every ~20 minutes and changes no result (embeddings and parses do not
depend on a cache). A new pool, not ``max_tasks_per_child``: on Python 3.11 to 3.13 that option can
leave queued tasks waiting forever once a worker retires (cpython gh-115634).
"""
from __future__ import annotations

import multiprocessing
import os
import sqlite3
from concurrent.futures import ProcessPoolExecutor
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from dataclasses import dataclass, field, fields
from pathlib import Path

from storytrace.config import Config
from storytrace.model import Article, InputError, Story


@dataclass
class BlockTask:
    n: int  # the block's index in the run
    members: list[str]
    previous: dict[str, str]  # member -> story it is in now (new stories inherit ids from these)


@dataclass
class BlockResult:
    n: int
    stories: list[Story]
    extracted: list[Article]  # members that were pending and are extracted now
    errors: list[InputError] = field(default_factory=list)
    worker_pid: int = 0  # the process that analysed the block (tests check workers are replaced)


GROUPS_PER_WORKER = 20  # ~4,000 articles, ~20 minutes of one core


def extract_pending(extractor, articles: list[Article]) -> dict[str, InputError]:
    """Extract in place, in one batch; if the batch fails, one article at a time (one bad article costs itself).

    Returns the articles that failed (article id -> error); they keep what was extracted and a warning.
    """
    if not articles:
        return {}
    try:
        if len(list(extractor.process_many(articles))) == len(articles):
            return {}
    except Exception:  # noqa: BLE001 - fall back to one at a time below
        pass
    errors = {}
    for article in articles:
        try:
            extractor.process(article)
        except Exception as exc:  # noqa: BLE001
            article.warnings.append(f"extraction failed: {type(exc).__name__}: {exc}")
            errors[article.id] = InputError(article.source_path or article.id,
                                            f"could not analyse article {article.id}: {type(exc).__name__}: {exc}")
    return errors


def analyse_group(models, load: Callable[[list[str]], list[Article]], pending_of: Callable[[list[str]], set[str]],
                  tasks: list[BlockTask]) -> list[BlockResult]:
    """Analyse a group of blocks with ``models`` (a LoadedModels: extractor, embedder, config)."""
    from storytrace.scale.analysis import analyze_block, prefetch_embeddings

    loaded = [load(t.members) for t in tasks]
    pending = pending_of([i for t in tasks for i in t.members])
    todo = [a for block in loaded for a in block if a.id in pending]
    errors = extract_pending(models.extractor, todo)
    prefetch_embeddings(loaded, models.embedder)
    results = []
    for task, articles in zip(tasks, loaded):
        stories = analyze_block(articles, models.embedder, models.config, previous=task.previous, taken=set())
        results.append(BlockResult(
            task.n, stories, [a for a in articles if a.id in pending], [errors[a.id] for a in articles if a.id in errors],
            os.getpid(),
        ))
    return results


# -- worker processes ---------------------------------------------------------------------------------
_WORKER: dict[str, object] = {}


def _init_worker(config_fields: dict, db_path: str) -> None:
    from storytrace.loaded_models import LoadedModels
    from storytrace.scale import store_ext

    config_fields = {**config_fields, "torch_threads": 1}  # one core per worker: the pool is the parallelism
    conn = sqlite3.connect(f"file:{Path(db_path).resolve()}?mode=ro", uri=True)
    _WORKER["models"] = LoadedModels(Config(**config_fields))
    _WORKER["load"] = lambda ids: store_ext.load_articles_from(conn, ids)
    _WORKER["pending_of"] = lambda ids: store_ext.pending_among(conn, ids)


def _run_in_worker(tasks: list[BlockTask]) -> list[BlockResult]:
    return analyse_group(_WORKER["models"], _WORKER["load"], _WORKER["pending_of"], tasks)


def analyse_groups(models, store, db_path: Path, groups: Iterable[list[BlockTask]], workers: int) -> Iterator[list[BlockResult]]:
    """Results of each group, in the order given: in this process (workers <= 1) or in a pool."""
    from storytrace.scale import store_ext

    if workers <= 1:
        for tasks in groups:
            yield analyse_group(models, lambda ids: store_ext.load_articles(store, ids),
                                lambda ids: store_ext.pending_among(store.conn, ids), tasks)
        return
    config_fields = {f.name: getattr(models.config, f.name) for f in fields(models.config)}
    # spawn, not fork: the parent may hold torch/BLAS threads, and forking those can deadlock.
    # A process pool executor, not multiprocessing.Pool: if a worker dies (killed for memory, say)
    # the run stops with BrokenProcessPool instead of waiting forever; what was saved stays saved.
    groups = iter(groups)
    while generation := list(islice(groups, workers * GROUPS_PER_WORKER)):
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                 initializer=_init_worker, initargs=(config_fields, str(db_path))) as pool:
            yield from pool.map(_run_in_worker, generation)
