"""Model loads pause the cycle collector and freeze what they built, only in a process that asked."""
from __future__ import annotations

import gc

import pytest

from storytrace import model_loads


@pytest.fixture
def clean_gc(monkeypatch):
    monkeypatch.setattr(model_loads, "_enabled", False)
    threshold = gc.get_threshold()
    gc.unfreeze()
    yield
    gc.unfreeze()  # the test process goes on with other tests
    gc.enable()
    gc.set_threshold(*threshold)


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


def test_once_enabled_the_young_generation_is_collected_less_often(clean_gc):
    """A run builds many long-lived containers and few cycles: fewer young collections, each walking
    more of them (1,167 -> 75 collections in `analyze` of 24 ECB+ articles); a library user keeps CPython's."""
    gc.set_threshold(700, 10, 10)
    with model_loads.loading():
        pass
    assert gc.get_threshold() == (700, 10, 10)
    model_loads.enable()
    assert gc.get_threshold() == (model_loads.YOUNG_THRESHOLD, 10, 10)


def test_a_caller_that_set_a_larger_threshold_or_no_collection_keeps_it(clean_gc):
    for threshold in ((50_000, 10, 10), (0, 10, 10)):
        gc.set_threshold(*threshold)
        model_loads.enable()
        assert gc.get_threshold() == threshold


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


def _run_exit(body: str) -> "subprocess.CompletedProcess[str]":
    import subprocess
    import sys
    import textwrap

    code = textwrap.dedent("""
        import atexit, sys, threading
        from storytrace import model_loads
        atexit.register(lambda: print("atexit ran", flush=True))
        class Tracked:
            def __del__(self):
                print("torn down", flush=True)
        tracked = Tracked()
        sys.stdout.write("buffered ")
    """) + textwrap.dedent(body)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)


def test_a_cli_process_with_models_exits_without_tearing_its_heap_down():
    """analyze and compare (model_loads enabled) leave without freeing every object one by one:
    the atexit handlers run, the streams are flushed, the exit status is kept, no object is torn down."""
    done = _run_exit("model_loads.enable()\nmodel_loads.exit_without_teardown(3)\nprint('returned')")
    assert done.returncode == 3
    assert done.stdout.split() == ["buffered", "atexit", "ran"]


def test_the_normal_exit_is_kept_for_a_library_a_profiler_a_running_thread_or_a_message():
    normal = ["buffered", "returned", "atexit", "ran", "torn", "down"]
    library = _run_exit("model_loads.exit_without_teardown(0)\nprint('returned')")
    assert library.stdout.split() == normal
    profiled = _run_exit("model_loads.enable()\nsys.setprofile(lambda *a: None)\n"
                         "model_loads.exit_without_teardown(0)\nsys.setprofile(None)\nprint('returned')")
    assert profiled.stdout.split() == normal
    threaded = _run_exit("model_loads.enable()\nstop = threading.Event()\n"
                         "t = threading.Thread(target=stop.wait)\nt.start()\n"
                         "model_loads.exit_without_teardown(0)\nprint('returned')\nstop.set()")
    assert threaded.stdout.split() == normal
    message = _run_exit("model_loads.enable()\nmodel_loads.exit_without_teardown('error: x')\nprint('returned')")
    assert message.stdout.split() == normal


_NO_INPUT = "['storytrace', 'analyze', '/nonexistent/storytrace-input', '--quiet']"


def test_a_program_that_calls_main_carries_on_after_it():
    """analyze enables model_loads; main() called by another program's code must raise SystemExit as
    before, not end that program's process (its own work after main() would be lost without a word)."""
    import subprocess
    import sys

    code = ("import sys\nfrom storytrace.cli import main\n"
            f"sys.argv = {_NO_INPUT}\n"
            "def run():\n"
            "    try:\n        main()\n    except SystemExit as exc:\n        print('host carries on', exc.code)\n"
            "run()\n"
            "try:\n    main()\nexcept SystemExit as exc:\n    print('host carries on', exc.code)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.split() == ["host", "carries", "on", "2"] * 2, done.stderr


def test_the_console_script_still_exits_without_teardown(tmp_path):
    """The console script pip writes (bin/storytrace: `sys.exit(main())` at its top level), run by an
    absolute or a relative path: the fast exit, its status kept, atexit handlers run."""
    import subprocess
    import sys

    script = tmp_path / "storytrace"
    script.write_text(
        "import atexit, sys\nfrom storytrace.cli import main\n"
        "atexit.register(lambda: print('atexit ran', flush=True))\n"
        "class Tracked:\n    def __del__(self):\n        print('torn down', flush=True)\n"
        "tracked = Tracked()\n"
        "if __name__ == '__main__':\n    sys.exit(main())\n")
    import os
    from pathlib import Path

    import storytrace

    env = {**os.environ, "PYTHONPATH": str(Path(storytrace.__file__).resolve().parents[1])}  # this tree, from any cwd
    for path, cwd in ((str(script), None), ("storytrace", tmp_path)):
        done = subprocess.run([sys.executable, path, "analyze", "/nonexistent/storytrace-input", "--quiet"],
                              capture_output=True, text=True, cwd=cwd, env=env)
        assert done.returncode == 2 and done.stdout.split() == ["atexit", "ran"], (done.stdout, done.stderr)
