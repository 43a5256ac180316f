"""Issue 21.6: a store that cannot be read or written is one clear line and exit status 3.

Exit statuses: 0 all analysed, 1 some inputs unreadable, 2 usage or nothing analysed, 3 store or
report files failed. `serve` shows a store in a read-only folder as it is (opened immutable).
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from scale_helpers import cli, cli_env
from report_helpers import build_hostile_report

from storytrace.store.database import Store, open_readonly
from storytrace.store.errors import StoreError, store_problem

GOOD = "Ferry runs aground\n\nThe evening ferry ran aground near Holm island on Friday. All 80 passengers were taken off.\n"
# Root ignores file modes through two capabilities: without them, a folder's modes hold for it too.
_NO_OVERRIDE = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]


def _store(path: Path) -> Path:
    with Store(path) as s:
        s.save_report(build_hostile_report())
    return path


def _bound_by_modes(cmd: list[str]) -> subprocess.CompletedProcess:
    """Run ``cmd`` so that file modes apply to it (as root: without the capabilities that override them)."""
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: file modes cannot be made to apply")
        cmd = _NO_OVERRIDE + cmd
    return subprocess.run(cmd, capture_output=True, text=True, env=cli_env(), timeout=300)


@pytest.fixture
def read_only_dir(tmp_path):
    """A folder that holds a store and cannot be written (mode 0555, the store 0444)."""
    d = tmp_path / "ro"
    d.mkdir()
    yield d
    os.chmod(d, 0o755)


def test_a_damaged_store_is_one_line_and_status_3(tmp_path):
    db = _store(tmp_path / "store.db")
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page = conn.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(db.read_bytes())
    assert len(data) > 4 * page
    data[page : len(data)] = b"\xa5" * (len(data) - page)  # every page but the first (the schema) garbled
    db.write_bytes(bytes(data))
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    done = cli("analyze", str(good), "--db", str(db), "--out", str(tmp_path / "out"), "--quiet")
    assert done.returncode == 3, done.stderr
    assert "Traceback" not in done.stderr
    [line] = [ln for ln in done.stderr.splitlines() if ln.startswith("error:")]
    assert line.startswith(f"error: {db}: ") and ("damaged" in line or "not a storytrace store" in line)


def test_not_a_store_is_status_3_and_a_missing_one_for_serve_is_2(tmp_path):
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_text("this is not sqlite " * 100)
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    done = cli("analyze", str(good), "--db", str(not_a_db), "--out", str(tmp_path / "out"), "--quiet")
    assert done.returncode == 3 and "not a storytrace store" in done.stderr.strip().splitlines()[-1]
    served = cli("serve", str(tmp_path / "missing.db"), timeout=120)
    assert served.returncode == 2 and "no such store" in served.stderr


def test_a_read_only_store_folder_is_status_3_naming_the_store(read_only_dir, tmp_path):
    db = _store(read_only_dir / "store.db")
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    os.chmod(db, 0o444)
    os.chmod(read_only_dir, 0o555)
    done = _bound_by_modes([sys.executable, "-m", "storytrace.cli", "analyze", str(good), "--db", str(db),
                            "--out", str(tmp_path / "r"), "--quiet"])
    assert done.returncode == 3, done.stderr
    assert "Traceback" not in done.stderr
    [line] = [ln for ln in done.stderr.splitlines() if ln.startswith("error:")]
    assert line.startswith(f"error: {db}: ") and "read-only" in line


def test_serve_opens_a_store_in_a_read_only_folder_immutable(read_only_dir):
    db = _store(read_only_dir / "store.db")
    os.chmod(db, 0o444)
    os.chmod(read_only_dir, 0o555)
    script = (
        "import sys; from fastapi.testclient import TestClient; from storytrace.web.app import create_app\n"
        f"app = create_app({str(db)!r}); c = TestClient(app, base_url='http://127.0.0.1:8765')\n"
        "r = c.get('/api/stories'); print(r.status_code, len(r.json()), app.state.read_only)\n"
        "r = c.post('/articles', data={'text': 'A new text.'}, files=[('files', ('', b''))], headers={'accept': 'application/json'})\n"
        "print(r.status_code, r.json()['detail'])\n"
    )
    done = _bound_by_modes([sys.executable, "-c", script])
    assert done.returncode == 0, done.stderr
    listing, added = done.stdout.strip().splitlines()
    assert listing.startswith("200 ") and listing.endswith(" True") and int(listing.split()[1]) >= 1
    assert added == "409 this store is read-only: articles cannot be added to it"


def test_a_full_disk_is_named_as_such(tmp_path):
    """SQLite's own 'database or disk is full' (here from a page cap), classified and shown by the CLI."""
    import typer

    from storytrace.cli import EXIT_STORE, _store_failures

    conn = sqlite3.connect(tmp_path / "small.db")
    conn.execute("CREATE TABLE t (x BLOB)")
    conn.execute("PRAGMA max_page_count = 3")
    with pytest.raises(sqlite3.OperationalError) as full:
        for _ in range(10):
            conn.execute("INSERT INTO t VALUES (?)", (b"x" * 5000,))
    assert "disk is full" in store_problem(full.value)
    with pytest.raises(typer.Exit) as stopped:
        with _store_failures(tmp_path / "small.db"):
            raise full.value
    assert stopped.value.exit_code == EXIT_STORE
    assert "read-only" in store_problem(OSError(30, "Read-only file system"))


def test_open_readonly_names_a_missing_store():
    with pytest.raises(StoreError, match="no such store"):
        open_readonly("/nonexistent/store.db")
