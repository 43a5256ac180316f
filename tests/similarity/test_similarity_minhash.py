"""MinHash signatures, Jaccard estimates and the streaming LSH index, on generated texts."""
import random

import numpy as np

from storytrace.similarity.minhash import (
    EMPTY,
    LSHIndex,
    MinHasher,
    candidate_pairs,
    containment_from_jaccard,
    estimate_jaccard,
    hash_words,
)


def _doc(rng, n, vocab=3000):
    return " ".join(f"w{rng.randrange(vocab)}" for _ in range(n))


def _exact_jaccard(h, a, b):
    sa, sb = h.shingles(a), h.shingles(b)
    return len(np.intersect1d(sa, sb)) / len(np.union1d(sa, sb))


def test_word_hashes_ignore_case_position_and_punctuation():
    w = hash_words(["Hello, world! Café", "x hello WORLD café"])
    assert list(w.doc) == [0, 0, 0, 1, 1, 1, 1]
    assert w.hashes[0] == w.hashes[4] and w.hashes[1] == w.hashes[5] and w.hashes[2] == w.hashes[6]
    assert len(set(w.hashes[:3].tolist())) == 3


def test_jaccard_estimate_tracks_exact_value():
    rng = random.Random(3)
    h = MinHasher(num_perm=128)
    errors = []
    for _ in range(60):
        words = _doc(rng, rng.randint(30, 500)).split()
        edited = [w if rng.random() > rng.uniform(0.02, 0.3) else "zz" + w for w in words]
        a, b = " ".join(words), " ".join(edited)
        sig = h.signatures([a, b])
        errors.append(estimate_jaccard(sig[0], sig[1]) - _exact_jaccard(h, a, b))
    errors = np.array(errors)
    assert abs(errors.mean()) < 0.03
    assert np.sqrt((errors**2).mean()) < 0.07  # one-permutation MinHash, 128 bins: sd ~ 0.04


def test_same_text_same_signature_and_empty_text_is_never_a_candidate():
    h = MinHasher()
    sig = h.signatures(["the harbour fire spread to two boats", "The harbour fire spread to two boats!", "", "...", ""])
    assert (sig[0] == sig[1]).all()
    assert (sig[2] == EMPTY).all() and (sig[3] == EMPTY).all()
    assert list(candidate_pairs(sig, threshold=0.5)) == [(0, 1)]


def test_short_texts_still_get_a_signature():
    h = MinHasher(ngram=3)
    sig = h.signatures(["fire", "fire", "boat"])
    assert (sig[0] == sig[1]).all() and not (sig[0] == sig[2]).all()
    assert not (sig[0] == EMPTY).any()


def test_lsh_finds_planted_near_duplicates_and_streams_like_one_batch():
    rng = random.Random(5)
    docs = [_doc(rng, 300) for _ in range(300)]
    planted = set()
    for base in range(0, 300, 3):
        words = docs[base].split()
        docs.append(" ".join(w if rng.random() > 0.05 else "edit" for w in words))
        planted.add((base, len(docs) - 1))
    sig = MinHasher().signatures(docs)
    one = LSHIndex(128, threshold=0.5).add(sig)
    streamed_index = LSHIndex(128, threshold=0.5)
    streamed = np.concatenate([streamed_index.add(sig[s : s + 37]) for s in range(0, len(sig), 37)])
    found = {tuple(p) for p in one.tolist()}
    assert found == {tuple(p) for p in streamed.tolist()}
    assert len(planted & found) / len(planted) >= 0.95
    assert len(found - planted) <= 5  # unrelated random documents share nothing


def test_containment_from_jaccard_sees_a_summary_inside_its_source():
    # |A|=100, |B|=20, B inside A: J = 20/100
    assert abs(containment_from_jaccard(0.2, 100, 20) - 1.0) < 1e-9
    assert containment_from_jaccard(0.0, 100, 20) == 0.0
