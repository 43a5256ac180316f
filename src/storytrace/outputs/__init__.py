"""The report files, written from one list of writers that every path uses.

``WRITERS`` names each output once (its key, file name and writer); ``write_outputs`` runs them
for an in-memory Report, and ``from_store.write_from_store`` runs the same list for a store that
fits in memory and streamed versions of the same files for one that does not.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from storytrace.model import Report


@dataclass(frozen=True)
class Writer:
    key: str  # the name callers find the written path under
    filename: str
    write: Callable[..., Path]  # (report, path, publishing) -> path


def _json(report: Report, path: Path, publishing=None) -> Path:
    from storytrace.outputs import json_report

    return json_report.write(report, path)


def _csv(report: Report, path: Path, publishing=None) -> Path:
    from storytrace.outputs import csv_report

    return csv_report.write(report, path)


def _html(report: Report, path: Path, publishing=None) -> Path:
    from storytrace.outputs import html_report

    return html_report.write(report, path)


def _claimreview(report: Report, path: Path, publishing=None) -> Path:
    from storytrace.outputs import claimreview

    return claimreview.write(report, path, publishing)


WRITERS: tuple[Writer, ...] = (
    Writer("json", "report.json", _json),
    Writer("csv", "findings.csv", _csv),
    Writer("html", "report.html", _html),
    Writer("claimreview", "claimreview.jsonld", _claimreview),
)


def filename(key: str) -> str:
    return next(w.filename for w in WRITERS if w.key == key)


def write_outputs(report: Report, out_dir: str | Path, publishing=None) -> dict[str, Path]:
    """Write every report file into ``out_dir`` and return their paths by key.

    ``publishing``: claimreview.Publishing (author, base URL, whether unreviewed findings go out).
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    return {w.key: w.write(report, out / w.filename, publishing) for w in WRITERS}
