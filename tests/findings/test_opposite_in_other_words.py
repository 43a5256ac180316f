"""An opposite said in other words: the derived word's opposite is close in meaning to a source
word the version leaves unrendered ("irresponsibly protected" against "reliably protected":
"irresponsibly" is the opposite of "responsibly", close in meaning to "reliably"). Vectors put
a word near its own opposite too, so the source word must be closer to the opposite than to the
derived word itself; and both words must qualify the same thing (same_head)."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _flips(findings):
    return [f for f in findings if f.type == "negation_flip" and f.severity != "low"]


@pytest.mark.parametrize("src,der,word", [
    ("The marines have reliably protected the coast for 300 years, the president said on Sunday.",
     "The marines have irresponsibly protected the coast for 300 years, the president said on Sunday.",
     "irresponsibly"),
    ("The stretch presents the most challenging driving conditions on the highway, officials said.",
     "The stretch has the most undemanding driving conditions on the highway, officials said.", "undemanding"),
])
def test_opposite_in_other_words_is_a_flip(extractor, src, der, word):
    hits = _flips(pair_findings(extractor, src, der))
    assert [f for f in hits if f.derived_value == word], hits


@pytest.mark.parametrize("src,der", [
    # the same pole in other words: no flip
    ("The marines have reliably protected the coast for 300 years, the president said on Sunday.",
     "The marines have dependably protected the coast for 300 years, the president said on Sunday."),
    ("The stretch presents the most challenging driving conditions on the highway, officials said.",
     "The stretch has the most demanding driving conditions on the highway, officials said."),
])
def test_same_pole_in_other_words_is_no_flip(extractor, src, der):
    assert not _flips(pair_findings(extractor, src, der))
