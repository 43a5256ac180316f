"""An amount given again in brackets in another currency or unit ("€2 million (R26 million)") converts
the amount before it: it states no fact of its own, so adding it is no unsupported addition, and a
version that puts its conversion first ("$2.6 million (two million euros)" for "two million euros") keeps
the source's amount. Hand-written pairs; each still gives a medium unsupported_addition on main.
Session 21's candidate (real21: leave such an amount out of the additions) cost right findings on the
confirm part (WMT en pairs caught 69 -> 67/118; translations: right unsupported additions 31 -> 30, recall
112 -> 111/288): a translation that adds a conversion the source lacks is marked as an error by WMT's
annotators. It was dropped; the cases stay as strict xfails."""
from __future__ import annotations

import pytest

from findings.helpers import pair_findings


@pytest.mark.parametrize(
    "source, derived",
    [
        ("Four men rammed their car into a jewellery store in central Paris, making off with a €2 million booty,"
         " a police source said.",
         "Four men rammed their car into a jewellery store in central Paris, making off with a €2 million"
         " (R26 million) booty, a police source said."),
        ("Four men rammed their car into a jewellery store, making off with a two-million-euro booty,"
         " a police source said.",
         "Four men rammed their car into a jewellery store, stealing $2.6 million (two million euros) in jewels,"
         " a police source said."),
        ("The storm dropped 20 inches of snow on the town, officials said.",
         "The storm dropped 20 inches (51 centimetres) of snow on the town, officials said."),
        ("The company paid $5 million for the site in 2010.",
         "The company paid $5 million (4 million euros) for the site in 2010."),
    ],
)
@pytest.mark.xfail(strict=True, reason="known wrong additions: real21's conversion candidate (session 21) cost WMT"
                   " en pairs caught and right translation additions on confirm and was dropped")
def test_a_conversion_in_brackets_adds_nothing(extractor, source, derived):
    assert pair_findings(extractor, source, derived) == []


@pytest.mark.xfail(strict=True, reason="known wrong additions: real21's conversion candidate (session 21) cost WMT"
                   " en pairs caught and right translation additions on confirm and was dropped")
def test_a_changed_amount_before_its_conversion_is_still_a_change(extractor):
    findings = pair_findings(extractor, "The company paid $5 million for the site in 2010.",
                             "The company paid $7 million (4 million euros) for the site in 2010.")
    assert [(f.type, f.source_value, f.derived_value) for f in findings] == [("number_change", "5 million", "7 million")]


@pytest.mark.parametrize(
    "source, derived, added",
    [
        # a bracket that says something else is no conversion
        ("The host fronted the awards in 2001 and 2005.",
         "The host fronted the awards in 2001 and 2005 (co-hosting them in 2003).", "2003"),
        ("Three people died in the fire.", "Three people (two of them children) died in the fire.", "two"),
    ],
)
def test_a_bracket_that_is_no_conversion_is_still_read(extractor, source, derived, added):
    findings = pair_findings(extractor, source, derived)
    assert [(f.type, f.derived_value) for f in findings] == [("unsupported_addition", added)]
