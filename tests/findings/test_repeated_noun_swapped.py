"""A thing the source names more than once, named in its slot by a noun the source never says and
WordNet does not relate to it, is another thing: "fell from a cliff" / "fell from a bridge".
Candidate N (session 23, sum23) built this as a medium unsupported_addition and was dropped: it
caught three SummEdits tuning summaries ("a Sydney beach" / "building" for "clifftop") and moved no
confirm figure but one wrong medium more on the confirm part of bench_translations (bench/RESULTS.md,
"Issue 17, session 23 (sum23)"). Kept as a strict xfail: it states the miss."""
from __future__ import annotations

import pytest

from .helpers import pair_findings

SOURCE = ("A hiker fell from a cliff near the harbour on Sunday. Rescuers reached the cliff after two hours. "
          "Police closed the cliff to visitors while they examined the path.")


def _swaps(extractor, src, der):
    return [(f.derived_value, f.source_value, f.severity) for f in pair_findings(extractor, src, der)
            if f.type == "unsupported_addition" and f.severity != "low" and f.source_value]


@pytest.mark.xfail(strict=True, reason="candidate N dropped (session 23): no confirm gain, one more wrong "
                   "translations medium on confirm")
@pytest.mark.parametrize("der,new", [
    ("A hiker fell from a bridge near the harbour on Sunday.", "bridge"),
    ("A hiker fell from a tower near the harbour on Sunday.", "tower"),
])
def test_a_repeated_noun_swapped_for_an_unrelated_one_is_medium(extractor, der, new):
    assert _swaps(extractor, SOURCE, der) == [(new, "cliff", "medium")]
