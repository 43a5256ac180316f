"""findings.csv: one row per finding, the report.json fields."""
from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from pathlib import Path

from storytrace.model import Article, Report, Story
from storytrace.outputs.finding_order import display_order
from storytrace.outputs.json_report import story_finding_to_dict, write_atomic

COLUMNS = [
    "story", "id", "type", "severity", "article", "against", "claim", "claim_span", "derived_value",
    "source_article", "source_text", "source_span", "source_value", "explanation", "confidence",
    "signals", "lacks", "severity_reason",  # why this severity (findings/severity.py; empty: not recorded)
    "review_status", "review_reason", "review_note",  # a person's decision (empty: not reviewed)
    "direction_known",  # false: nothing showed which of the two versions came first (report.json schema 4)
]


# Cells a spreadsheet would run as a formula ("=HYPERLINK(...)", "-1+HYPERLINK(...)" in a hostile
# article). OWASP's rule: prefix every cell that begins with =, +, -, @, tab or carriage return with
# an apostrophe. A cell that is wholly a number ("-3", "+4.5%", "-1,200") is no formula and stays a number.
_FORMULA_START = re.compile(r"^[=+\-@\t\r]")
_PLAIN_NUMBER = re.compile(r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?")


def defuse_formula(value: object) -> object:
    if not isinstance(value, str) or not _FORMULA_START.match(value) or _PLAIN_NUMBER.fullmatch(value):
        return value
    return "'" + value


def write(report: Report, path: Path) -> Path:
    by_id = {a.id: a for a in report.articles}
    return write_stories(((story, by_id) for story in report.stories), path)


def write_stories(stories: Iterable[tuple[Story, dict[str, Article]]], path: Path) -> Path:
    """One row per finding of each (story, its articles by id): a large store passes one story at a time."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=COLUMNS)
    w.writeheader()
    for story, by_id in stories:
        for f in display_order(story.findings):  # as report.html lists them
            row = story_finding_to_dict(f, story, by_id)
            row["story"] = story.id
            review = row.pop("review", None) or {}
            row["review_status"], row["review_reason"] = review.get("status", ""), review.get("reason", "")
            row["review_note"] = review.get("note", "")
            for key in ("against", "claim_span", "source_span"):
                row[key] = json.dumps(row[key])
            for key in ("signals", "lacks"):
                row[key] = "" if row[key] is None else json.dumps(row[key])
            row["severity_reason"] = row["severity_reason"] or ""
            row["direction_known"] = json.dumps(row["direction_known"])
            for key in COLUMNS:  # ids come from file names: any string cell may start with '='
                row[key] = defuse_formula(row[key])
            w.writerow(row)
    return write_atomic(path, buf.getvalue())
