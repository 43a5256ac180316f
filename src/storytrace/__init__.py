"""storytrace: how a news story changed as it travelled between outlets, languages and rewrites.

    >>> import storytrace
    >>> report = storytrace.analyze(["examples/"])
    >>> [f.type for f in report.findings]
"""
from storytrace.model import Article, Finding, Report, Story
from storytrace.pipeline import Config, analyze

__version__ = "0.1.0"
__all__ = ["analyze", "Config", "Article", "Finding", "Report", "Story", "__version__"]
