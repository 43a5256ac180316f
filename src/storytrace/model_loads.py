"""Model loads without the cycle collector: a process that runs storytrace alone (the CLI, a worker)
pauses it while spaCy or the sentence encoder loads, then freezes what is alive.

Importing torch and transformers and building the models creates some 400,000 long-lived objects,
and each full collection walks every one of them: in `analyze` of a 6-version story, four full
collections while MiniLM loads took 0.45 of 10 CPU-s, and every later one walked the models again
(0.2 CPU-s a time in a worker). Frozen objects (gc.freeze) are left out of later collections;
objects freed by their reference count still go at once. Collection changes no result.

The same process then builds many long-lived containers and few reference cycles (token views, parses,
alignments): with the default young-generation threshold (700 allocations) `analyze` of 24 ECB+ articles ran
1,167 collections, 7 of them full, 0.46 CPU-s in all (the floor's passes over the same text: 0.09). So
``enable()`` also raises that threshold to ``YOUNG_THRESHOLD`` (75 collections, none full: 0.25 CPU-s).
Garbage in cycles waits a little longer (at most that many more objects); nothing else changes.

Off unless ``enable()`` was called: a program that imports storytrace as a library keeps its own
collector settings, and only a process that exits when the run ends (or a worker, which lives as
long as its models) freezes.
"""
from __future__ import annotations

import gc
import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_enabled = False
YOUNG_THRESHOLD = 10_000  # allocations between two young-generation collections (CPython's default: 700)


def enable() -> None:
    global _enabled
    _enabled = True
    collect_young_less_often()


def collect_young_less_often() -> None:
    """Raise the young-generation threshold to ``YOUNG_THRESHOLD`` (the CLI through ``enable``; a
    spawned worker, which starts with CPython's 700, calls it alone: it keeps the collector running
    while it loads, see streaming/workers.py). A caller's 0 (no collection) or larger value stays."""
    young, *older = gc.get_threshold()
    if 0 < young < YOUNG_THRESHOLD:  # 0: collection turned off by the caller; larger: the caller's choice
        gc.set_threshold(YOUNG_THRESHOLD, *older)


@contextmanager
def loading() -> Iterator[None]:
    """Around a model load: no collection during it, and everything alive frozen after it."""
    if not _enabled:
        yield
        return
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
        gc.freeze()


def enabled() -> bool:
    return _enabled


def exit_without_teardown(code: object) -> None:
    """End a CLI process that ``enable()``d (analyze, compare: models loaded) at once with ``code``,
    without tearing its heap down object by object: interpreter shutdown (modules cleared, every
    object of spaCy, torch, the parses and the store freed one by one, a last full collection)
    cost ~0.35 CPU-s at the end of `analyze` of 24 articles, memory the OS takes back anyway.
    The atexit handlers still run first (logging, multiprocessing, temporary folders) and the
    standard streams are flushed; the run's files and store are already closed when the command
    returns. Returns (normal exit) when it is not such a process, when the code is not a number,
    when another non-daemon thread still runs, under a profiler or tracer (cProfile, coverage
    write their data at shutdown), or when a stream cannot be flushed (Python reports that)."""
    if not _enabled or not (code is None or isinstance(code, int)):
        return
    if sys.getprofile() is not None or sys.gettrace() is not None:
        return
    if any(t is not threading.main_thread() and not t.daemon for t in threading.enumerate()):
        return
    import atexit

    atexit._run_exitfuncs()
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):
        return
    os._exit(code or 0)
