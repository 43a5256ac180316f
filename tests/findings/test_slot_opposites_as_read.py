"""Slot opposites read on the words as the version says them (issue 17.5: false alarms
on faithful pairs; issue 17.2: a paraphrase that keeps the meaning is no flip).

The slot-opposite checks (polarity._slot_antonyms, _unslotted_opposite) compare a new word with the
one source word the version leaves unrendered at the same place. A translation often says a source
word through another part of speech of it: "the unique culture" for "cultural characteristics",
"the economy" for "economic". Before, "cultural" counted as unrendered (its lemma is not in the
version), so "unique", the one new word there, was read as its opposite: a medium negation_flip on a
faithful rendering. Candidate R (session 22, fa22) counted WordNet's derivations ("cultural" ->
"culture") as saying the word, and was dropped: WMT en pairs caught on confirm 69 -> 68 and two right
negation flips lost on bench_translations tune (a derivation elsewhere in the sentence is too loose a
rendering). Its faithful case stays a strict xfail; the controls pass.

A verb with a particle read as the phrasal verb WordNet lists (candidate P, fa22, below) was measured
and dropped as well: DEMETR critical confirm 673 -> 674 (one more antonym), but bench_translations
confirm high+medium 143/183 -> 142/182 (one right medium negation flip fewer, recall unchanged), and a
change stays only if no confirm figure gets worse. Its cases stay strict xfails."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _flips(findings):
    return [(f.derived_value, f.source_value, f.severity) for f in findings
            if f.type == "negation_flip" and f.severity != "low"]


@pytest.mark.xfail(strict=True, reason="candidate R dropped (fa22): WMT en caught confirm 69 -> 68, two right flips "
                   "lost in bench_translations tune")
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


# Candidate P (dropped): a verb with a particle read as the phrasal verb WordNet lists ("picked up": to recover, rise).
# At d435a1c the bare verb "pick" (choose) was read, and "seen" in the slot of "picked" counted as its
# opposite through another sense: a medium negation_flip on a faithful rendering.

@pytest.mark.xfail(strict=True, reason="candidate P dropped (fa22): translations confirm high+medium 143/183 -> 142/182")
def test_a_phrasal_verb_is_read_as_itself_not_as_its_bare_verb(extractor):
    findings = pair_findings(extractor, "New hiring in hotels and health care has picked up significantly this year.",
                             "Hotels and health care have seen a significant rebound in new hiring this year.")
    assert not _flips(findings)


@pytest.mark.parametrize("src,der,flip", [
    ("Sales picked up in the spring.", "Sales dropped in the spring.", "dropped"),
    pytest.param("The champion gave up the title after the fight.", "The champion kept the title after the fight.",
                 "kept", marks=pytest.mark.xfail(strict=True, reason="found only with candidate P (dropped, fa22)")),
])
def test_the_opposite_of_a_phrasal_verb_is_a_flip(extractor, src, der, flip):
    assert any(d == flip for d, _, _ in _flips(pair_findings(extractor, src, der)))
