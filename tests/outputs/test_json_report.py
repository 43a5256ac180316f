"""report.json: what a consumer needs besides DESIGN.md's fields (outputs/json_report.py)."""
from __future__ import annotations


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
