"""Bad input: each problem is one clear line naming the file, the rest is still analysed,
nothing already in the store is lost, and the exit status says whether anything failed."""
import gzip
import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from storytrace.ingest import read_paths
from storytrace.model import Article, InputError
from storytrace.store.database import Store

GOOD = (
    "Harbour fire destroys boats\n\n"
    "A fire broke out at the harbour on Monday, destroying two fishing boats, the port authority said. "
    "Nobody was hurt.\n"
)
LATIN_1 = "Café fire in Montréal\n\nA fire broke out at the café on Monday, the département said. Nobody was hurt.\n"
NO_MAIN_TEXT_HTML = "<html><head><title>Index</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
LIMIT = 2048  # bytes, for the too-large case
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def run_cli(*args):
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    return subprocess.run([sys.executable, "-m", "storytrace.cli", *args], capture_output=True, text=True, env=env)


def only(path: Path) -> list[InputError]:
    items = list(read_paths([path], max_bytes=LIMIT))
    assert not any(isinstance(x, Article) for x in items)
    return [x for x in items if isinstance(x, InputError)]


def make_bad_files(folder: Path) -> dict[str, str]:
    """Write one file per problem; return {file name: the problem its line must state}."""
    (folder / "empty.txt").write_text("  \n\t\n")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "rows.jsonl").write_text(json.dumps({"id": "row-ok", "text": GOOD}) + "\n{not json\n")
    (folder / "index.html").write_text(NO_MAIN_TEXT_HTML)
    (folder / "huge.txt").write_text(GOOD + "x" * (LIMIT + 10))
    (folder / "gone.txt").symlink_to(folder / "deleted-target.txt")  # unreadable even for root
    (folder / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * (LIMIT * 50)))
    expected = {
        "empty.txt": "empty file",
        "binary.txt": "binary file, not text",
        "rows.jsonl:2": "malformed JSON",
        "index.html": "no main text found in HTML",
        "huge.txt": f"file too large ({(folder / 'huge.txt').stat().st_size} bytes > limit of {LIMIT})",
        "gone.txt": "cannot read: No such file or directory",
        "bomb.txt.gz": f"compressed file inflates past the limit of {LIMIT} bytes",
    }
    if not IS_ROOT:  # root reads anything, so this case only means something for a normal user
        locked = folder / "locked.txt"
        locked.write_text(GOOD)
        locked.chmod(0)
        expected["locked.txt"] = "cannot read: Permission denied"
    return expected


# -- each problem through the readers ---------------------------------------------------------
def test_each_problem_is_one_error_naming_the_file(tmp_path):
    expected = make_bad_files(tmp_path)
    for name, problem in expected.items():
        if ":" in name:  # a bad line inside a good file: its own test below
            continue
        path = tmp_path / name
        errs = only(path)
        assert len(errs) == 1 and errs[0].fatal, (name, errs)
        assert errs[0].path == str(path) and problem in errs[0].problem


def test_malformed_json_line_is_skipped_with_its_line_number(tmp_path):
    make_bad_files(tmp_path)
    items = list(read_paths([tmp_path / "rows.jsonl"]))
    assert [a.id for a in items if isinstance(a, Article)] == ["row-ok"]
    (err,) = [e for e in items if isinstance(e, InputError)]
    assert err.line == 2 and err.fatal and str(err).startswith(f"error: {tmp_path / 'rows.jsonl'}:2: malformed JSON")


def test_latin_1_text_is_decoded_with_a_warning(tmp_path):
    f = tmp_path / "latin.txt"
    f.write_bytes(LATIN_1.encode("latin-1"))
    items = list(read_paths([f]))
    (article,) = [a for a in items if isinstance(a, Article)]
    (warning,) = [e for e in items if isinstance(e, InputError)]
    assert "café" in article.original_text and article.title == "Café fire in Montréal"
    assert not warning.fatal and "not UTF-8; decoded as cp1252" in warning.problem


