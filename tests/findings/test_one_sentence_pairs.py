"""One sentence against one sentence: pairing by position is no second signal (issue 17.5, wrong
highs on faithful pairs).

A high needs two signals; one is that the claim sentence renders exactly one source sentence. Where
each version is one sentence, the two are paired because there is nothing else, not because an
aligner or their words say one renders the other. So, as for pairs compared with no aligner, the
words decide: the sentence renders its counterpart when most of its content words (the changed
value's own words left out) are there. Two renderings worded far apart ("Norway's top diplomat
presided over Monday's talks" / "the Swedish foreign minister chaired the Geneva meeting") make a
swap medium, not high; a sentence that keeps the other's words ("The WHO said ..." / "The World
Trade Organization said ...") keeps a high swap high."""
from __future__ import annotations

from .helpers import pair_findings


def _swaps(findings):
    return [f for f in findings if f.type == "entity_swap" and f.severity != "low"]


def test_a_swap_between_renderings_worded_far_apart_is_medium(extractor):
    source = "Norway's top diplomat presided over Monday's talks in Geneva."
    derived = "The Geneva meeting on Monday was chaired by the Swedish foreign minister."
    swaps = _swaps(pair_findings(extractor, source, derived, [([0], [0])]))
    assert swaps and all(f.severity == "medium" for f in swaps), swaps
    assert "one_to_one" in (swaps[0].lacks or []), swaps
    assert "paired only because each version is one sentence" in swaps[0].explanation, swaps


def test_a_swap_in_a_sentence_that_keeps_the_other_words_stays_high(extractor):
    source = "The meeting in Geneva was chaired by the Foreign Minister of Norway on Monday."
    derived = "The meeting in Geneva was chaired by the Foreign Minister of Sweden on Monday."
    assert [f.severity for f in _swaps(pair_findings(extractor, source, derived, [([0], [0])]))] == ["high"]
    swaps = _swaps(pair_findings(extractor, "The WHO said the outbreak was over.",
                                 "The World Trade Organization said the outbreak was over.", [([0], [0])]))
    assert swaps and all(f.severity == "high" for f in swaps), swaps
