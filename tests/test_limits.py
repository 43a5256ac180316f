"""Size caps and hostile files through `storytrace analyze` with its default limits (issue 7).

One CLI run over a folder holding a file past the 50 MiB cap (sparse, so it costs no disk), .gz
files that inflate to gigabytes (written with a streaming writer: nothing large is ever held in
memory here), JSON with wrong types, deeply nested HTML, a very long line and a few good
articles. Each bad file must give exactly one clear line on stderr naming it, the good ones must
all be analysed, nothing may print a traceback, and the run must not take gigabytes of memory.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

CAP = 50 * 1024 * 1024  # the default --max-file-mb (50 MiB) in bytes; read from the code below
MiB = 1024 * 1024

GOOD = (
    "Harbour fire destroys boats\n\n"
    "A fire broke out at the harbour in Portsmouth on Monday, destroying two fishing boats, the port authority said. "
    "Nobody was hurt, according to the coastguard.\n"
)


def test_the_documented_default_cap_is_the_code_default():
    from storytrace.config import Config
    from storytrace.ingest import DEFAULT_MAX_BYTES

    assert Config().max_file_bytes == DEFAULT_MAX_BYTES == CAP


def write_multi_member_bomb(path: Path, inflated_gib: int) -> int:
    """Concatenated gzip members of 16 MiB of zeros each (valid gzip): a few MB that inflate to GiBs."""
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9) as g:
        zeros = bytes(MiB)
        for _ in range(16):
            g.write(zeros)
    member = buf.getvalue()
    with open(path, "wb") as f:
        for _ in range(inflated_gib * 64):
            f.write(member)
    return path.stat().st_size


def write_single_member_bomb(path: Path, inflated_mib: int) -> int:
    """One gzip member streamed 1 MiB at a time through zlib (never the whole inflated text in memory)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)  # wbits 31: gzip container
    line = b"The minister said the figure was 10 per cent. " * 22 + b"\n"  # ~1 KiB of text
    block = line * 1024
    with open(path, "wb") as f:
        for _ in range(inflated_mib):
            f.write(compressor.compress(block))
        f.write(compressor.flush())
    return path.stat().st_size


def run_measured(args: list[str]) -> tuple[int, str, int]:
    """(exit status, stderr, peak RSS of the child in bytes); os.wait4 gives that child's own rusage."""
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    with open(os.devnull, "wb") as out, subprocess.Popen(
        [sys.executable, "-m", "storytrace.cli", *args], stdout=out, stderr=subprocess.PIPE, env=env
    ) as proc:
        err = proc.stderr.read().decode("utf-8", "replace")
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    peak = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    return proc.returncode, err, peak


