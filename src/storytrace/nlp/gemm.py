"""spaCy's matrix products on torch's CPU kernels instead of BLIS (issue 22).

thinc's ``NumpyOps.gemm`` multiplies through cython-blis, whose kernels reach about 42 GFLOPS on one
core of this machine's CPU (AMD EPYC, AVX-512) against about 105 for torch's (the CNN layers of
en_core_web_sm: tok2vec's maxout layers and the parser's and NER's precomputed lower layer). Those
products were ~13% of the CPU of an analysed article.

Two properties are kept, and tested (tests/nlp/test_gemm.py):
- **A paragraph parses the same in any batch.** thinc multiplies the tokens of a whole ``nlp.pipe``
  batch as one matrix. BLIS gives each row the same bits whatever rows surround it. OpenBLAS (numpy's
  ``@``) does not: a row's bits depend on its offset in the matrix, so a paragraph's parse would
  depend on its neighbours in the batch. torch's kernels give a row the same bits in any matrix of 16
  or more rows, so a smaller product is padded with zero rows to 16. (On AMD EPYC 4 rows were enough;
  on Intel Xeon with AMX, MKL's small-matrix kernels give rows of an inner dimension of 288 or more
  other bits below 16 rows: measured for inner sizes 96-1,000 and 1-511 rows, session 22.)
- **One thread,** as BLIS ran: the product runs with torch on one thread, and torch's own thread
  setting (the encoder's) is restored after it.

The products differ from BLIS's in the last bits (summation order), so a parse that was a near tie
may come out otherwise: the accuracy benches decide (bench/RESULTS.md, issue 22, session 18).
torch is imported on the first product only (spaCy itself is imported without it, nlp/models.py).
"""
from __future__ import annotations

import numpy

MIN_ROWS = 16  # torch gives a row the same bits in any product of at least this many rows (on the CPUs tested)


def _ops_class():
    from thinc.api import NumpyOps

    class TorchGemmOps(NumpyOps):
        """NumpyOps whose float32 ``gemm`` runs on torch (the rest is NumpyOps')."""

        name = "storytrace-torch-gemm"

        def gemm(self, x, y, *, out=None, trans1=False, trans2=False):
            torch = _torch()
            if (
                torch is None
                or not isinstance(x, numpy.ndarray) or not isinstance(y, numpy.ndarray)
                or x.ndim != 2 or y.ndim != 2 or x.dtype != numpy.float32 or y.dtype != numpy.float32
            ):
                return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)
            return _torch_gemm(torch, x, y, out, trans1, trans2)

        def __reduce__(self):
            # the class is made inside a function (thinc is imported late), so pickle cannot name it:
            # a pickled pipeline (spaCy pickles its models' ops) unpickles to the one instance
            return (torch_gemm_ops, ())

    return TorchGemmOps


_OPS = None
_TORCH = None  # the torch module once imported; False: it cannot be


def _torch():
    """torch, or None where it cannot be imported: installed but broken, or missing where a pickled
    pipeline was unpickled. The products then run on BLIS, as before, rather than every parse failing."""
    global _TORCH
    if _TORCH is None:
        try:
            import torch
        except (ImportError, OSError):
            _TORCH = False
        else:
            _TORCH = torch
    return _TORCH or None


def torch_gemm_ops():
    """The one TorchGemmOps instance (made on first use)."""
    global _OPS
    if _OPS is None:
        _OPS = _ops_class()()
    return _OPS


def _tensor(torch, a: numpy.ndarray):
    if not a.flags.writeable:  # torch.from_numpy warns on read-only memory; a copy has the same values
        a = a.copy()
    return torch.from_numpy(numpy.ascontiguousarray(a))


def _torch_gemm(torch, x, y, out, trans1: bool, trans2: bool):
    """``x @ y`` (each transposed if asked) by torch on one thread, into ``out`` if given; ``torch`` is
    the module ``_torch`` imported once (an import statement here would run on every product)."""
    tx, ty = _tensor(torch, x), _tensor(torch, y)
    if trans1:
        tx = tx.T
    if trans2:
        ty = ty.T
    rows = tx.shape[0]
    if rows < MIN_ROWS:
        tx = torch.cat([tx, tx.new_zeros((MIN_ROWS - rows, tx.shape[1]))])
    threads = torch.get_num_threads()
    if threads != 1:
        torch.set_num_threads(1)
    try:
        product = torch.mm(tx, ty)[:rows].numpy()
    finally:
        if threads != 1:
            torch.set_num_threads(threads)
    if out is not None:
        out[...] = product
        return out
    return product


def use_torch_gemm(nlp) -> int:
    """Give every thinc layer of ``nlp`` that runs on plain NumpyOps the torch-gemm ops; returns how
    many layers changed. Layers on other ops (a GPU, Apple's) are left alone, and so is everything
    when torch is not installed."""
    import importlib.util

    if importlib.util.find_spec("torch") is None:
        return 0
    from thinc.api import NumpyOps

    ops = torch_gemm_ops()
    changed = 0
    for _, component in nlp.components:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps and getattr(node.ops, "use_blis", True):
                node.ops = ops
                changed += 1
    return changed
