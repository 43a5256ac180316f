"""RSS and Atom feeds: each entry with content (or at least a summary) becomes an article."""
from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterator
from typing import Any

from storytrace.ingest.errors import InputProblem
from storytrace.ingest.metadata import make_article
from storytrace.model import Article, InputError

_BLOCK_END = re.compile(r"(?i)<\s*(?:br\s*/?|/p|/div|/li|/h[1-6]|/blockquote)\s*>")
_TAG = re.compile(r"<[^>]{0,2000}>")


def fragment_to_text(fragment: str) -> str:
    """Plain text from an HTML fragment (feed content is already sanitised by feedparser)."""
    s = _BLOCK_END.sub("\n\n", fragment)
    s = html_lib.unescape(_TAG.sub("", s))
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", s)]
    return "\n\n".join(p for p in paragraphs if p)


def _entry_text(entry: Any) -> str:
    for content in entry.get("content") or []:
        value = content.get("value") or ""
        if value.strip():
            return fragment_to_text(value)
    return fragment_to_text(entry.get("summary") or "")


def read_feed(path: str, data: bytes, stem: str) -> Iterator[Article | InputError]:
    import feedparser

    # Bytes, never a str: feedparser treats a str that looks like a URL as something to fetch.
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        reason = f" ({str(parsed.get('bozo_exception'))[:200]})" if parsed.get("bozo") else ""
        raise InputProblem(f"no RSS/Atom entries found{reason}")
    outlet = (parsed.get("feed") or {}).get("title") or ""
    for n, entry in enumerate(entries, start=1):
        text = _entry_text(entry)
        if not text.strip():
            yield InputError(path, f"entry {n}: no content or summary; skipped", fatal=False)
            continue
        fields: dict[str, Any] = {
            "title": fragment_to_text(entry.get("title") or ""),
            "url": entry.get("link") or "",
            "author": entry.get("author") or "",
            "outlet": outlet,
            "published": entry.get("published") or entry.get("updated") or None,
        }
        if entry.get("id"):
            fields["guid"] = entry.get("id")
        if entry.get("language") or (parsed.get("feed") or {}).get("language"):
            fields["language"] = entry.get("language") or parsed["feed"]["language"]
        article, warnings = make_article(f"{stem}-{n}", path, text, {k: v for k, v in fields.items() if v}, origin="feed entry")
        yield from warnings
        yield article
