"""Readers: turn files, folders and raw texts into Articles, with one InputError per problem.

Formats: .txt/.md (YAML front matter, title line), .html/.htm (trafilatura), .json/.jsonl,
.warc(.gz), RSS/Atom (.rss/.atom/.xml); any of them gzip-compressed (.gz, inflated size capped).
Folders are walked recursively in sorted order; unknown and hidden files in a folder are skipped,
but a file named explicitly is read as text when its format is unknown.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from storytrace.ingest.errors import InputProblem
from storytrace.ingest.ids import IdRegistry
from storytrace.model import Article, InputError

__all__ = ["read_paths", "read_file", "read_story_text", "article_from_text", "IdRegistry", "InputProblem", "DEFAULT_MAX_BYTES"]

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


def article_from_text(text: str, id: str = "", **meta: Any) -> Article:
    """An Article from a raw text, read like a .txt file (front matter, title line); ``meta`` overrides fields.

    Without an id, the id is a hash of the text, so the same text always gets the same id.
    """
    from storytrace.ingest.decode import normalize_newlines
    from storytrace.ingest.text import parse_text_document

    text = normalize_newlines(text)
    article_id = id or "text-" + hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:10]
    source_path = str(meta.pop("source_path", ""))
    article, warnings = parse_text_document(text, article_id, source_path, **meta)
    if id:
        article.id = id
    if not article.original_text.strip():  # a one-line text: keep it as the body rather than lose it
        article.original_text = text.strip()
    article.warnings.extend(w.problem for w in warnings)
    return article


def _read_one(path: Path, explicit: bool, max_bytes: int) -> Iterator[Article | InputError]:
    from storytrace.ingest import feeds, files, html, jsonl, text, warc
    from storytrace.ingest.decode import decode_bytes

    kind, compressed = files.format_of(path)
    data = files.read_capped(path, max_bytes)
    if compressed:
        data = files.gunzip_capped(data, max_bytes)
    label, stem = str(path), files.article_stem(path)
    if kind is None and not explicit:
        return
    if kind == "warc":
        yield from warc.read_warc(label, data, stem, max_bytes)
        return
    if kind == "feed":
        yield from feeds.read_feed(label, data, stem)
        return
    decoded = decode_bytes(data, html=(kind == "html"))
    if decoded.guessed:
        yield InputError(label, f"not UTF-8; decoded as {decoded.encoding} (guessed)", fatal=False)
    reader = {"html": html.read_html, "json": jsonl.read_json, "jsonl": jsonl.read_jsonl}.get(kind or "", text.read_text)
    yield from reader(label, decoded.text, stem)


def read_file(
    path: Path, max_bytes: int = DEFAULT_MAX_BYTES, ids: IdRegistry | None = None, explicit: bool = True
) -> Iterator[Article | InputError]:
    """Articles and problems from one file; never raises."""
    ids = ids if ids is not None else IdRegistry()
    try:
        for item in _read_one(path, explicit, max_bytes):
            if isinstance(item, Article):
                renamed = ids.assign(item)
                if renamed:
                    yield renamed
            yield item
    except InputProblem as problem:
        yield InputError(str(path), str(problem))
    except Exception as exc:  # a library choking on hostile input: one line, never a traceback
        yield InputError(str(path), f"could not read ({type(exc).__name__}: {str(exc)[:200]})")


def read_story_text(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The one story a file holds, read as ``analyze`` reads it, as a text to compare: its headline
    and body, without the page around it (an HTML page's menus and comments, a text file's byline
    and date stamp), so one article saved as .txt, .md or .html reads the same. A headline that
    only names the text by its first sentence is not said twice. Raises InputProblem."""
    articles = []
    for item in read_file(path, max_bytes):
        if isinstance(item, Article):
            articles.append(item)
        elif item.fatal:
            raise InputProblem(item.problem)
    if len(articles) != 1:
        raise InputProblem(f"holds {len(articles)} articles; compare reads one story per file "
                           "(use analyze for a collection)" if articles else "no article text")
    return story_text(articles[0])


def story_text(article: Article) -> str:
    """An article's headline and body as one text (the headline only when the body does not say it)."""
    title = (article.title or "").strip()
    if title and title not in article.original_text:
        return f"{title}\n\n{article.original_text}"
    return article.original_text


def read_paths(
    paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES, ids: IdRegistry | None = None,
    follow_links: bool = False,
) -> Iterator[Article | InputError]:
    """Articles from files and folders (recursive, sorted), and one InputError per problem.

    Pass the same ``ids`` across calls to keep ids unique over several inputs. A link in a folder
    to a file outside that folder is skipped with a warning unless ``follow_links``.
    """
    from storytrace.ingest.files import iter_input_files

    ids = ids if ids is not None else IdRegistry()
    for p in paths:
        root = Path(p)
        if not root.exists() and not root.is_symlink():
            yield InputError(str(root), "no such file or folder")
            continue
        for entry in iter_input_files(root, follow_links):
            if isinstance(entry, InputError):
                yield entry
                continue
            path, explicit = entry
            yield from read_file(path, max_bytes, ids, explicit)
