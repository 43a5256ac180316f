"""stories.blocking.components: connected components of the verified pairs by union-find, with
scipy's labels (int32, numbered in the order of each component's lowest row), so blocks are the same
while analyze no longer imports scipy.sparse and its csgraph."""
import subprocess
import sys

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from storytrace.stories.blocking import components


def _scipys(n: int, edges: np.ndarray) -> np.ndarray:
    graph = coo_matrix((np.ones(len(edges), dtype=np.int8), (edges[:, 0], edges[:, 1])), shape=(n, n))
    return connected_components(graph, directed=False)[1]


def test_labels_equal_scipys_on_random_graphs():
    rng = np.random.default_rng(5)
    for _ in range(500):
        n = int(rng.integers(1, 40))
        edges = rng.integers(0, n, size=(int(rng.integers(0, 2 * n)), 2)).astype(np.int64)  # loops and repeats too
        ours, theirs = components(n, edges), _scipys(n, edges)
        assert ours.dtype == theirs.dtype and np.array_equal(ours, theirs)


def test_a_chain_given_backwards_is_one_component_labelled_by_its_lowest_row():
    edges = np.array([[5, 4], [4, 3], [3, 1]], dtype=np.int64)
    assert components(6, edges).tolist() == [0, 1, 2, 1, 1, 1]
    assert components(0, np.zeros((0, 2), dtype=np.int64)).tolist() == []
    assert components(3, np.zeros((0, 2), dtype=np.int64)).tolist() == [0, 1, 2]


def test_components_import_no_scipy():
    code = ("import sys, numpy as np; from storytrace.stories.blocking import components; "
            "print(components(3, np.array([[2, 0]])).tolist(), 'scipy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "[0, 1, 0] False"
