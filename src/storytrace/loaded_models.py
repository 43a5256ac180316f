"""The models a run needs, loaded on first use and then shared (a notebook, the web app and
`storytrace compare` each load them once)."""
from __future__ import annotations

from storytrace.config import Config


class LoadedModels:
    def __init__(self, config: Config | None = None):
        self.config = config or Config()
        self._extractor = None
        self._embedder = None

    @property
    def extractor(self):
        if self._extractor is None:
            from storytrace.nlp import Extractor

            self._extractor = Extractor(self.config)
        return self._extractor

    @property
    def embedder(self):
        if self._embedder is None:
            from storytrace.similarity.embeddings import Embedder

            self._embedder = Embedder(self.config)
        return self._embedder
