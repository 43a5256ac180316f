"""Stable story ids and block fingerprints: what lets a later run keep what did not change.

A new story keeps the id ``build_stories`` gave it (derived from its earliest member, so the
same articles always give the same id; ``fresh_story_id`` when it gave none). When a run changes a story's membership (a new version
arrives), the new story inherits the id of the stored story most of its members were in, so
links to a story keep working as it grows. A block's fingerprint covers its members' ids and
content hashes and the settings that shape the analysis: an unchanged fingerprint means its
stored stories are still right and are kept as they are.
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter

from storytrace.config import Config
from storytrace.model import Story


def story_id(earliest_article_id: str) -> str:
    """Stable: derived from the story's earliest article, so adding later versions keeps it."""
    return "story-" + hashlib.sha1(earliest_article_id.encode("utf-8")).hexdigest()[:12]


def fresh_story_id(article_ids: list[str]) -> str:
    return "story-" + hashlib.sha1(min(article_ids).encode("utf-8", "surrogatepass")).hexdigest()[:10]


def assign_story_ids(stories: list[Story], previous: dict[str, str] | None = None, taken: set[str] | None = None) -> None:
    """Set ``story.id`` for each story: inherited from ``previous`` (article id -> old story id) or fresh.

    A split story's halves cannot both inherit: the one keeping more of the old members does.
    """
    previous = previous or {}
    taken = set() if taken is None else taken
    claims: list[tuple[int, str, int]] = []  # (-overlap, old id, story index)
    for i, story in enumerate(stories):
        for old, count in Counter(previous[a] for a in story.article_ids if a in previous).items():
            claims.append((-count, old, i))
    assigned: dict[int, str] = {}
    for _, old, i in sorted(claims, key=lambda c: (c[0], c[1], min(stories[c[2]].article_ids))):
        if i not in assigned and old not in taken:
            assigned[i] = old
            taken.add(old)
    for i, story in enumerate(stories):
        sid = assigned.get(i)
        if sid is None:
            # build_stories' own id when it gave one (derived from the earliest member), else ours
            base = story.id or fresh_story_id(story.article_ids)
            sid, n = base, 2
            while sid in taken:
                sid, n = f"{base}-{n}", n + 1
            taken.add(sid)
        story.id = sid


def analysis_settings(config: Config) -> dict[str, object]:
    """The settings whose change must recompute stories (not quiet, batch sizes, paths)."""
    from storytrace.version import __version__

    return {
        "version": __version__,
        "spacy_model": config.spacy_model,
        "embedding_model": config.embedding_model,
        "nli_model": config.nli_model,
        "story_window_days": config.story_window_days,
        "document_encoder": config.document_encoder,
    }


def block_fingerprint(members: list[tuple[str, str]], config: Config, deferred: bool = False) -> str:
    """sha256 over the block's sorted (article id, content hash) pairs and the analysis settings.

    ``deferred``: a ``--fast`` run stored the block unextracted; a full run must not keep it.
    """
    body = {"members": sorted(members), "settings": analysis_settings(config)}
    if deferred:
        body["deferred"] = True  # only when set, so existing fingerprints stay valid
    payload = json.dumps(body, sort_keys=True)
    return hashlib.sha256(payload.encode("utf-8", "surrogatepass")).hexdigest()
