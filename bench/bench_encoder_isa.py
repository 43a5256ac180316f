"""MiniLM's CPU cost by the kernels oneDNN may use and the batch shapes that keep vectors batch-independent
(issue 22; storytrace/batch_shapes.py).

    OMP_NUM_THREADS=1 .venv/bin/python bench/bench_encoder_isa.py [--articles 100] [--runs 3] [--before OTHER/src]

Each row is a fresh process (ONEDNN_MAX_CPU_ISA is read once, when torch builds its first oneDNN kernel)
that encodes the distinct sentences of generated articles (bench/gen_corpus.py, the scale benchmark's
generator) in one call, cold cache, as a worker's prefetch does, then 100 of them one call each (as the
meaning checks of findings/meaning.py do). CPU is user+sys of the encoding alone; median of --runs.
Rows: this checkout as it ships ("auto": bf16 where the CPU has it, AMX with fixed batches where it has
AMX); the same code with oneDNN capped at AVX512-BF16 (what sessions 22-25 shipped); fp32; and, with
--before, another checkout's src/ as it ships. Prints a Markdown table; the CPU model is printed too,
since AMX exists on some Xeons only.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"

CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
from storytrace.config import Config
from storytrace.similarity.embeddings import Embedder
sentences = json.load(open(sys.argv[2]))
embedder = Embedder(Config(), precision=sys.argv[3])
embedder.encode(["A sentence that loads the model."])
t = time.process_time()
embedder.encode(sentences)
bulk = time.process_time() - t
embedder.forget()
t = time.process_time()
for s in sentences[:100]:
    embedder.encode([s])
single = time.process_time() - t
print(json.dumps({"bulk": bulk, "single": single, "bf16": embedder._use_bf16}))
"""


def sentences_of_generated_articles(n: int) -> list[str]:
    sys.path.insert(0, str(HERE))
    from gen_corpus import write_corpus

    with tempfile.TemporaryDirectory() as tmp:
        write_corpus(n, Path(tmp), words=600, shard=5000)
        texts = [json.loads(line).get("text", "") for f in sorted(Path(tmp).glob("*.jsonl")) for line in f.open()]
    # a plain split is enough here: what is measured is the encoder's cost per sentence and length
    found = [s.strip() for t in texts for s in re.split(r"(?<=[.!?])\s+", t) if len(s.split()) > 2]
    return list(dict.fromkeys(found))


def cpu_model() -> str:
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


def run(src: Path, sentences_file: str, precision: str, isa: str | None) -> dict:
    env = dict(os.environ, OMP_NUM_THREADS="1", PYTHONPATH=str(src))
    env.pop("ONEDNN_MAX_CPU_ISA", None)
    if isa:
        env["ONEDNN_MAX_CPU_ISA"] = isa
    out = subprocess.run([sys.executable, "-c", CHILD, str(src), sentences_file, precision], env=env,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--before", type=Path, help="another checkout's src/, run as it ships")
    args = ap.parse_args()
    sentences = sentences_of_generated_articles(args.articles)
    rows = [("this checkout, auto (as shipped)", SRC, "auto", None),
            ("this checkout, auto, oneDNN capped at AVX512_CORE_BF16", SRC, "auto", "AVX512_CORE_BF16"),
            ("this checkout, fp32", SRC, "fp32", None)]
    if args.before:
        rows.append(("before, auto (as shipped)", args.before, "auto", None))
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(sentences, f)
    results: dict[str, list[dict]] = {name: [] for name, *_ in rows}
    try:
        for _ in range(args.runs):  # interleaved: each round meets the same load
            for name, src, precision, isa in rows:
                results[name].append(run(src, f.name, precision, isa))
    finally:
        os.unlink(f.name)
    print(f"CPU: {cpu_model()}; {len(sentences)} distinct sentences of {args.articles} generated articles; "
          f"median of {args.runs} interleaved runs, CPU-s of the encoding alone\n")
    print("| encoder | bf16 | all sentences, one call | 100 sentences, one call each |")
    print("|---|---|---:|---:|")
    for name, *_ in rows:
        r = results[name]
        print(f"| {name} | {r[0]['bf16']} | {statistics.median(x['bulk'] for x in r):.2f} | "
              f"{statistics.median(x['single'] for x in r):.2f} |")


if __name__ == "__main__":
    main()
