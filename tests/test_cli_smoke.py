"""End to end through the command line on a tiny corpus."""
import json
import sqlite3
import subprocess
import sys


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "storytrace.cli", *args], capture_output=True, text=True)


def test_analyze_writes_every_output(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "one.txt").write_text("Harbour fire\n\nA fire broke out at the harbour on Monday. Two boats burned.\n")
    out = tmp_path / "out"
    result = run_cli("analyze", str(corpus), "--out", str(out), "--quiet")
    assert result.returncode == 0, result.stderr
    report = json.loads((out / "report.json").read_text())
    assert [a["id"] for a in report["articles"]] == ["one"]
    assert report["articles"][0]["title"] == "Harbour fire"
    assert set(report) >= {"version", "articles", "stories"}
    for name in ("report.html", "findings.csv", "storytrace.db"):
        assert (out / name).exists()
    with sqlite3.connect(out / "storytrace.db") as db:
        assert db.execute("SELECT id FROM articles").fetchall() == [("one",)]
        assert db.execute("SELECT count(*) FROM sentences").fetchone()[0] >= 2


def test_missing_path_fails_with_clear_line(tmp_path):
    result = run_cli("analyze", str(tmp_path / "nope"), "--out", str(tmp_path / "o"), "--quiet")
    assert result.returncode == 2
    assert "nope: no such file or folder" in result.stderr


def test_python_api_takes_raw_texts_and_returns_the_report_json_content():
    import storytrace

    text = "Harbour fire\n\nA fire broke out at the harbour on Monday, officials said. Two boats burned."
    report = storytrace.analyze([text], quiet=True)
    [article] = report.articles
    assert article.title == "Harbour fire"
    assert [s.text for s in article.sentences][-2:] == [
        "A fire broke out at the harbour on Monday, officials said.",
        "Two boats burned.",
    ]
    as_json = storytrace.report_to_dict(report)
    assert as_json["articles"][0]["id"] == article.id
    assert [s["article_ids"] for s in as_json["stories"]] == [[article.id]]
