"""An acronym the article defines in brackets after a name ("the National Farmers Consultative
Conference (NFCC)") names that body when it comes back bare ("members of the NFCC"): the name is
compared where it is written out, and the later acronym adds no name of its own (issue 17: names read
wrongly on real translations). An acronym the article never defines is still a name the source must
have. Names are invented."""
from __future__ import annotations

from .helpers import pair_findings

_SOURCE = ("Every year, the Chinese Farmers Consultative Conference meets, where delegates and members discuss "
           "the plans. The delegates met in March.")


def test_a_later_bare_mention_of_a_defined_acronym_adds_nothing(extractor):
    derived = ("Every year, the National Farmers Consultative Conference (NFCC) meets, where delegates and members "
               "of the NFCC discuss the plans. The delegates met in March.")
    findings = pair_findings(extractor, _SOURCE, derived)
    assert not [f for f in findings if f.derived_value == "NFCC" and f.severity != "low"], findings


def test_an_acronym_never_defined_is_still_an_addition(extractor):
    derived = ("Every year, the National Farmers Consultative Conference meets, where delegates and members "
               "of the WFO discuss the plans. The delegates met in March.")
    findings = pair_findings(extractor, _SOURCE, derived)
    assert [f for f in findings if f.derived_value == "WFO" and f.type == "unsupported_addition"], findings
