"""WARC crawls: every HTTP response record with an HTML page becomes an article."""
from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from typing import Any

from storytrace.ingest.decode import decode_bytes
from storytrace.ingest.errors import InputProblem
from storytrace.ingest.html import article_from_html
from storytrace.model import Article, InputError

HTML_TYPES = ("text/html", "application/xhtml+xml")


def _next_page(records: Iterator[Any], path: str, stem: str, max_bytes: int, n: int) -> tuple[int, list[Article | InputError]] | None:
    """The next HTML response as (its number, [warnings..., article]) or (number, [why it was skipped]); None at the end."""
    for record in records:
        if record.rec_type != "response" or record.http_headers is None:
            continue
        content_type = (record.http_headers.get_header("Content-Type") or "").lower()
        if not content_type.startswith(HTML_TYPES):
            continue
        n += 1
        url = record.rec_headers.get_header("WARC-Target-URI") or ""
        where = f"record {n} ({url[:200]})"
        payload = record.content_stream().read(max_bytes + 1)
        if len(payload) > max_bytes:
            return n, [InputError(path, f"{where}: page too large (> {max_bytes} bytes); skipped", fatal=False)]
        try:
            html = decode_bytes(payload, html=True).text
            article, warnings = article_from_html(html, f"{stem}-{n}", path, url=url)
        except InputProblem as problem:
            return n, [InputError(path, f"{where}: {problem}; skipped", fatal=False)]
        article.metadata["crawled"] = record.rec_headers.get_header("WARC-Date") or ""
        return n, [*warnings, article]
    return None


def _chatter(path: str, text: str, n: int) -> list[InputError]:
    """What warcio wrote on stderr while reading a record, as one warning naming the file."""
    said = " ".join(text.split())
    return [InputError(path, f"after record {n}: warcio: {said[:300]}", fatal=False)] if said else []


def read_warc(path: str, data: bytes, stem: str, max_bytes: int) -> Iterator[Article | InputError]:
    """Articles from the HTML responses in a WARC (gzipped or not).

    Pages without main text (index pages, errors) are common in a crawl: they are warnings, not
    failures. Each payload is read up to ``max_bytes`` so a record that inflates without end is refused.
    warcio writes its own warnings (a bad Content-Length) on stderr: they are captured while a record
    is read and reported as a warning naming the file, not left unattributed among other files' lines.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    found = n = 0
    held: list[InputError] = []  # warcio's words before any page: part of the file's one error if none comes
    records = iter(ArchiveIterator(io.BytesIO(data)))
    while True:
        said = io.StringIO()
        try:
            with contextlib.redirect_stderr(said):
                page = _next_page(records, path, stem, max_bytes, n)
        except ArchiveLoadFailed as exc:
            if not found:
                raise InputProblem(f"not a valid WARC file ({str(exc).strip()[:200]})") from None
            yield from _chatter(path, said.getvalue(), n)  # the pages before the damage are kept
            yield InputError(path, f"WARC damaged after record {n} ({str(exc).strip()[:200]}); later records skipped")
            return
        except (OSError, EOFError, ValueError) as exc:  # a truncated or corrupt record part way through
            if not found:
                raise InputProblem(f"not a valid WARC file ({type(exc).__name__}){_said(held, said)}") from None
            yield from _chatter(path, said.getvalue(), n)
            yield InputError(path, f"WARC damaged after record {n} ({type(exc).__name__}); later records skipped")
            return
        held += _chatter(path, said.getvalue(), n)
        if page is None:
            break
        n, items = page
        found += sum(isinstance(i, Article) for i in items)
        if found:
            yield from held
            held = []
        yield from items
    if not found:
        raise InputProblem(f"no HTML pages with main text in WARC{_said(held, None)}")
    yield from held


def _said(held: list[InputError], said: io.StringIO | None) -> str:
    words = " ".join([e.problem.split("warcio: ", 1)[-1] for e in held] + [said.getvalue() if said else ""])
    words = " ".join(words.split())
    return f" (warcio: {words[:200]})" if words else ""