def test_cp1252_punctuation_is_decoded(tmp_path):
    f = tmp_path / "quotes.txt"
    f.write_bytes("Deal\n\n“We will sign,” she said – on Monday… for €5bn.\n".encode("cp1252"))
    items = list(read_paths([f]))
    (article,) = [a for a in items if isinstance(a, Article)]
    assert article.original_text == "“We will sign,” she said – on Monday… for €5bn."


def test_utf8_bom_and_crlf_are_normalised_silently(tmp_path):
    f = tmp_path / "bom.txt"
    f.write_bytes(b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode())
    items = list(read_paths([f]))
    assert [type(x) for x in items] == [Article]
    assert items[0].title == "Harbour fire destroys boats" and "\r" not in items[0].original_text


def test_utf16_with_bom_is_text_not_binary(tmp_path):
    f = tmp_path / "wide.txt"
    f.write_bytes(GOOD.encode("utf-16"))
    items = list(read_paths([f]))
    assert [type(x) for x in items] == [Article]


def test_unreadable_file_gives_the_os_reason(tmp_path, monkeypatch):
    f = tmp_path / "secret.txt"
    f.write_text(GOOD)
    import builtins

    real_open = builtins.open

    def refusing_open(path, *args, **kwargs):
        if str(path) == str(f):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", refusing_open)
    (err,) = only(f)
    assert err.problem == "cannot read: Permission denied"


def test_hostile_json_never_raises(tmp_path):
    f = tmp_path / "hostile.jsonl"
    f.write_text("\n".join([
        "[" * 100_000,
        "1" * 10_000,
        json.dumps({"text": {"nested": True}}),
        json.dumps({"id": None, "text": "Body that is fine.", "published": 10**30, "title": ["a", {"b": 1}]}),
    ]))
    items = list(read_paths([f]))
    arts = [x for x in items if isinstance(x, Article)]
    errs = [x for x in items if isinstance(x, InputError)]
    assert [a.id for a in arts] == ["hostile-4"]
    assert [e.line for e in errs if e.fatal] == [1, 2, 3]
    assert "nested too deeply" in errs[0].problem


# -- end to end through `storytrace analyze` ------------------------------------------------------
@pytest.fixture(scope="module")
def analysed(tmp_path_factory):
    """One CLI run over a folder of bad files and one good file, into a store that already holds an article."""
    root = tmp_path_factory.mktemp("bad-input")
    corpus = root / "corpus"
    corpus.mkdir()
    expected = make_bad_files(corpus)
    (corpus / "good.txt").write_text(GOOD)
    (corpus / "latin.txt").write_bytes(LATIN_1.encode("latin-1"))
    db = root / "kept.db"
    with Store(db) as store:
        store.save_article(Article(id="already-stored", source_path="earlier.txt", original_text="Earlier.", text="Earlier."))
    result = run_cli(
        "analyze", str(corpus), "--out", str(root / "out"), "--db", str(db), "--quiet", "--max-file-mb", str(LIMIT / 2**20)
    )
    return corpus, root, db, expected, result


def test_cli_one_line_per_problem_naming_the_file(analysed):
    corpus, _, _, expected, result = analysed
    lines = result.stderr.strip().splitlines()
    assert "Traceback" not in result.stderr
    for name, problem in expected.items():
        matching = [ln for ln in lines if ln.startswith(f"error: {corpus / name}:")]
        assert len(matching) == 1, (name, lines)
        assert problem in matching[0]
    warnings = [ln for ln in lines if ln.startswith("warning:")]
    assert warnings == [f"warning: {corpus / 'latin.txt'}: not UTF-8; decoded as cp1252 (guessed)"]
    # no other error or warning lines (model-loading noise on stderr is not counted here)
    assert len([ln for ln in lines if ln.startswith(("error:", "warning:"))]) == len(expected) + 1


def test_cli_good_files_still_analysed_and_exit_status_1(analysed):
    _, root, _, _, result = analysed
    assert result.returncode == 1, result.stderr
    report = json.loads((root / "out" / "report.json").read_text())
    assert sorted(a["id"] for a in report["articles"]) == ["good", "latin", "row-ok"]


