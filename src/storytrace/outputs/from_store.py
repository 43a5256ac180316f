"""Report files written from the store, so they cover everything in it (earlier runs included).

Up to ``FULL_REPORT_LIMIT`` articles the store is loaded back into a Report and every writer of
``storytrace.outputs`` runs as usual. Past it, memory stays bounded: report.json is streamed story
by story (articles as metadata rows, finding spans mapped through only the members they cite),
findings.csv and ClaimReview cover every story with findings (also one story at a time), and report.html shows the
``HTML_STORY_LIMIT`` largest stories (the rest are in report.json and the store).
"""
from __future__ import annotations

import json
import os
import tempfile
from datetime import date
from pathlib import Path

from storytrace.model import InputError, Report
from storytrace.outputs.json_report import publish, stamp_iso
from storytrace.store.database import Store
from storytrace.store import stream_tables

FULL_REPORT_LIMIT = 3000
HTML_STORY_LIMIT = 300


def _article_rows(store: Store):
    from storytrace.store.corrections import FIELDS

    cur = store.conn.execute(
        "SELECT id, source_path, title, outlet, language, published, word_count, metadata FROM articles ORDER BY id"
    )
    for aid, source_path, title, outlet, language, published, word_count, metadata in cur:
        meta = json.loads(metadata) if metadata else {}
        fixed = meta.get("corrected") or {}
        try:
            day = date.fromisoformat(published) if published else None
        except ValueError:  # a value an older store wrote otherwise: no day, so no time either
            day = None
        yield {"id": aid, "source_path": source_path, "title": title, "outlet": outlet, "language": language,
               "published": published, "published_time": stamp_iso(meta, day), "word_count": word_count,
               "corrected": [f for f in FIELDS if f in fixed]}


def _report(store: Store, version: str, errors: list[InputError], story_ids: list[str]) -> Report:
    stories = list(stream_tables.iter_stories(store, story_ids))
    ids = sorted({i for s in stories for i in s.article_ids})
    return Report(version=version, articles=stream_tables.load_articles(store, ids), stories=stories, errors=errors)


def _stories_with_cited(store: Store, story_ids: list[str]):
    """(story, its members by id), one story in memory at a time (all members: the outlets they
    cite but that none of them is are listed with the story)."""
    for story in stream_tables.iter_stories(store, story_ids):
        yield story, {a.id: a for a in stream_tables.load_articles(store, sorted(story.article_ids))}


def write_report_json_streamed(store: Store, path: Path, version: str, errors: list[InputError]) -> Path:
    from storytrace.outputs.json_report import SCHEMA_VERSION, story_to_dict

    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write('{\n  "version": %s,\n  "schema_version": %d,\n  "articles": [' % (json.dumps(version), SCHEMA_VERSION))
            for n, row in enumerate(_article_rows(store)):
                fh.write(("," if n else "") + "\n    " + json.dumps(row, ensure_ascii=False))
            fh.write('\n  ],\n  "stories": [')
            for n, (story, members) in enumerate(_stories_with_cited(store, stream_tables.ordered_story_ids(store))):
                fh.write(("," if n else "") + "\n    " + json.dumps(story_to_dict(story, members), ensure_ascii=False))
            fh.write('\n  ],\n  "errors": %s\n}\n' % json.dumps([str(e) for e in errors], ensure_ascii=False))
        publish(tmp, path)
    except BaseException:  # a full disk, a store error or Ctrl-C half way: no half-written file is left
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_from_store(db_path: Path, out_dir: Path, version: str, errors: list[InputError],
                     publishing=None) -> dict[str, Path]:
    """The report files from the store; ``publishing``: claimreview.Publishing (author, base URL)."""
    from storytrace.outputs import claimreview, csv_report, filename, html_report, write_outputs

    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {"db": db_path}
    with Store(db_path) as store:
        stream_tables.ensure_schema(store)
        count = store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        order = stream_tables.ordered_story_ids(store)
        if count <= FULL_REPORT_LIMIT:
            report = _report(store, version, errors, order)
            report.articles = stream_tables.load_articles(store, store.article_ids())
            paths.update(write_outputs(report, out_dir, publishing))
            return paths
        paths["json"] = write_report_json_streamed(store, out_dir / filename("json"), version, errors)
        wanted = {sid for (sid,) in store.conn.execute("SELECT DISTINCT story_id FROM findings")}
        with_findings = [s for s in order if s in wanted]
        paths["csv"] = csv_report.write_stories(_stories_with_cited(store, with_findings), out_dir / filename("csv"))
        reviews = claimreview.claim_reviews_of(_stories_with_cited(store, with_findings), publishing=publishing)
        paths["claimreview"] = claimreview.write_reviews(reviews, out_dir / filename("claimreview"))
        paths["html"] = html_report.write(_report(store, version, errors, order[:HTML_STORY_LIMIT]), out_dir / filename("html"))
    return paths
