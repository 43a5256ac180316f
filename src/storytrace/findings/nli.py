"""Optional NLI backend: an entailment model judges each derived sentence against its sources.

Off by default (``Config.nli_model`` is ""). Any local sequence-classification model with
entailment/contradiction labels works (an MNLI-style checkpoint directory); nothing is ever
downloaded: loading is ``local_files_only``. The lexical detectors stay the primary evidence;
the model adds a finding only where it is confident the sentence contradicts its sources.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from storytrace.findings.common import PairContext, make_finding
from storytrace.model import Finding

CONTRADICTION_THRESHOLD = 0.8


class NLILoadError(RuntimeError):
    """The configured NLI model could not be loaded (one line, for the user)."""


@dataclass(frozen=True)
class NLIScore:
    entailment: float
    neutral: float
    contradiction: float


class NLIScorer:
    """Scores (premise, hypothesis) pairs with a local sequence-classification model."""

    def __init__(self, model_path: str | Path, batch_size: int = 16, max_length: int = 512):
        path = Path(model_path)
        if not path.is_dir():
            raise NLILoadError(f"NLI model {model_path}: not a directory with a model")
        try:
            import torch
            from transformers import AutoModelForSequenceClassification, AutoTokenizer

            self.tokenizer = AutoTokenizer.from_pretrained(str(path), local_files_only=True)
            self.model = AutoModelForSequenceClassification.from_pretrained(str(path), local_files_only=True)
        except Exception as exc:  # many failure kinds (missing files, bad config): one clear line
            raise NLILoadError(f"NLI model {model_path}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None
        self.model.eval()
        self._torch = torch
        self.batch_size = batch_size
        self.max_length = max_length
        self.labels = _label_indices(self.model.config.id2label, self.model.config.num_labels)

    def score(self, pairs: list[tuple[str, str]]) -> list[NLIScore]:
        out: list[NLIScore] = []
        for i in range(0, len(pairs), self.batch_size):
            chunk = pairs[i:i + self.batch_size]
            enc = self.tokenizer([p for p, _ in chunk], [h for _, h in chunk], padding=True, truncation=True,
                                 max_length=self.max_length, return_tensors="pt")
            with self._torch.no_grad():
                probs = self._torch.softmax(self.model(**enc).logits, dim=-1).tolist()
            for row in probs:
                ent = row[self.labels["entailment"]]
                con = row[self.labels["contradiction"]] if "contradiction" in self.labels else 0.0
                neu = row[self.labels["neutral"]] if "neutral" in self.labels else max(0.0, 1.0 - ent - con)
                out.append(NLIScore(ent, neu, con))
        return out


def _label_indices(id2label: dict, num_labels: int) -> dict[str, int]:
    """Find the entailment/neutral/contradiction outputs by name; MNLI order when unnamed."""
    found: dict[str, int] = {}
    for index, name in (id2label or {}).items():
        lowered = str(name).lower()
        for label in ("entailment", "neutral", "contradiction"):
            if lowered.startswith(label[:7]):
                found[label] = int(index)
    if "entailment" in found:
        return found
    if num_labels == 3:
        return {"contradiction": 0, "neutral": 1, "entailment": 2}
    if num_labels == 2:
        return {"contradiction": 0, "entailment": 1}
    raise NLILoadError(f"NLI model has {num_labels} unnamed labels: cannot tell which one is entailment")


def detect_contradictions(ctx: PairContext, scorer: NLIScorer) -> list[Finding]:
    """A derived sentence the model is confident contradicts its aligned source sentences."""
    items = []
    for sentence, aligned in ctx.aligned_sentences():
        items.append((sentence, aligned, (" ".join(s.text for s in aligned), sentence.text)))
    if not items:
        return []
    findings = []
    for (sentence, aligned, _), score in zip(items, scorer.score([p for _, _, p in items])):
        if score.contradiction >= CONTRADICTION_THRESHOLD:
            findings.append(make_finding(
                ctx, "stance_divergence", sentence, sentence.text.strip(), aligned[0], aligned[0].text.strip(),
                f"An entailment model judges this sentence to contradict its source (p = {score.contradiction:.2f}).",
                score.contradiction, severity="medium",
            ))
    return findings
