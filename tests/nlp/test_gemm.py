"""spaCy's matrix products on torch (nlp/gemm.py): used by the loaded pipeline, same parse in any
batch, one thread, and the same products as BLIS up to float rounding."""
import numpy as np
import pytest

torch = pytest.importorskip("torch")

from thinc.api import NumpyOps  # noqa: E402

from storytrace.nlp.gemm import MIN_ROWS, torch_gemm_ops  # noqa: E402
from storytrace.nlp.models import load_spacy  # noqa: E402

PARAGRAPHS = [
    "The mayor of Lisbon said on Tuesday that the bridge would reopen in March.",
    "Shares of the company fell 4% after it cut its forecast for the year.",
    "\"We did not expect this,\" a spokeswoman told reporters in Geneva.",
    "Rescue teams found 12 survivors.",
    "Yes.",
    "The committee, which met behind closed doors, rejected the proposal by seven votes to two.",
    "Officials in Nairobi denied that the talks had failed, but gave no date for the next round.",
    "Police arrested two men.",
]


def _parse(doc):
    return [(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]


def test_the_loaded_pipeline_multiplies_on_torch():
    nlp = load_spacy()
    ops = {type(node.ops).__name__ for _, c in nlp.components if hasattr(getattr(c, "model", None), "walk") for node in c.model.walk()}
    assert ops == {"TorchGemmOps"}


def test_a_paragraph_parses_the_same_alone_and_in_any_batch():
    nlp = load_spacy()
    alone = [nlp(text) for text in PARAGRAPHS]
    batched = list(nlp.pipe(PARAGRAPHS, batch_size=len(PARAGRAPHS)))
    shuffled = list(nlp.pipe(PARAGRAPHS[::-1], batch_size=3))[::-1]
    for a, b, c in zip(alone, batched, shuffled):
        assert _parse(a) == _parse(b) == _parse(c)
        assert np.array_equal(a.tensor, b.tensor) and np.array_equal(a.tensor, c.tensor)  # same bits


# inner sizes of en_core_web_sm's products (96 wide, windows of 3 x 96) and larger: on Intel Xeon with AMX,
# MKL gave rows of an inner size of 288 or more other bits in products of fewer than 16 rows
@pytest.mark.parametrize("inner", [96, 288, 480])
@pytest.mark.parametrize("rows", [1, 2, 3, 4, 7, 12, MIN_ROWS - 1, MIN_ROWS, 50, 333])
def test_a_row_gets_the_same_bits_in_any_product(rows, inner):
    rng = np.random.default_rng(rows)
    x = rng.standard_normal((400, inner), dtype=np.float32)
    w = rng.standard_normal((288, inner), dtype=np.float32)
    ops = torch_gemm_ops()
    whole = ops.gemm(x, w, trans2=True)
    for start in (0, 1, 17, 400 - rows):
        part = ops.gemm(np.ascontiguousarray(x[start:start + rows]), w, trans2=True)
        assert part.shape == (rows, 288) and part.dtype == np.float32
        assert np.array_equal(part, whole[start:start + rows])


def test_the_products_are_blis_products_up_to_rounding_and_fill_out():
    rng = np.random.default_rng(0)
    x = rng.standard_normal((64, 32), dtype=np.float32)
    y = rng.standard_normal((32, 48), dtype=np.float32)
    blis, ours = NumpyOps(), torch_gemm_ops()
    for t1, t2, a, b in ((False, False, x, y), (True, False, x.T.copy(), y), (False, True, x, y.T.copy()), (True, True, x.T.copy(), y.T.copy())):
        expected = blis.gemm(a, b, trans1=t1, trans2=t2)
        got = ours.gemm(a, b, trans1=t1, trans2=t2)
        np.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-4)
        out = np.empty_like(expected)
        assert ours.gemm(a, b, out=out, trans1=t1, trans2=t2) is out
        np.testing.assert_array_equal(out, got)


def test_the_product_runs_on_one_thread_and_leaves_torchs_setting():
    before = torch.get_num_threads()
    seen = []
    real_mm = torch.mm
    try:
        torch.set_num_threads(2)
        torch.mm = lambda a, b: (seen.append(torch.get_num_threads()), real_mm(a, b))[1]
        torch_gemm_ops().gemm(np.ones((5, 3), np.float32), np.ones((3, 2), np.float32))
        assert seen == [1] and torch.get_num_threads() == 2
    finally:
        torch.mm = real_mm
        torch.set_num_threads(before)


def test_the_loaded_pipeline_can_be_pickled_and_parses_the_same():
    """spaCy pipelines pickle (a user may ship one to worker processes); the ops of its layers
    must pickle too, and come back as the torch-gemm ops."""
    import pickle

    nlp = load_spacy()
    again = pickle.loads(pickle.dumps(nlp))
    assert pickle.loads(pickle.dumps(torch_gemm_ops())) is torch_gemm_ops()
    text = PARAGRAPHS[0]
    assert _parse(again(text)) == _parse(nlp(text))


def test_where_torch_cannot_be_imported_the_products_run_on_blis(monkeypatch):
    """An installed torch that fails to import (or a pickled pipeline unpickled where torch is
    missing) must not make every parse fail: the product is BLIS's, bit for bit."""
    import sys

    from storytrace.nlp import gemm

    monkeypatch.setitem(sys.modules, "torch", None)  # `import torch` raises ImportError
    monkeypatch.setattr(gemm, "_TORCH", None, raising=False)
    rng = np.random.default_rng(3)
    x, w = rng.standard_normal((7, 16), dtype=np.float32), rng.standard_normal((5, 16), dtype=np.float32)
    assert np.array_equal(torch_gemm_ops().gemm(x, w, trans2=True), NumpyOps().gemm(x, w, trans2=True))
