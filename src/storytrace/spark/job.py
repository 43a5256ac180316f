"""`storytrace spark-analyze INPUT --out DIR`: the pipeline as a PySpark job.

Stages (as passim does text reuse on Spark):
1. read JSON lines (one article per line) or Parquet (one per row);
2. per partition: clean, extract, signature and codec blob (storytrace.spark.executor, which
   calls the single-machine functions);
3. candidates: LSH band keys and name/figure terms exploded to rows and self-joined on the key
   (buckets over ``max_bucket`` dropped, as in the single-machine sort join; term pairs need two
   shared terms), plus document-vector neighbours in the window (found on the driver by the
   single-machine function), verified by the same combined-evidence test (``pair_passes``);
4. blocks: connected components by iterative min-label propagation over DataFrames; a component
   above ``max_block`` is cut on the driver by the single-machine function (``split_large``);
5. per block, in parallel (groupByKey on the block label, then flatMap): ``analyze_block``, the same function the
   single-machine pipeline runs, so stories, ids, lineage and findings are the same;
6. the driver writes report.json (the contract of DESIGN.md) and Parquet tables
   (articles, stories, lineage, findings: the store's names) under DIR/tables/.
"""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from storytrace.config import Config
from storytrace.stories.blocking import BlockingParams

PREPARED_SCHEMA = "id string, published long, sig binary, blob binary, meta string, error string"
STORY_SCHEMA = "story_id string, size long, report string, story string"


