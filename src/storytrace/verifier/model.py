"""Loads the verifier's weights by path (never from a hub) and scores (premise, hypothesis) pairs.

A score is the probability that every claim of the hypothesis is supported by the premise.
Pairs are scored in batches sorted by length (little padding); the fp16 weights are held in fp32 and
the matrix products run in bfloat16 where the CPU has bfloat16 instructions, else in fp32.
The shipped layout (a BERT cross-encoder) is read straight into plain torch modules (``bert``), which
loads in a fraction of transformers' time; any other layout goes through transformers.
"""
from __future__ import annotations

from pathlib import Path

from storytrace.batch_shapes import chunks, fixed_batch

WEIGHTS_DIR = Path(__file__).resolve().parent / "weights"


class VerifierLoadError(RuntimeError):
    """The verifier's weights could not be loaded (one line, for the user)."""


def default_weights() -> Path:
    return WEIGHTS_DIR


class Verifier:
    def __init__(self, path: str | Path | None = None, batch_size: int = 32, max_length: int = 256,
                 threads: int = 0, loader: str = "auto", bf16: bool | None = None):
        """``loader``: "auto" (plain torch for the shipped layout) or "transformers" (always; for comparisons).
        ``bf16``: matrix products in bfloat16 (None: where the CPU has native bfloat16 instructions)."""
        path = Path(path) if path else WEIGHTS_DIR
        if not (path / "config.json").is_file():
            raise VerifierLoadError(f"verifier weights {path}: not a directory with a model (config.json missing)")
        try:
            import torch

            self._encode, self.model = self._load(path, max_length, loader)
        except Exception as exc:  # missing files, bad config, ...: one clear line
            first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise VerifierLoadError(f"verifier weights {path}: {first}") from None
        if threads:
            torch.set_num_threads(threads)
        self.model.eval()
        self._torch = torch
        self.bf16 = native_bf16() if bf16 is None else bf16
        self.path = path
        self.batch_size = batch_size
        self.max_length = max_length
        self._cache: dict[tuple[str, str], float] = {}

    @staticmethod
    def _load(path: Path, max_length: int, loader: str = "auto"):
        """(pairs -> model inputs, model): plain torch for the shipped layout, else transformers."""
        from storytrace.verifier import bert

        try:
            if loader == "transformers":
                raise bert.LayoutError("transformers asked for")
            bert.read_config(path)
        except bert.LayoutError:
            import torch
            from transformers import AutoModelForSequenceClassification, AutoTokenizer
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()  # no "Loading weights" bar in the middle of a run
            tokenizer = AutoTokenizer.from_pretrained(str(path), local_files_only=True)
            model = AutoModelForSequenceClassification.from_pretrained(str(path), local_files_only=True,
                                                                       dtype=torch.float32)

            def encode(pairs):
                return tokenizer([p for p, _ in pairs], [h for _, h in pairs], padding=True,
                                 truncation="only_first", max_length=max_length, return_tensors="pt")

            return encode, _Logit(model)
        tokenizer = bert.load_tokenizer(path, max_length)
        return (lambda pairs: bert.encode(tokenizer, pairs)), bert.load(path)

    def score(self, pairs: list[tuple[str, str]]) -> list[float]:
        """P(supported) for each (premise, hypothesis); repeated pairs are scored once.

        A pair's score depends on the pair alone, not on the pairs scored with it: pairs are run in
        batches of the same length in word pieces, so none is padded. Padding a pair to a longer
        neighbour moves its score in the last digits (up to 1e-4 in fp32, 0.007 in bfloat16: the
        products run over another length), so the score shown on a finding, and a downgrade at a
        threshold, would depend on what else was in the run and on the hash seed (which ordered
        pairs of one length in characters). Batches also take the shapes of ``batch_shapes`` (at least
        16 token rows; on CPUs with AMX tiles, under bfloat16, always the same number of pairs).
        """
        todo = sorted({p for p in pairs if p not in self._cache})
        if len(self._cache) + len(todo) > 100_000:
            self._cache.clear()
            todo = sorted(set(pairs))
        fixed = fixed_batch(self.bf16)  # AMX: every batch of one number of pairs
        for length, group in self._same_length_groups(todo):
            for chunk, real in chunks(group, self.batch_size, length, fixed):
                enc = self._encode(chunk)
                # bfloat16 products (layer norms and softmax stay fp32 under autocast): about 1.9x faster on
                # a CPU with bfloat16 instructions, scores within 0.01 of fp32 (bench/RESULTS.md, session 10)
                with self._torch.inference_mode(), self._torch.autocast("cpu", dtype=self._torch.bfloat16, enabled=self.bf16):
                    probs = self._torch.sigmoid(self.model(**enc).reshape(-1).float()).tolist()
                self._cache.update(zip(chunk[:real], probs[:real]))
        return [round(self._cache[p], 4) for p in pairs]

    def _same_length_groups(self, todo: list[tuple[str, str]]) -> list[tuple[int, list[tuple[str, str]]]]:
        """``todo`` grouped by length in word pieces (after truncation), shortest first, with the length."""
        if not todo:
            return []
        lengths = self._encode(todo)["attention_mask"].sum(dim=1).tolist()
        groups: dict[int, list[tuple[str, str]]] = {}
        for pair, n in zip(todo, lengths):
            groups.setdefault(int(n), []).append(pair)
        return [(n, groups[n]) for n in sorted(groups)]


def native_bf16() -> bool:
    """Whether this CPU multiplies bfloat16 natively (AVX512-BF16, AMX); elsewhere bfloat16 is slower than fp32."""
    try:
        import torch

        # (mkldnn's own "bf16 supported" is also true on AVX512 CPUs that only emulate it)
        return bool(torch.cpu._is_avx512_bf16_supported() or torch.cpu._is_amx_tile_supported())
    except (AttributeError, RuntimeError):  # a torch without the checks: stay in fp32
        return False


class _Logit:
    """A transformers sequence classifier called like ``bert.CrossEncoder``: inputs in, one logit per pair out."""

    def __init__(self, model):
        self.model = model

    def eval(self):
        self.model.eval()
        return self

    def __call__(self, **enc):
        return self.model(**enc).logits.squeeze(-1)
