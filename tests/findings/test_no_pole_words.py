"""Words whose WordNet opposite says nothing where they stand are no negation flip: a participle that is
a preposition there ("according to"), and a plural noun of time that counts an amount of time ("for
days"). Hand-written pairs; each gives a medium negation_flip on main. Session 21's candidate (real21, a
"no pole" filter in findings/detectors/polarity.py) fixed them but cost one caught XSum summary on the
confirm part (115 -> 114/402) and was dropped: the cases stay here as strict xfails."""
from __future__ import annotations

import pytest

from findings.helpers import pair_findings


@pytest.mark.parametrize(
    "source, derived",
    [
        # "according" heads "to the police": a preposition, not the verb "accord" (WordNet links it to "grab")
        ("Robbers crash a truck into a store, grabbing jewels and watches, before setting the truck ablaze.",
         "Four men rammed their truck into a jewelry store in the city on Monday, smashing the window and"
         " stealing jewels, according to the police."),
        ("Thieves smashed their way into the shop, grabbing rings and watches.",
         "Thieves smashed their way into the shop on Monday, according to police."),
        # "for days" counts time; "last night" names a time of day: day / night are opposed only as the latter
        ("The man arrested last night on charges of murder killed his mother and his wife, according to the police.",
         "Police say a local man stabbed his wife and his own mother to death inside the apartment and left the"
         " bodies there for days."),
        ("The man arrested last night killed his mother and his wife, police said.",
         "Police say the man killed his wife and his mother and left the bodies there for days."),
    ],
)
@pytest.mark.xfail(strict=True, reason="known wrong findings: real21's no-pole candidate (session 21) cost one XSum"
                   " confirm catch and was dropped")
def test_a_word_with_no_pole_where_it_stands_is_no_flip(extractor, source, derived):
    flips = [f for f in pair_findings(extractor, source, derived) if f.type == "negation_flip"]
    assert flips == []


def test_a_time_of_day_against_its_opposite_is_still_a_flip(extractor):
    flips = [f for f in pair_findings(extractor, "The raid took place at night, police said.",
                                      "The raid took place during the day, police said.")
             if f.type == "negation_flip"]
    assert [(f.source_value, f.derived_value) for f in flips] == [("night", "day")]
