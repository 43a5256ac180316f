"""report.json, exactly as the contract in DESIGN.md says."""
from __future__ import annotations

import json
import os
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from storytrace.ingest.stamp_time import published_time
from storytrace.lineage import direction_unknown
from storytrace.model import Article, Edge, Finding, Report, Story, finding_to_dict
from storytrace.outputs.finding_order import display_order
from storytrace.store.corrections import corrected_fields

# report.json layout version (the "version" field is storytrace's). 2: each story lists "cited",
# the outlets its versions cite that are not among them (lineage nodes marked cited and absent),
# and a story of one article says in "alone_because" which evidence was too weak to join another.
# 3: each finding says why it has its severity: "signals", "lacks", "severity_reason"
# (findings/severity.py; null when not recorded, as for a finding read from an older store).
# 4: each lineage edge and each finding says "direction_known": false where nothing showed which of
# the edge's two versions came first (lineage.direction_unknown), so "source" only names the other
# version and a finding's change may have gone either way; true otherwise (story-wide findings too).
# 5: each article gives "published_time", its date stamp's time of day and zone as ISO 8601
# ("2011-08-04T17:55-04:00"; no offset where the stamp names no zone), null where none was read.
SCHEMA_VERSION = 5


def stamp_iso(metadata: dict, day: date | None) -> str | None:
    """An article's "published_time": the time its stamp gives on its publication day, ISO 8601."""
    stamp = published_time(metadata, day)
    return stamp.iso() if stamp else None


def article_to_dict(a: Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "source_path": a.source_path,
        "title": a.title,
        "outlet": a.outlet,
        "language": a.language,
        "published": a.published.isoformat() if a.published else None,
        "published_time": stamp_iso(a.metadata, a.published),
        "word_count": a.word_count,
        "corrected": corrected_fields(a),  # fields a person corrected in the web app (they win over what was read)
    }


def edge_to_dict(e: Edge) -> dict[str, Any]:
    return {
        "source": e.source,
        "derived": e.derived,
        "relation": e.relation,
        "confidence": round(e.confidence, 4),
        "coverage": round(e.coverage, 4),
        "containment": round(e.containment, 4),
        "evidence": list(e.evidence),
        "direction_known": not direction_unknown(e),
    }


def story_to_dict(s: Story, articles: dict[str, Article] | None = None) -> dict[str, Any]:
    from storytrace.lineage import cited_absent

    members = [articles[i] for i in s.article_ids if i in articles] if articles else []
    return {
        "id": s.id,
        "title": s.title,
        "article_ids": list(s.article_ids),
        "lineage": [edge_to_dict(e) for e in s.lineage],
        "cited": [
            {"id": c.id, "outlet": c.outlet, "cited_by": c.cited_by, "absent": True, "evidence": c.evidence}
            for c in cited_absent(members)
        ],
        "findings": [story_finding_to_dict(f, s, articles) for f in display_order(s.findings)],  # report.html's order
        "alone_because": s.note if len(s.article_ids) == 1 else "",
    }


def story_finding_to_dict(f: Finding, story: Story, articles: dict[str, Article] | None = None) -> dict[str, Any]:
    """A finding of ``story`` as report.json writes it: the contract's fields and "direction_known"."""
    from storytrace.findings import finding_order_unknown  # lazily: it registers every detector

    d = finding_to_dict(f, articles)
    d["direction_known"] = not finding_order_unknown(f, story.lineage)
    return d


def report_to_dict(report: Report) -> dict[str, Any]:
    by_id = {a.id: a for a in report.articles}
    return {
        "version": report.version,
        "schema_version": SCHEMA_VERSION,
        "articles": [article_to_dict(a) for a in report.articles],
        "stories": [story_to_dict(s, by_id) for s in report.stories],
        "errors": [str(e) for e in report.errors],
    }


def write_atomic(path: Path, text: str) -> Path:
    """Write via a temporary file and rename, so a crash never leaves half a report (and a failed
    write, a full disk or Ctrl-C, leaves no half-written temporary file either)."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        publish(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def publish(tmp: str | Path, path: Path) -> None:
    """Rename a finished temporary file into place with the permissions a plain open() would give.

    mkstemp makes files only their owner can read; a report is meant to be shared (the umask decides).
    """
    os.chmod(tmp, 0o666 & ~_umask())
    os.replace(tmp, path)


def _umask() -> int:
    try:  # Linux reports it without changing it (setting it to read it back races with other threads)
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except OSError:
        pass
    umask = os.umask(0o022)
    os.umask(umask)
    return umask


def write(report: Report, path: Path) -> Path:
    return write_atomic(path, json.dumps(report_to_dict(report), ensure_ascii=False, indent=2))
