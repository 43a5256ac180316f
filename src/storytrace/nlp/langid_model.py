"""py3langid's model, read from an uncompressed copy instead of decompressed in every process.

py3langid ships its model as an LZMA-compressed npz; decompressing it costs ~0.5 CPU-s in every
process that identifies a language (each `analyze`, each --workers worker). The decompressed npz
is kept once in the user's cache folder (storytrace/derived_cache.py) and read back in ~0.02 s;
the arrays are the same, so every label and probability is the same (tested).
"""
from __future__ import annotations

import io
import lzma
from pathlib import Path

from storytrace.derived_cache import cache_file, write_atomic


def _model_file() -> Path:
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    return Path(MODEL_DIR) / MODEL_FILE


def _copy_path(model: Path) -> Path:
    from importlib.metadata import version

    return cache_file("py3langid-model", version("py3langid"), model, ".npz")


def _kept_npz(model: Path) -> bytes | io.BufferedReader:
    """The uncompressed npz: the kept copy (an open file), else decompressed now and kept."""
    path = _copy_path(model)
    try:
        return path.open("rb")
    except OSError:
        data = lzma.decompress(model.read_bytes())
        write_atomic(path, data)
        return data


def load_identifier(norm_probs: bool = True):
    """``LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=...)``, from the kept copy."""
    import numpy as np
    from py3langid.langid import LanguageIdentifier
    from py3langid.modelio import _to_array

    model = _model_file()
    source = None
    try:
        source = _kept_npz(model)
        with np.load(io.BytesIO(source) if isinstance(source, bytes) else source, allow_pickle=False) as data:
            ptc, pc, classes = data["ptc"], data["pc"], data["classes"].tolist()
            nextmove, row, output = _to_array(data["nextmove"]), _to_array(data["nextmove_row"]), data["out_feat"].tolist()
    except (OSError, ValueError, KeyError, EOFError):  # an unreadable copy: py3langid's own loader
        _copy_path(model).unlink(missing_ok=True)  # the next process writes a good one
        return LanguageIdentifier.from_model_file(str(model), norm_probs=norm_probs)
    finally:
        if source is not None and not isinstance(source, bytes):
            source.close()
    return LanguageIdentifier(np.asarray(ptc), np.asarray(pc), classes, nextmove, output,
                              norm_probs=norm_probs, tk_row=row)
