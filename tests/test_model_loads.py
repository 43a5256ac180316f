"""Model loads pause the cycle collector and freeze what they built, only in a process that asked."""
from __future__ import annotations

import gc

import pytest

from storytrace import model_loads


@pytest.fixture
def clean_gc(monkeypatch):
    monkeypatch.setattr(model_loads, "_enabled", False)
    gc.unfreeze()
    yield
    gc.unfreeze()  # the test process goes on with other tests
    gc.enable()


def test_a_library_user_keeps_its_collector_as_it_was(clean_gc):
    with model_loads.loading():
        assert gc.isenabled()
        built = [[] for _ in range(1000)]
    assert gc.get_freeze_count() == 0 and len(built) == 1000


def test_once_enabled_no_collection_runs_during_a_load_and_what_it_built_is_frozen(clean_gc):
    model_loads.enable()
    with model_loads.loading():
        assert not gc.isenabled(), "no full collection walks the half-built model"
        built = [[] for _ in range(5000)]  # containers the collector tracks
    assert gc.isenabled()
    assert gc.get_freeze_count() >= 5000 and len(built) == 5000


def test_a_failed_load_gives_the_collector_back(clean_gc):
    model_loads.enable()
    with pytest.raises(OSError):
        with model_loads.loading():
            raise OSError("no such model")
    assert gc.isenabled()


def test_the_command_line_enables_it(clean_gc, tmp_path):
    """`analyze` freezes the models it loads (a run's process exits at its end)."""
    from typer.testing import CliRunner

    from storytrace.cli import app

    (tmp_path / "a.txt").write_text("Harbour fire destroys boats\n\nA fire broke out at the harbour on Monday.\n")
    result = CliRunner().invoke(app, ["analyze", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == 0, result.output
    assert model_loads._enabled
