"""Loads the verifier's weights by path (never from a hub) and scores (premise, hypothesis) pairs.

A score is the probability that every claim of the hypothesis is supported by the premise.
Pairs are scored in batches sorted by length (little padding); the fp16 weights run in fp32 on CPU.
"""
from __future__ import annotations

from pathlib import Path

WEIGHTS_DIR = Path(__file__).resolve().parent / "weights"


class VerifierLoadError(RuntimeError):
    """The verifier's weights could not be loaded (one line, for the user)."""


def default_weights() -> Path:
    return WEIGHTS_DIR


class Verifier:
    def __init__(self, path: str | Path | None = None, batch_size: int = 32, max_length: int = 256,
                 threads: int = 0):
        path = Path(path) if path else WEIGHTS_DIR
        if not (path / "config.json").is_file():
            raise VerifierLoadError(f"verifier weights {path}: not a directory with a model (config.json missing)")
        try:
            import torch
            from transformers import AutoModelForSequenceClassification, AutoTokenizer
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()  # no "Loading weights" bar in the middle of a run

            self.tokenizer = AutoTokenizer.from_pretrained(str(path), local_files_only=True)
            self.model = AutoModelForSequenceClassification.from_pretrained(
                str(path), local_files_only=True, dtype=torch.float32)
        except Exception as exc:  # missing files, bad config, ...: one clear line
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise VerifierLoadError(f"verifier weights {path}: {first}") from None
        if threads:
            torch.set_num_threads(threads)
        self.model.eval()
        self._torch = torch
        self.path = path
        self.batch_size = batch_size
        self.max_length = max_length
        self._cache: dict[tuple[str, str], float] = {}

    def score(self, pairs: list[tuple[str, str]]) -> list[float]:
        """P(supported) for each (premise, hypothesis); repeated pairs are scored once."""
        todo = sorted({p for p in pairs if p not in self._cache}, key=lambda p: len(p[0]) + len(p[1]))
        for i in range(0, len(todo), self.batch_size):
            chunk = todo[i:i + self.batch_size]
            enc = self.tokenizer([p for p, _ in chunk], [h for _, h in chunk], padding=True,
                                 truncation="only_first", max_length=self.max_length, return_tensors="pt")
            with self._torch.inference_mode():
                probs = self._torch.sigmoid(self.model(**enc).logits.squeeze(-1)).tolist()
            if len(self._cache) > 100_000:
                self._cache.clear()
            self._cache.update(zip(chunk, probs))
        return [round(self._cache[p], 4) for p in pairs]
