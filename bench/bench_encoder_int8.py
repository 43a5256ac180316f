"""MiniLM in int8 (dynamic quantization of its Linear layers) against the default encoder (issue 22.3).

Forms: the default (bf16 autocast where the CPU has native bfloat16, as Embedder does), fp32, and
torch's dynamic int8 quantization of the transformer's Linear layers: all of them with one scale per
tensor or per output channel, and the attention projections only (the layers whose inputs have the
fewest outliers). None of them is used by storytrace: this script records why (see RESULTS.md).

    python bench/bench_encoder_int8.py [--generated N] [--runs R]

Sentences: every sentence of examples/corpus (hand-written fiction of the project) plus the first N
sentences of the generated scale corpus (bench/gen_corpus.py, cached under $BENCH_DIR). Each form
encodes the same sentences in the same process, R times interleaved; CPU is this process's user+sys
time (one torch thread). Agreement: cosine of each sentence's vector with the default form's.
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def example_sentences() -> list[str]:
    out = []
    for path in sorted((HERE.parent / "examples" / "corpus").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        for para in re.split(r"\n\s*\n", text):
            out.extend(s.strip() for s in re.split(r"(?<=[.!?。！？])\s*", para) if len(s.strip()) > 3)
    return out


def generated_sentences(n: int) -> list[str]:
    from bench_scale import corpus

    out: list[str] = []
    for shard in sorted(corpus(1000).glob("articles-*.jsonl")):
        for line in shard.read_text(encoding="utf-8").splitlines():
            text = json.loads(line)["text"]
            out.extend(s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.strip()) > 3)
            if len(out) >= n:
                return out[:n]
    return out


def quantised(per_channel: bool, only_attention: bool):
    import torch
    from torch.ao.quantization import (
        default_dynamic_qconfig,
        per_channel_dynamic_qconfig,
        quantize_dynamic,
    )

    from storytrace.config import Config
    from storytrace.similarity.embeddings import Embedder

    embedder = Embedder(Config(), cache_size=0, precision="fp32")
    encoder = embedder.model  # MeanPoolingEncoder: the transformer is its _model
    qconfig = per_channel_dynamic_qconfig if per_channel else default_dynamic_qconfig
    spec = {name: qconfig for name, module in encoder._model.named_modules()
            if isinstance(module, torch.nn.Linear) and (not only_attention or ".attention." in name)}
    encoder._model = quantize_dynamic(encoder._model, spec, dtype=torch.qint8)
    return embedder


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--generated", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()

    from storytrace.config import Config
    from storytrace.similarity.embeddings import Embedder

    sentences = list(dict.fromkeys(example_sentences() + generated_sentences(args.generated)))
    forms = {"default": Embedder(Config(), cache_size=0), "fp32": Embedder(Config(), cache_size=0, precision="fp32")}
    for name, per_channel, only_attention in (("int8 per tensor", False, False), ("int8 per channel", True, False),
                                              ("int8 attention only", True, True)):
        forms[name] = quantised(per_channel, only_attention)
    cpu: dict[str, list[float]] = {name: [] for name in forms}
    vectors: dict[str, np.ndarray] = {}
    for e in forms.values():
        e.model  # noqa: B018 - loads outside the timing
    for _ in range(args.runs):
        for name, e in forms.items():
            t = time.process_time()
            vectors[name] = e._encode_uncached(sentences)
            cpu[name].append(time.process_time() - t)
    base = vectors["default"]
    print(f"{len(sentences)} sentences; default precision here: {'bf16' if forms['default']._use_bf16 else 'fp32'}")
    for name in forms:
        cos = np.sum(vectors[name] * base, axis=1)
        per_1000 = statistics.median(cpu[name]) / len(sentences) * 1000
        print(json.dumps({"form": name, "cpu_s_per_1000_sentences": round(per_1000, 2),
                          "cosine_with_default_min": round(float(cos.min()), 5),
                          "cosine_p1": round(float(np.percentile(cos, 1)), 5),
                          "cosine_mean": round(float(cos.mean()), 5)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
