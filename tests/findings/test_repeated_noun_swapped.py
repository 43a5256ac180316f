"""A thing the source names more than once, named in its slot by a noun the source never says and
WordNet does not relate to it, is another thing (session 23, issue 17: SummEdits entity changes):
"fell from a cliff" / "fell from a bridge". A noun the source says once, a synonym, a more general
word, a word of the same family or one the source says elsewhere stays silent."""
from __future__ import annotations

import pytest

from .helpers import pair_findings

SOURCE = ("A hiker fell from a cliff near the harbour on Sunday. Rescuers reached the cliff after two hours. "
          "Police closed the cliff to visitors while they examined the path.")


def _swaps(extractor, src, der):
    return [(f.derived_value, f.source_value, f.severity) for f in pair_findings(extractor, src, der)
            if f.type == "unsupported_addition" and f.severity != "low" and f.source_value]


@pytest.mark.parametrize("der,new", [
    ("A hiker fell from a bridge near the harbour on Sunday.", "bridge"),
    ("A hiker fell from a tower near the harbour on Sunday.", "tower"),
])
def test_a_repeated_noun_swapped_for_an_unrelated_one_is_medium(extractor, der, new):
    assert _swaps(extractor, SOURCE, der) == [(new, "cliff", "medium")]


@pytest.mark.parametrize("der", [
    "A hiker fell from a cliff near the harbour on Sunday.",  # the same word
    "A hiker fell from a precipice near the harbour on Sunday.",  # a synonym (WordNet: cliff, drop, drop-off)
    "A hiker fell from a drop near the harbour on Sunday.",  # ... another of its senses' words
    "A hiker fell from a geological formation near the harbour on Sunday.",  # a more general word for it
    "A hiker fell from the path near the harbour on Sunday.",  # a word the source says elsewhere
])
def test_the_same_thing_or_a_word_the_source_says_is_no_swap(extractor, der):
    assert _swaps(extractor, SOURCE, der) == []


def test_a_noun_the_source_says_once_may_be_rendered_freely(extractor):
    # one mention is no settled name: a translation may render it as it likes
    src = "A hiker fell from a cliff near the harbour on Sunday."
    assert _swaps(extractor, src, "A hiker fell from a bridge near the harbour on Sunday.") == []


def test_a_compound_rendered_by_one_word_is_not_judged_by_its_head(extractor):
    src = ("Fans gathered at the meeting place before the match. The meeting place was closed at noon "
           "after the meeting.")
    assert _swaps(extractor, src, "Fans gathered at the haunt before the match.") == []


def test_a_vaguer_word_of_another_branch_generalises(extractor):
    # WordNet files a cliff under geological formations and a spot under locations: no kind of the
    # other, yet "a spot" only says less. A word near the top of the tree with many kinds is vague.
    assert _swaps(extractor, SOURCE, "A hiker fell from a spot near the harbour on Sunday.") == []


def test_events_and_ideas_are_named_too_loosely_to_compare(extractor):
    # "assault" and "invasion" sit on separate WordNet branches, yet one renders the other
    src = ("The talks came a year after the invasion of the island. The invasion displaced thousands, "
           "and leaders condemned the invasion.")
    assert _swaps(extractor, src, "The talks came a year after the assault on the island.") == []


def test_a_version_with_its_own_settled_word_renders_the_thing(extractor):
    # each version names the thing the same way throughout: a translator's choice, made once for all
    der = ("A hiker fell from a bluff near the harbour on Sunday. Rescuers reached the bluff after two hours. "
           "Police closed the bluff to visitors while they examined the path.")
    assert _swaps(extractor, SOURCE, der) == []
