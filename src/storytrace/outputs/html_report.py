"""report.html (STUB: a minimal escaped page until the reports work lands)."""
from __future__ import annotations

import html
from pathlib import Path

from storytrace.model import Report
from storytrace.outputs.json_report import write_atomic


def write(report: Report, path: Path) -> Path:
    rows = "".join(f"<li>{html.escape(a.id)}: {html.escape(a.title)}</li>" for a in report.articles)
    return write_atomic(path, f"<!doctype html><meta charset=utf-8><title>storytrace</title><ul>{rows}</ul>")
