"""The Spark job (local mode) gives the same stories, lineage and findings as the single-machine path."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from scale_helpers import make_corpus

pyspark = pytest.importorskip("pyspark")
pytestmark = [pytest.mark.spark, pytest.mark.slow]

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "corpus"


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    session = (
        SparkSession.builder.master("local[2]").appName("storytrace-test")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4")
        .config("spark.default.parallelism", "2").config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def _examples_as_jsonl(path: Path) -> None:
    """examples/corpus (Markdown with front matter) as JSON lines, the Spark job's input format."""
    from storytrace.ingest import read_paths
    from storytrace.model import Article

    with open(path, "w", encoding="utf-8") as fh:
        for a in read_paths([EXAMPLES]):
            if isinstance(a, Article):
                fh.write(json.dumps({
                    "id": a.id, "text": a.original_text, "title": a.title, "outlet": a.outlet, "author": a.author,
                    "url": a.url, "language": a.language, "published": a.published.isoformat() if a.published else None,
                }) + "\n")


def _comparable(report: dict) -> list[dict]:
    return sorted(
        ({"id": s["id"], "title": s["title"], "article_ids": sorted(s["article_ids"]),
          "lineage": sorted(s["lineage"], key=lambda e: (e["source"], e["derived"])),
          "findings": s["findings"]} for s in report["stories"]),
        key=lambda s: s["id"],
    )


def test_spark_job_matches_single_machine_on_examples_and_generated(spark, tmp_path):
    from storytrace.outputs.json_report import report_to_dict
    from storytrace.pipeline import analyze
    from storytrace.spark.job import run_job

    corpus = tmp_path / "in"
    make_corpus(corpus, 24, words=80, shard=24, seed=7)
    _examples_as_jsonl(corpus / "examples.jsonl")

    spark_report = run_job(spark, str(corpus / "*.jsonl"), tmp_path / "spark-out")
    local_report = report_to_dict(analyze([corpus], quiet=True))

    assert _comparable(spark_report) == _comparable(local_report)
    assert sorted(a["id"] for a in spark_report["articles"]) == sorted(a["id"] for a in local_report["articles"])
    # The example story comes out whole, with lineage, in both.
    story = next(s for s in spark_report["stories"] if "original" in s["article_ids"])
    assert {"translation", "summary", "copy", "garbled"} <= set(story["article_ids"])
    assert story["lineage"]
    # Parquet tables are written with the report's rows.
    edges = spark.read.parquet(str(tmp_path / "spark-out" / "tables" / "lineage"))
    assert edges.count() == sum(len(s["lineage"]) for s in spark_report["stories"])
    findings = spark.read.parquet(str(tmp_path / "spark-out" / "tables" / "findings"))
    assert findings.count() == sum(len(s["findings"]) for s in spark_report["stories"])
    # why each severity travels too (issue 17.3): every finding of a fresh run has it recorded
    assert {"signals", "lacks", "severity_reason"} <= set(findings.columns)
    assert findings.filter(findings.severity_reason.isNull()).count() == 0
