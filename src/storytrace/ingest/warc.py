"""WARC crawls: every HTTP response record with an HTML page becomes an article."""
from __future__ import annotations

import io
from collections.abc import Iterator

from storytrace.ingest.decode import decode_bytes
from storytrace.ingest.errors import InputProblem
from storytrace.ingest.html import article_from_html
from storytrace.model import Article, InputError

HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(path: str, data: bytes, stem: str, max_bytes: int) -> Iterator[Article | InputError]:
    """Articles from the HTML responses in a WARC (gzipped or not).

    Pages without main text (index pages, errors) are common in a crawl: they are warnings, not
    failures. Each payload is read up to ``max_bytes`` so a record that inflates without end is refused.
    """
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    found = 0
    n = 0
    try:
        for record in ArchiveIterator(io.BytesIO(data)):
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
                yield InputError(path, f"{where}: page too large (> {max_bytes} bytes); skipped", fatal=False)
                continue
            try:
                html = decode_bytes(payload, html=True).text
                article, warnings = article_from_html(html, f"{stem}-{n}", path, url=url)
            except InputProblem as problem:
                yield InputError(path, f"{where}: {problem}; skipped", fatal=False)
                continue
            article.metadata["crawled"] = record.rec_headers.get_header("WARC-Date") or ""
            found += 1
            yield from warnings
            yield article
    except ArchiveLoadFailed as exc:
        raise InputProblem(f"not a valid WARC file ({str(exc).strip()[:200]})") from None
    except (OSError, EOFError, ValueError) as exc:  # a truncated or corrupt record part way through
        if not found:
            raise InputProblem(f"not a valid WARC file ({type(exc).__name__})") from None
        yield InputError(path, f"WARC damaged after record {n} ({type(exc).__name__}); later records skipped")
        return
    if not found:
        raise InputProblem("no HTML pages with main text in WARC")
