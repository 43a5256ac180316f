"""py3langid's model read from the kept uncompressed copy: the same arrays, labels and probabilities."""
from __future__ import annotations

import numpy as np
import pytest

from storytrace.nlp import langid_model

TEXTS = [
    "The river rose two metres overnight and the mayor closed the bridge.",
    "Le fleuve a monté de deux mètres pendant la nuit et le maire a fermé le pont.",
    "Der Fluss stieg über Nacht um zwei Meter, und der Bürgermeister sperrte die Brücke.",
    "Река за ночь поднялась на два метра, и мэр закрыл мост.",
    "hello",
]


def _package_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _same(a, b) -> None:
    assert np.array_equal(a.nb_ptc, b.nb_ptc) and np.array_equal(a.nb_pc, b.nb_pc)
    assert a.nb_classes == b.nb_classes and a.tk_nextmove == b.tk_nextmove
    assert a.tk_row == b.tk_row and a.tk_output == b.tk_output
    for text in TEXTS:
        assert a.classify(text) == b.classify(text)
        assert a.classify(text[:12]) == b.classify(text[:12])


def test_the_kept_copy_gives_py3langids_model_and_answers(derived_cache_dir):
    own = _package_identifier()
    first = langid_model.load_identifier()  # decompressed now, copy written
    assert list(derived_cache_dir.glob("py3langid-model-*.npz")), "the copy is kept"
    kept = langid_model.load_identifier()  # read from the copy
    _same(first, own)
    _same(kept, own)


def test_an_unreadable_copy_falls_back_to_py3langids_loader(derived_cache_dir):
    langid_model.load_identifier()
    (path,) = derived_cache_dir.glob("py3langid-model-*.npz")
    path.write_bytes(b"not an npz")
    _same(langid_model.load_identifier(), _package_identifier())
    _same(langid_model.load_identifier(), _package_identifier())  # the bad copy was dropped, a good one written
    assert path.read_bytes()[:2] == b"PK", "a good copy replaces it"
