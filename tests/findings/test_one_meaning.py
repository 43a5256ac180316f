"""Two versions that say one thing in two ways: a dateline spelt differently, one referent under
two names, an aspect the verb already carries. Each test ends with a real change still reported."""
from __future__ import annotations

from storytrace.findings.datelines import credit_spans

from .helpers import pair_findings


def _counted(findings, kind=None):
    return [f for f in findings if f.severity in ("medium", "high") and (kind is None or f.type == kind)]


def test_a_dateline_is_read_as_a_credit_not_as_story_text():
    s = "Northwire, Lisbon, March 4 (Ana Pires) The harbour authority reopened the bridge."
    spans = credit_spans(s)
    assert [s[a:b] for a, b in spans] == ["Northwire, Lisbon, March 4 (Ana Pires) "]
    assert credit_spans("Lisbon, Mar. 4 -- The bridge reopened.") == [(0, len("Lisbon, Mar. 4 -- "))]
    assert credit_spans('"A bridge for the city" - Northwire') == [(len('"A bridge for the city"'), len('"A bridge for the city" - Northwire'))]
    # A sentence that opens with a day and a date is story text.
    assert credit_spans("On Monday, March 4 the harbour authority reopened the bridge.") == []


def test_a_dateline_spelt_differently_is_no_change(extractor):
    source = ("Northwire, Lisbon, March 4 (Ana Pires) The harbour authority recently released its yearly report, "
              "which shows that ship arrivals rose by 8.6% in 2022.")
    derived = ("Lisbon, March 4 (Anapires) -- According to the yearly report recently released by the harbour "
               "authority, ship arrivals rose by 8.6% in 2022.")
    assert not _counted(pair_findings(extractor, source, derived))
    assert not _counted(pair_findings(extractor, derived, source))
    # The same name put into the story text is still a finding.
    changed = ("Lisbon, March 4 (Anapires) -- According to the yearly report recently released by Northwire, "
               "ship arrivals rose by 8.6% in 2022.")
    assert _counted(pair_findings(extractor, derived, changed))


def test_a_disease_named_for_its_virus_is_the_same_referent(extractor):
    source = "The economy of the island has shown great resilience in the face of the coronavirus pandemic."
    derived = "In the face of the COVID-19 pandemic, the economy of the island has shown great resilience."
    assert not _counted(pair_findings(extractor, source, derived))
    quoted_s = '"In response to the impact of the COVID-19 pandemic, the economy of the island has shown strong resilience," she said.'
    quoted_d = '"In response to the impact of the new coronavirus epidemic, the economy of the island has shown strong resilience," she said.'
    assert not _counted(pair_findings(extractor, quoted_s, quoted_d))
    # Another disease is another referent.
    assert _counted(pair_findings(extractor, source, source.replace("coronavirus", "Ebola")))


def test_a_continuative_adverb_renders_the_progressive_of_a_verb_of_change(extractor):
    # "has been decreasing" already presents the fall as going on step by step.
    source = "Since the strike began, the number of people who actually join the marches has been decreasing."
    assert not _counted(pair_findings(
        extractor, source, "Since the strike began, the number of people who actually join the marches has gradually decreased."),
        "unsupported_addition")
    assert not _counted(pair_findings(
        extractor, "The harbour's trade with the islands is increasing, and the fleet is growing.",
        "The harbour's trade with the islands is constantly increasing, and the fleet is growing."),
        "unsupported_addition")
    # A simple past says nothing of how the fall went: "gradually" adds that.
    assert _counted(pair_findings(
        extractor, "Since the strike began, the number of people who actually join the marches decreased.",
        "Since the strike began, the number of people who actually join the marches gradually decreased."),
        "unsupported_addition")


def test_capitals_of_a_title_case_headline_mark_no_name(extractor):
    source = "Portugal-Spain Flood Relief Works Day and Night"
    derived = "Flood relief in Portugal and Spain continues around the clock"
    assert not _counted(pair_findings(extractor, source, derived))
    # A place the headline names is a name all the same.
    assert _counted(pair_findings(extractor, "Lisbon Flood Relief Works Day and Night",
                                  "Flood relief in Porto continues around the clock"))


def test_home_names_the_country_from_its_people_s_side(extractor):
    source = "The number of students returning home to look for work in 2022 rose by 8.6% year on year."
    derived = "The number of students returning to Portugal to look for work in 2022 rose by 8.6% year on year."
    assert not _counted(pair_findings(extractor, source, derived))
    assert not _counted(pair_findings(extractor, derived, source))
    # Another "home" on both sides ("home culture") leaves the first one rendered by the name.
    assert not _counted(pair_findings(
        extractor, "When returning home after years abroad, you have lost some habits of your home culture.",
        "When returning to Portugal after years abroad, you have lost some habits of your home culture."))
    # A country where the source says nothing of home is an addition.
    assert _counted(pair_findings(
        extractor, "The number of students looking for work in 2022 rose by 8.6% year on year.",
        "The number of students looking for work in Portugal in 2022 rose by 8.6% year on year."))
