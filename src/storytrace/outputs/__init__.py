"""Writers for report.json, report.html, findings.csv, ClaimReview JSON-LD and the SQLite store."""
from __future__ import annotations

from pathlib import Path

from storytrace.model import Report


def write_outputs(report: Report, out_dir: str | Path, db_path: str | Path | None = None) -> dict[str, Path]:
    """Write every output file into ``out_dir`` and return their paths by name."""
    from storytrace.outputs import claimreview, csv_report, html_report, json_report, store

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = {
        "json": json_report.write(report, out / "report.json"),
        "csv": csv_report.write(report, out / "findings.csv"),
        "html": html_report.write(report, out / "report.html"),
        "claimreview": claimreview.write(report, out / "claimreview.jsonld"),
    }
    db = Path(db_path) if db_path else out / "storytrace.db"
    with store.Store(db) as s:
        s.save_report(report)
    paths["db"] = db
    return paths
