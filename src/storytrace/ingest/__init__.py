"""Readers: turn files and folders into Articles (STUB: plain text only until the ingest work lands)."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from storytrace.model import Article, InputError


def article_from_text(text: str, id: str = "", **meta) -> Article:
    import hashlib

    article_id = id or "text-" + hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:10]
    lines = text.strip().splitlines()
    return Article(id=article_id, source_path="", original_text=text, title=meta.pop("title", lines[0] if lines else ""), **meta)


def read_paths(paths: Iterable[str | Path], max_bytes: int = 50 * 1024 * 1024) -> Iterator[Article | InputError]:
    for p in paths:
        p = Path(p)
        files = sorted(x for x in p.rglob("*") if x.is_file()) if p.is_dir() else [p]
        for f in files:
            try:
                text = f.read_text("utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                yield InputError(str(f), str(exc))
                continue
            a = article_from_text(text, id=f.stem)
            a.source_path = str(f)
            yield a
