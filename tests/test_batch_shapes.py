"""Fixed batch shapes for bfloat16 products on CPUs with AMX tiles (storytrace.batch_shapes)."""
from __future__ import annotations

import pytest

from storytrace import batch_shapes
from storytrace.batch_shapes import AMX_BATCH, MIN_ROWS, amx_may_run, chunks, fixed_batch

AMX = {"avx512f", "avx512_bf16", "amx_bf16", "amx_tile", "amx_int8"}


def test_amx_runs_only_where_the_cpu_has_its_tiles_and_the_user_did_not_cap_onednn_below_them():
    assert amx_may_run(AMX, {})
    assert amx_may_run(AMX, {"ONEDNN_MAX_CPU_ISA": "ALL"})
    assert amx_may_run(AMX, {"ONEDNN_MAX_CPU_ISA": "avx512_core_amx"})
    assert not amx_may_run(AMX, {"ONEDNN_MAX_CPU_ISA": "AVX512_CORE_BF16"})  # the user's cap wins
    assert not amx_may_run({"avx512f", "avx512_bf16"}, {})  # AVX512-BF16 alone: no tiles
    assert not amx_may_run(set(), {})


def test_a_fixed_batch_is_asked_for_bf16_products_on_amx_only(monkeypatch):
    monkeypatch.setattr(batch_shapes, "amx_may_run", lambda: True)
    assert fixed_batch(True) == AMX_BATCH
    assert fixed_batch(False) is None  # fp32 products never run on AMX tiles
    monkeypatch.setattr(batch_shapes, "amx_may_run", lambda: False)
    assert fixed_batch(True) is None


def test_without_a_fixed_batch_long_rows_are_cut_at_the_batch_size_and_never_filled():
    assert chunks(list("abcde"), 2, MIN_ROWS, None) == [(["a", "b"], 2), (["c", "d"], 2), (["e"], 1)]
    assert chunks([], 2, MIN_ROWS, None) == []


def test_without_a_fixed_batch_short_rows_are_filled_up_to_the_rows_an_fp32_product_needs():
    # a 5-token sentence alone is a product of 5 rows, other bits than among others: filled to 4 x 5 = 20
    cut = chunks(list("abcdef"), 32, 5, None)
    assert cut == [(["a", "b", "c", "d", "e", "f"], 6)]
    assert chunks(["a"], 32, 5, None) == [(["a", "a", "a", "a"], 1)]
    assert chunks(list("abc"), 2, 5, None) == [(["a", "b", "a", "a"], 2), (["c", "c", "c", "c"], 1)]


@pytest.mark.parametrize("n", [1, 3, 4, 5, 9])
def test_with_a_fixed_batch_every_chunk_has_exactly_that_many_rows_and_says_how_many_are_real(n):
    rows = [f"s{i}" for i in range(n)]
    cut = chunks(rows, 32, 1, 4)
    assert all(len(batch) == 4 for batch, _ in cut)
    assert [r for batch, real in cut for r in batch[:real]] == rows  # each real row once, in order
    for batch, real in cut:
        assert batch[real:] == [batch[0]] * (4 - real)  # the filler copies a real row
