"""The streaming run: articles flow into the store one transaction each; stories come from signatures.

Memory holds one batch of articles, the signature table (~1 KB per article) and one block at a
time, never the corpus. Steps:
1. read -> skip articles already analysed with the same content hash -> clean + extract in
   batches -> save each article (rows, blob, signature) in one transaction;
2. block the whole store's signatures (LSH band join + connected components);
3. for each block: if its fingerprint (members and their content hashes, settings) is stored,
   keep its stories as they are; else reload its articles from their blobs, analyse it, and save
   its stories and record in one transaction;
4. drop stories and records no block produced.
A killed run loses at most the article or block in flight; the next run picks up from there.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from storytrace.model import Article, InputError
from storytrace.outputs.store import Store, content_hash
from storytrace.scale import store_ext
from storytrace.scale.analysis import analyze_block, prefetch_embeddings
from storytrace.scale.blocking import block_corpus
from storytrace.scale.incremental import block_fingerprint
from storytrace.scale.signature import signatures_for


@dataclass
class StoreRun:
    """What one run did (the CLI prints it; tests check it)."""

    db_path: Path
    articles_read: int = 0
    articles_extracted: int = 0
    articles_skipped: int = 0  # already in the store with the same content hash
    articles_removed: int = 0
    blocks: int = 0
    blocks_recomputed: int = 0
    stories_removed: int = 0
    candidate_pairs: int = 0
    errors: list[InputError] = field(default_factory=list)


def _batches(items: Iterable[Article | InputError], size: int, run: StoreRun) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        if isinstance(item, InputError):
            run.errors.append(item)
            continue
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run_into_store(pipeline, inputs, db_path: str | Path, *, keep_others: bool = False, progress=None) -> StoreRun:
    from storytrace.pipeline import STREAM_BATCH

    run = StoreRun(Path(db_path))
    with Store(db_path) as store:
        store_ext.ensure_schema(store)
        known = store_ext.analysed_hashes(store)
        seen: set[str] = set()
        task = progress.add_task("extract", total=None) if progress else None
        for batch in _batches(pipeline.read(inputs), STREAM_BATCH, run):
            todo = []
            for article in batch:
                run.articles_read += 1
                seen.add(article.id)
                if known.get(article.id) == content_hash(article):
                    run.articles_skipped += 1
                else:
                    todo.append(article)
            for done in pipeline.prepare_many(todo):
                if isinstance(done, InputError):
                    run.errors.append(done)
                    continue
                store_ext.save_analysed_article(store, done, signatures_for([done])[0])
                run.articles_extracted += 1
            if progress:
                progress.advance(task, len(batch))
        if not keep_others:
            gone = sorted(set(store_ext.analysed_hashes(store)) - seen)
            store_ext.delete_articles(store, gone)
            run.articles_removed = len(gone)
        _analyse_blocks(pipeline, store, run, progress)
        store_ext.save_errors(store, run.errors)
    return run


def _analyse_blocks(pipeline, store: Store, run: StoreRun, progress) -> None:
    table = store_ext.load_signature_table(store)
    result = block_corpus(table)
    del table
    run.blocks, run.candidate_pairs = len(result.blocks), result.candidate_pairs
    hashes = store_ext.analysed_hashes(store)
    fingerprints = [block_fingerprint([(i, hashes[i]) for i in block], pipeline.config) for block in result.blocks]
    keep_stories: set[str] = set()
    todo: list[int] = []
    for n, fp in enumerate(fingerprints):
        kept = store_ext.block_story_ids(store, fp)
        if kept is None:
            todo.append(n)
        else:
            keep_stories.update(kept)
    taken = set(keep_stories)
    task = progress.add_task("stories", total=len(todo)) if progress else None
    for group in _groups(todo, result.blocks):
        loaded = [store_ext.load_articles(store, result.blocks[n]) for n in group]
        prefetch_embeddings(loaded, pipeline.embedder)
        for n, articles in zip(group, loaded):
            block = result.blocks[n]
            previous = store_ext.current_story_of(store, block)
            stories = analyze_block(articles, pipeline.embedder, pipeline.config, previous=previous, taken=taken)
            store_ext.save_block(store, fingerprints[n], stories, {a.id: a for a in articles})
            keep_stories.update(s.id for s in stories)
            run.blocks_recomputed += 1
            if progress:
                progress.advance(task)
    run.stories_removed = store_ext.remove_stale(store, set(fingerprints), keep_stories)


def _groups(todo: list[int], blocks: list[list[str]], max_articles: int = 200) -> Iterator[list[int]]:
    """Consecutive blocks with up to ``max_articles`` articles together (loaded and prefetched as one)."""
    group: list[int] = []
    size = 0
    for n in todo:
        group.append(n)
        size += len(blocks[n])
        if size >= max_articles:
            yield group
            group, size = [], 0
    if group:
        yield group
