"""A source name that is a common word, still said by the sentence, is no certain swap (issue 17.5,
wrong highs on faithful pairs).

A capitalised or quoted common word ("the "Report"", a headline's "Relief") is a weak name: the
tagger types it for its capital letter. Where the source has such a word in the place this version
gives another name, and this very sentence still says the word ("Xinhua released the report of the
ministry"), the source's name is not gone: the sentence may name both in other places rather than
put one in the other's place. The name in the slot is one signal; the swap is medium, not high.
A source name WordNet knows as a name ("China", though "china" is also porcelain), or a common word
the sentence no longer says, leaves a high swap high."""
from __future__ import annotations

from storytrace.nlp import wordnet

from .helpers import pair_findings


def _swaps(findings):
    return [f for f in findings if f.type == "entity_swap" and f.severity != "low"]


def test_only_common_words():
    assert wordnet.only_common_word("report") and wordnet.only_common_word("relief")
    assert not wordnet.only_common_word("china") and not wordnet.only_common_word("xinhua")


def test_a_common_word_name_the_sentence_still_says_is_no_high_swap(extractor):
    source = 'The "Report" released by the ministry on Friday shows that trade rose.'
    derived = "Xinhua released the report of the ministry on Friday, which shows that trade rose."
    swaps = _swaps(pair_findings(extractor, source, derived, [([0], [0])]))
    assert swaps and all(f.severity == "medium" for f in swaps), swaps
    assert "still says it" in swaps[0].explanation


def test_a_common_word_name_the_sentence_no_longer_says_stays_high(extractor):
    source = 'The "Report" released by the ministry on Friday shows that trade rose.'
    derived = "The Xinhua released by the ministry on Friday shows that trade rose."
    swaps = _swaps(pair_findings(extractor, source, derived, [([0], [0])]))
    assert [f.severity for f in swaps] == ["high"], swaps
