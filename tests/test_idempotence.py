"""Idempotence: the same inputs give the same store and report.json, byte for byte (content hashes)."""
from __future__ import annotations

from pathlib import Path

from scale_helpers import cli, db_digest, file_digest, make_corpus, report

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "corpus"


def test_rerun_changes_nothing_and_fresh_runs_agree(tmp_path):
    corpus = tmp_path / "corpus"
    make_corpus(corpus, 40, words=60, shard=20)
    inputs = [str(EXAMPLES), str(corpus)]
    first, second = tmp_path / "first", tmp_path / "second"

    run1 = cli("analyze", *inputs, "--out", str(first), "--quiet")
    assert run1.returncode == 0, run1.stderr
    db_before, json_before = db_digest(first / "storytrace.db"), file_digest(first / "report.json")

    rerun = cli("analyze", *inputs, "--out", str(first))
    assert rerun.returncode == 0, rerun.stderr
    assert "51 articles read (0 analysed, 51 unchanged), 0 of" in rerun.stderr
    assert db_digest(first / "storytrace.db") == db_before
    assert file_digest(first / "report.json") == json_before

    # A fresh run elsewhere writes the same report and store: nothing depends on time or chance.
    run2 = cli("analyze", *inputs, "--out", str(second), "--quiet")
    assert run2.returncode == 0, run2.stderr
    r1, r2 = report(first / "report.json"), report(second / "report.json")
    assert r1 == r2
    assert db_digest(second / "storytrace.db") == db_before
    assert len(r1["articles"]) == 51
    assert "generated" not in (first / "report.json").read_text()  # no timestamps of any kind


def test_store_mirrors_the_inputs_without_db_option(tmp_path):
    """Without --db the store holds exactly the PATHs given: dropping an input drops its article."""
    corpus = tmp_path / "corpus"
    files = make_corpus(corpus, 20, words=40, shard=10)
    out = tmp_path / "out"
    assert cli("analyze", str(corpus), "--out", str(out), "--quiet").returncode == 0
    files[1].unlink()
    again = cli("analyze", str(corpus), "--out", str(out), "--quiet")
    assert again.returncode == 0, again.stderr
    r = report(out / "report.json")
    assert len(r["articles"]) == 10
    assert sorted(i for s in r["stories"] for i in s["article_ids"]) == sorted(a["id"] for a in r["articles"])
