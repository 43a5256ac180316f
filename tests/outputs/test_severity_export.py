"""Why a finding has its severity travels with it (issue 17.3): report.json, findings.csv, the
HTML "why this severity" line (escaped), the store (layout 4), and an older store reads as unknown."""
from __future__ import annotations

import csv
import sqlite3

from report_helpers import HOSTILE, build_hostile_report

from storytrace.findings.severity import Signal, lower_to_medium, settle_high
from storytrace.outputs import csv_report, html_report
from storytrace.outputs.json_report import report_to_dict
from storytrace.store import codec, schema
from storytrace.store.database import Store, load_stories, open_readonly


def _recorded_report():
    """The hostile report with a basis on two of its findings; the third keeps none (unknown)."""
    report = build_hostile_report()
    swap, num, _ = report.stories[0].findings
    settle_high(swap, (Signal.DETECTOR, Signal.ONE_TO_ONE), "")
    lower_to_medium(num, Signal.SAME_QUANTITY, "no noun or unit names what both figures count.")
    return report


def test_report_json_carries_the_basis_and_null_where_unknown():
    findings = {f["id"]: f for f in report_to_dict(_recorded_report())["stories"][0]["findings"]}
    assert (findings["f-swap"]["signals"], findings["f-swap"]["lacks"], findings["f-swap"]["severity_reason"]) == \
        (["detector", "one_to_one"], [], "two_signals")
    assert (findings["f-num"]["signals"], findings["f-num"]["lacks"], findings["f-num"]["severity_reason"]) == \
        (["detector"], ["same_quantity"], "lacks_signal")
    assert (findings["f-add"]["signals"], findings["f-add"]["lacks"], findings["f-add"]["severity_reason"]) == \
        (None, None, None)
    assert "note_lead" not in findings["f-num"] and "note_at" not in findings["f-num"]  # internal


def test_findings_csv_has_the_basis_columns(tmp_path):
    path = csv_report.write(_recorded_report(), tmp_path / "findings.csv")
    with path.open(newline="", encoding="utf-8") as fh:
        rows = {r["id"]: r for r in csv.DictReader(fh)}
    assert (rows["f-num"]["signals"], rows["f-num"]["lacks"], rows["f-num"]["severity_reason"]) == \
        ('["detector"]', '["same_quantity"]', "lacks_signal")
    assert (rows["f-add"]["signals"], rows["f-add"]["lacks"], rows["f-add"]["severity_reason"]) == ("", "", "")


def test_the_html_says_why_each_severity_and_escapes_it():
    report = _recorded_report()
    report.stories[0].findings[0].signals.append(HOSTILE)  # a signal name this version does not know
    page = html_report.render(report)
    assert ("Why medium: signals: the change itself; missing for high: both values count the same thing."
            in page)
    assert "Why high: two signals agree: the change itself; the sentence renders exactly one source sentence; " \
           "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Why low: not recorded" in page
    assert "<script>alert(1)" not in page


def test_the_store_keeps_the_basis(tmp_path):
    report = _recorded_report()
    with Store(tmp_path / "s.db") as s:
        s.save_report(report)
        [story] = load_stories(s, ["story-1"])
    got = {f.id: (f.signals, f.lacks, f.severity_reason) for f in story.findings}
    assert got == {"f-swap": (["detector", "one_to_one"], [], "two_signals"),
                   "f-num": (["detector"], ["same_quantity"], "lacks_signal"), "f-add": (None, None, None)}


def _as_layout_3(path) -> None:
    """The store as session 12 wrote it: no basis columns, PRAGMA user_version 3."""
    with sqlite3.connect(path) as conn:
        for column in schema.SEVERITY_COLUMNS:
            conn.execute(f"ALTER TABLE findings DROP COLUMN {column}")
        conn.execute("PRAGMA user_version = 3")


def test_a_layout_3_store_reads_as_unknown_read_only_and_migrates_writable(tmp_path):
    path = tmp_path / "old.db"
    with Store(path) as s:
        s.save_report(_recorded_report())
    _as_layout_3(path)
    reader = open_readonly(path)  # no migration needed to read it
    try:
        [story] = load_stories(reader, ["story-1"])
    finally:
        reader.conn.close()
    assert [(f.id, f.signals, f.severity_reason) for f in story.findings] == \
        [("f-swap", None, None), ("f-num", None, None), ("f-add", None, None)]
    assert [f.explanation for f in story.findings][1].endswith("no noun or unit names what both figures count.")
    report = build_hostile_report()
    report.stories[0] = story
    assert html_report.render(report).count("not recorded (this finding was stored before") == 3
    with Store(path) as s:  # writable: migrated to layout 4, the old findings kept, still unknown
        assert s.conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION == 4
        assert s.conn.execute("SELECT count(*) FROM findings WHERE severity_reason IS NULL").fetchone()[0] == 3
        [again] = load_stories(s, ["story-1"])
    assert [f.claim for f in again.findings] == [f.claim for f in story.findings]


def test_a_story_blob_written_before_the_basis_reads_as_unknown():
    blob = codec.story_to_dict(_recorded_report().stories[0])
    for f in blob["findings"]:
        for key in ("signals", "lacks", "severity_reason", "note_lead", "note_at"):
            f.pop(key)
    story = codec.story_from_dict(blob)
    assert {(f.signals, f.lacks, f.severity_reason) for f in story.findings} == {(None, None, None)}
    assert codec.story_from_dict(codec.story_to_dict(_recorded_report().stories[0])).findings[1].lacks == \
        ["same_quantity"]
