"""An acronym in brackets right after the name it spells ("... Consultative Conference (NPPCC)") names
what that name names: it adds no name of its own. Whether the name is said by the source is asked of
the name. Hand-written pairs; on d435a1c the first gives an unsupported_addition of the acronym, the
second two (the name and its acronym)."""
from __future__ import annotations

from findings.helpers import pair_findings


def _additions(extractor, source, derived):
    return [f.derived_value for f in pair_findings(extractor, source, derived) if f.type == "unsupported_addition"]


def test_acronym_of_a_name_the_source_gives_in_other_words_adds_nothing(extractor):
    # the long name is supported (its words are the source's); its acronym is just another writing of it
    assert _additions(extractor, "Every year the two sessions of the National People's Congress are held in Beijing.",
                      "Every year the National People's Congress and the National People's Political Consultative"
                      " Conference (NPPCC) are held in Beijing.") == []


def test_an_added_name_is_found_once_not_again_for_its_acronym(extractor):
    assert _additions(extractor, "The report was released on Monday.",
                      "The report was released by the Federal Aviation Administration (FAA) on Monday.") \
        == ["Federal Aviation Administration"]


def test_an_acronym_that_does_not_spell_the_name_before_it_is_still_added(extractor):
    assert _additions(extractor, "The report was released by the Federal Aviation Administration on Monday.",
                      "The report was released by the Federal Aviation Administration (NTSB) on Monday.") == ["NTSB"]
