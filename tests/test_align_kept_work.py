"""Work the aligner keeps between the pairs of a story gives the answers it gave when it redid it."""
import random

import numpy as np

from scipy import sparse

from storytrace import sentence_align as sa


def _dice_matrix(a: list[set[str]], b: list[set[str]]) -> np.ndarray:
    """The Dice overlap of every pair of sets, worked out for this pair alone (what the aligner did
    before it kept incidence rows; session 15): the reference the kept rows must give byte for byte."""
    vocab: dict[str, int] = {}

    def incidence(sets: list[set[str]]):
        lens = [len(s) for s in sets]
        cols = [vocab.setdefault(t, len(vocab)) for s in sets for t in s]
        return np.repeat(np.arange(len(sets)), lens), cols, lens
    ra, ca, la = incidence(a)
    rb, cb, lb = incidence(b)
    shape_v = max(1, len(vocab))
    xa = sparse.csr_matrix((np.ones(len(ca), np.float32), (ra, ca)), shape=(len(a), shape_v))
    xb = sparse.csr_matrix((np.ones(len(cb), np.float32), (rb, cb)), shape=(len(b), shape_v))
    inter = (xa @ xb.T).toarray()
    sizes = np.array(la, np.float32)[:, None] + np.array(lb, np.float32)[None, :]
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(sizes > 0, 2 * inter / sizes, 0.0).astype(np.float32)


def _side(sets):
    n = len(sets)
    return sa.SentenceSide(["x"] * n, np.zeros((n, 2), np.float32), sets, [set() for _ in sets], np.ones(n, np.float32))


def test_kept_incidence_rows_give_the_dice_matrix_byte_for_byte(monkeypatch):
    rng = random.Random(7)
    words = [f"w{i}" for i in range(40)]
    monkeypatch.setattr(sa, "_TERM_IDS_KEPT", 25)  # force the numbering to start over now and then
    sides = [_side([set(rng.sample(words, rng.randint(0, 6))) for _ in range(rng.randint(1, 9))]) for _ in range(12)]
    for a in sides:
        for b in sides:
            want = _dice_matrix(a.terms, b.terms)
            got = sa._dice_sides(a, b, "terms")
            assert got.dtype == want.dtype and got.tobytes() == want.tobytes()


def test_a_side_keeps_its_groups():
    side = _side([{"a"}, {"b"}, {"c"}])
    assert side.group(2) is side.group(2)
    assert [sorted(t) for t in side.group(2).terms] == [["a"], ["a", "b"], ["b", "c"]]
