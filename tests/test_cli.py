"""Issue 20.3: the command line follows the conventions of datasette's and spaCy's."""
from __future__ import annotations

import json
import re
import socket
import subprocess
import sys

import pytest
from scale_helpers import cli, cli_env
from typer.testing import CliRunner

from storytrace.version import __version__
from storytrace.cli import app

runner = CliRunner()
COMMANDS = ["analyze", "compare", "serve", "spark-analyze"]
SOURCE = "Council approves homes\n\nThe city council approved 40 new homes on Monday, the mayor said.\n"
CHANGED = "Council approves homes\n\nThe city council approved 400 new homes on Monday, the mayor said.\n"


def test_version():
    r = runner.invoke(app, ["--version"])
    assert r.exit_code == 0 and r.stdout.strip() == f"storytrace {__version__}"


@pytest.mark.parametrize("command", COMMANDS)
def test_help_speaks_plainly_with_examples(command):
    r = runner.invoke(app, [command, "--help"])
    assert r.exit_code == 0
    text = r.stdout
    assert not re.search(r"<(list|int|str|bool|path|float)", text), text  # no Python type names
    assert "[x>=" not in text and "{" not in text.split("\n", 1)[0]
    assert "Examples:" in text and "storytrace " + command in text
    options = text.split("Options:", 1)[1]
    for line in options.splitlines():  # every option has a description after its name
        if line.startswith("  -"):
            assert re.match(r"\s+-\S.*?\s{2,}\S", line), line


def test_analyze_refuses_out_dash_as_usage(tmp_path):
    (tmp_path / "a.txt").write_text(SOURCE)
    r = runner.invoke(app, ["analyze", str(tmp_path / "a.txt"), "--out", "-"])
    assert r.exit_code == 2 and "give a folder" in r.output


def test_analyze_on_a_folder_of_unsupported_files_names_them_and_fails(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "report.pdf").write_bytes(b"%PDF-1.4")
    (folder / "notes.docx").write_bytes(b"PK")
    done = cli("analyze", str(folder), "--out", str(tmp_path / "out"), "--quiet")
    assert done.returncode == 2, done.stderr
    assert f"error: {folder}: no files storytrace can read (skipped 2 files: .docx, .pdf)" in done.stderr


def test_analyze_ends_with_a_summary_line(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "source.txt").write_text(SOURCE)
    (corpus / "copy.txt").write_text(CHANGED)
    (corpus / "empty.txt").write_text("")
    done = cli("analyze", str(corpus), "--out", str(tmp_path / "out"))
    assert done.returncode == 1, done.stderr  # the empty file
    last = done.stderr.strip().splitlines()[-1]
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    # The line counts the stories report.html and the web index list: more than one version, or a finding.
    multi = [s for s in report["stories"] if len(s["article_ids"]) > 1 or s["findings"]]
    severities = [f["severity"] for s in report["stories"] for f in s["findings"]]
    stories = f"{len(multi)} {'story' if len(multi) == 1 else 'stories'}"
    found = f"{len(severities)} {'finding' if len(severities) == 1 else 'findings'}"
    assert last == (f"2 articles, {stories} with more than one version or a finding, {found} ({severities.count('high')} high, "
                    f"{severities.count('medium')} medium, {severities.count('low')} low), 1 error, 0 warnings")
    # Counting for that line leaves no SQLite journal files beside the store: a read-only connection
    # cannot checkpoint a WAL store on close, so it used to leave storytrace.db-wal and -shm behind.
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if p.name.startswith("storytrace.db")) == [
        "storytrace.db", "storytrace.db.lock"]


def test_compare_two_files_prints_a_verdict(tmp_path):
    (tmp_path / "source.txt").write_text(SOURCE)
    (tmp_path / "summary.txt").write_text(CHANGED)
    done = cli("compare", str(tmp_path / "source.txt"), str(tmp_path / "summary.txt"))
    assert done.returncode == 0, done.stderr
    first, *rest = done.stdout.splitlines()
    assert first.startswith("NOT consistent with the source (score ")
    assert any("number_change: '40' -> '400'" in ln for ln in rest), done.stdout
    same = subprocess.run([sys.executable, "-m", "storytrace.cli", "compare", str(tmp_path / "source.txt"), "-"],
                          input=SOURCE, capture_output=True, text=True, env=cli_env())
    assert same.returncode == 0 and same.stdout.startswith("consistent with the source"), same.stdout + same.stderr


