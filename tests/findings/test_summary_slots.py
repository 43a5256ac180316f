"""Slot-level checks that also work for a one-sentence summary of a longer article, where the
summary sentence fuses several source sentences: a name put in another name's place, a title
in another title's place, a rank that the article never gives, and a span of time with the
same count but another unit; and no opposite where another source sentence says the same."""
from __future__ import annotations

from storytrace.compare_verdict import verdict

from .helpers import pair_findings

SOURCE = (
    "Farmers in Lyon blocked the ring road with tractors on Monday morning. "
    "They were protesting against cuts to fuel subsidies announced by the French government. "
    "The blockade came on the eve of the two-year anniversary of Spain's withdrawal from the grain pact. "
    "Police said the protest was peaceful and no one was arrested. "
    "The farmers' union said its members lost money for the fourth quarter in a row. "
    "A spokesman for the union said 3 roads would stay closed until Wednesday. "
    "The founder of the farmers' union was questioned by police on Tuesday."
)

FAITHFUL = ("On the eve of the two-year anniversary of Spain's withdrawal from the grain pact, farmers in Lyon "
            "blocked the ring road with tractors to protest against fuel subsidy cuts.")


def _serious(findings):
    return [f for f in findings if f.severity in ("medium", "high")]


def test_faithful_summary_sentence_has_no_serious_finding(extractor):
    findings = pair_findings(extractor, SOURCE, FAITHFUL)
    assert _serious(findings) == [], findings


def test_name_in_another_names_place_is_a_swap_even_if_named_elsewhere(extractor):
    # "Italy's withdrawal" where the source says "Spain's withdrawal"; the sentence still says
    # "French", which used to hide the swap.
    derived = FAITHFUL.replace("Spain's withdrawal", "Italy's withdrawal").replace("fuel subsidy cuts", "French fuel subsidy cuts")
    findings = pair_findings(extractor, SOURCE, derived)
    swaps = [f for f in findings if f.type == "entity_swap"]
    assert swaps, findings
    assert swaps[0].derived_value == "Italy" and swaps[0].source_value == "Spain"
    assert "Spain's withdrawal" in swaps[0].explanation
    assert not verdict(findings).consistent


def test_same_count_of_another_unit_is_a_date_change(extractor):
    findings = pair_findings(extractor, SOURCE, FAITHFUL.replace("two-year", "two-month"))
    changes = [f for f in findings if f.type == "date_change"]
    assert changes, findings
    assert changes[0].derived_value == "two-month" and changes[0].source_value == "two-year"
    assert not verdict(findings).consistent


def test_rank_is_not_supported_by_a_stray_figure(extractor):
    # The article has a "3" (3 roads) but never a third quarter.
    derived = "The farmers' union said its members lost money for the third quarter in a row."
    findings = pair_findings(extractor, SOURCE, derived)
    hits = [f for f in findings if f.derived_value == "third" and f.severity != "low"]
    assert hits and "fourth" in hits[0].explanation, findings  # the source's rank is named
    same = pair_findings(extractor, SOURCE, "The union said members lost money for the fourth quarter in a row.")
    assert _serious(same) == [], same


def test_title_in_another_titles_place_is_a_role_change(extractor):
    findings = pair_findings(extractor, SOURCE, "The treasurer of the farmers' union was questioned by police on Tuesday.")
    changes = [f for f in findings if f.type == "role_change"]
    assert changes, findings
    assert changes[0].derived_value == "treasurer" and changes[0].source_value == "founder"
    assert not verdict(findings).consistent
    # another word for whoever leads it is no change
    same = pair_findings(extractor, SOURCE, "The founder of the farmers' union was interviewed by police on Tuesday.")
    assert not [f for f in same if f.type == "role_change"], same


def test_no_opposite_when_another_source_sentence_says_the_same(extractor):
    # The aligner may pair this with the "Monday morning" sentence; the "eve" sentence says it.
    derived = FAITHFUL.replace("On the eve of", "On the evening before")
    findings = pair_findings(extractor, SOURCE, derived)
    assert not [f for f in findings if f.type == "negation_flip"], findings


def test_a_place_that_contains_none_of_the_sources_places_is_not_a_generalisation(extractor):
    # "the U.S." is no wider name for Lyon or France: counted (medium), not shown as a likely
    # generalisation; "Europe" may be one (France lies in it) and stays low.
    swapped = FAITHFUL.replace("farmers in Lyon", "farmers from the U.S.")
    added = [f for f in pair_findings(extractor, SOURCE, swapped) if f.derived_value in ("U.S.", "the U.S.")]
    assert added and added[0].severity == "medium", added
    assert "Lyon" in added[0].explanation

    wider = FAITHFUL.replace("farmers in Lyon", "farmers in Europe")
    europe = [f for f in pair_findings(extractor, SOURCE, wider) if f.derived_value == "Europe"]
    assert all(f.severity == "low" for f in europe), europe


def test_a_title_word_is_not_a_name_another_name_replaced(extractor):
    # "Police" in "The Police Commissioner" identifies nobody: "Commissioner Gill" adds a name, it
    # does not swap one.
    findings = pair_findings(extractor,
                             "The Police Commissioner said the accused had made about 150 fake registrations so far.",
                             "Police Commissioner Gill said the accused had made about 150 fake registrations so far.")
    gill = [f for f in findings if f.derived_value == "Gill"]
    assert gill and all(f.type == "unsupported_addition" for f in gill), gill
