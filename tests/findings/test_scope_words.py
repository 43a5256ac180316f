"""A scope word slipped in between two words the source has side by side ("additional
satellites", "the whole interior", "the only bridge") changes what the claim is true of; a
degree word there ("a very modern city") only intensifies it and is no addition."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _additions(findings, word):
    return [f for f in findings if f.type == "unsupported_addition" and f.derived_value == word
            and f.severity != "low"]


@pytest.mark.parametrize("src,der,word", [
    ("Parly said that France would soon have small patrol satellites able to detect threats.",
     "Parly said that France would soon have additional small patrol satellites able to detect threats.", "additional"),
    ("The interior of the car has racing seats and six-point harness belts.",
     "The whole interior of the car has racing seats and six-point harness belts.", "whole"),
    ("The council said the old bridge over the river would close for repairs in May.",
     "The council said the only old bridge over the river would close for repairs in May.", "only"),
])
def test_scope_word_slipped_in_is_an_addition(extractor, src, der, word):
    findings = pair_findings(extractor, src, der)
    hits = _additions(findings, word)
    assert hits and hits[0].severity == "medium", findings


@pytest.mark.parametrize("src,der", [
    # a degree word intensifies; it restricts nothing
    ("Once a small port, it is now a modern, busy commercial centre set around a bay.",
     "Once a small port, it is now a very modern, busy commercial centre set around a bay."),
    # the source says the scope word itself elsewhere in the sentence
    ("The first train left at six, and the old bridge closed to traffic after the first storm.",
     "The first train left at six, and the first old bridge closed to traffic after the storm."),
])
def test_no_scope_addition(extractor, src, der):
    findings = pair_findings(extractor, src, der)
    assert not [f for f in findings if f.type == "unsupported_addition" and f.severity != "low"
                and f.derived_value.lower() in ("very", "first")], findings


def test_scope_words_are_read_in_english_versions_only(extractor):
    # Hungarian "most" is "now"; the English tagger reads it as an adverb all the same
    findings = pair_findings(
        extractor, "A kormány bejelentette, hogy a híd felújítása jövő tavasszal kezdődik a fővárosban.",
        "A kormány most bejelentette, hogy a híd felújítása jövő tavasszal kezdődik a fővárosban.")
    assert not _additions(findings, "most"), findings


@pytest.mark.parametrize("language", ["en-GB", "EN"])
def test_scope_words_are_read_in_english_written_any_way(extractor, language):
    # a version whose metadata gives its language as "en-GB" (front matter, --meta) is English
    from .helpers import prepare

    src = "The council said the old bridge over the river would close for repairs in May."
    der = prepare(extractor, "The council said the only old bridge over the river would close for repairs in May.", "d")
    der.language = language
    assert _additions(pair_findings(extractor, src, der), "only")


@pytest.mark.xfail(strict=True, reason="crit20 H dropped: frequency adverbs as scope words gained on tune only, "
                                       "and one more medium addition on bench_independent confirm")
def test_frequency_adverb_slipped_in_is_an_addition(extractor):
    # "sometimes" says the claim holds only on some occasions
    findings = pair_findings(extractor,
                             "There are many things about these birds that still look like a dinosaur.",
                             "There are many things about these birds that still sometimes look like a dinosaur.")
    hits = _additions(findings, "sometimes")
    assert hits and hits[0].severity == "medium", findings
