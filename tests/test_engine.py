"""One engine (pipeline.Pipeline) holds Config and the models; every front end uses it (issue 16.2)."""
from __future__ import annotations

import gc
import sqlite3

import pytest

from storytrace.compare import Comparer, PairInput
from storytrace.config import Config
from storytrace.pipeline import Pipeline

ORIGINAL = (
    "Ferry line reopens\n\n"
    "The island ferry line reopened on Friday after a three-week strike, the operator, Tavish Orr, said.\n\n"
    "Tickets will cost 12 euros, and the first crossing left at 7 a.m."
)
CHANGED = (
    "Ferry line reopens\n\n"
    "The island ferry line reopened on Friday after a five-week strike, the operator, Tavish Orr, said.\n\n"
    "Tickets will cost 12 euros, and the first crossing left at 7 a.m."
)


@pytest.fixture(scope="module")
def engine() -> Pipeline:
    return Pipeline(Config(quiet=True))


def test_compare_uses_the_engine_it_is_given_and_loads_no_encoder_for_one_sentence_pairs(engine):
    comparer = Comparer(engine=engine)
    assert comparer.config is engine.config
    [result] = comparer.compare([PairInput("p", "The ferry left at 7 a.m. on Friday.", "The ferry left at 9 a.m. on Friday.")])
    assert any(f.type == "date_change" or f.type == "number_change" for f in result.findings)
    assert comparer.extractor is engine.extractor and comparer.parser is engine.parser
    assert engine.parser.extractor is engine.extractor  # the findings parse with the configured spaCy model
    assert engine._embedder is None  # the findings' meaning signal gets the encoder lazily: no word here needs it


def test_the_nli_model_reaches_analyze(engine, monkeypatch):
    import storytrace.findings.nli as nli_mod

    class FakeNLI:
        pass

    fake = FakeNLI()
    calls = []
    monkeypatch.setattr(nli_mod, "detect_contradictions", lambda ctx, nli: calls.append(nli) or [])
    with_nli = Pipeline(Config(quiet=True))
    with_nli._extractor, with_nli._embedder = engine.extractor, engine.embedder  # share the loaded models
    with_nli._nli = fake
    with_nli.run([ORIGINAL, CHANGED])
    assert calls and all(n is fake for n in calls)
    calls.clear()
    engine.run([ORIGINAL, CHANGED])
    assert not calls  # no nli_model configured: none is asked


def test_a_bad_nli_model_is_one_error_when_compare_starts(tmp_path):
    from storytrace.findings.nli import NLILoadError

    with pytest.raises(NLILoadError):
        Comparer(Config(quiet=True, nli_model=str(tmp_path / "no-such-model")))


def test_worker_processes_and_spark_executors_hold_an_engine(tmp_path):
    from storytrace.spark import executor
    from storytrace.streaming import workers

    db = tmp_path / "s.db"
    sqlite3.connect(db).close()
    threshold = gc.get_threshold()
    try:
        workers._init_worker({"quiet": True, "story_window_days": 7}, str(db))
    finally:
        gc.set_threshold(*threshold)  # a worker raises it (perf17); this test process keeps its own
    assert isinstance(workers._WORKER["models"], Pipeline)
    assert workers._WORKER["models"].config.story_window_days == 7
    assert workers._WORKER["models"].config.torch_threads == 1
    one = executor.pipeline_for({"quiet": True, "story_window_days": 5})
    assert isinstance(one, Pipeline) and one is executor.pipeline_for({"quiet": True, "story_window_days": 5})


def test_the_web_app_analyses_with_the_served_settings(tmp_path):
    from storytrace.web.analysis import Reanalyser

    config = Config(quiet=True, story_window_days=3)
    reanalyser = Reanalyser(tmp_path / "x.db", lambda: Pipeline(config))
    assert reanalyser.pipeline.config.story_window_days == 3
    assert isinstance(Reanalyser(tmp_path / "y.db").pipeline, Pipeline)


def test_analyze_of_articles_that_stay_alone_never_loads_the_sentence_encoder(tmp_path):
    from storytrace.streaming.runner import run_into_store

    engine = Pipeline(Config(quiet=True))
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ferry.txt").write_text(ORIGINAL)
    (tmp_path / "in" / "bakery.txt").write_text(
        "Bakery wins prize\n\nA bakery in the old town won the regional bread prize on Sunday, its owner said.")
    run = run_into_store(engine, [tmp_path / "in"], tmp_path / "s.db")
    assert run.articles_read == 2 and run.blocks == 2
    assert engine._extractor is not None and engine._embedder is None
