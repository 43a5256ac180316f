"""A name written another way that WordNet gives, and a place said through its adjective (issue 17.5:
a name written another way read as a change).

A translation may choose any of a thing's names: "the Academy Award" or "the Oscar", "the Fed" or "the Federal Reserve", "Xizang" or "Tibet";
and a place may be said by its adjective in one version and by name in the other ("Tibetan monks" /
"monks from Xizang"). WordNet lists the names of one sense together and derives the adjective from the
place, so these are one referent, not an added name, a name left out or a swap (before: a high entity
swap "Xizang" for "Tibetan" and "the Fed" for "the Federal Reserve", a medium omission of "Oscar"). A name the
tagger takes for a person ("Oscar" alone) keeps the person checks.

Session 20 (fa20) coded this as candidate N (31fbb2c: entities_cmp.other_name_of_place beyond places, and a
place's adjective): measured once on both parts, bench_findings identical on every set and part,
bench_translations tune one wrong addition fewer, confirm one wrong omission more (high+medium 140/180 ->
140/181); dropped. The cases stay as strict xfails (known wrong findings). Another place or award stays a change."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _flagged(findings):
    return [f for f in findings if f.severity != "low"]


@pytest.mark.xfail(strict=True, reason="known wrong findings: fa20's candidate N (names WordNet gives one sense) "
                   "moved no confirm false-alarm figure and cost a confirm medium; dropped")
@pytest.mark.parametrize("src,der", [
    ("Tibetan monks gathered at the temple on Sunday.", "Monks from Xizang gathered at the temple on Sunday."),
    ("Monks from Xizang gathered at the temple on Sunday.", "Tibetan monks gathered at the temple on Sunday."),
    ("The film won the Oscar for best visual effects.", "The film won the Academy Award for best visual effects."),
    ("The Federal Reserve raised rates on Wednesday.", "The Fed raised rates on Wednesday."),
    ("The Fed raised rates on Wednesday.", "The Federal Reserve raised rates on Wednesday."),
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
