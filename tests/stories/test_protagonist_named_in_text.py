""""One article never names the other's protagonist" is read in the text, not only in the names the
tagger found: taggers miss a name written with a nickname inside it ("Marlon 'Kiki' Gray"), and a
report that calls the victim by his first name throughout still names him by his surname there.
Hand-written texts; the tagger's names are given as it found them (the surname missed)."""
from __future__ import annotations

import numpy as np

from storytrace.similarity.minhash import MinHasher
from storytrace.stories.build import ArticleProfile, signals
from storytrace.stories.signature import containment_terms

NICKNAMED = (
    "Memorial for Marlon 'Kiki' Gray, who was shot by police on Sunday, turned ugly as mourners clashed with officers. "
    "Friends said Marlon had been walking home from a party. The family of Marlon say he never carried a knife."
)
SURNAMED = (
    "Police in Harwick shot dead Marlon Gray, 16, on Sunday night. Officers said Gray reached for a knife. "
    "Gray's mother said her son never carried one."
)
OTHER = (
    "Police in Harwick shot dead Tyrell Oakes, 19, on Sunday night. Officers said Oakes reached for a knife. "
    "Oakes's mother said her son never carried one."
)


def profile(i: int, text: str, names: set[str], protagonist: str) -> ArticleProfile:
    signatures, sizes = MinHasher().signatures_and_sizes([text])
    vector = np.ones(4, dtype=np.float32) / 2
    return ArticleProfile(index=i, id=str(i), day=None, signature=signatures[0], shingles=int(sizes[0]), vector=vector,
                          names=frozenset(names), quantities=frozenset(), terms=frozenset(containment_terms(text)),
                          protagonists=frozenset({protagonist}))


def test_a_surname_the_tagger_missed_still_names_the_protagonist():
    nicknamed = profile(0, NICKNAMED, {"marlon", "friends"}, "marlon")  # the tagger read "Marlon" only
    surnamed = profile(1, SURNAMED, {"marlon", "gray", "harwick"}, "gray")
    assert signals(nicknamed, surnamed).protagonists == "same"


def test_another_protagonist_is_still_another():
    nicknamed = profile(0, NICKNAMED, {"marlon", "friends"}, "marlon")
    other = profile(1, OTHER, {"tyrell", "oakes", "harwick"}, "oakes")
    assert signals(nicknamed, other).protagonists == "other"
