"""`analyze --workers N` gives what one process gives; `--fast` defers only lone articles, and a later
full run on the same store catches up to what a full run from scratch gives."""
from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from scale_helpers import cli, make_corpus, report

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "corpus"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("workers")
    shutil.copytree(EXAMPLES, root / "examples")
    make_corpus(root / "generated", 40, words=80, shard=20, story_share=0.5)
    return root


def _analyze(corpus: Path, out: Path, *extra: str) -> dict:
    done = cli("analyze", str(corpus), "--out", str(out), "--quiet", *extra)
    assert done.returncode == 0, done.stderr
    return report(out / "report.json")


def _pending(db: Path) -> set[str]:
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return {r[0] for r in conn.execute("SELECT article_id FROM _st_pending_extraction")}


@pytest.fixture(scope="module")
def one_process(corpus, tmp_path_factory) -> dict:
    return _analyze(corpus, tmp_path_factory.mktemp("one"))


@pytest.mark.slow
def test_two_workers_give_the_same_report(corpus, one_process, tmp_path):
    two = _analyze(corpus, tmp_path / "two", "--workers", "2")
    assert two["stories"] == one_process["stories"]
    assert two["articles"] == one_process["articles"]
    assert any(s["findings"] for s in two["stories"]), "the corpus must give findings for the comparison to mean much"


@pytest.mark.slow
def test_fast_defers_only_lone_articles_and_a_full_run_catches_up(corpus, one_process, tmp_path):
    out = tmp_path / "fast"
    fast = _analyze(corpus, out, "--fast")
    lone = {s["article_ids"][0] for s in one_process["stories"] if len(s["article_ids"]) == 1}
    # Only articles alone in their block are deferred; an article that build_stories left alone in
    # a block of several (event-level candidates make blocks coarser than stories) is extracted.
    deferred = _pending(out / "storytrace.db")
    assert deferred and deferred <= lone
    # stories with several versions are analysed exactly as in a full run
    multi = lambda r: [s for s in r["stories"] if len(s["article_ids"]) > 1]  # noqa: E731
    assert multi(fast) == multi(one_process) and multi(fast)
    assert sorted(s["id"] for s in fast["stories"]) == sorted(s["id"] for s in one_process["stories"])

    # the same store without --fast: only the deferred articles are extracted, and the result is a full run's
    again = cli("analyze", str(corpus), "--out", str(out))
    assert again.returncode == 0, again.stderr
    assert f"({len(deferred)} analysed, {len(one_process['articles'])} unchanged)" in again.stderr
    assert not _pending(out / "storytrace.db")
    assert report(out / "report.json")["stories"] == one_process["stories"]


def test_a_story_id_taken_by_an_earlier_block_is_recomputed_as_one_process_would(tmp_path, monkeypatch):
    """Blocks are analysed as if no id were taken; the runner redoes the one whose inherited id an
    earlier block already took. The ids must be those of analysing the blocks one by one in order."""
    from storytrace.config import Config
    from storytrace.model import Article
    from storytrace.store.database import Store
    from storytrace.pipeline import Pipeline
    from storytrace.streaming import runner
    from storytrace.store import stream_tables
    from storytrace.pipeline import analyze_block
    from storytrace.stories.blocking import block_corpus

    pipeline = Pipeline(Config(quiet=True))

    def articles(copy_text: str | None = None) -> list[Article]:
        out = [a for a in pipeline.read([EXAMPLES]) if isinstance(a, Article)]
        if copy_text is not None:  # the copy becomes a copy of another story: it leaves its story
            next(a for a in out if a.id == "copy").original_text = copy_text
        return out

    db = tmp_path / "st.db"
    runner.run_into_store(pipeline, articles(), db)
    steel = next(a for a in articles() if a.id == "unrelated-steel").original_text
    with Store(db) as s:
        before = stream_tables.current_story_of(s, ["copy", "original", "unrelated-steel"])
    assert before["copy"] == before["original"] != before["unrelated-steel"]

    # the reference: the same store, blocks analysed one at a time with the run's taken ids
    reference = tmp_path / "ref.db"
    runner.run_into_store(pipeline, articles(), reference)
    calls: list[int] = []
    redo = runner._redo
    monkeypatch.setattr(runner, "_redo", lambda *a: calls.append(1) or redo(*a))
    runner.run_into_store(pipeline, articles(steel), db)
    runner.run_into_store(pipeline, articles(steel), tmp_path / "scratch.db")  # the changed corpus, extracted
    with Store(tmp_path / "scratch.db") as scratch:
        blocks = block_corpus(stream_tables.load_signature_table(scratch)).blocks
        extracted = {a.id: a for a in stream_tables.load_articles(scratch, [i for b in blocks for i in b])}
    with Store(reference) as s:
        taken: set[str] = set()
        expected = {}
        for block in blocks:
            for story in analyze_block([extracted[i] for i in block], pipeline,
                                       previous=stream_tables.current_story_of(s, block), taken=taken):
                expected[story.id] = sorted(story.article_ids)
    with Store(db) as s:
        got = {sid: sorted(r[0] for r in s.conn.execute("SELECT article_id FROM story_articles WHERE story_id = ?", (sid,)))
               for (sid,) in s.conn.execute("SELECT id FROM stories")}
    assert got == expected
    assert calls, "this corpus must exercise the recompute path"


