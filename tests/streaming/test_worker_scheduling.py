"""How groups are handed to worker processes: order kept, workers retired in turn, none outliving the run."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from concurrent.futures import Future, ThreadPoolExecutor

import pytest

from storytrace.streaming import workers


class _ThreadSlot:
    """A stand-in for a worker slot that runs each 'group' (a sleep, then its label) on a thread."""

    def __init__(self, name: str, quota: int, log: list):
        self.name, self.quota, self.log = name, quota, log
        self.pool = ThreadPoolExecutor(1)
        self.given = 0
        self.running: set[Future] = set()

    def can_take(self) -> bool:
        self.running = {f for f in self.running if not f.done()}
        if self.given >= self.quota and not self.running:
            self.log.append(("retired", self.name))
            self.given = 0
        return self.given < self.quota and len(self.running) < workers.QUEUED_PER_WORKER

    def idle(self) -> bool:
        self.running = {f for f in self.running if not f.done()}
        return not self.running

    def submit(self, group):
        seconds, label = group
        self.given += 1
        self.log.append(("ran", self.name, label))
        future = self.pool.submit(lambda: (time.sleep(seconds), label)[1])
        self.running.add(future)
        return future


def test_results_come_back_in_the_order_of_the_groups_even_when_later_groups_finish_first():
    log: list = []
    slots = [_ThreadSlot("a", 3, log), _ThreadSlot("b", 3, log)]
    groups = [(0.2, 0), (0.0, 1), (0.0, 2), (0.1, 3), (0.0, 4), (0.0, 5), (0.05, 6), (0.0, 7)]

    assert list(workers._scheduled(iter(groups), slots)) == list(range(8))
    ran_on = {entry[2]: entry[1] for entry in log if entry[0] == "ran"}
    assert set(ran_on.values()) == {"a", "b"}, "both workers get groups"
    assert sum(1 for entry in log if entry[0] == "retired") >= 1, "a worker past its quota is retired, then reused"


def test_the_last_groups_go_to_a_free_worker_not_behind_a_slow_group():
    log: list = []
    slots = [_ThreadSlot("a", 9, log), _ThreadSlot("b", 9, log)]
    groups = [(0.6, 0), (0.0, 1), (0.0, 2), (0.0, 3)]  # group 0 is slow; 2 and 3 are the run's last
    assert list(workers._scheduled(iter(groups), slots, total=len(groups))) == [0, 1, 2, 3]
    ran_on = {entry[2]: entry[1] for entry in log if entry[0] == "ran"}
    assert ran_on == {0: "a", 1: "b", 2: "b", 3: "b"}, "b had nothing to do: the last groups are its"


def test_the_parents_own_work_runs_while_the_first_groups_run_and_before_any_result():
    """The lone articles' stories (``meanwhile``) are saved while the workers analyse the first groups,
    not before they get them, and still before the first result is given (so ids are taken as before)."""
    log: list = []
    slots = [_ThreadSlot("a", 9, log), _ThreadSlot("b", 9, log)]
    groups = [(0.0, 0), (0.0, 1), (0.0, 2)]
    seen: list = []

    def meanwhile():
        seen.append(sorted(entry[2] for entry in log if entry[0] == "ran"))

    results = workers._scheduled(iter(groups), slots, total=len(groups), meanwhile=meanwhile)
    first = next(results)
    assert len(seen) == 1 and {0, 1} <= set(seen[0]), "both workers had a group when the parent's own work began"
    assert [first, *results] == [0, 1, 2]
    assert len(seen) == 1


def test_groups_wait_for_workers_that_have_no_room_yet_instead_of_being_dropped():
    """At the start of the analysis a worker may still be busy (loading its models, a queued task):
    its groups wait for it; the run does not end with no results."""
    log: list = []
    slots = [_ThreadSlot("a", 9, log)]
    for _ in range(workers.QUEUED_PER_WORKER):  # the slot is full when the groups come
        slots[0].running.add(slots[0].pool.submit(time.sleep, 0.2))
    assert list(workers._scheduled(iter([(0.0, 0), (0.0, 1)]), slots, total=2)) == [0, 1]


def test_a_short_run_spreads_its_few_groups_over_all_workers():
    log: list = []
    slots = [_ThreadSlot("a", 5, log), _ThreadSlot("b", 5, log)]
    assert list(workers._scheduled(iter([(0.05, 0), (0.05, 1)]), slots)) == [0, 1]
    assert [entry[1] for entry in log if entry[0] == "ran"] == ["a", "b"]


def test_a_worker_retires_only_when_its_groups_are_finished():
    log: list = []
    slot = _ThreadSlot("only", 2, log)
    list(workers._scheduled(iter([(0.05, k) for k in range(5)]), [slot]))
    events = [e[0] if e[0] == "retired" else e[2] for e in log]
    assert events == [0, 1, "retired", 2, 3, "retired", 4]


def test_workers_retire_in_turn_so_they_are_never_all_at_their_largest():
    every = workers.GROUPS_PER_WORKER
    assert workers.first_quotas(2) == [every // 2, every]
    assert workers.first_quotas(4) == [every // 4, every // 2, every * 3 // 4, every]
    assert len(set(workers.first_quotas(3))) == 3


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_exit_when_the_parent_is_killed(tmp_path):
    """SIGKILL gives the parent no chance to stop its pool; the workers must notice and exit on their own."""
    pid_file = tmp_path / "worker.pid"
    script = textwrap.dedent(f"""
        import multiprocessing, os, time
        from concurrent.futures import ProcessPoolExecutor
        from storytrace.streaming.workers import _exit_with_parent

        def report_and_sleep():
            open({str(pid_file)!r}, "w").write(str(os.getpid()))
            time.sleep(120)

        if __name__ == "__main__":
            pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"), initializer=_exit_with_parent)
            pool.submit(report_and_sleep)
            time.sleep(120)
    """)
    (tmp_path / "parent.py").write_text(script)
    parent = subprocess.Popen([sys.executable, str(tmp_path / "parent.py")], cwd=tmp_path)
    try:
        deadline = time.monotonic() + 60
        while not (pid_file.exists() and pid_file.read_text()):
            assert time.monotonic() < deadline, "the worker never started"
            time.sleep(0.1)
        worker_pid = int(pid_file.read_text())
        assert os.path.exists(f"/proc/{worker_pid}")
        parent.send_signal(signal.SIGKILL)
        parent.wait()
        deadline = time.monotonic() + 10
        while _alive(worker_pid):
            assert time.monotonic() < deadline, "the worker kept running after its parent died"
            time.sleep(0.1)
    finally:
        parent.kill()


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"  # a zombie has exited
    except FileNotFoundError:
        return False


def _tasks(sizes: list[int]) -> list:
    from storytrace.streaming.workers import BlockTask

    return [BlockTask(n, [f"a{n}-{k}" for k in range(size)], {}) for n, size in enumerate(sizes)]


def test_groups_taper_off_at_the_end_of_a_run_with_several_workers():
    # One full group left running alone at the end keeps a core idle: the tail groups shrink instead.
    from storytrace.streaming.runner import _groups

    tasks = _tasks([2] * 1000)  # 2,000 articles in blocks of two
    groups = _groups(tasks, max_articles=200, workers=2, min_articles=20)
    sizes = [sum(len(t.members) for t in g) for g in groups]
    assert [t for g in groups for t in g] == tasks  # every block once, in order
    assert max(sizes) == 200 and sizes[0] == 200
    assert sizes[-4:] == sorted(sizes[-4:], reverse=True)  # shrinking towards the end
    assert all(s <= 40 for s in sizes[-3:])  # the last groups are a fraction of a full one


def test_one_worker_keeps_full_groups():
    from storytrace.streaming.runner import _groups

    sizes = [sum(len(t.members) for t in g) for g in _groups(_tasks([2] * 1000), max_articles=200, workers=1)]
    assert sizes == [200] * 10


def test_a_small_run_uses_only_the_workers_it_can_keep_busy():
    # Each worker loads its own models (~7 CPU-s): eleven articles are cheaper in this process alone.
    from storytrace.streaming.runner import MIN_ARTICLES_PER_WORKER, useful_workers

    assert useful_workers(2, 11) == 1
    assert useful_workers(2, 0) == 1
    assert useful_workers(2, 2 * MIN_ARTICLES_PER_WORKER) == 2
    assert useful_workers(4, 2 * MIN_ARTICLES_PER_WORKER + 1) == 2
    assert useful_workers(1, 10_000) == 1


@pytest.mark.slow
def test_two_workers_asked_for_a_handful_of_articles_run_in_this_process(tmp_path, monkeypatch):
    from storytrace.config import Config
    from storytrace.model import Article
    from storytrace.pipeline import Pipeline
    from storytrace.streaming import runner

    pids: list[int] = []

    def recording(*args, **kwargs):
        for results in workers.analyse_groups(*args, **kwargs):
            pids.extend(r.worker_pid for r in results)
            yield results

    monkeypatch.setattr(runner, "analyse_groups", recording)
    texts = [
        "Harbour fire\n\nA fire broke out at the harbour on Monday, officials said. Two boats burned.",
        "Harbour blaze\n\nA blaze broke out at the harbour on Monday, officials said. Two boats burned down.",
        "Council vote\n\nThe council voted on Tuesday to close the old library on Mill Street.",
    ]
    articles = [Article(id=f"a{n}", source_path=f"a{n}.txt", original_text=t) for n, t in enumerate(texts)]
    run = runner.run_into_store(Pipeline(Config(quiet=True)), articles, tmp_path / "st.db", workers=2)
    assert not run.errors and pids and set(pids) == {os.getpid()}
