"""report.json: what a consumer needs besides DESIGN.md's fields (outputs/json_report.py)."""
from __future__ import annotations

import pytest


def test_report_json_says_which_edges_and_findings_have_an_unknown_order():
    """Schema 4: every lineage edge and every finding carries "direction_known"; false where nothing
    showed which of the two versions came first, so "source" only names the other version."""
    from report_helpers import build_unordered_report

    from storytrace.outputs.json_report import report_to_dict

    story = report_to_dict(build_unordered_report())["stories"][0]
    known = {(e["source"], e["derived"]): e["direction_known"] for e in story["lineage"]}
    assert known == {("wire-original", "daily-translation"): True, ("wire-original", "blog-rewrite"): False}
    by_id = {f["id"]: f for f in story["findings"]}
    assert [by_id[i]["direction_known"] for i in ("f-swap", "f-num", "f-omit", "f-name", "f-add")] == [
        False, False, False, True, True]  # f-add names no version it is compared with
    assert by_id["f-num"]["explanation"].startswith("The versions differ here")


def test_a_failed_atomic_write_leaves_no_temporary_file(tmp_path):
    # the rename fails (a folder stands where the report goes), as a full disk or Ctrl-C would stop it
    from storytrace.outputs.json_report import write_atomic

    (tmp_path / "report.json").mkdir()
    with pytest.raises(OSError):
        write_atomic(tmp_path / "report.json", "{}")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json"]


def test_a_streamed_report_stopped_half_way_leaves_no_temporary_file(tmp_path, monkeypatch):
    from storytrace.outputs import from_store

    def rows(store):
        yield {"id": "a"}
        raise KeyboardInterrupt

    monkeypatch.setattr(from_store, "_article_rows", rows)
    with pytest.raises(KeyboardInterrupt):
        from_store.write_report_json_streamed(None, tmp_path / "report.json", "0", [])
    assert list(tmp_path.iterdir()) == []
