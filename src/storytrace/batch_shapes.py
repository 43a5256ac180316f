"""Batch shapes that keep a transformer's output for a sentence independent of its batch, on every CPU.

A sentence's vector (and a verifier score) must depend on the sentence alone, not on what else was
encoded with it: otherwise `--workers`, incremental runs and reruns give other stories and scores.
Batches hold sentences of one length only (no padding). Two more conditions, measured on an Intel Xeon:

- fp32 products (MKL) give a row other bits in a product of fewer than ``MIN_ROWS`` rows (as spaCy's,
  nlp/gemm.py): a sentence of 10 tokens alone differed from the same sentence among others. So a
  batch has at least ``MIN_ROWS`` token rows, filled up with copies of its first sentence.

- bfloat16 products on CPUs with AMX tiles (oneDNN's AMX kernels choose their blocking by the number
  of rows) give a row bits that depend on how many rows it was multiplied with, above any threshold: a
  MiniLM vector differs between batches of 24, 32 and 64 same-length sentences. In a product of a
  *fixed* number of rows they do not, whatever the other rows hold or where the row sits (probed in
  session 26: seven lengths, batches of 1-32, random companions and positions). So there every batch
  has exactly ``AMX_BATCH`` sentences, the last one of a length filled up with copies of its first.

Filler sentences' outputs are dropped.

Sessions 22-25 switched AMX off instead (ONEDNN_MAX_CPU_ISA=AVX512_CORE_BF16). On an AMX Xeon its
AVX512-BF16 kernels made MiniLM cost 2.4x the CPU of AMX's, more than fp32 (bench/RESULTS.md,
"Issue 22, session 26").
"""
from __future__ import annotations

import os
from typing import TypeVar

T = TypeVar("T")

MIN_ROWS = 16  # token rows from which an fp32 product gives a row the same bits (as nlp/gemm.MIN_ROWS)

# 8 sentences a batch, measured on an AMX Xeon (session 26): the 1,296 sentences of a 400-article run
# cost as much as in batches of 16 (4: 30% more, in more calls), and one sentence encoded alone (the
# meaning checks of findings/meaning.py) 26% less than filled up to 16.
AMX_BATCH = 8

_AMX_FLAGS = {"amx_bf16", "amx_tile"}


def cpu_flags() -> set[str]:
    """The CPU's feature flags from /proc/cpuinfo (empty where there is none)."""
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("flags"):
                    return set(line.split(":", 1)[1].split())
    except OSError:
        pass
    return set()


def amx_may_run(flags: set[str] | None = None, environ: dict[str, str] | None = None) -> bool:
    """Whether oneDNN may run bfloat16 products on AMX tiles: the CPU has them and the user did not cap
    oneDNN's instruction set below them (ONEDNN_MAX_CPU_ISA naming an ISA without AMX)."""
    flags = cpu_flags() if flags is None else flags
    if not _AMX_FLAGS <= flags:
        return False
    cap = (os.environ if environ is None else environ).get("ONEDNN_MAX_CPU_ISA", "").strip().upper()
    return cap in ("", "ALL", "DEFAULT") or "AMX" in cap


def fixed_batch(bf16: bool) -> int | None:
    """The number of sentences every batch must have (None: any number keeps rows independent)."""
    return AMX_BATCH if bf16 and amx_may_run() else None


def chunks(rows: list[T], size: int, tokens: int, fixed: int | None) -> list[tuple[list[T], int]]:
    """``rows`` (sentences of ``tokens`` tokens each) cut into the batches to run, each with how many
    of its rows are real (the first ones): with ``fixed`` (``fixed_batch``), batches of exactly
    ``fixed`` rows; else batches of at most ``size`` rows and at least ``MIN_ROWS`` tokens. Short
    batches are filled up with copies of their first row, whose outputs are to be dropped."""
    step = fixed or max(1, size)
    least = fixed or -(-MIN_ROWS // max(1, tokens))  # may exceed size: filler, never more real rows
    out = []
    for i in range(0, len(rows), step):
        real = rows[i:i + step]
        out.append((real + [real[0]] * max(0, least - len(real)), len(real)))
    return out