def spark_session(master: str | None = None, app_name: str = "storytrace"):
    """A session for the job; ``master`` None leaves it to spark-submit (or local[*] when run directly)."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    return builder.getOrCreate()


def _config_fields(config: Config) -> dict[str, Any]:
    fields = dataclasses.asdict(config)
    fields["quiet"] = True
    return fields


def read_input(spark, path: str):
    """(source, payload) rows: a JSON line as text, or a Parquet row as a dict."""
    p = str(path)
    is_parquet = p.endswith(".parquet") or (Path(p).is_dir() and any(Path(p).glob("*.parquet")))
    if is_parquet:
        df = spark.read.parquet(p)
        return df.rdd.map(lambda row: (p, row.asDict(recursive=True)))
    from pyspark.sql.functions import input_file_name

    lines = spark.read.text(p).withColumn("source", input_file_name())
    return lines.rdd.filter(lambda r: r.value.strip()).map(lambda r: (r.source, r.value))


def connected_components(spark, ids_df, edges_df, max_iterations: int = 100):
    """Label each id with the smallest id of its component (iterative min-label propagation)."""
    from pyspark.sql import functions as F

    both = edges_df.select(F.col("a").alias("src"), F.col("b").alias("dst")).union(
        edges_df.select(F.col("b").alias("src"), F.col("a").alias("dst"))
    ).localCheckpoint()
    labels = ids_df.select(F.col("id"), F.col("id").alias("label")).localCheckpoint()
    for _ in range(max_iterations):
        offered = both.join(labels, both.src == labels.id).select(F.col("dst").alias("id"), F.col("label"))
        updated = labels.union(offered).groupBy("id").agg(F.min("label").alias("label")).localCheckpoint()
        changed = updated.alias("n").join(labels.alias("o"), "id").filter(F.col("n.label") != F.col("o.label")).count()
        labels = updated
        if changed == 0:
            break
    return labels


def split_large_blocks(spark, articles, edges, labels, params: BlockingParams):
    """Labels with each component above ``max_block`` replaced by its parts, cut on the driver as on
    one machine (only those components' signatures and pairs are collected)."""
    from pyspark.sql import functions as F

    from storytrace.spark import executor

    large = labels.groupBy("label").count().filter(F.col("count") > params.max_block).select("label")
    members = labels.join(large, "label").select("id").persist()
    if not members.take(1):
        return labels
    rows = [tuple(r) for r in members.join(articles, "id").select("id", "published", "sig").collect()]
    pairs = [tuple(r) for r in edges.join(members.select(F.col("id").alias("a")), "a").select("a", "b").collect()]
    parts = executor.split_large_rows(rows, pairs, params)
    cut = spark.createDataFrame(sorted(parts.items()), "id string, part string")
    return labels.join(cut, "id", "left").select("id", F.coalesce(F.col("part"), F.col("label")).alias("label"))


def run_job(spark, input_path: str, out_dir: str | Path, config: Config | None = None,
            params: BlockingParams | None = None) -> dict[str, Any]:
    """Run every stage; write DIR/report.json and DIR/tables/*.parquet; return the report dict."""
    from pyspark.sql import functions as F

    from storytrace.version import __version__
    from storytrace.outputs.json_report import SCHEMA_VERSION
    from storytrace.spark import executor

    config = config or Config()
    params = params or BlockingParams()
    fields = _config_fields(config)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)

    prepared = spark.createDataFrame(
        read_input(spark, input_path).mapPartitions(lambda rows: executor.prepare_partition(rows, fields)),
        PREPARED_SCHEMA,
    ).persist()
    errors = sorted(r.error for r in prepared.filter(F.col("error").isNotNull()).select("error").collect())
    articles = prepared.filter(F.col("id").isNotNull()).dropDuplicates(["id"]).persist()

    keys = spark.createDataFrame(
        articles.select("id", "published", "sig").rdd.mapPartitions(lambda rows: executor.band_rows(rows, params)),
        "key long, id string, term boolean",
    )
    buckets = keys.groupBy("key").count().filter((F.col("count") >= 2) & (F.col("count") <= params.max_bucket))
    kept = keys.join(buckets.select("key"), "key")
    joined_keys = (
        kept.alias("x").join(kept.alias("y"), (F.col("x.key") == F.col("y.key")) & (F.col("x.id") < F.col("y.id")))
        .select(F.col("x.id").alias("a"), F.col("y.id").alias("b"), F.col("x.term").alias("term"))
    )
    # Band keys: any shared key is a candidate; name/figure terms: two shared (as term_pairs).
    band_pairs = joined_keys.filter(~F.col("term")).select("a", "b")
    term_pairs = joined_keys.filter(F.col("term")).groupBy("a", "b").count().filter(F.col("count") >= 2).select("a", "b")
    pairs = band_pairs.union(term_pairs)
    chance: dict[str, float] = {}  # cosine bars of chance at each article's window density
    typical: dict[str, list[int]] | None = None  # names and figures most of an article's window carries
    if "vectors" in params.sources:
        # Neighbour search over the document vectors runs on the driver with the single-machine
        # function (1 KB per article), on the articles in id order as the store gives them.
        vector_rows = sorted(articles.select("id", "published", "sig").collect(), key=lambda r: r.id)
        near, chance, typical = executor.vector_pair_ids(vector_rows, params)
        if near:
            pairs = pairs.union(spark.createDataFrame(near, "a string, b string"))
    pairs = pairs.distinct()
    sigs = articles.select("id", "published", "sig")
    joined = (
        pairs.join(sigs.alias("sa"), F.col("a") == F.col("sa.id"))
        .join(sigs.alias("sb"), F.col("b") == F.col("sb.id"))
        .select("a", "sa.published", "sa.sig", "b", "sb.published", "sb.sig")
    )
    edges = spark.createDataFrame(joined.rdd.mapPartitions(lambda rows: executor.verify_rows(rows, params, chance, typical)), "a string, b string")
    edges = edges.persist()
    labels = connected_components(spark, articles.select("id"), edges)
    labels = split_large_blocks(spark, articles, edges, labels, params)

    blocks = articles.join(labels, "id").select("label", "blob").rdd.map(lambda r: (r.label, bytes(r.blob)))
    stories = spark.createDataFrame(
        blocks.groupByKey().flatMap(lambda kv: executor.analyze_block_rows(list(kv[1]), fields)), STORY_SCHEMA
    )
    story_rows = sorted(stories.collect(), key=lambda r: (-r.size, r.story_id))
    article_rows = sorted((json.loads(r.meta) for r in articles.select("meta").collect()), key=lambda a: a["id"])

    report = {
        "version": __version__,
        "schema_version": SCHEMA_VERSION,
        "articles": article_rows,
        "stories": [json.loads(r.report) for r in story_rows],
        "errors": errors,
    }
    (out / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    _write_tables(spark, out / "tables", report)
    articles.unpersist()
    prepared.unpersist()
    return report


def _write_tables(spark, where: Path, report: dict[str, Any]) -> None:
    """Parquet tables with the report.json fields (list fields as JSON text)."""

    def cell(value: Any) -> Any:
        return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value

    def write(name: str, rows: list[dict[str, Any]], schema: str) -> None:
        columns = [c.split()[0] for c in schema.split(",")]
        data = [tuple(cell(r.get(c)) for c in columns) for r in rows]
        spark.createDataFrame(data, schema).coalesce(1).write.mode("overwrite").parquet(str(where / name))

    write("articles", report["articles"],
          "id string, source_path string, title string, outlet string, language string, published string, word_count long")
    write("stories", [{"id": s["id"], "title": s["title"], "article_ids": s["article_ids"]} for s in report["stories"]],
          "id string, title string, article_ids string")
    # The store's names (store/schema.py): lineage, and a column pointing at an article ends in article_id.
    write("lineage", [{"story_id": s["id"], "source_article_id": e["source"], "derived_article_id": e["derived"], **e}
                      for s in report["stories"] for e in s["lineage"]],
          "story_id string, source_article_id string, derived_article_id string, relation string, confidence double,"
          " coverage double, containment double, evidence string")
    write("findings", [{"story_id": s["id"], "article_id": f["article"], "source_article_id": f["source_article"], **f}
                       for s in report["stories"] for f in s["findings"]],
          "story_id string, id string, type string, severity string, article_id string, against string, claim string,"
          " claim_span string, derived_value string, source_article_id string, source_text string, source_span string,"
          " source_value string, explanation string, confidence double, signals string, lacks string,"
          " severity_reason string")
