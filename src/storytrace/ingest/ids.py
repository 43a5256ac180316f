"""Stable, unique article ids: the file stem or the `id` field, with a suffix when two clash."""
from __future__ import annotations

import re

from storytrace.model import Article, InputError

MAX_ID_LENGTH = 200


def sanitize_id(raw: object) -> str:
    """An id safe to show and to use in a URL path segment: no control characters, slashes or spaces."""
    s = str(raw).strip() if raw is not None else ""
    s = re.sub(r"[\x00-\x1f\x7f/\\\s]+", "-", s)
    return s[:MAX_ID_LENGTH].strip("-")


class IdRegistry:
    """Hands out ids in reading order; a repeated id gets -2, -3 ... (deterministic for a sorted walk)."""

    def __init__(self) -> None:
        self._first_source: dict[str, str] = {}

    def assign(self, article: Article, sanitize: bool = True) -> InputError | None:
        """Make ``article.id`` unique; return a warning when it had to be renamed.

        ``sanitize=False`` keeps an id the caller chose (an Article passed in code) unless it repeats.
        """
        wanted = (sanitize_id(article.id) if sanitize else article.id) or "article"
        if wanted not in self._first_source:
            article.id = wanted
            self._first_source[wanted] = article.source_path
            return None
        n = 2
        while f"{wanted}-{n}" in self._first_source:
            n += 1
        article.id = f"{wanted}-{n}"
        self._first_source[article.id] = article.source_path
        first = self._first_source[wanted] or "an earlier input"
        return InputError(
            article.source_path or article.id,
            f"duplicate id {wanted!r} (first used by {first}); renamed to {article.id!r}",
            fatal=False,
        )


def derived_id(article: Article) -> str:
    """A second id for an article whose id is taken by a different text: the id plus a digest of its
    source path and content, so the same file read again gets the same id (re-runs stay idempotent)."""
    import hashlib

    h = hashlib.sha1()
    for part in (article.source_path, article.original_text, article.title, article.outlet, article.url, str(article.published)):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    base = sanitize_id(article.id)[: MAX_ID_LENGTH - 9] or "article"
    return f"{base}-{h.hexdigest()[:8]}"


def collision_note(article: Article, stored_id: str, replaced: bool) -> InputError:
    """The warning that says what happened to a stored article whose id a different text arrived with."""
    if replaced:
        problem = f"replaced the stored article {stored_id!r} (a different text with the same id; --replace)"
    else:
        problem = (
            f"id {stored_id!r} is already stored with a different text; both are kept, this one as "
            f"{article.id!r} (--replace replaces the stored one)"
        )
    return InputError(article.source_path or article.id, problem, fatal=False)
