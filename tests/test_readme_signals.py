"""README's report.json section lists every severity signal a finding's `signals`/`lacks` may hold
(severity_basis.Signal): a consumer reading `lacks: ["derived_edge"]` finds what it means there."""
from __future__ import annotations

from pathlib import Path

from storytrace.severity_basis import Signal


def test_readme_names_every_signal():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("- `signals`:", 1)[1].split("- `lacks`:", 1)[0]
    assert [s.value for s in Signal if f"`{s.value}`" not in section] == []
