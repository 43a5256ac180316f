"""A person's decisions on findings, kept in the store and keyed by what the finding says.

A decision is keyed by the finding's content (article, type, claim and both values), not by its
row or id, so it survives re-analysis, `analyze --db` and a reordering of the detectors: the same
finding found again gets the same decision. Findings no run produces any more keep their
decisions (nothing a person wrote is lost); they simply match nothing.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from typing import Any

from storytrace.model import Finding

STATUSES = ("open", "confirmed", "dismissed")
REASONS = ("paraphrase", "translation wording", "wrong pairing", "parser error", "other")
MAX_NOTE_CHARS = 2_000

REVIEW_SCHEMA = """
CREATE TABLE IF NOT EXISTS reviews (
    finding_key TEXT PRIMARY KEY, status TEXT NOT NULL, reason TEXT, note TEXT, reviewed_at TEXT,
    finding_id TEXT, article_id TEXT REFERENCES articles(id), type TEXT, claim TEXT, derived_value TEXT, source_value TEXT
);
"""


@dataclass(frozen=True)
class Review:
    status: str
    reason: str
    note: str
    reviewed_at: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class BadReview(ValueError):
    """A decision that is not one of the allowed ones (the message says which values are)."""


def finding_key(f: Finding) -> str:
    return key_of_values(f.article, f.type, f.claim, f.derived_value, f.source_value)


def key_of_values(article_id: str, type: str, claim: str, derived_value: str, source_value: str) -> str:
    """The key of a finding from what it says (also a SQL function in the version 1 -> 2 migration)."""
    h = hashlib.sha256()
    for part in (article_id, type, " ".join(claim.split()), derived_value, source_value):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()[:32]


def ensure_schema(conn) -> None:
    conn.executescript(REVIEW_SCHEMA)


def set_review(conn, f: Finding, status: str, reason: str = "", note: str = "", now: datetime | None = None) -> Review:
    """Record a decision on ``f`` (``dismissed`` needs a reason from REASONS); returns it."""
    if status not in STATUSES:
        raise BadReview(f"status must be one of {', '.join(STATUSES)}")
    reason = reason.strip()
    if status == "dismissed" and reason not in REASONS:
        raise BadReview(f"a dismissal needs a reason: one of {', '.join(REASONS)}")
    if status != "dismissed":
        reason = ""
    when = (now or datetime.now(timezone.utc)).replace(microsecond=0).isoformat()
    review = Review(status, reason, note.strip()[:MAX_NOTE_CHARS], when)
    ensure_schema(conn)
    with conn:
        conn.execute(
            "INSERT OR REPLACE INTO reviews VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (finding_key(f), review.status, review.reason, review.note, review.reviewed_at, f.id, f.article, f.type,
             f.claim, f.derived_value, f.source_value),
        )
    return review


def reviews_of(conn, findings: list[Finding]) -> dict[str, Review]:
    """finding id -> its decision, for the findings that have one."""
    try:
        rows = {k: Review(s, r or "", n or "", t or "") for k, s, r, n, t in
                conn.execute("SELECT finding_key, status, reason, note, reviewed_at FROM reviews")}
    except Exception:  # a store from before reviews (no table yet), opened read-only
        return {}
    return {f.id: rows[k] for f in findings if (k := finding_key(f)) in rows}


def export_rows(conn) -> list[dict[str, Any]]:
    """Every decision, for a team to measure the tool's precision on its own stories."""
    try:
        cur = conn.execute(
            "SELECT finding_key, finding_id, article_id, type, claim, derived_value, source_value, status, reason, note,"
            " reviewed_at FROM reviews ORDER BY reviewed_at, finding_key"
        )
    except Exception:
        return []
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur]
