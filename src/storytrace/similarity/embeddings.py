"""Sentence embeddings (STUB: loads lazily; the real encoder lands with the stories work)."""
from __future__ import annotations

from storytrace.config import Config


class Embedder:
    def __init__(self, config: Config | None = None):
        self.config = config or Config()
