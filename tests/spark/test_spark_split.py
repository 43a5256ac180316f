"""The Spark job cuts a component above ``max_block`` as one machine does (split_large_blocks)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

pyspark = pytest.importorskip("pyspark")
pytestmark = [pytest.mark.spark, pytest.mark.slow]

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "stories"))
from test_split_blocks import chained, group


def test_spark_cut_of_a_large_component_is_the_single_machine_one():
    from pyspark.sql import SparkSession

    from storytrace.spark.job import connected_components, split_large_blocks
    from storytrace.stories.blocking import (
        BlockingParams,
        SignatureTable,
        block_corpus,
        candidate_pairs,
        verify_pairs,
    )
    from storytrace.stories.signature import to_bytes

    os.environ["PYSPARK_PYTHON"] = sys.executable
    spark = (
        SparkSession.builder.master("local[1]").appName("storytrace-split-test")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "1g").getOrCreate()
    )
    try:
        sigs = chained(group("a", 6, 1), group("b", 6, 2)) + group("c", 3, 3)
        params = BlockingParams(max_block=8)
        table = SignatureTable()
        table.add(sigs)
        expected = block_corpus(table, params).blocks
        assert len(expected) == 3  # the chained component is cut in two
        pairs = verify_pairs(table, candidate_pairs(table, params), params)
        articles = spark.createDataFrame(
            [(s.id, s.published, bytearray(to_bytes(s))) for s in sigs], "id string, published long, sig binary")
        edges = spark.createDataFrame(
            [tuple(sorted((table.ids[i], table.ids[j]))) for i, j in pairs.tolist()], "a string, b string")
        labels = split_large_blocks(spark, articles, edges, connected_components(spark, articles.select("id"), edges), params)
        got: dict[str, list[str]] = {}
        for row in labels.collect():
            got.setdefault(row.label, []).append(row.id)
        assert sorted(sorted(b) for b in got.values()) == expected
    finally:
        spark.stop()
