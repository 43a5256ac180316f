"""A common word written in capitals is the word, not an acronym (issue 17, real26).

Papers set a story's first words in capitals ("A PROVISIONAL trial date has been set ...") and
writers stress a word so ("the water is UNSAFE to drink"). An acronym must be one in the source too
("US" is not the pronoun "us"), but a word of five letters or more that is a common English word,
and that the source writes in lower case, is that word: no name the source lacks. Acronyms of
ordinary words are short ("US", "AIDS", "SWAT"). Hand-written sentences."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _additions(findings):
    return [(f.derived_value, f.severity) for f in findings if f.type == "unsupported_addition" and f.severity != "low"]


@pytest.mark.parametrize("src,der", [
    ("A provisional trial date has been set in the case of a man accused of killing his neighbour.\n"
     "The hearing will take place in the autumn, the court said.",
     "A PROVISIONAL trial date has been set in the case of a man accused of killing his neighbour.\n"
     "The hearing will take place in the autumn, the court said."),
    ("Residents of Marsh End were told the tap water is unsafe to drink until Friday.",
     "Residents of Marsh End were told the tap water is UNSAFE to drink until Friday."),
])
def test_a_common_word_in_capitals_is_the_source_word(extractor, src, der):
    assert not _additions(pair_findings(extractor, src, der))


@pytest.mark.parametrize("src,der,added", [
    # the word in capitals is not in the source: still an addition
    ("A trial date has been set in the case of a man accused of killing his neighbour.\n"
     "The hearing will take place in the autumn, the court said.",
     "A PROVISIONAL trial date has been set in the case of a man accused of killing his neighbour.\n"
     "The hearing will take place in the autumn, the court said.", "PROVISIONAL"),
])
def test_words_in_capitals_the_source_lacks_are_still_added(extractor, src, der, added):
    assert added in [v for v, _ in _additions(pair_findings(extractor, src, der))]
