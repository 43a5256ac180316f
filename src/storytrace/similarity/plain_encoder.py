"""A mean-pooling sentence encoder on plain transformers, for models that need nothing more.

Most sentence-transformers models (all-MiniLM-L6-v2 among them) are a transformer, mean pooling over
the tokens and an optional L2 normalisation. Importing sentence-transformers to run those three steps
cost about twice the CPU of importing transformers alone (bench/bench_threads.py records the loads);
this class runs the same three steps on the same modules and gives bit-identical vectors (tested).
Any other model layout goes through sentence-transformers as before.

A BERT of the plain layout (model_type bert, absolute positions, GELU, a tokenizer.json and fp32
model.safetensors: all-MiniLM-L6-v2) does not even go through transformers: importing it and
building the model through its auto classes cost ~2 CPU-s per process, against ~0.05 to read the
tokenizer with the ``tokenizers`` library and the weights with safetensors into ``_Bert`` below,
which runs transformers' BertModel forward op for op (same order of additions, same attention call),
so the vectors are bit-identical in fp32 and under bf16 autocast (tested against transformers and
sentence-transformers, padded and unpadded batches).
"""
from __future__ import annotations

import json
import re
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

    def __init__(self, path: str | Path, max_seq_length: int, normalise: bool, *, transformers: bool = False):
        """``transformers``: build the model through transformers even when ``_Bert`` can read it."""
        config = None if transformers else torch_bert_config(path)
        self.backend = "torch" if config is not None else "transformers"
        if config is not None:
            try:
                self._model = _Bert.load(Path(path), config)
                self.tokenizer = _JsonTokenizer(Path(path) / "tokenizer.json")
            except ValueError:  # weights of another layout or dtype: transformers reads them
                self.backend = "transformers"
        if self.backend == "transformers":
            import transformers as _transformers
            from transformers import AutoModel, AutoTokenizer

            # set here too: the caller sets it only when it knows transformers will be needed, and
            # weights _Bert turns down (fp16, bf16) are found out only now; its "Loading weights"
            # bar on stderr is noise in a CLI that promises --quiet
            _transformers.utils.logging.disable_progress_bar()
            _transformers.utils.logging.set_verbosity_error()

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


# -- BERT without transformers ----------------------------------------------------------------------

_TORCH_BERT = {"model_type": "bert", "hidden_act": "gelu", "position_embedding_type": "absolute"}


