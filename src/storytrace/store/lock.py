"""One writer per store: a lock file beside it, held from reading the inputs to writing the reports.

Two `analyze --db` runs on one store used to interleave: both recomputed each other's blocks and
the first wrote its report from a state the second then changed. With the lock the second run
waits (saying so once), then finds the first run's articles and blocks stored and redoes nothing
of them; each run's reports are written from the store as its own run left it. The web app's
additions take the same lock. The lock is an advisory ``flock`` on ``STORE.lock``: released by the
kernel when the process ends, even by SIGKILL, so a killed run never leaves the store locked.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

_held: dict[str, tuple[int, int]] = {}  # resolved lock path -> (fd, depth): re-entrant within a process
_guard = threading.Lock()


def lock_path(db_path: str | Path) -> Path:
    p = Path(db_path)
    return p.with_name(p.name + ".lock")


@contextmanager
def store_lock(db_path: str | Path, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the store's lock; if another process holds it, call ``on_wait`` once and wait for it."""
    import fcntl

    from storytrace.store.errors import as_store_error

    path = lock_path(db_path)
    key = str(path.resolve())
    with _guard:
        if key in _held:
            fd, depth = _held[key]
            _held[key] = (fd, depth + 1)
            reentered = True
        else:
            reentered = False
    if not reentered:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:  # a read-only folder: no writer can work here anyway
            raise as_store_error(db_path, exc) from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip() or "another process"
            if on_wait:
                on_wait(f"waiting for another storytrace run on {db_path} (pid {holder}) to finish")
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        with _guard:
            _held[key] = (fd, 1)
    try:
        yield
    finally:
        with _guard:
            fd, depth = _held[key]
            if depth > 1:
                _held[key] = (fd, depth - 1)
            else:
                del _held[key]
                os.close(fd)  # closing the descriptor releases the flock
