"""Turning what a user pastes or uploads into Articles, within limits.

No route ever reads a path the user gave: an upload's bytes are written under a fresh private
temporary folder with a cleaned-up name, read by the normal readers, and the folder is removed.
"""
from __future__ import annotations

import hashlib
import re
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable

from storytrace.model import Article, InputError

MB = 1024 * 1024


@dataclass(frozen=True)
class UploadLimits:
    max_file_bytes: int = 5 * MB
    max_files: int = 20
    max_text_bytes: int = 5 * MB

    @property
    def max_request_bytes(self) -> int:
        """Every file and the pasted text at their limits, plus room for the form's own fields."""
        return self.max_files * self.max_file_bytes + self.max_text_bytes + MB


class UploadRejected(Exception):
    """A request over a limit or malformed: ``status`` is 400 or 413, the message says which file and why."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class UploadedFile:
    name: str  # as the browser sent it; shown to the user, never used as a path
    data: bytes


@dataclass
class NewArticles:
    articles: list[Article] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_filename(name: str, fallback: str) -> str:
    """The last path component, reduced to letters, digits, dot, dash and underscore."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = _UNSAFE.sub("_", base).strip("._")[:100]
    return base or fallback


def article_from_paste(text: str, title: str = "", outlet: str = "", url: str = "", language: str = "",
                       published: str = "", warnings: list[InputError] | None = None) -> Article:
    """A pasted text becomes an article; its id comes from its content, so pasting twice is harmless.

    The form's fields are capped as a file's metadata is; a warning for each cut goes to ``warnings``.
    """
    from storytrace.ingest.metadata import capped_field

    shown: dict[str, str] = {}
    for name, value in (("title", title), ("outlet", outlet), ("url", url)):
        shown[name], cut = capped_field(name, value, "pasted text")
        if warnings is not None:
            warnings.extend(cut)
    title, outlet, url = shown["title"], shown["outlet"], shown["url"]
    language = language.strip()[:40]
    digest = hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:12]
    first_line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    try:
        when = date.fromisoformat(published.strip()) if published.strip() else None
    except ValueError:
        raise UploadRejected(400, f"published date {published.strip()[:40]!r} is not YYYY-MM-DD")
    return Article(
        id=f"pasted-{digest}", source_path="pasted text", original_text=text, title=title or first_line[:200],
        outlet=outlet, url=url, language=language, published=when,
    )


# Fewer words than this cannot be told apart from another version, nor checked against one: a
# headline, "hello", a URL. Text mostly made of non-words (code, numbers, markup) is no article either.
MIN_ARTICLE_WORDS = 12


def check_article_text(text: str, name: str) -> None:
    """UploadRejected (400) with a clear message when ``text`` is too short or not prose."""
    tokens = text.split()
    words = [t for t in tokens if any(c.isalpha() for c in t)]
    if len(words) < MIN_ARTICLE_WORDS:
        raise UploadRejected(400, f"{name}: too short to be an article ({len(words)} word{'s' if len(words) != 1 else ''};"
                                  f" at least {MIN_ARTICLE_WORDS} are needed to compare versions)")
    if len(words) < len(tokens) / 2:
        raise UploadRejected(400, f"{name}: does not read as an article (most of it is not words)")


def check_sizes(files: list[UploadedFile], text: str, limits: UploadLimits) -> None:
    if len(files) > limits.max_files:
        raise UploadRejected(400, f"too many files: {len(files)} (at most {limits.max_files} per request)")
    for f in files:
        if len(f.data) > limits.max_file_bytes:
            raise UploadRejected(
                413, f"{f.name}: file too large ({len(f.data) / MB:.1f} MB; the limit is {limits.max_file_bytes / MB:.0f} MB)"
            )
    if len(text.encode("utf-8", "replace")) > limits.max_text_bytes:
        raise UploadRejected(413, f"pasted text too large (the limit is {limits.max_text_bytes / MB:.0f} MB)")


def read_uploads(files: Iterable[UploadedFile], read: Callable[[list[Path]], Iterable[Article | InputError]]) -> NewArticles:
    """Read uploads with ``read`` (the pipeline's readers) from a private temporary folder."""
    out = NewArticles()
    with tempfile.TemporaryDirectory(prefix="storytrace-upload-") as tmp:
        for n, f in enumerate(files, start=1):
            name = safe_filename(f.name, f"upload-{n}.txt")
            folder = Path(tmp) / str(n)  # one folder per file: two uploads with one name do not collide
            folder.mkdir()
            path = folder / name
            path.write_bytes(f.data)
            for item in read([path]):
                if isinstance(item, InputError):
                    item.path = f.name or name
                    out.errors.append(item)
                else:
                    item.source_path = f"upload:{name}"
                    out.articles.append(item)
    return out
