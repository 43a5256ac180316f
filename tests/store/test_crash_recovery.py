"""Crash safety: SIGKILL `storytrace analyze` midway through 1,000 articles, run again, check the store.

The run stores every article cleaned and signed first (cheap), then extracts and analyses block by
block; the kill lands in that second, long phase, once some articles are extracted and others not.
"""
from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from scale_helpers import cli, cli_env, make_corpus, report

N_ARTICLES = 1000


def _count_extracted(db_path) -> int:
    try:
        with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=1) as db:
            return db.execute("SELECT count(DISTINCT article_id) FROM sentences").fetchone()[0]
    except sqlite3.Error:  # not created yet, or the schema is being written
        return 0


def _check_whole(db_path) -> tuple[list[str], set[str]]:
    """Every stored article is whole: rows, blob and signature, and sentences unless still pending
    extraction; every story's members are stored; nothing orphaned or doubled. Returns (ids, pending)."""
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        ids = [r[0] for r in db.execute("SELECT id FROM articles")]
        assert len(ids) == len(set(ids)), "duplicate article ids"
        q = lambda sql: {r[0] for r in db.execute(sql)}  # noqa: E731
        pending = q("SELECT article_id FROM _st_pending_extraction")
        assert pending <= set(ids)
        assert q("SELECT article_id FROM sentences") == set(ids) - pending, "an extracted article without sentences"
        in_stories = [r[0] for r in db.execute("SELECT article_id FROM story_articles")]
        assert len(in_stories) == len(set(in_stories)) and set(in_stories) <= set(ids) - pending
        assert q("SELECT article_id FROM _st_article_blobs") == set(ids)
        assert q("SELECT article_id FROM _st_signatures") == set(ids)
        for table in ("mentions", "removals", "language_spans", "roles", "quotes", "attributions"):
            assert q(f"SELECT article_id FROM {table}") <= set(ids), f"orphan rows in {table}"
        dup_sentences = db.execute(
            "SELECT count(*) FROM (SELECT article_id, idx FROM sentences GROUP BY article_id, idx HAVING count(*) > 1)"
        ).fetchone()[0]
        assert dup_sentences == 0
    return ids, pending


@pytest.mark.slow
def test_sigkill_midway_then_rerun_finishes(tmp_path):
    corpus = tmp_path / "corpus"
    # Small articles, few of them in stories: the test is about the store, not the analysis.
    make_corpus(corpus, N_ARTICLES, words=25, shard=100, story_share=0.1)
    out = tmp_path / "out"
    db_path = out / "storytrace.db"
    args = [sys.executable, "-m", "storytrace.cli", "analyze", str(corpus), "--out", str(out), "--quiet"]
    proc = subprocess.Popen(args, env=cli_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    try:
        while _count_extracted(db_path) < 150:
            assert proc.poll() is None, f"analyze ended before it could be killed: {proc.stderr.read()!r}"
            assert time.monotonic() < deadline, "analyze stored nothing in time"
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL

    stored, pending = _check_whole(db_path)
    assert len(stored) == N_ARTICLES and 0 < len(pending) <= N_ARTICLES - 150, "the kill must land midway"

    rerun = cli("analyze", str(corpus), "--out", str(out))
    assert rerun.returncode == 0, rerun.stderr
    # nothing is read twice; the articles left pending are extracted now (and only they)
    assert f"{N_ARTICLES} articles read ({len(pending)} analysed, {N_ARTICLES} unchanged)" in rerun.stderr

    ids, pending = _check_whole(db_path)
    assert len(ids) == N_ARTICLES and not pending
    r = report(out / "report.json")
    assert sorted(a["id"] for a in r["articles"]) == sorted(ids)
    in_stories = [i for s in r["stories"] for i in s["article_ids"]]
    assert sorted(in_stories) == sorted(ids), "every article in exactly one story"
    with sqlite3.connect(db_path) as db:
        assert db.execute("SELECT count(*) FROM story_articles").fetchone()[0] == N_ARTICLES
