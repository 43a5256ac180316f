"""The project's own sentence-pair verifier: a small cross-encoder that judges whether a derived
sentence is supported by a source passage.

- ``perturb``: synthetic consistent/inconsistent pairs planted in news sentences;
- ``data``: the training set (binary NLI, synthetic pairs, tuning parts of the dev sets);
- ``train``: fine-tunes all-MiniLM-L6-v2 as a cross-encoder on CPU (``make model``);
- ``model``: loads the shipped weights by path and scores pairs in batches;
- ``chunks``: SummaC-style scoring of a derived text against the best source chunk.
"""
from storytrace.verifier.model import Verifier, VerifierLoadError, default_weights

__all__ = ["Verifier", "VerifierLoadError", "default_weights"]
