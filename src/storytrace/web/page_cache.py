"""Rendered pages kept per store version, so fifty readers of one long story cost one rendering.

The store's version is read from the file system: every commit changes the WAL file (or, after a
checkpoint, the database file), so (size, mtime) of both is a version that moves whenever the
data does, from this process or another (`analyze --db`). A page is built once per version: the
other requests for it wait for that build instead of repeating it. Bounded in entries and bytes,
least recently used first out.
"""
from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class CachedPage:
    status: int
    body: bytes
    media_type: str


def store_version(db_path: Path) -> tuple:
    parts = []
    for p in (db_path, db_path.with_name(db_path.name + "-wal")):
        try:
            st = os.stat(p)
            parts.append((st.st_size, st.st_mtime_ns, st.st_ino))
        except OSError:
            parts.append(None)
    return tuple(parts)


class PageCache:
    def __init__(self, db_path: Path, max_entries: int = 512, max_bytes: int = 64 * 1024 * 1024):
        self.db_path = Path(db_path)
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._pages: OrderedDict[str, tuple[tuple, CachedPage]] = OrderedDict()
        self._bytes = 0
        self._guard = threading.Lock()
        self._building: dict[str, threading.Lock] = {}

    def get(self, key: str, build: Callable[[], CachedPage]) -> CachedPage:
        version = store_version(self.db_path)
        hit = self._lookup(key, version)
        if hit is not None:
            return hit
        with self._guard:
            gate = self._building.setdefault(key, threading.Lock())
        with gate:  # one build per page; the others wait for it and then read it
            hit = self._lookup(key, version)
            if hit is not None:
                return hit
            page = build()
            if page.status == 200 and store_version(self.db_path) == version:  # not built across a change
                self._store(key, version, page)
            return page

    def _lookup(self, key: str, version: tuple) -> CachedPage | None:
        with self._guard:
            entry = self._pages.get(key)
            if entry is None or entry[0] != version:
                return None
            self._pages.move_to_end(key)
            return entry[1]

    def _store(self, key: str, version: tuple, page: CachedPage) -> None:
        if len(page.body) > self.max_bytes // 4:
            return
        with self._guard:
            old = self._pages.pop(key, None)
            if old is not None:
                self._bytes -= len(old[1].body)
            self._pages[key] = (version, page)
            self._bytes += len(page.body)
            while self._pages and (len(self._pages) > self.max_entries or self._bytes > self.max_bytes):
                _, (_, dropped) = self._pages.popitem(last=False)
                self._bytes -= len(dropped.body)
