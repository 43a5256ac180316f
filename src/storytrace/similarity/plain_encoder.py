"""A mean-pooling sentence encoder on plain transformers, for models that need nothing more.

Most sentence-transformers models (all-MiniLM-L6-v2 among them) are a transformer, mean pooling over
the tokens and an optional L2 normalisation. Importing sentence-transformers to run those three steps
cost about twice the CPU of importing transformers alone (bench/bench_threads.py records the loads);
this class runs the same three steps on the same modules and gives bit-identical vectors (tested).
Any other model layout goes through sentence-transformers as before.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

MEAN_POOLING = {"pooling_mode_mean_tokens": True, "pooling_mode_cls_token": False,
                "pooling_mode_max_tokens": False, "pooling_mode_mean_sqrt_len_tokens": False}


def plain_layout(path: str | Path) -> tuple[int, bool] | None:
    """(max_seq_length, normalise) when ``path`` holds transformer -> mean pooling [-> normalise], else None."""
    root = Path(path)
    try:
        modules = json.loads((root / "modules.json").read_text(encoding="utf-8"))
        kinds = [m["type"].rsplit(".", 1)[-1] for m in modules]
        if kinds not in (["Transformer", "Pooling"], ["Transformer", "Pooling", "Normalize"]) or modules[0]["path"]:
            return None
        pooling = json.loads((root / modules[1]["path"] / "config.json").read_text(encoding="utf-8"))
        if any(pooling.get(k, False) != v for k, v in MEAN_POOLING.items()):
            return None
        settings = json.loads((root / "sentence_bert_config.json").read_text(encoding="utf-8"))
        if settings.get("do_lower_case"):
            return None
        return int(settings.get("max_seq_length", 512)), kinds[-1] == "Normalize"
    except (OSError, ValueError, KeyError, IndexError, TypeError):
        return None


class MeanPoolingEncoder:
    """The part of SentenceTransformer's interface that Embedder uses, for a plain layout."""

    def __init__(self, path: str | Path, max_seq_length: int, normalise: bool):
        from transformers import AutoModel, AutoTokenizer

        self.tokenizer = AutoTokenizer.from_pretrained(str(path))
        self._model = AutoModel.from_pretrained(str(path))
        self._model.eval()
        self.max_seq_length = max_seq_length
        self._normalise = normalise

    def eval(self) -> MeanPoolingEncoder:
        return self

    def get_sentence_embedding_dimension(self) -> int:
        return int(self._model.config.hidden_size)

    def encode(self, sentences: list[str], batch_size: int = 32, **_: object) -> np.ndarray:
        rows = []
        for start in range(0, len(sentences), max(1, batch_size)):
            features = self.tokenizer(sentences[start:start + batch_size], padding=True, truncation=True,
                                      max_length=self.max_seq_length, return_tensors="pt")
            rows.append(self._pooled(features))
        return np.concatenate(rows) if rows else np.zeros((0, self.get_sentence_embedding_dimension()), np.float32)

    @property
    def takes_token_ids(self) -> bool:
        """Whether ``encode_token_ids`` can build this tokenizer's inputs itself (BERT-like: ids, token
        types, attention mask)."""
        names = set(self.tokenizer.model_input_names)
        return "input_ids" in names and "attention_mask" in names and names <= {"input_ids", "token_type_ids", "attention_mask"}

    def encode_token_ids(self, token_ids: list[list[int]], batch_size: int = 32) -> np.ndarray:
        """``encode`` of sentences already tokenised (``tokenizer(..., truncation=True, max_length=
        max_seq_length)["input_ids"]``) that all have the same number of tokens: a batch of them needs
        no padding, so its inputs are the ids themselves, an attention mask of ones and token types of
        zeros, what the tokenizer builds for them (tested: same vectors), without tokenising again."""
        import torch

        if len({len(ids) for ids in token_ids}) > 1:
            raise ValueError("encode_token_ids takes sentences of one length (no padding)")
        if not self.takes_token_ids:
            raise ValueError(f"tokenizer inputs {self.tokenizer.model_input_names}: use encode")
        names = list(self.tokenizer.model_input_names)
        rows = []
        for start in range(0, len(token_ids), max(1, batch_size)):
            ids = torch.tensor(token_ids[start:start + batch_size], dtype=torch.long)
            made = {"input_ids": ids, "token_type_ids": torch.zeros_like(ids), "attention_mask": torch.ones_like(ids)}
            rows.append(self._pooled({name: made[name] for name in names}))
        return np.concatenate(rows) if rows else np.zeros((0, self.get_sentence_embedding_dimension()), np.float32)

    def _pooled(self, features) -> np.ndarray:
        """The transformer, mean pooling over the attention mask, optional L2 normalisation: one batch."""
        import torch

        tokens = self._model(**features)[0]
        mask = features["attention_mask"].unsqueeze(-1).to(tokens.dtype)
        vectors = (tokens * mask).sum(1) / torch.clamp(mask.sum(1), min=1e-9)
        if self._normalise:
            vectors = torch.nn.functional.normalize(vectors, p=2, dim=1)
        return vectors.float().cpu().numpy()
