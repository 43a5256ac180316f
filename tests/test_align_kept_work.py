"""Work the aligner keeps between the pairs of a story gives the answers it gave when it redid it."""
import random

import numpy as np

from storytrace import sentence_align as sa


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
            want = sa._dice_matrix(a.terms, b.terms)
            got = sa._dice_sides(a, b, "terms")
            assert got.dtype == want.dtype and got.tobytes() == want.tobytes()


def test_a_side_keeps_its_groups():
    side = _side([{"a"}, {"b"}, {"c"}])
    assert side.group(2) is side.group(2)
    assert [sorted(t) for t in side.group(2).terms] == [["a"], ["a", "b"], ["b", "c"]]
