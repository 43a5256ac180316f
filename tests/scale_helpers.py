"""Helpers shared by the scale tests (crash, idempotence, incremental, Spark): corpus and store digests."""
from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def gen_corpus_module():
    spec = importlib.util.spec_from_file_location("gen_corpus", ROOT / "bench" / "gen_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("gen_corpus", module)
    spec.loader.exec_module(module)
    return module


def make_corpus(out: Path, n: int, words: int = 25, shard: int = 100, seed: int = 1, story_share: float = 0.4) -> list[Path]:
    return gen_corpus_module().write_corpus(n, out, words=words, story_share=story_share, shard=shard, seed=seed)


def cli_env() -> dict[str, str]:
    return {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}


def cli(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "storytrace.cli", *args], capture_output=True, text=True,
                          env=cli_env(), **kwargs)


def db_digest(path: Path) -> str:
    """A content hash of every table (rows sorted, so rowid order and page layout do not count)."""
    h = hashlib.sha256()
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        for table in tables:
            rows = sorted(repr(r) for r in db.execute(f'SELECT * FROM "{table}"'))
            h.update(table.encode())
            for r in rows:
                h.update(r.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def table_digests(path: Path, table: str, key: str) -> dict[str, str]:
    """key value -> hash of all that key's rows in ``table`` (to see which stories a run touched)."""
    out: dict[str, list[str]] = {}
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        cols = [r[1] for r in db.execute(f'PRAGMA table_info("{table}")')]
        for row in db.execute(f'SELECT * FROM "{table}"'):
            out.setdefault(str(row[cols.index(key)]), []).append(repr(row))
    return {k: hashlib.sha256("\n".join(sorted(v)).encode()).hexdigest() for k, v in out.items()}


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def report(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))
