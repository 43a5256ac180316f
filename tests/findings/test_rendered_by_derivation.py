"""A source word the version renders by a derivation of it is rendered (issue 17.5: false alarms
on faithful pairs; issue 17.2: a paraphrase that keeps the meaning is no flip).

The slot-opposite checks (polarity._slot_antonyms, _unslotted_opposite) compare a new word with the
one source word the version leaves unrendered at the same place. A translation often says a source
word through another part of speech of it: "the unique culture" for "cultural characteristics",
"the economy" for "economic". Before, "cultural" counted as unrendered (its lemma is not in the
version), so "unique", the one new word there, was read as its opposite: a medium negation_flip on a
faithful rendering. WordNet's derivations ("cultural" -> "culture") now count as saying the word.
A new word that stands where the source has an opposite the version does not render in any form is
still a flip."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _flips(findings):
    return [(f.derived_value, f.source_value, f.severity) for f in findings
            if f.type == "negation_flip" and f.severity != "low"]


def test_a_word_rendered_by_its_derivation_leaves_no_opposite_slot(extractor):
    findings = pair_findings(
        extractor,
        "The minister is pleased that more foreigners learn the language, which helps promote the country's "
        "cultural characteristics and customs to the world.",
        "The minister is pleased that more foreigners learn the language, which helps promote the unique culture "
        "and customs of the country to the world.")
    assert not _flips(findings)


@pytest.mark.parametrize("src,der,flip", [
    ("The players understood one another splendidly during the final.",
     "The players got along really poorly during the final.", "poorly"),
    ("The crowd greeted the decision of the referee.", "The crowd disregarded the decision of the referee.",
     "disregarded"),
])
def test_an_opposite_in_a_slot_the_version_does_not_render_is_still_a_flip(extractor, src, der, flip):
    assert any(d == flip for d, _, _ in _flips(pair_findings(extractor, src, der)))
