"""verifier/chunks.py: sentence split, candidate chunks and the best supporting chunk."""
from __future__ import annotations

from storytrace.verifier.chunks import best_support, candidate_windows, split_sentences, windows


class WordOverlap:
    """A stand-in verifier: the share of the hypothesis's words found in the premise."""

    def __init__(self):
        self.calls = []

    def score(self, pairs):
        self.calls.append(list(pairs))
        out = []
        for premise, hyp in pairs:
            words = hyp.lower().strip(".").split()
            out.append(sum(w in premise.lower() for w in words) / len(words))
        return out


def test_split_keeps_abbreviations_inside_a_sentence():
    text = "Mr. Smith went to the U.S. Army base. It was closed.\nA new line starts here"
    assert split_sentences(text) == ["Mr. Smith went to the U.S. Army base.", "It was closed.",
                                     "A new line starts here"]


def test_windows_slide_over_long_texts_and_take_all_of_short_ones():
    assert windows(2, 3) == [(0, 2)]
    assert windows(5, 3) == [(0, 3), (1, 4), (2, 5)]


def test_candidates_hold_the_anchor_and_the_best_lexical_windows():
    sentences = [f"filler sentence number {i}." for i in range(12)] + ["The dam broke at dawn."]
    spans = candidate_windows(sentences, "The dam broke.", anchors=[1], lexical=1)
    assert (10, 13) in spans  # shares "dam", "broke"
    assert all(s <= 1 < e for s, e in spans if (s, e) != (10, 13))


def test_best_support_takes_the_best_chunk_per_sentence_in_one_call():
    verifier = WordOverlap()
    sentences = ["The mayor opened the bridge.", "Rain fell all day.", "Crowds cheered the mayor.",
                 "The bridge cost four million euros."]
    found = best_support(verifier, sentences, ["the bridge cost four million euros.", "the mayor flew home."])
    assert len(verifier.calls) == 1
    assert found[0].score == 1.0 and "four million" in found[0].chunk
    assert found[1].score < 1.0
