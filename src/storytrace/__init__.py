"""storytrace: how a news story changed as it travelled between outlets, languages and rewrites.

    >>> import storytrace
    >>> report = storytrace.analyze(["examples/"])
    >>> [f.type for f in report.findings]
"""
import os

# Batch-independent bfloat16 products. On CPUs with AMX tiles, oneDNN's AMX kernels give a row of a bfloat16
# product different bits depending on how many rows the batch has, so a sentence's vector (and a report) would
# depend on which sentences were encoded with it; its AVX512-BF16 kernels do not (tests/similarity,
# tests/verifier: batch independence). The cap has no effect on CPUs without AMX, and must be set before torch
# creates its first oneDNN primitive; a value the user set is kept.
os.environ.setdefault("ONEDNN_MAX_CPU_ISA", "AVX512_CORE_BF16")

from storytrace.model import Article, Finding, Report, Story  # noqa: E402
from storytrace.pipeline import Config, Pipeline, analyze  # noqa: E402
from storytrace.version import __version__  # noqa: E402

__all__ = ["analyze", "report_to_dict", "Config", "Pipeline", "Article", "Finding", "Report", "Story", "__version__"]


def report_to_dict(report: Report) -> dict:
    """The content of report.json for ``report`` (the outputs layer owns the format, not the model)."""
    from storytrace.outputs.json_report import report_to_dict as to_dict

    return to_dict(report)
