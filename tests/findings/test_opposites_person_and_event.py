"""Where the parser gives two words no common slot, a version's word that WordNet opposes to the one
source word it leaves unrendered at the same place reads as a reversal (polarity._unslotted_opposite).
Not when one is said of a person and the other of no person: "where the courier was killed" and "as
the shooting began" are two happenings ("kill" meets "begin" only through its sense "end", which
nothing said of a person has). Said of one thing, opposites still reverse the claim. Hand-written pairs.

Seen on ECB+ tuning topic 33 (a medium negation_flip "began" / "killed"). Session 25 (real25) gated
every opposite pair by different subjects and lost a right translation flip on confirm; this gate is
narrower: the unslotted pairing only, and only a person against no person."""
from __future__ import annotations

from findings.helpers import pair_findings

DERIVED = ('"I saw smoke coming from the van," said Mary Vance, who is seen in the video covering her son with her'
           " body as the shooting began.")


def _flips(findings):
    return [(f.derived_value, f.source_value) for f in findings if f.type == "negation_flip" and f.severity != "low"]


def test_what_befell_a_person_is_no_opposite_of_what_an_event_did(extractor):
    source = ('"I saw smoke coming from the van," testified Mary Vance, the driver in the video wearing a red coat,'
              " seen shielding her son as they dive to the ground just feet from where the courier was killed.")
    assert _flips(pair_findings(extractor, source, DERIVED, [([0], [0])])) == []


def test_opposites_said_of_one_event_still_reverse_it(extractor):
    source = ('"I saw smoke coming from the van," testified Mary Vance, the driver in the video wearing a red coat,'
              " seen shielding her son as they dive to the ground just as the shooting ended.")
    assert ("began", "ended") in _flips(pair_findings(extractor, source, DERIVED, [([0], [0])]))
