"""`storytrace analyze` with the shipped verifier: medium/high findings show its score only when
switched on, and the store and report still hold every article."""
from __future__ import annotations

import csv

from typer.testing import CliRunner

ORIGINAL = """---
id: original
title: Floods close valley roads
---

Heavy rain flooded the Tessin valley on Sunday, the regional government said.
Two roads were closed and 40 people left their homes in the village of Brenno.
Engineers from the canton inspected the dam above the village on Monday morning.
The government said the water would fall by Wednesday and the roads would reopen on Thursday.
Schools in the valley will stay closed until the end of the week.
"""

REWRITE = """---
id: rewrite
title: Floods close valley roads
---

Heavy rain flooded the Tessin valley on Sunday, the regional government said.
Two roads were closed and 400 people left their homes in the village of Brenno.
Engineers from the canton inspected the dam above the village on Monday morning.
The government said the water would fall by Wednesday and the roads would reopen on Thursday.
Schools in the valley will stay closed until the end of the week.
"""


def _analyze(tmp_path, name: str, *flags: str) -> list[dict]:
    from storytrace.cli import app

    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    (corpus / "original.md").write_text(ORIGINAL, encoding="utf-8")
    (corpus / "rewrite.md").write_text(REWRITE, encoding="utf-8")
    out = tmp_path / name
    result = CliRunner().invoke(app, ["analyze", str(corpus), "--out", str(out), "--quiet", *flags])
    assert result.exit_code == 0, result.output
    with open(out / "findings.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_analyze_shows_the_verifiers_score_on_checked_findings_only_when_asked(tmp_path):
    plain = _analyze(tmp_path, "plain")
    checked = _analyze(tmp_path, "checked", "--verifier-pairs", "--verifier-findings")
    number = [r for r in checked if "400 people" in r["claim"] and r["type"] == "number_change"]
    assert number, checked
    assert all("P(supported)" in r["explanation"] for r in number)
    assert not any("P(supported)" in r["explanation"] for r in plain)
    # the verifier adds judgements, never removes a finding
    assert {(r["type"], r["claim"]) for r in plain} <= {(r["type"], r["claim"]) for r in checked}