def torch_bert_config(path: str | Path) -> dict | None:
    """config.json when ``_Bert`` runs this model exactly as transformers' BertModel would (a BERT
    with absolute positions and GELU, a BertTokenizer saved as tokenizer.json, fp32 safetensors
    weights); else None (then transformers builds it)."""
    root = Path(path)
    try:
        config = json.loads((root / "config.json").read_text(encoding="utf-8"))
        tokenizer = json.loads((root / "tokenizer_config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(config, dict) or not isinstance(tokenizer, dict):
        return None  # a damaged file: transformers says what is wrong (Embedder turns it into one line)
    # _Bert reads these sizes from the file; a config that leaves one to BertConfig's default is
    # read by transformers, which knows the defaults
    if any(not isinstance(config.get(k), int) or isinstance(config.get(k), bool) or config.get(k) <= 0
           for k in _BERT_SIZES) or not isinstance(config.get("layer_norm_eps"), (int, float)):
        return None
    if any(config.get(k, v) != v for k, v in _TORCH_BERT.items()) or config.get("is_decoder") \
            or config.get("add_cross_attention") or config.get("chunk_size_feed_forward", 0) \
            or config.get("architectures", ["BertModel"]) != ["BertModel"] \
            or tokenizer.get("tokenizer_class") != "BertTokenizer" or tokenizer.get("model_input_names") \
            or config["hidden_size"] % config["num_attention_heads"]:
        return None
    if not (root / "tokenizer.json").is_file() or not (root / "model.safetensors").is_file():
        return None
    if not _normaliser_as_configured(root / "tokenizer.json", tokenizer):
        return None
    return config


# The sizes _Bert builds its modules from (BertConfig has a default for each; _Bert has none).
_BERT_SIZES = ("vocab_size", "hidden_size", "num_hidden_layers", "num_attention_heads", "intermediate_size",
               "max_position_embeddings", "type_vocab_size")


# the first "normalizer" key: tokenizers writes the top-level one before the model's vocabulary (a
# vocabulary word of that name met first gives no dict, and transformers reads the model: safe)
_NORMALIZER_KEY = re.compile(r'"normalizer"\s*:\s*')


def _decoded_normaliser(text: str):
    at = _NORMALIZER_KEY.search(text)
    if at is None:
        return None
    try:
        return json.JSONDecoder().raw_decode(text, at.end())[0]
    except ValueError:  # cut off at the head's end
        return None


def _normaliser_as_configured(tokenizer_json: Path, tokenizer_config: dict) -> bool:
    """Does tokenizer.json's normaliser do what tokenizer_config.json asks? transformers' BertTokenizer
    sets lower-casing, accent stripping and the spacing of Chinese characters from tokenizer_config.json
    whatever tokenizer.json says, and _JsonTokenizer reads tokenizer.json alone: where the two files
    disagree ("do_lower_case": false beside a lower-casing normaliser) the token ids would differ, so
    transformers reads the model."""
    try:  # the normaliser alone, from the file's head: decoding the whole file (the vocabulary) cost ~8 ms
        with open(tokenizer_json, "rb") as fh:
            head = fh.read(1 << 16)
        normaliser = _decoded_normaliser(head.decode("utf-8", errors="replace"))
        if normaliser is None:
            normaliser = _decoded_normaliser(tokenizer_json.read_text(encoding="utf-8"))
    except OSError:
        return False
    if not isinstance(normaliser, dict) or normaliser.get("type") != "BertNormalizer":
        return False
    return (normaliser.get("lowercase") == tokenizer_config.get("do_lower_case", True)
            and normaliser.get("strip_accents") == tokenizer_config.get("strip_accents")
            and normaliser.get("handle_chinese_chars") == tokenizer_config.get("tokenize_chinese_chars", True)
            and normaliser.get("clean_text", True) is True)


class _JsonTokenizer:
    """tokenizer.json through the ``tokenizers`` library, called as transformers' tokenizer is called
    here: a list of texts, special tokens, truncation at ``max_length`` from the right, optional
    padding to the longest (right, id 0, type 0, mask 0), lists or torch tensors."""

    model_input_names = ["input_ids", "token_type_ids", "attention_mask"]

    def __init__(self, path: Path):
        from tokenizers import Tokenizer

        self._tok = Tokenizer.from_file(str(path))
        self._tok.no_padding()  # the file's own settings (padding to 128, cut at 128) are not the model's
        self._tok.no_truncation()
        self._max_length: int | None = None

    def __call__(self, texts: list[str], *, add_special_tokens: bool = True, truncation: bool = False,
                 max_length: int | None = None, padding: bool = False, return_tensors: str | None = None) -> dict:
        limit = max_length if truncation and max_length else None
        if limit != self._max_length:
            if limit is None:
                self._tok.no_truncation()
            else:
                self._tok.enable_truncation(limit, stride=0, strategy="longest_first", direction="right")
            self._max_length = limit
        encodings = self._tok.encode_batch(list(texts), add_special_tokens=add_special_tokens)
        out = {"input_ids": [e.ids for e in encodings], "token_type_ids": [e.type_ids for e in encodings],
               "attention_mask": [e.attention_mask for e in encodings]}
        if padding:
            width = max((len(ids) for ids in out["input_ids"]), default=0)
            for name in out:
                out[name] = [row + [0] * (width - len(row)) for row in out[name]]
        if return_tensors == "pt":
            import torch

            out = {name: torch.tensor(rows, dtype=torch.long) for name, rows in out.items()}
        return out


def _bert_modules():
    """The module classes, built on first use (torch is imported only then)."""
    import torch
    from torch import nn
    from torch.nn import functional as F

    class Embeddings(nn.Module):
        def __init__(self, c: dict):
            super().__init__()
            self.word_embeddings = nn.Embedding(c["vocab_size"], c["hidden_size"], padding_idx=c.get("pad_token_id", 0))
            self.position_embeddings = nn.Embedding(c["max_position_embeddings"], c["hidden_size"])
            self.token_type_embeddings = nn.Embedding(c["type_vocab_size"], c["hidden_size"])
            self.LayerNorm = nn.LayerNorm(c["hidden_size"], eps=c["layer_norm_eps"])
            self.register_buffer("position_ids", torch.arange(c["max_position_embeddings"]).expand((1, -1)),
                                 persistent=False)

        def forward(self, ids, types):
            # transformers' order: (words + token types) + positions
            x = self.word_embeddings(ids) + self.token_type_embeddings(types)
            x = x + self.position_embeddings(self.position_ids[:, :ids.shape[1]])
            return self.LayerNorm(x)

    class Layer(nn.Module):
        """BertLayer (self-attention through scaled_dot_product_attention as transformers' "sdpa"
        calls it, output, intermediate, output) with its parameter names, so the state dict loads."""

        def __init__(self, c: dict):
            super().__init__()
            h, inner, eps = c["hidden_size"], c["intermediate_size"], c["layer_norm_eps"]
            self.head_size = h // c["num_attention_heads"]
            self.scaling = self.head_size ** -0.5
            self.attention = nn.Module()
            self.attention.self = nn.Module()
            self.attention.self.query, self.attention.self.key, self.attention.self.value = (nn.Linear(h, h) for _ in range(3))
            self.attention.output = nn.Module()
            self.attention.output.dense = nn.Linear(h, h)
            self.attention.output.LayerNorm = nn.LayerNorm(h, eps=eps)
            self.intermediate = nn.Module()
            self.intermediate.dense = nn.Linear(h, inner)
            self.output = nn.Module()
            self.output.dense = nn.Linear(inner, h)
            self.output.LayerNorm = nn.LayerNorm(h, eps=eps)

        def forward(self, x, mask):
            shape = (*x.shape[:-1], -1, self.head_size)
            att = self.attention.self
            q = att.query(x).view(*shape).transpose(1, 2)
            k = att.key(x).view(*shape).transpose(1, 2)
            v = att.value(x).view(*shape).transpose(1, 2)
            ctx = F.scaled_dot_product_attention(q, k, v, attn_mask=mask, dropout_p=0.0, scale=self.scaling, is_causal=False)
            ctx = ctx.transpose(1, 2).contiguous().reshape(*x.shape[:-1], -1).contiguous()
            x = self.attention.output.LayerNorm(self.attention.output.dense(ctx) + x)
            return self.output.LayerNorm(self.output.dense(F.gelu(self.intermediate.dense(x))) + x)

    return torch, nn, Embeddings, Layer


class _Bert:
    """BertModel's encoder forward (no pooler: the mean pooling reads the last hidden states)."""

    @staticmethod
    def load(path: Path, config: dict):
        from safetensors.torch import load_file

        torch, nn, Embeddings, Layer = _bert_modules()

        class Model(nn.Module):
            def __init__(self, c: dict):
                super().__init__()
                self.config = type("Config", (), {"hidden_size": c["hidden_size"]})()
                self.embeddings = Embeddings(c)
                self.encoder = nn.Module()
                self.encoder.layer = nn.ModuleList(Layer(c) for _ in range(c["num_hidden_layers"]))

            def forward(self, input_ids, attention_mask=None, token_type_ids=None):
                if token_type_ids is None:
                    token_type_ids = torch.zeros_like(input_ids)
                x = self.embeddings(input_ids, token_type_ids)
                mask = None  # all tokens real: no mask, as transformers passes none
                if attention_mask is not None and not bool(attention_mask.all()):
                    b, n = input_ids.shape
                    mask = attention_mask.bool()[:, None, None, :].expand(b, 1, n, n)
                for layer in self.encoder.layer:
                    x = layer(x, mask)
                return (x,)

        state = load_file(str(path / "model.safetensors"))
        if any(t.dtype != torch.float32 for t in state.values() if t.is_floating_point()):
            raise ValueError("expected fp32 weights")
        state = {k: v for k, v in state.items() if not k.startswith("pooler.") and k != "embeddings.position_ids"}
        model = Model(config)
        missing, unexpected = model.load_state_dict(state, strict=False, assign=True)
        if missing or unexpected:
            raise ValueError(f"weights do not fit BertModel's layout (missing {missing[:3]}, unexpected {unexpected[:3]})")
        return model
