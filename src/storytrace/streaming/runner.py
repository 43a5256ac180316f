"""The streaming run: articles flow into the store one transaction each; stories come from signatures.

Memory holds one batch of articles, the signature table (~1 KB per article) and one group of
blocks at a time, never the corpus. Steps:
1. read -> skip articles already stored with the same content hash -> clean -> save each article
   (rows, blob, signature, pending mark) in one transaction; no spaCy yet, so this pass is cheap;
2. block the whole store's signatures (LSH band join + connected components);
3. for each block: if its fingerprint (members and their content hashes, settings) is stored,
   keep its stories as they are; else extract its pending members and analyse it (in this
   process or in ``workers`` processes), and save its stories, record and extracted members in
   one transaction;
4. drop stories and records no block produced.
With ``fast``, a block of one article whose article is still pending is not extracted: it is
stored as a one-article story (no internal-contradiction check) and is extracted later if a new
article joins it. A killed run loses at most the article or block in flight.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

from storytrace.ingest.ids import collision_note, derived_id
from storytrace.model import Article, InputError, Story
from storytrace.nlp.parsed import keep_view
from storytrace.pipeline import analyze_block
from storytrace.progress import progress_bar
from storytrace.similarity.docvec import remember
from storytrace.store import corrections, stream_tables
from storytrace.store.database import Store, content_hash
from storytrace.store.lock import store_lock
from storytrace.stories.blocking import block_corpus
from storytrace.stories.build import single_story
from storytrace.stories.ids import assign_story_ids, block_fingerprint
from storytrace.stories.signature import signatures_for, to_bytes
from storytrace.streaming.reading import SignedBatch, clean_and_sign, release_reading_models, same_in_any_process
from storytrace.streaming.workers import (
    BlockResult,
    BlockTask,
    WorkerPool,
    analyse_groups,
)

# Articles read, cleaned and signed per transaction batch (no spaCy in this pass; see step 1).
STREAM_BATCH = 64
# Batches read and handed out but not yet saved (memory: ~64 articles each, ~2.5 MB).
MAX_BATCHES_IN_FLIGHT = 8
# A worker process loads its own spaCy and MiniLM (about 7 CPU-s), the cost of analysing some 30 to 45
# articles (0.15-0.22 CPU-s each, bench/RESULTS.md); below this many articles per worker, fewer workers
# (down to this process alone) finish with less CPU and about the same wall time.
MIN_ARTICLES_PER_WORKER = 25
# With several workers, once this many articles per worker are read and still to analyse, the workers
# are started and load their models while this process goes on reading alone (fewer may turn out
# to need extraction: --fast leaves lone articles, which are most of a corpus, unextracted).
WARM_AFTER_ARTICLES_PER_WORKER = 4 * MIN_ARTICLES_PER_WORKER


@dataclass
class StoreRun:
    """What one run did (the CLI prints it; tests check it)."""

    db_path: Path
    articles_read: int = 0
    articles_extracted: int = 0
    articles_skipped: int = 0  # already in the store with the same content hash
    articles_deferred: int = 0  # --fast: alone in their block, stored unextracted
    articles_removed: int = 0
    blocks: int = 0
    blocks_recomputed: int = 0
    stories_removed: int = 0
    candidate_pairs: int = 0
    errors: list[InputError] = field(default_factory=list)


def _batches(items: Iterable[Article | InputError], size: int) -> Iterator[tuple[list[InputError], list[Article]]]:
    """(input errors met while filling it, batch): the errors go into the run in the order read."""
    batch: list[Article] = []
    errors: list[InputError] = []
    for item in items:
        if isinstance(item, InputError):
            errors.append(item)
            continue
        batch.append(item)
        if len(batch) >= size:
            yield errors, batch
            batch, errors = [], []
    if batch or errors:
        yield errors, batch


def run_into_store(pipeline, inputs, db_path: str | Path, *, keep_others: bool = False,
                   workers: int = 1, fast: bool = False, replace: bool = False) -> StoreRun:
    """Stream ``inputs`` into the SQLite store at ``db_path`` and analyse there, with ``pipeline``'s models.

    ``keep_others``: keep stored articles that are not among the inputs (``analyze --db``: an
    incremental run); otherwise the store ends up holding exactly the inputs.
    ``workers``: processes that extract and analyse blocks (each loads its own models, ~1 GB).
    ``fast``: do not extract articles that share a block with no other article.
    ``replace``: with ``keep_others``, a different text under a stored id replaces the stored
    article; otherwise it is kept beside it under an id of its own.
    """
    with progress_bar(pipeline.config.quiet) as progress:
        return _run(pipeline, inputs, Path(db_path), keep_others=keep_others, progress=progress,
                    workers=workers, fast=fast, replace=replace)


def _run(pipeline, inputs, db_path: Path, *, keep_others: bool, progress, workers: int, fast: bool,
         replace: bool) -> StoreRun:
    run = StoreRun(db_path)
    with store_lock(db_path, on_wait=_say), Store(db_path) as store:
        stream_tables.ensure_schema(store)
        pool = WorkerPool(pipeline.config, db_path, workers) if workers > 1 else None
        try:
            _read_and_analyse(pipeline, inputs, store, run, pool, keep_others=keep_others, progress=progress,
                              workers=workers, fast=fast, replace=replace)
        except BaseException:
            if pool is not None:
                pool.close(wait_for_running=False)
            raise
    return run


def _read_and_analyse(pipeline, inputs, store: Store, run: StoreRun, pool: WorkerPool | None, *,
                      keep_others: bool, progress, workers: int, fast: bool, replace: bool) -> None:
    known = stream_tables.analysed_hashes(store)
    fixes = corrections.corrections_of(store.conn)  # a person's metadata corrections win over what is read
    seen: set[str] = set()
    new_articles = 0  # read, cleaned and saved in this run (to be analysed)
    task = progress.add_task("read", total=None) if progress else None
    encoder = pipeline.config.document_encoder
    # Once the workers are started, they clean and sign batches too (reading.clean_and_sign), so both
    # cores work through step 1; this process reads, hands out and saves, in input order.
    share = pool is not None and same_in_any_process(encoder, pipeline.config.torch_threads)
    in_flight: deque[tuple[list[InputError], int, SignedBatch | Future]] = deque()

    def save_first() -> None:
        nonlocal new_articles
        read_errors, size, signed = in_flight.popleft()
        from_worker = isinstance(signed, Future)
        if from_worker:
            signed = signed.result()
        run.errors.extend(read_errors)
        run.errors.extend(signed.errors)
        for article, signature, vector in zip(signed.articles, signed.signatures, signed.vectors):
            stream_tables.save_cleaned_article(store, article, signature, vector)
            if from_worker and vector is not None:  # as if signed here: this process's cache holds it too
                remember(vector.encoder, vector.text_key, vector.vector)
        new_articles += len(signed.articles)
        if pool is not None and not pool.warmed and new_articles >= WARM_AFTER_ARTICLES_PER_WORKER * workers:
            pool.warm()
        if progress:
            progress.advance(task, size)

    for read_errors, batch in _batches(pipeline.read(inputs), STREAM_BATCH):
        if fixes:  # _same_text reads what earlier batches saved
            while in_flight:
                save_first()
        fresh = []
        for article in batch:
            run.articles_read += 1
            fix = fixes.get(article.id)
            if fix and _same_text(store, article):
                # the stored article, corrected (maybe anew): it replaces the stored one, silently
                corrections.apply_correction(article, fix)
            else:
                if keep_others:
                    _settle_collision(article, known, seen, replace, run)
                if article.id in fixes:  # a new text under a corrected id keeps the correction only if it keeps the id
                    corrections.apply_correction(article, fixes[article.id])
            seen.add(article.id)
            if known.get(article.id) == content_hash(article):
                run.articles_skipped += 1
                continue
            fresh.append(article)
        slot = pool.reader(fresh) if share and pool.warmed and fresh else None
        in_flight.append((read_errors, len(batch), slot.read(fresh, encoder) if slot else clean_and_sign(fresh, encoder)))
        while in_flight and (len(in_flight) > MAX_BATCHES_IN_FLIGHT or _ready(in_flight[0][2])):
            save_first()
    while in_flight:
        save_first()
    if not keep_others:
        gone = sorted(set(stream_tables.analysed_hashes(store)) - seen)
        stream_tables.delete_articles(store, gone)
        run.articles_removed = len(gone)
    if pool is not None and pool.warmed:
        _release_reading_models()
        pool.release_reading_models()
    _analyse_blocks(pipeline, store, run, progress, workers=workers, fast=fast,
                    pool=pool if pool is not None and pool.warmed else None)
    stream_tables.save_errors(store, run.errors)


def _ready(signed: SignedBatch | Future) -> bool:
    return not isinstance(signed, Future) or signed.done()


def _release_reading_models() -> None:
    """With workers, this process only blocks, collects and saves from here on, while the workers are
    at their largest: the models it read and signed with go (reading.release_reading_models)."""
    release_reading_models()


def _same_text(store: Store, article: Article) -> bool:
    row = store.conn.execute("SELECT original_text FROM articles WHERE id = ?", (article.id,)).fetchone()
    return row is not None and row[0] == article.original_text


def _say(message: str) -> None:
    import sys

    print(message, file=sys.stderr)


def _settle_collision(article: Article, known: dict[str, str], seen: set[str], replace: bool, run: StoreRun) -> None:
    """A different text arriving under a stored id (a daily feed's ``feed-1``, a second ``index.txt``)
    must not replace the stored article silently: it gets an id of its own unless ``replace`` says so."""
    stored = known.get(article.id)
    if stored is None or stored == content_hash(article):
        return
    if replace:
        run.errors.append(collision_note(article, article.id, replaced=True))
        return
    wanted, base = article.id, derived_id(article)
    article.id, n = base, 2
    while article.id in seen or known.get(article.id, content_hash(article)) != content_hash(article):
        article.id, n = f"{base}-{n}", n + 1
    if known.get(article.id) != content_hash(article):  # already stored under its own id: nothing new to say
        run.errors.append(collision_note(article, wanted, replaced=False))

def _upgrade_signatures(pipeline, store: Store, table) -> None:
    """Signatures stored before names/figures and document vectors were part of them get them now
    (an incremental run on an older store): otherwise its articles could only meet by MinHash."""
    if not pipeline.config.document_encoder or pipeline.config.document_encoder == "lead-sentences":
        return
    old = [table.ids[i] for i in range(len(table)) if not len(table.terms[i]) and not len(table._vectors[i])]
    for start in range(0, len(old), 256):
        articles = stream_tables.load_articles(store, old[start : start + 256])
        sigs = signatures_for(articles, pipeline.config.document_encoder)
        with store.conn:
            for s in sigs:
                store.conn.execute("UPDATE _st_signatures SET data = ? WHERE article_id = ?", (to_bytes(s), s.id))
        table.add(sigs)


def _analyse_blocks(pipeline, store: Store, run: StoreRun, progress, *, workers: int, fast: bool,
                    pool: WorkerPool | None = None) -> None:
    """``pool``: workers already started (they analyse every group, however few)."""
    table = stream_tables.load_signature_table(store)
    _upgrade_signatures(pipeline, store, table)
    result = block_corpus(table)
    del table
    blocks = result.blocks
    run.blocks, run.candidate_pairs = len(blocks), result.candidate_pairs
    hashes = stream_tables.analysed_hashes(store)
    # A fast run's unextracted lone article gets its own fingerprint, so a later full run redoes it.
    deferred = (
        {n for n, b in enumerate(blocks) if len(b) == 1 and stream_tables.pending_among(store.conn, b)} if fast else set()
    )
    fingerprints = [
        block_fingerprint([(i, hashes[i]) for i in block], pipeline.config, deferred=n in deferred)
        for n, block in enumerate(blocks)
    ]
    keep_stories: set[str] = set()
    todo: list[int] = []
    for n, fp in enumerate(fingerprints):
        kept = stream_tables.block_story_ids(store, fp)
        if kept is None:
            todo.append(n)
        else:
            keep_stories.update(kept)
    taken = set(keep_stories)
    task = progress.add_task("stories", total=len(todo)) if progress else None

    def save(n: int, stories: list[Story], articles: dict[str, Article], extracted: list[Article]) -> None:
        stream_tables.save_block(store, fingerprints[n], stories, articles, extracted)
        keep_stories.update(s.id for s in stories)
        run.blocks_recomputed += 1
        if progress:
            progress.advance(task)

    def save_deferred() -> None:
        for n in (n for n in todo if n in deferred):
            article = stream_tables.load_articles(store, blocks[n])[0]
            stories = single_story(article)
            assign_story_ids(stories, stream_tables.current_story_of(store, blocks[n]), taken)
            save(n, stories, {article.id: article}, [])
            run.articles_deferred += 1

    def block_tasks() -> list[BlockTask]:
        return [BlockTask(n, blocks[n], stream_tables.current_story_of(store, blocks[n])) for n in todo if n not in deferred]

    # The lone articles' one-article stories are saved before any analysed block, as ever. When no
    # member of a block to analyse is in a stored story (a new store), saving them cannot change what
    # those blocks inherit, so the workers start on the groups while this process saves them.
    tasks = block_tasks()
    meanwhile = None
    if any(t.previous for t in tasks):
        save_deferred()
        tasks = block_tasks()
    else:
        meanwhile = save_deferred
    workers = len(pool.slots) if pool is not None else useful_workers(workers, sum(len(t.members) for t in tasks))
    for results in analyse_groups(pipeline, store, run.db_path, _groups(tasks, workers=workers), workers, pool=pool,
                                  meanwhile=meanwhile):
        for r in results:
            run.articles_extracted += len(r.extracted)
            run.errors.extend(r.errors)
            for a in r.extracted:
                if a.id in r.views:
                    keep_view(a, r.views[a.id])  # saved in its blob (store/codec.py); read by _redo
            stories = r.stories if not any(s.id in taken for s in r.stories) else _redo(pipeline, store, r, tasks, taken)
            taken.update(s.id for s in stories)
            articles = {a.id: a for a in r.extracted}
            articles.update((a.id, a) for a in stream_tables.load_articles(store, [i for i in blocks[r.n] if i not in articles]))
            save(r.n, stories, articles, r.extracted)
        results = r = stories = articles = None  # this group's results go before the trim
        _trim_heap()
    run.stories_removed = stream_tables.remove_stale(store, set(fingerprints), keep_stories)


def _trim_heap() -> bool:
    """Hand the pages a saved group left free back to the system (glibc's malloc_trim; no collection:
    a group's results are freed by their reference counts). A group's results arrive unpickled at once
    (its extracted articles, stories and views: ~0.2 GB for a block of 1,600 articles at 100,000), and
    the heap kept those pages mapped: the parent stayed ~200 MB larger for the rest of the run while
    the workers were at their largest. Changes no data; False where it cannot be done (no ctypes, no
    glibc: musl, macOS, Windows), never an error: the run goes on untrimmed."""
    try:
        import ctypes

        trim = ctypes.CDLL("libc.so.6").malloc_trim
        trim.argtypes, trim.restype = [ctypes.c_size_t], ctypes.c_int
        trim(0)
    except (ImportError, OSError, AttributeError):
        return False
    return True


def useful_workers(asked: int, articles: int) -> int:
    """As many of the ``asked`` workers as have ``MIN_ARTICLES_PER_WORKER`` articles each (1: this process)."""
    return max(1, min(asked, articles // MIN_ARTICLES_PER_WORKER))


def _redo(pipeline, store: Store, result: BlockResult, tasks: list[BlockTask], taken: set[str]) -> list[Story]:
    """Analyse a block again here with the run's taken ids (its inherited id went to an earlier block)."""
    task = next(t for t in tasks if t.n == result.n)
    fresh = {a.id: a for a in result.extracted}
    articles = [fresh.get(a.id, a) for a in stream_tables.load_articles(store, task.members)]
    return analyze_block(articles, pipeline, previous=task.previous, taken=set(taken), forget=False)


def _groups(tasks: list[BlockTask], max_articles: int = 200, workers: int = 1,
            min_articles: int = 20) -> list[list[BlockTask]]:
    """Consecutive blocks with up to ``max_articles`` articles together (extracted and prefetched as one).

    With several workers the groups taper off (guided self-scheduling): each holds at most a
    ``2 * workers``-th of the articles still to come, so the run ends with small groups that keep
    every core busy instead of one full group running alone while the other workers wait.
    ``min_articles`` keeps the tail groups large enough for spaCy and MiniLM to batch.
    """
    remaining = sum(len(t.members) for t in tasks)
    groups: list[list[BlockTask]] = [[]]
    size = 0
    for t in tasks:
        if size == 0:  # a new group: how large it may grow
            share = -(-remaining // (2 * workers))  # ceiling division
            limit = max_articles if workers <= 1 else min(max_articles, max(min_articles, share))
        groups[-1].append(t)
        size += len(t.members)
        remaining -= len(t.members)
        if size >= limit:
            groups.append([])
            size = 0
    return [g for g in groups if g]
