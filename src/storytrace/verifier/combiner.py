"""A small learned combiner of the rules' findings and the verifier's scores into one pair verdict.

Why learned, and why so small: the rules and the verifier see different evidence (which words
changed; whether the meaning is still supported), and how much each should weigh is an empirical
question. A logistic regression on a handful of features, each with a reason, answers it without
room to memorise rows:

- ``high``, ``medium``: the rules' medium/high findings (a changed name, number, negation...);
- ``doubt``: those findings weighted by the verifier's doubt (1 - its P(supported) of the
  finding's sentence), so a finding whose meaning the verifier sees kept counts for less;
- ``support``: the logit of the least supported derived sentence against its best source chunk
  (SummaC: the worst sentence decides, not the mean);
- ``contrast``: that logit minus the logit of the same sentence judged against itself. A sentence
  the model cannot fully "entail from itself" (long, odd style, lowercased) gets a low ceiling;
  dividing it out removes that per-style offset from the support;
- ``length``: log(derived words / source words). A one-sentence summary of a long article is
  scored against 3-sentence chunks and gets lower support than a sentence rewrite, whatever its
  faithfulness; the model learns that offset instead of one threshold per data set.

The coefficients are fitted by bench/bench_verifier.py on the held half of the dev sets' tuning
parts (never trained on by the verifier, never on a confirm part), each set weighted equally and
each class within a set weighted equally (the target is balanced accuracy on every set).

Status (session 10, bench/RESULTS.md): it ranks pairs better than rules or verifier alone on four
of five confirm parts (AUC 0.82 SummEdits, 0.89 DEMETR, 0.78 WMT23) but no single threshold that
keeps DEMETR faithful false alarms at 0.05 beats rules alone, so nothing at run time uses it yet;
the self-scores it divides out are 0.88-0.90 on every set, so ``contrast`` adds nothing to ``support``.
"""
from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass
from pathlib import Path

FEATURES = ("high", "medium", "doubt", "support", "contrast", "length")
_EPS = 1e-4


def logit(p: float) -> float:
    p = min(max(p, _EPS), 1 - _EPS)
    return math.log(p / (1 - p))


def pair_features(severities: list[str], finding_scores: list[float | None], supports: list[float],
                  selfs: list[float], source_words: int, derived_words: int) -> list[float]:
    """The FEATURES of one pair. ``finding_scores[k]`` is the verifier's score of finding k (None:
    not checked, counts as full doubt); ``supports``/``selfs``: per derived sentence."""
    flagged = [(s, v) for s, v in zip(severities, finding_scores) if s in ("high", "medium")]
    high = sum(1 for s, _ in flagged if s == "high")
    doubt = sum(1.0 - (v if v is not None else 0.0) for _, v in flagged)
    if supports:
        support = min(logit(s) for s in supports)
        contrast = min(logit(s) - logit(t) for s, t in zip(supports, selfs))
    else:
        support = contrast = logit(0.0)
    length = math.log(max(derived_words, 1) / max(source_words, 1))
    return [float(high), float(len(flagged) - high), doubt, support, contrast, length]


@dataclass(frozen=True)
class Combiner:
    means: list[float]
    scales: list[float]
    weights: list[float]
    bias: float
    threshold: float = 0.5  # P(consistent) at or above which a pair is consistent

    def probability(self, features: list[float]) -> float:
        z = self.bias + sum(w * (x - m) / s for w, x, m, s in zip(self.weights, features, self.means, self.scales))
        return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))

    def consistent(self, features: list[float]) -> bool:
        return self.probability(features) >= self.threshold

    def save(self, path: Path) -> None:
        path.write_text(json.dumps({"features": FEATURES, **asdict(self)}, indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Combiner:
        data = json.loads(path.read_text(encoding="utf-8"))
        features = tuple(data.pop("features", ()))
        if features != FEATURES:
            raise ValueError(f"{path}: combiner features {features} are not {FEATURES}")
        return cls(**data)


def fit(rows: list[list[float]], labels: list[bool], sample_weights: list[float], l2: float = 1.0,
        iterations: int = 50) -> Combiner:
    """L2-regularised logistic regression (Newton's method) on standardised features; labels: consistent."""
    import numpy as np

    x = np.asarray(rows, dtype=float)
    means = x.mean(axis=0)
    scales = x.std(axis=0)
    scales[scales == 0] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - means) / scales])
    y = np.asarray(labels, dtype=float)
    w = np.asarray(sample_weights, dtype=float)
    w = w / w.sum() * len(w)
    beta = np.zeros(z.shape[1])
    penalty = np.full(z.shape[1], l2)
    penalty[0] = 0.0  # the bias is not shrunk
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ beta, -50, 50)))
        gradient = z.T @ (w * (p - y)) + penalty * beta
        hessian = (z * (w * p * (1 - p))[:, None]).T @ z + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return Combiner([float(v) for v in means], [float(v) for v in scales], [float(v) for v in beta[1:]], float(beta[0]))
