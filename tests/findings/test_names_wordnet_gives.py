"""A name written another way that WordNet gives, and a place said through its adjective (issue 17.5:
a name written another way read as a change).

A translation may choose any of a thing's names: "the Academy Award" or "the Oscar", "the Fed" or "the Federal Reserve", "Xizang" or "Tibet";
and a place may be said by its adjective in one version and by name in the other ("Tibetan monks" /
"monks from Xizang"). WordNet lists the names of one sense together and derives the adjective from the
place, so these are one referent, not an added name, a name left out or a swap (before: a high entity
swap "Xizang" for "Tibetan" and "the Fed" for "the Federal Reserve", a medium omission of "Oscar"). A name the
tagger takes for a person ("Oscar" alone) keeps the person checks.

Session 20 (fa20) coded this as candidate N (31fbb2c): measured once on both parts, bench_translations confirm
gained one wrong omission; dropped. Its reading took every WordNet noun sense of a name with more than one
lemma, so a name also swallowed other things: "the Fed" was named by the source's common word "federal" (a
sense "Federal, Fed, federal official", a federal agent), "the Sun" by "Sunday" (a sense "Sun, Sunday, Lord's
Day"), a name of several people or things by any of them. Session 21 (fa21) keeps only a sense where every
lemma is a name (WordNet writes them capitalised), of a name that has one such sense and is no common word
in lower case, with the other name written as a name (capitalised) in the source; a place's adjective counts
when it derives from one place only ("Tibetan": Tibet; "Chinese" names two)."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _flagged(findings):
    return [f for f in findings if f.severity != "low"]


@pytest.mark.parametrize("src,der", [
    ("Tibetan monks gathered at the temple on Sunday.", "Monks from Xizang gathered at the temple on Sunday."),
    ("Monks from Xizang gathered at the temple on Sunday.", "Tibetan monks gathered at the temple on Sunday."),
    ("The film won the Oscar for best visual effects.", "The film won the Academy Award for best visual effects."),
    ("The Federal Reserve raised rates on Wednesday.", "The Fed raised rates on Wednesday."),
    ("The Fed raised rates on Wednesday.", "The Federal Reserve raised rates on Wednesday."),
    ("The Academy Awards were handed out in Los Angeles on Sunday.",
     "The Oscars were handed out in Los Angeles on Sunday."),
])
def test_a_name_wordnet_gives_for_the_same_thing_is_no_change(extractor, src, der):
    findings = pair_findings(extractor, src, der)
    assert not _flagged(findings), findings


@pytest.mark.parametrize("src,der,changed", [
    ("Tibetan monks gathered at the temple on Sunday.", "Monks from Nepal gathered at the temple on Sunday.", "Nepal"),
    ("The film won the Oscar for best visual effects.", "The film won the Grammy for best visual effects.", "Grammy"),
])
def test_another_place_or_award_is_still_a_change(extractor, src, der, changed):
    findings = pair_findings(extractor, src, der)
    assert [f for f in _flagged(findings) if f.derived_value == changed or f.source_value in ("Tibetan", "Oscar")], findings


@pytest.mark.parametrize("src,der,added", [
    # "Federal, Fed, federal official" (a federal agent) is a sense with a common lemma: no named thing
    ("Federal agents raided the office on Wednesday.", "The Fed raided the office on Wednesday.", "Fed"),
    ("The federal agency raised rates on Wednesday.", "The Fed raised rates on Wednesday.", "Fed"),
    # "sun" is a common word too, and "Sun, Sunday, Lord's Day" one of its senses: the paper is no day
    ("The story was first printed on Sunday, the paper said.",
     "The story was first printed by the Sun, the paper said.", "Sun"),
])
def test_a_common_word_of_another_sense_is_no_other_name(extractor, src, der, added):
    findings = pair_findings(extractor, src, der)
    assert [f for f in _flagged(findings) if f.derived_value == added], findings


def test_an_adjective_of_two_places_names_neither(extractor):
    """"Chinese" derives from "China", which WordNet lists for two places (one of them Taiwan): it is
    no name of Taiwan."""
    findings = pair_findings(extractor, "Chinese officials attended the talks on Monday.",
                             "Taiwanese officials attended the talks on Monday.")
    assert [f for f in _flagged(findings) if f.derived_value == "Taiwanese"], findings
