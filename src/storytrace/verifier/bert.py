"""The verifier's network in plain torch: a BERT encoder, its pooler and a one-logit head.

Loading through transformers' ``from_pretrained`` builds the model through its auto classes,
checks, converts and re-initialises weights; on this CPU that is seconds before the first pair.
The verifier needs none of it: the layout is fixed (BertForSequenceClassification with absolute
positions and GELU), so the fp16 safetensors are read straight into these modules (kept in fp32:
fp16 matrix products are slow on CPU) and the tokenizer comes from tokenizer.json through the
``tokenizers`` library. Scores agree with the transformers model to float rounding (tested).
"""
from __future__ import annotations

import json
from pathlib import Path

import torch
from torch import nn
from torch.nn import functional as F

SUPPORTED = {"model_type": "bert", "hidden_act": "gelu", "position_embedding_type": "absolute"}


class LayoutError(ValueError):
    """The config names a model this module does not implement."""


class _Embeddings(nn.Module):
    def __init__(self, c: dict):
        super().__init__()
        self.word_embeddings = nn.Embedding(c["vocab_size"], c["hidden_size"])
        self.position_embeddings = nn.Embedding(c["max_position_embeddings"], c["hidden_size"])
        self.token_type_embeddings = nn.Embedding(c["type_vocab_size"], c["hidden_size"])
        self.LayerNorm = nn.LayerNorm(c["hidden_size"], eps=c["layer_norm_eps"])

    def forward(self, ids: torch.Tensor, types: torch.Tensor) -> torch.Tensor:
        positions = torch.arange(ids.shape[1], device=ids.device).unsqueeze(0)
        return self.LayerNorm(self.word_embeddings(ids) + self.position_embeddings(positions)
                              + self.token_type_embeddings(types))


class _Layer(nn.Module):
    """One encoder layer, with the parameter names of transformers' BertLayer (so the state dict loads)."""

    def __init__(self, c: dict):
        super().__init__()
        h, inner, eps = c["hidden_size"], c["intermediate_size"], c["layer_norm_eps"]
        self.heads = c["num_attention_heads"]
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

    def forward(self, x: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        b, n, h = x.shape
        att = self.attention.self

        def split(t: torch.Tensor) -> torch.Tensor:
            return t.view(b, n, self.heads, h // self.heads).transpose(1, 2)

        ctx = F.scaled_dot_product_attention(split(att.query(x)), split(att.key(x)), split(att.value(x)), attn_mask=mask)
        ctx = ctx.transpose(1, 2).reshape(b, n, h)
        x = self.attention.output.LayerNorm(x + self.attention.output.dense(ctx))
        return self.output.LayerNorm(x + self.output.dense(F.gelu(self.intermediate.dense(x))))


class CrossEncoder(nn.Module):
    """BertForSequenceClassification's forward pass for one logit: P(supported) = sigmoid(logit)."""

    def __init__(self, c: dict):
        super().__init__()
        self.bert = nn.Module()
        self.bert.embeddings = _Embeddings(c)
        self.bert.encoder = nn.Module()
        self.bert.encoder.layer = nn.ModuleList(_Layer(c) for _ in range(c["num_hidden_layers"]))
        self.bert.pooler = nn.Module()
        self.bert.pooler.dense = nn.Linear(c["hidden_size"], c["hidden_size"])
        self.classifier = nn.Linear(c["hidden_size"], 1)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor,
                token_type_ids: torch.Tensor) -> torch.Tensor:
        x = self.bert.embeddings(input_ids, token_type_ids)
        # additive mask: padding keys get a large negative score (the dtype's minimum, as transformers does)
        mask = (1.0 - attention_mask[:, None, None, :].to(x.dtype)) * torch.finfo(x.dtype).min
        for layer in self.bert.encoder.layer:
            x = layer(x, mask)
        # The head runs one row at a time: on a batch of [CLS] rows torch multiplies by another kernel
        # than on one row (in fp32 the last bit differs), so a pair's score would depend on how many
        # pairs shared its batch. The encoder above gives every row the same bits either way.
        cls = x[:, 0]
        pooled = torch.cat([torch.tanh(self.bert.pooler.dense(cls[i:i + 1])) for i in range(cls.shape[0])])
        return torch.cat([self.classifier(pooled[i:i + 1]) for i in range(pooled.shape[0])]).squeeze(-1)


def read_config(path: Path) -> dict:
    c = json.loads((path / "config.json").read_text(encoding="utf-8"))
    wrong = {k: c.get(k) for k, v in SUPPORTED.items() if c.get(k, v) != v}
    if wrong or c.get("architectures", ["BertForSequenceClassification"]) != ["BertForSequenceClassification"]:
        raise LayoutError(f"not a BERT cross-encoder this loader implements ({wrong or c.get('architectures')})")
    if c["hidden_size"] % c["num_attention_heads"] or len(c.get("id2label", {"0": ""})) != 1:
        raise LayoutError("expected one output logit and a hidden size divisible by the heads")
    if not (path / "tokenizer.json").is_file() or not (path / "model.safetensors").is_file():
        raise LayoutError("no tokenizer.json or model.safetensors (older layouts go through transformers)")
    return c


def load(path: Path) -> CrossEncoder:
    """The model of ``path`` (config.json + model.safetensors), in fp32, in eval mode."""
    from safetensors.torch import load_file

    config = read_config(path)
    model = CrossEncoder(config)  # (built on the meta device it took longer: its first use costs a second)
    state = {k: v.float() for k, v in load_file(str(path / "model.safetensors")).items()}
    state = {k: v for k, v in state.items() if not k.endswith("position_ids")}
    missing, unexpected = model.load_state_dict(state, strict=False, assign=True)
    if missing or unexpected:
        raise LayoutError(f"weights do not fit the layout (missing {missing[:3]}, unexpected {unexpected[:3]})")
    return model.eval()


def load_tokenizer(path: Path, max_length: int):
    """tokenizer.json with [CLS] premise [SEP] hypothesis [SEP], padded per batch; a long premise is cut from its end."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(path / "tokenizer.json"))
    tok.enable_truncation(max_length, strategy="only_first")
    tok.enable_padding(pad_id=tok.token_to_id("[PAD]") or 0, pad_token="[PAD]")
    return tok


def _encode_one(tok, pair: tuple[str, str]):
    """One pair (unpadded); cut on both sides only when its hypothesis alone is too long, so a pair
    is cut the same way whatever else is in its batch."""
    try:
        return tok.encode(*pair)
    except Exception:
        tok.enable_truncation(tok.truncation["max_length"], strategy="longest_first")
        try:
            return tok.encode(*pair)
        finally:
            tok.enable_truncation(tok.truncation["max_length"], strategy="only_first")


def encode(tok, pairs: list[tuple[str, str]]) -> dict[str, torch.Tensor]:
    try:
        batch = tok.encode_batch(pairs)
    except Exception:  # a hypothesis longer than max_length alone: cut both sides of that pair only
        batch = [_encode_one(tok, pair) for pair in pairs]
        width = max(len(e.ids) for e in batch)
        for e in batch:
            e.pad(width, pad_id=tok.padding["pad_id"], pad_token=tok.padding["pad_token"])
    return {"input_ids": torch.tensor([e.ids for e in batch]),
            "attention_mask": torch.tensor([e.attention_mask for e in batch]),
            "token_type_ids": torch.tensor([e.type_ids for e in batch])}