def test_cli_store_keeps_what_was_already_there(analysed):
    _, _, db, _, _ = analysed
    with sqlite3.connect(db) as conn:
        ids = sorted(r[0] for r in conn.execute("SELECT id FROM articles"))
        errors = conn.execute("SELECT count(*) FROM input_errors WHERE fatal = 1").fetchone()[0]
    assert ids == ["already-stored", "good", "latin", "row-ok"]
    assert errors >= 7


def test_store_rewrites_only_the_articles_it_writes(tmp_path):
    db = tmp_path / "s.db"
    a = Article(id="a", source_path="a.txt", original_text="Old A.", text="Old A.")
    b = Article(id="b", source_path="b.txt", original_text="B.", text="B.")
    with Store(db) as store:
        store.save_article(a)
        store.save_article(b)
    a.original_text = a.text = "New A."
    with Store(db) as store:
        store.save_article(a)
        rows = store.conn.execute("SELECT id, text FROM articles ORDER BY id").fetchall()
    assert rows == [("a", "New A."), ("b", "B.")]


def test_cli_bad_db_is_one_line_not_a_traceback(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(GOOD)
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_text("this is not sqlite " * 100)
    result = run_cli("analyze", str(good), "--out", str(tmp_path / "out"), "--db", str(not_a_db), "--quiet")
    assert result.returncode == 3 and "Traceback" not in result.stderr  # a store error (README, "Exit status")
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("error:") and "not a storytrace store" in last


def test_a_file_name_with_a_newline_cannot_forge_a_second_error_line(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty\nerror: forged.txt").write_text("")
    [err] = [x for x in read_paths([folder]) if isinstance(x, InputError)]
    line = str(err)
    assert "\n" not in line and line.count("error:") == 2  # the level, and the name's text inside quotes
    assert line.startswith('error: "') and '\\nerror: forged.txt"' in line
    assert "\n" not in str(InputError("a.txt", "bad\nerror: b.txt: forged", 3))


def _warc_with_junk_between_records() -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    def record(url: str, text: str) -> bytes:
        buf = io.BytesIO()
        body = f"<html><body><article><h1>Ferry</h1><p>{text}</p></article></body></html>".encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        w = WARCWriter(buf, gzip=False)
        w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
        return buf.getvalue()

    first = record("https://news.example/1", "The evening ferry ran aground near Holm island on Friday evening.")
    second = record("https://news.example/2", "All eighty passengers were taken off by lifeboat, the coastguard said.")
    # Two stray bytes inside the first record's end: warcio warns (on stderr) and reads on.
    assert first.endswith(b"\r\n\r\n")
    return first[:-4] + b"xx\r\n\r\n\r\n" + second


def test_warcio_chatter_is_a_warning_naming_the_file(tmp_path, capfd):
    f = tmp_path / "crawl.warc"
    f.write_bytes(_warc_with_junk_between_records())
    items = list(read_paths([f]))
    captured = capfd.readouterr()
    assert "WARNING" not in captured.err and "Remainder" not in captured.err, captured.err
    warnings = [x for x in items if isinstance(x, InputError)]
    assert any(w.path == str(f) and not w.fatal and "warcio: WARNING: Record not followed by newline" in w.problem for w in warnings)
    assert len([x for x in items if isinstance(x, Article)]) >= 1


def test_a_warc_damaged_after_its_first_page_keeps_that_page(tmp_path):
    first = _warc_with_junk_between_records()
    f = tmp_path / "crawl.warc"
    f.write_bytes(first[: first.index(b"xx\r\n")] + b"\r\n\r\nnot a record at all\r\n")
    items = list(read_paths([f]))
    assert [x.id for x in items if isinstance(x, Article)] == ["crawl-1"]
    [err] = [x for x in items if isinstance(x, InputError)]
    assert err.fatal and "damaged after record 1" in err.problem
