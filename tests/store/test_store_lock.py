"""Issue 21.11: one writer per store. A second `analyze --db` waits for the first, says so, and then
redoes nothing the first did; the lock goes with its process, even when that process is killed."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

from scale_helpers import cli_env

from storytrace.store.database import Store
from storytrace.store.lock import lock_path, store_lock

FERRY = "Ferry runs aground\n\nThe evening ferry ran aground near Holm island on Friday. All 80 passengers were taken off.\n"


def _wait_for(proc: subprocess.Popen, words: str, limit: float = 120.0) -> str:
    """Read the process's stderr until ``words`` appear (a line at a time, so no timing is assumed)."""
    seen = ""
    deadline = time.monotonic() + limit
    while words not in seen and time.monotonic() < deadline and proc.poll() is None:
        seen += proc.stderr.readline()
    return seen


def test_a_second_run_waits_for_the_lock_and_then_finishes(tmp_path):
    db = tmp_path / "store.db"
    Store(db).close()
    ferry = tmp_path / "ferry.txt"
    ferry.write_text(FERRY)
    with store_lock(db):  # this test plays the first run
        proc = subprocess.Popen(
            [sys.executable, "-m", "storytrace.cli", "analyze", str(ferry), "--db", str(db), "--out", str(tmp_path / "out"), "--quiet"],
            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=cli_env(),
        )
        said = _wait_for(proc, "waiting for another storytrace run")
        assert f"waiting for another storytrace run on {db} (pid {os.getpid()})" in said, said
        with sqlite3.connect(db) as conn:  # nothing is written while the lock is held elsewhere
            assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    rest = proc.communicate(timeout=600)[1]
    assert proc.returncode == 0, rest
    with sqlite3.connect(db) as conn:
        assert [r[0] for r in conn.execute("SELECT id FROM articles")] == ["ferry"]
    assert (tmp_path / "out" / "report.json").exists()


def test_the_lock_is_reentrant_in_one_process_and_released_by_a_killed_holder(tmp_path):
    db = tmp_path / "store.db"
    with store_lock(db), store_lock(db):  # the CLI holds it around run_into_store, which takes it too
        pass
    holder = subprocess.Popen(
        [sys.executable, "-c", f"from storytrace.store.lock import store_lock\nimport time\n"
                               f"with store_lock({str(db)!r}):\n    print('held', flush=True)\n    time.sleep(600)"],
        stdout=subprocess.PIPE, text=True, env=cli_env(),
    )
    assert holder.stdout.readline().strip() == "held"
    assert lock_path(db).read_text() == str(holder.pid)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    waited: list[str] = []
    with store_lock(db, on_wait=waited.append):
        assert waited == [], "a killed holder leaves no lock behind"
