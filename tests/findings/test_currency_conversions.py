"""Two versions that restate one amount in brackets, each in its own currency ("40 million euros ($52
million)" / "40 million euros (35 million pounds)"), give the same fact at two exchange rates: the
different figures are no number change worth a reader's time (low, not medium). A figure changed in one
currency, or one in brackets that converts nothing, is still read. Hand-written pairs."""
from __future__ import annotations

from findings.helpers import pair_findings
from storytrace.findings.conversions import currency, is_bracketed_conversion

SOURCE = "Thieves stole gems worth 40 million euros (35 million pounds) from a jeweller on the Rue Falconet, police said."


def _flagged(findings):
    return [(f.type, f.derived_value, f.source_value) for f in findings if f.severity != "low"]


def test_two_conversions_of_one_amount_are_no_change(extractor):
    derived = "Thieves stole gems valued at 40 million euros ($52 million) from a jeweller on the Rue Falconet, police said."
    findings = pair_findings(extractor, SOURCE, derived)
    assert _flagged(findings) == []
    low = [f for f in findings if f.type == "number_change"]
    assert [f.severity for f in low] == ["low"] and "another currency" in low[0].explanation


def test_the_amount_converted_changed_is_still_a_change(extractor):
    derived = "Thieves stole gems worth 60 million euros (35 million pounds) from a jeweller on the Rue Falconet, police said."
    assert ("number_change", "60 million", "40 million") in _flagged(pair_findings(extractor, SOURCE, derived))


def test_a_changed_figure_in_one_currency_is_still_a_change(extractor):
    findings = pair_findings(extractor, "The council paid $35 million for the old mill, its report said.",
                             "The council paid $52 million for the old mill, its report said.")
    assert _flagged(findings) == [("number_change", "52 million", "35 million")]


def test_what_reads_as_a_bracketed_conversion():
    text = "gems worth 40 million euros ($52 million) and a bonus ($3 million)"
    assert currency(text, text.index("52"), text.index("52") + 10) == "USD"
    assert currency(text, text.index("40"), text.index("40") + 10) == "EUR"
    assert is_bracketed_conversion(text, text.index("52"), text.index("52") + 10)
    assert not is_bracketed_conversion(text, text.index("40"), text.index("40") + 10)  # no bracket
    assert not is_bracketed_conversion(text, text.index("3 million"), text.index("3 million") + 9)  # after a noun


def test_conversions_in_each_written_currency_are_no_change(extractor):
    # currencies the conversion reader did not read before it was the extractor's (nlp.quantities.currency_at)
    source = "Thieves stole gems worth 40 million euros (58 million Canadian dollars) from a jeweller, police said."
    derived = "Thieves stole gems valued at 40 million euros (\\$52 million) from a jeweller, police said."
    findings = pair_findings(extractor, source, derived)
    assert _flagged(findings) == []
    assert [f.severity for f in findings if f.type == "number_change"] == ["low"]