@pytest.fixture(scope="module")
def limits_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("limits")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD)
    # a file past the cap: sparse, 60 MiB long
    with open(corpus / "huge.txt", "wb") as f:
        f.truncate(60 * MiB)
    # gzip bombs: 4 GiB from ~4 MB of concatenated members; 1 GiB of text in one member
    multi_size = write_multi_member_bomb(corpus / "zeros.txt.gz", inflated_gib=4)
    single_size = write_single_member_bomb(corpus / "text.md.gz", inflated_mib=1024)
    assert multi_size < CAP and single_size < CAP  # the compressed files themselves are under the cap
    (corpus / "truncated.txt.gz").write_bytes(gzip.compress(GOOD.encode())[:-12])
    # JSON with wrong types: whole-file problems and per-line problems
    (corpus / "number.json").write_text("12345")
    (corpus / "text-is-list.json").write_text(json.dumps({"id": "x", "text": ["not", "a", "string"]}))
    (corpus / "digits.json").write_text('{"text": "Body.", "id": ' + "9" * 5000 + "}")
    (corpus / "rows.jsonl").write_text("\n".join([
        json.dumps({"id": "row-good", "text": GOOD, "published": [2024, 3, 1], "title": {"nested": [1, None]},
                    "author": 10**30, "language": 7, "outlet": True}),
        json.dumps({"id": "row-int-text", "text": 42}),
        json.dumps(["a", "list"]),
        "[" * 50_000,
        json.dumps({"id": "row-null", "text": None}),
        json.dumps({"id": "row-surrogate", "text": GOOD.replace("fire", "fire \ud800", 1)}),
    ]) + "\n")
    # deeply nested HTML: 50,000 open <div>s
    (corpus / "deep.html").write_text(
        "<html><body>" + "<div>" * 50_000 + "<p>A fire broke out at the harbour on Monday, the port authority said.</p>"
        + "</div>" * 50_000 + "</body></html>"
    )
    # a very long line: 120,000 characters without a newline
    sentence = "The port authority said two fishing boats worth \u200f$1.2m were destroyed on Monday. "
    (corpus / "long-line.txt").write_text("Long line\n\n" + sentence * (120_000 // len(sentence)))
    out = root / "out"
    code, err, peak = run_measured(["analyze", str(corpus), "--out", str(out), "--quiet"])
    return corpus, out, code, err, peak


EXPECTED = {
    "huge.txt": f"file too large ({60 * MiB} bytes > limit of {CAP})",
    "zeros.txt.gz": f"compressed file inflates past the limit of {CAP} bytes",
    "text.md.gz": f"compressed file inflates past the limit of {CAP} bytes",
    "truncated.txt.gz": "not a valid gzip file",
    "number.json": "expected a JSON object or a list of objects, got int",
    "text-is-list.json": "field 'text' is not a string",
    "digits.json": "malformed JSON",
    "rows.jsonl:2": "field 'text' is not a string",
    "rows.jsonl:3": "expected a JSON object, got list",
    "rows.jsonl:4": "malformed JSON",
    "rows.jsonl:5": "field 'text' is not a string",
}


def error_lines(err: str) -> list[str]:
    return [ln for ln in err.splitlines() if ln.startswith("error:")]


def test_no_traceback_and_exit_status_1(limits_run):
    _, _, code, err, _ = limits_run
    assert "Traceback" not in err and "Error:" not in err.replace("error:", ""), err[-3000:]
    assert code == 1, err[-3000:]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_bad_file_is_one_line_naming_it(limits_run, name):
    corpus, _, _, err, _ = limits_run
    matching = [ln for ln in error_lines(err) if ln.startswith(f"error: {corpus / name}:")]
    assert len(matching) == 1, (name, error_lines(err))
    assert EXPECTED[name] in matching[0], matching[0]


def test_deep_html_is_one_line_or_read(limits_run):
    corpus, out, _, err, _ = limits_run
    lines = [ln for ln in err.splitlines() if str(corpus / "deep.html") in ln]
    ids = {a["id"] for a in json.loads((out / "report.json").read_text())["articles"]}
    assert (len(lines) == 1 and lines[0].startswith("error:")) or (not lines and "deep" in ids), lines


def test_good_files_are_all_analysed(limits_run):
    _, out, _, err, _ = limits_run
    report = json.loads((out / "report.json").read_text())
    ids = {a["id"] for a in report["articles"]}
    assert {"good", "row-good", "row-surrogate", "long-line"} <= ids, (ids, error_lines(err))
    long = next(a for a in report["articles"] if a["id"] == "long-line")
    assert long["word_count"] > 15_000
    # every error line names a file of the corpus; nothing else failed
    assert len(error_lines(err)) == len(EXPECTED) + sum(1 for ln in error_lines(err) if "deep.html" in ln)


def test_bombs_do_not_take_gigabytes_of_memory(limits_run):
    *_, peak = limits_run
    # the models alone take several hundred MB; a bomb inflated in memory would add 1-4 GiB
    assert peak < 2.5 * 1024 * MiB, f"peak RSS {peak / MiB:.0f} MiB"
