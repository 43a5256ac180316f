"""The words for "one signal made it medium" are written by findings/severity.py only: a detector
that writes them by hand leaves no record (``lacks``), so merge.py could not raise the finding's
note properly and the exports would not say why. A guard for detectors added or edited later."""
from __future__ import annotations

import ast
from pathlib import Path

import storytrace.findings as findings_pkg
from storytrace.findings.severity import ALONE, NOT_HIGH

PACKAGE = Path(findings_pkg.__file__).parent
WORDS = (NOT_HIGH.strip(), ALONE.strip())  # "Medium, not high:", "Medium on this signal alone:"


def _hand_written(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [f"{path.name}:{node.lineno}" for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and any(w in node.value for w in WORDS)]


def test_only_severity_py_writes_the_medium_note():
    sites = [site for path in sorted(PACKAGE.rglob("*.py")) if path.name != "severity.py"
             for site in _hand_written(path)]
    assert sites == [], f"write the note with severity.lower_to_medium, not by hand: {sites}"


def test_the_guard_sees_a_hand_written_note(tmp_path):
    bad = tmp_path / "bad_detector.py"
    bad.write_text('EXPLANATION = "The figure changed." + " Medium, not high: no unit."\n', encoding="utf-8")
    assert _hand_written(bad) == ["bad_detector.py:1"]
