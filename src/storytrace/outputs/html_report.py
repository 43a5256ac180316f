"""report.html: one self-contained page (inline CSS, inline SVG, a small inline script for filters).

Nothing is loaded from the network: the Content-Security-Policy meta tag allows only the inline
stylesheet and script by their hashes. Every piece of article text is escaped by Jinja2.
"""
from __future__ import annotations

from pathlib import Path

from storytrace.model import Report
from storytrace.outputs.json_report import write_atomic
from storytrace.outputs.report_view import report_view
from storytrace.outputs.templating import content_security_policy, environment, inline_assets


def _no_link(article_id: str) -> str:
    """report.html has no per-article pages: versions are named, not linked."""
    return ""


def render(report: Report) -> str:
    template = environment().get_template("report.html.j2")
    return template.render(
        view=report_view(report), assets=inline_assets(), csp=content_security_policy(), article_url=_no_link
    )


def write(report: Report, path: Path) -> Path:
    return write_atomic(path, render(report))
