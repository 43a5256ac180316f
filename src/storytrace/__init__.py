"""storytrace: how a news story changed as it travelled between outlets, languages and rewrites.

    >>> import storytrace
    >>> report = storytrace.analyze(["examples/"])
    >>> [f.type for f in report.findings]
"""
from storytrace.model import Article, Finding, Report, Story
from storytrace.pipeline import Config, Pipeline, analyze
from storytrace.version import __version__

__all__ = ["analyze", "report_to_dict", "Config", "Pipeline", "Article", "Finding", "Report", "Story", "__version__"]


def report_to_dict(report: Report) -> dict:
    """The content of report.json for ``report`` (the outputs layer owns the format, not the model)."""
    from storytrace.outputs.json_report import report_to_dict as to_dict

    return to_dict(report)
