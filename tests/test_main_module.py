"""`python -m storytrace` runs the storytrace command."""
import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"


def _run(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(SRC))
    return subprocess.run([sys.executable, "-m", "storytrace", *args], capture_output=True, text=True, env=env,
                          timeout=120)


def test_python_dash_m_storytrace_lists_the_commands():
    done = _run("--help")
    assert done.returncode == 0, done.stderr
    for command in ("analyze", "compare"):
        assert command in done.stdout


def test_python_dash_m_storytrace_reports_a_missing_file_by_name(tmp_path):
    missing = tmp_path / "no-such-article.txt"
    done = _run("compare", str(missing), str(missing))
    assert done.returncode != 0
    assert "no-such-article.txt" in done.stdout + done.stderr