_PAGE = """<!DOCTYPE html><html lang="en"><head><title>Council approves homes | Lakeside Daily</title>
<meta property="og:title" content="Council approves homes"></head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>
<article><h1>Council approves homes</h1><p class="byline">By Ana Ruiz</p>
<figure><img src="a.jpg"><figcaption>The site on Sunday, two days before the vote. Photo: Lena Sund</figcaption></figure>
<p>The city council approved 40 new homes on Monday, the mayor said.</p></article>
<section class="comments"><h2>Comments (2)</h2><p>Great news for the town, 5 hours ago</p></section>
<footer>About us | Contact | Privacy policy</footer></body></html>"""


def test_compare_reads_an_html_page_as_analyze_does(tmp_path):
    # the page's menus, caption and comments are no story text: the same article saved as .txt
    # and as .html is one text, with no finding
    (tmp_path / "source.txt").write_text("Council approves homes\n\nBy Ana Ruiz\n\n"
                                         "The city council approved 40 new homes on Monday, the mayor said.\n")
    (tmp_path / "page.html").write_text(_PAGE)
    done = cli("compare", str(tmp_path / "source.txt"), str(tmp_path / "page.html"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("consistent with the source") and ", 0 findings" in done.stdout, done.stdout
    (tmp_path / "changed.html").write_text(_PAGE.replace("approved 40", "approved 400"))
    changed = cli("compare", str(tmp_path / "page.html"), str(tmp_path / "changed.html"))
    assert "number_change: '40' -> '400'" in changed.stdout, changed.stdout


def test_compare_refuses_a_file_of_several_articles_naming_it(tmp_path):
    many = tmp_path / "many.jsonl"
    many.write_text("\n".join(json.dumps({"id": f"a{i}", "text": SOURCE}) for i in range(2)) + "\n")
    (tmp_path / "source.txt").write_text(SOURCE)
    done = cli("compare", str(tmp_path / "source.txt"), str(many))
    assert done.returncode != 0
    assert "many.jsonl" in done.stderr and "2 articles" in done.stderr, done.stderr


def test_compare_pairs_to_standard_output_skipping_a_bad_line(tmp_path):
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(json.dumps({"id": "p1", "source": SOURCE, "derived": SOURCE}) + "\n{not json\n"
                     + json.dumps({"id": "p2", "source": SOURCE, "derived": CHANGED}) + "\n")
    done = cli("compare", "--pairs", str(pairs), "--out", "-", "--quiet")
    assert done.returncode == 1, done.stderr
    assert [json.loads(ln)["id"] for ln in done.stdout.splitlines()] == ["p1", "p2"]
    assert f"error: {pairs}:2: not valid JSON" in done.stderr
    assert not (tmp_path / "-").exists()


def test_serve_says_where_it_listens(tmp_path):
    from storytrace.store.database import Store

    db = tmp_path / "store.db"
    Store(db).close()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "storytrace.cli", "serve", str(db), "--port", str(port)],
                            stderr=subprocess.PIPE, text=True, env=cli_env())
    try:
        line = proc.stderr.readline()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    assert line.strip() == f"Serving {db} on http://127.0.0.1:{port}/ (press Ctrl+C to stop)"


FERRY = ("Harbour council approves new ferry terminal\n\n"
         "The Linden Bay harbour council approved a new ferry terminal on Tuesday, its chair Maria Okonkwo said.\n"
         "The terminal will cost {cost} million euros and should open in 2028.\n"
         "Okonkwo said the terminal would carry 1,200 passengers a day.\n"
         "Local fishermen have objected to the plan, saying it will take space from their boats.\n")


def test_the_summary_line_counts_findings_between_versions_whose_order_is_unknown(tmp_path):
    """Two undated versions that differ in one figure: nothing shows which came first, and the
    summary line says how many findings lie between such versions (report.json's direction_known)."""
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text(FERRY.format(cost=40))
    (corpus / "b.txt").write_text(FERRY.format(cost=400))
    done = cli("analyze", str(corpus), "--out", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    unordered = [f for s in report["stories"] for f in s["findings"] if not f["direction_known"]]
    assert unordered and all(f["explanation"].startswith("The versions differ here") for f in unordered)
    last = done.stderr.strip().splitlines()[-1]
    assert f"; {len(unordered)} of them between two versions whose order is not known)" in last