@pytest.mark.slow
def test_workers_replaced_by_fresh_ones_give_the_same_report(corpus, one_process, tmp_path, monkeypatch):
    """A long run hands its groups to a new pool every GROUPS_PER_WORKER groups per worker (bounding
    what a worker's memory can grow to); the stories must be exactly those of one process."""
    from storytrace.version import __version__
    from storytrace.config import Config
    from storytrace.pipeline import Pipeline
    from storytrace.streaming import runner, workers
    from storytrace.outputs.from_store import write_from_store

    monkeypatch.setattr(workers, "GROUPS_PER_WORKER", 1)
    monkeypatch.setattr(runner, "_groups", lambda tasks, **_: [tasks[k::6] for k in range(6)])  # six groups: three pools
    pids: list[int] = []  # one per group

    def recording(*args, **kwargs):
        for results in workers.analyse_groups(*args, **kwargs):
            pids.append(results[0].worker_pid)
            yield results

    monkeypatch.setattr(runner, "analyse_groups", recording)
    out = tmp_path / "replaced"
    out.mkdir()
    run = runner.run_into_store(Pipeline(Config(quiet=True)), [corpus], out / "storytrace.db", workers=2)
    write_from_store(out / "storytrace.db", out, __version__, run.errors)

    assert len(pids) == 6 and len(set(pids)) >= 3, "three pools, each of fresh workers"
    replaced = report(out / "report.json")
    assert replaced["stories"] == one_process["stories"]
    assert replaced["articles"] == one_process["articles"]


@pytest.mark.slow
def test_workers_started_while_reading_give_the_same_report(corpus, one_process, tmp_path, monkeypatch):
    """Workers start and load their models while this process still reads (once enough articles are
    read); they then analyse every group, and the stories are exactly those of one process."""
    from storytrace.config import Config
    from storytrace.outputs.from_store import write_from_store
    from storytrace.pipeline import Pipeline
    from storytrace.streaming import runner, workers
    from storytrace.version import __version__

    events: list[str] = []
    warm, block = workers.WorkerPool.warm, runner.block_corpus

    def recording_warm(self):
        events.append("warm")
        warm(self)

    def recording_block(*args, **kwargs):
        events.append("block")
        return block(*args, **kwargs)

    monkeypatch.setattr(runner, "WARM_AFTER_ARTICLES_PER_WORKER", 1)
    monkeypatch.setattr(runner, "STREAM_BATCH", 8)
    monkeypatch.setattr(workers.WorkerPool, "warm", recording_warm)
    monkeypatch.setattr(runner, "block_corpus", recording_block)
    pids: set[int] = set()

    def recording(*args, **kwargs):
        for results in workers.analyse_groups(*args, **kwargs):
            pids.update(r.worker_pid for r in results)
            yield results

    monkeypatch.setattr(runner, "analyse_groups", recording)
    out = tmp_path / "warmed"
    out.mkdir()
    run = runner.run_into_store(Pipeline(Config(quiet=True)), [corpus], out / "storytrace.db", workers=2)
    write_from_store(out / "storytrace.db", out, __version__, run.errors)

    assert events == ["warm", "block"], "the workers are started before the reading ends"
    assert pids and os.getpid() not in pids, "the started workers analyse the groups"
    warmed = report(out / "report.json")
    assert warmed["stories"] == one_process["stories"]
    assert warmed["articles"] == one_process["articles"]
