"""The Spark executors' two stages without Spark: the block stage reads each article's token view from
its blob and parses nothing (issue 16.2), with the findings the single-machine run gives."""
from __future__ import annotations

import dataclasses
import json

from parse_helpers import CHANGED, ORIGINAL, count_parsed

from storytrace.config import Config
from storytrace.model import finding_to_dict
from storytrace.pipeline import analyze
from storytrace.spark import executor


def test_the_block_stage_parses_nothing_and_finds_what_one_machine_finds(monkeypatch):
    fields = {**dataclasses.asdict(Config()), "quiet": True}
    rows = [("in.jsonl", json.dumps({"id": i, "text": t})) for i, t in (("first", ORIGINAL), ("second", CHANGED))]
    prepared = list(executor.prepare_partition(rows, fields))
    assert [r[5] for r in prepared] == [None, None]
    parsed = count_parsed(monkeypatch)
    stories = executor.analyze_block_rows([r[3] for r in prepared], fields)
    assert parsed == [], "the block stage read the views the blobs carry"
    assert len(stories) == 1
    spark_findings = json.loads(stories[0][2])["findings"]
    local = analyze([ORIGINAL, CHANGED], quiet=True)
    local_findings = [finding_to_dict(f, {a.id: a for a in local.articles}) for f in local.findings]
    assert spark_findings and [f["type"] for f in spark_findings] == [f["type"] for f in local_findings]
    assert [f["claim"] for f in spark_findings] == [f["claim"] for f in local_findings]
