"""Load on the web app: N concurrent clients for S seconds on loopback (issue 7, item 5).

    .venv/bin/python bench/bench_web_load.py [--clients 50] [--seconds 60] [--max-requests 200000]
                                             [--db STORE] [--write]

Builds a store from examples/corpus/ with `storytrace analyze` (unless --db names one), starts
`storytrace serve STORE --port P` on a free loopback port in a subprocess, and drives it with
asyncio + httpx: each client has its own connection and loops over a fixed mix of the HTML pages
and the JSON endpoints until the time is up or the request budget is spent (both bounded). It
records requests per second, latency percentiles (whole mix, HTML, JSON) and errors (any status
other than 200, or a failed request). Client and server share the machine, so on a small machine
the figures are a floor for the server alone.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

import httpx

from results import replace_section  # bench/ is on sys.path when run as a script

ROOT = Path(__file__).resolve().parent.parent
HEADING = "## Web load (issue 7)"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "storytrace.cli", *args]


def write_long_story(folder: Path, versions: int) -> None:
    """``versions`` versions of examples/corpus/original.md (the project's fiction) for one long story:
    each from another outlet, with one paragraph dropped and one figure changed, so every version
    has a lineage edge, a reading view and findings, as a story that travelled widely would."""
    text = (ROOT / "examples" / "corpus" / "original.md").read_text(encoding="utf-8")
    head, body = text.split("\n---\n", 1)
    paragraphs = [p for p in body.strip().split("\n\n")]
    for i in range(versions):
        kept = [p for n, p in enumerate(paragraphs) if n != 2 + i % (len(paragraphs) - 2)]
        changed = "\n\n".join(kept).replace("60,000 tonnes", f"{61 + i},000 tonnes").replace("20 hours", f"{21 + i % 5} hours")
        front = "\n".join(ln for ln in head.splitlines() if not ln.startswith(("id:", "outlet:", "url:", "author:")))
        (folder / f"long-{i:02d}.md").write_text(
            f"{front}\nid: long-{i:02d}\noutlet: Outlet {i:02d}\n---\n{changed}\n", encoding="utf-8")


def build_store(folder: Path, long_story: int = 0) -> Path:
    out = folder / "report"
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    inputs = [str(ROOT / "examples" / "corpus")]
    if long_story:
        corpus = folder / "long"
        corpus.mkdir()
        write_long_story(corpus, long_story)
        inputs.append(str(corpus))
    subprocess.run(cli("analyze", *inputs, "--out", str(out), "--quiet"), check=True, env=env)
    return out / "storytrace.db"


def wait_until_up(base: str, proc: subprocess.Popen, limit_s: float = 120) -> None:
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with status {proc.returncode}")
        try:
            if httpx.get(base + "/", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise SystemExit("server did not answer in time")


def url_mix(base: str) -> list[tuple[str, str]]:
    """(kind, path) pairs, weighted: each story's pages and JSON, each article's page and JSON, lists."""
    stories = httpx.get(base + "/api/stories", timeout=10).json()
    articles = httpx.get(base + "/api/articles", timeout=10).json()
    mix: list[tuple[str, str]] = [("html", "/")] * 4 + [("json", "/api/stories")] * 2
    mix += [("json", "/api/findings"), ("json", "/api/articles"), ("json", "/openapi.json")]
    for s in stories:
        sid = s["id"]
        mix += [("html", f"/stories/{sid}")] * 2 + [("json", f"/api/stories/{sid}"), ("json", f"/api/stories/{sid}/lineage"),
                                                   ("json", f"/api/stories/{sid}/findings")]
    for a in articles:
        mix += [("html", f"/articles/{a['id']}"), ("json", f"/api/articles/{a['id']}")]
    return mix


async def client(n: int, base: str, mix, deadline: float, budget: list[int], samples: list, errors: Counter) -> None:
    rng = random.Random(n)
    async with httpx.AsyncClient(base_url=base, timeout=30, limits=httpx.Limits(max_connections=1)) as http:
        while time.monotonic() < deadline and budget[0] > 0:
            budget[0] -= 1
            kind, path = rng.choice(mix)
            started = time.perf_counter()
            try:
                r = await http.get(path)
                await r.aread()
                status = r.status_code
            except httpx.HTTPError as exc:
                status = type(exc).__name__
            elapsed = time.perf_counter() - started
            samples.append((kind, elapsed))
            if status != 200:
                errors[f"{path}: {status}"] += 1


async def drive(base: str, mix, clients: int, seconds: float, max_requests: int):
    samples: list[tuple[str, float]] = []
    errors: Counter = Counter()
    budget = [max_requests]
    started = time.monotonic()
    deadline = started + seconds
    await asyncio.gather(*(client(i, base, mix, deadline, budget, samples, errors) for i in range(clients)))
    return samples, errors, time.monotonic() - started


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q / 100 * (len(values) - 1))))]


def peak_rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process so far (Linux /proc)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--max-requests", type=int, default=200_000, help="stop after this many requests in all")
    parser.add_argument("--db", type=Path, help="an existing store (default: analyse examples/corpus/ into a temp folder)")
    parser.add_argument("--long-story", type=int, default=0, metavar="N",
                        help="add N versions of examples/corpus/original.md, one long story (issue 21.12)")
    parser.add_argument("--write", action="store_true", help="write the figures into bench/RESULTS.md")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="st-webload-") as tmp:
        db = args.db or build_store(Path(tmp), args.long_story)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        env = {**os.environ, "HF_HUB_OFFLINE": "1"}
        server = subprocess.Popen(cli("serve", str(db), "--port", str(port)), env=env, stderr=subprocess.PIPE, text=True)
        try:
            wait_until_up(base, server)
            mix = url_mix(base)
            cpu_before, server_cpu_before = os.times(), cpu_seconds(server.pid)
            samples, errors, wall = asyncio.run(drive(base, mix, args.clients, args.seconds, args.max_requests))
            cpu_after = os.times()
            server_rss, server_cpu_after = peak_rss_mb(server.pid), cpu_seconds(server.pid)
        finally:
            server.terminate()
            try:
                _, server_err = server.communicate(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                _, server_err = server.communicate()
    lat = [s for _, s in samples]
    figures = {
        "requests": len(samples),
        "wall_s": wall,
        "rps": len(samples) / wall if wall else 0.0,
        "errors": sum(errors.values()),
        "error_kinds": errors.most_common(5),
        "p50": pct(lat, 50), "p90": pct(lat, 90), "p99": pct(lat, 99), "max": max(lat, default=float("nan")),
        "mean": statistics.fmean(lat) if lat else float("nan"),
        "html": [s for k, s in samples if k == "html"], "json": [s for k, s in samples if k == "json"],
        "urls": len(mix), "server_rss_mb": server_rss,
        "server_cpu_s": (server_cpu_after - server_cpu_before) if None not in (server_cpu_before, server_cpu_after) else float("nan"),
        "client_cpu_s": (cpu_after.user - cpu_before.user) + (cpu_after.system - cpu_before.system),
        "server_errors": [ln for ln in (server_err or "").splitlines() if "Traceback" in ln or "ERROR" in ln][:5],
    }
    print_figures(figures, args)
    if args.write:
        write_results(figures, args)


def ms(x: float) -> str:
    return f"{x * 1000:.0f} ms"


def print_figures(f: dict, args) -> None:
    print(f"{args.clients} clients, {f['wall_s']:.1f} s: {f['requests']} requests, {f['rps']:.1f} req/s, "
          f"p50 {ms(f['p50'])}, p99 {ms(f['p99'])}, max {ms(f['max'])}, errors {f['errors']} {f['error_kinds']}")
    print(f"HTML p50 {ms(pct(f['html'], 50))} p99 {ms(pct(f['html'], 99))}; JSON p50 {ms(pct(f['json'], 50))} "
          f"p99 {ms(pct(f['json'], 99))}; server peak RSS {f['server_rss_mb']} MB; client CPU {f['client_cpu_s']:.1f} s, server CPU {f['server_cpu_s']:.1f} s")
    if f["server_errors"]:
        print("server stderr:", *f["server_errors"], sep="\n  ")


def write_results(f: dict, args) -> None:
    try:
        load = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip().split("load average:")[-1].strip()
    except OSError:
        load = "n/a"
    command = f"`.venv/bin/python bench/bench_web_load.py --clients {args.clients} --seconds {args.seconds:g} " \
              f"--max-requests {args.max_requests}{' --db ' + str(args.db) if args.db else ''}" \
              f"{f' --long-story {args.long_story}' if args.long_story else ''} --write`"
    heading = f"## Web load with a long story (issue 21.12: {args.long_story} extra versions)" if args.long_story else HEADING
    corpus = (f"examples/corpus/ plus {args.long_story} versions of its original (one story of "
              f"{args.long_story + 6} versions, write_long_story)" if args.long_story else "examples/corpus/")
    errors = ", ".join(f"{k} x{v}" for k, v in f["error_kinds"]) or "none"
    section = f"""{heading}

Command: {command}
Measured {datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')} on a shared, loaded 2-core machine
(other engineers' jobs running; load average at the end: {load}). `storytrace serve` (one uvicorn
process) over the store of {corpus} on a free loopback port; {args.clients} asyncio clients
(httpx, one connection each) on the same two cores, looping over {f['urls']} URLs: the index, every
story and article page, and every JSON endpoint (`/api/stories[/{{id}}[/lineage|/findings]]`,
`/api/findings`, `/api/articles[/{{id}}]`, `/openapi.json`). Bounded: {args.seconds:g} s and at most
{args.max_requests:,} requests.

| figure | value |
|---|---|
| requests / duration | {f['requests']:,} in {f['wall_s']:.1f} s |
| requests per second | {f['rps']:.1f} |
| latency p50 / p90 / p99 / max (all) | {ms(f['p50'])} / {ms(f['p90'])} / {ms(f['p99'])} / {ms(f['max'])} |
| HTML pages p50 / p99 ({len(f['html']):,} requests) | {ms(pct(f['html'], 50))} / {ms(pct(f['html'], 99))} |
| JSON endpoints p50 / p99 ({len(f['json']):,} requests) | {ms(pct(f['json'], 50))} / {ms(pct(f['json'], 99))} |
| errors (status other than 200, or failed requests) | {f['errors']} ({errors}) |
| server peak memory (VmHWM) | {f['server_rss_mb']:.0f} MB |
| CPU time during the run: server / load generator (same machine) | {f['server_cpu_s']:.1f} s / {f['client_cpu_s']:.1f} s |
| server CPU per request | {f['server_cpu_s'] / max(f['requests'], 1) * 1000:.1f} ms |

The load generator shares the two cores with the server (and with other engineers' jobs), so the
throughput is a floor for the server on an idle machine, not its capacity; server CPU per request
is the steadier figure. Latency includes queueing behind the other clients (one uvicorn process,
synchronous handlers in its thread pool). Not measured on an idle machine.
"""
    replace_section(heading, section)


if __name__ == "__main__":
    main()
