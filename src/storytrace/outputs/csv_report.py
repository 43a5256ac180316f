"""findings.csv: one row per finding, the report.json fields."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from storytrace.model import Report
from storytrace.outputs.json_report import finding_to_dict, write_atomic

COLUMNS = [
    "story", "id", "type", "severity", "article", "against", "claim", "claim_span", "derived_value",
    "source_article", "source_text", "source_span", "source_value", "explanation", "confidence",
]


def write(report: Report, path: Path) -> Path:
    by_id = {a.id: a for a in report.articles}
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS)
    w.writeheader()
    for story in report.stories:
        for f in story.findings:
            row = finding_to_dict(f, by_id)
            row["story"] = story.id
            for key in ("against", "claim_span", "source_span"):
                row[key] = json.dumps(row[key])
            w.writerow(row)
    return write_atomic(path, buf.getvalue())
