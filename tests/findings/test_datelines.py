"""A dateline ("KESTREL BAY, May 4 --", "LONDON (Harbour Wire) -") opens a paragraph before the story's first
sentence. The word after it is the story's first word, capitalised by position: a common noun there
("Councillors") is no name a version can leave out. A date in a version's own dateline says when it
was filed: no fact of the story, so adding one is low. Names and dates in the story text stay compared."""
from __future__ import annotations

import pytest

from storytrace.nlp.attribution import dateline_length

from .helpers import pair_findings

_DERIVED = "The Lakeside harbour council voted 7-2 on Tuesday to approve a new ferry terminal."


@pytest.mark.parametrize("text,opening", [
    ("KESTREL BAY (Harbour Wire) - Councillors in Kestrel Bay met.", "Councillors"),
    ("KESTREL BAY, May 4 -- The council met.", "The council"),
    ("Beijing, March 3 — Heavy rain fell.", "Heavy rain"),
    ("Chinanews.com, Beijing, March 3 (Reporter Li Wei) -- Exports rose.", "Exports"),
])
def test_dateline_length_ends_where_the_story_starts(text, opening):
    assert text[dateline_length(text):].startswith(opening)


@pytest.mark.parametrize("text", ["Councillors - who met on Monday - agreed.", "John Smith - the mayor - said so.",
                                  "The Bank of England - which sets rates - waited."])
def test_a_dash_inside_a_sentence_is_no_dateline(text):
    assert dateline_length(text) == 0


def _counted(findings):
    return [f for f in findings if f.severity != "low"]


def test_a_common_noun_after_a_dateline_is_no_name_left_out(extractor):
    source = "LAKESIDE (Harbour Wire) - Councillors in Lakeside approved a new ferry terminal by seven votes to two on Tuesday."
    assert [f for f in _counted(pair_findings(extractor, source, _DERIVED, [([0], [0])]))
            if f.source_value == "Councillors"] == []


def test_a_name_after_a_dateline_is_still_left_out(extractor):
    source = "LAKESIDE (Harbour Wire) - Brandt and the harbour council voted 7-2 on Tuesday to approve a new ferry terminal."
    findings = _counted(pair_findings(extractor, source, _DERIVED, [([0], [0])]))
    assert [f for f in findings if f.type == "omission" and f.source_value == "Brandt"], findings


def test_a_date_the_version_adds_in_its_own_dateline_is_low(extractor):
    findings = pair_findings(extractor, "LAKESIDE (Harbour Wire) - " + _DERIVED, "LAKESIDE, May 4 -- " + _DERIVED,
                             [([0], [0])])
    added = [f for f in findings if f.derived_value == "4"]
    assert added and all(f.severity == "low" and "dateline" in f.explanation for f in added), findings


def test_a_number_added_in_the_story_text_is_still_medium(extractor):
    findings = pair_findings(extractor, "LAKESIDE, May 4 -- " + _DERIVED,
                             "LAKESIDE, May 4 -- " + _DERIVED.replace("terminal", "terminal for 300 ferries"),
                             [([0], [0])])
    assert [f for f in findings if f.derived_value == "300" and f.severity == "medium"], findings


# A byline kept as a line of the text ("By Mara Jensen") says who wrote this version, as a dateline's
# credit does: its name is no person added to the story. A sentence that opens with "By" goes on.
_BODY = "The city opened 12 new parks this year, the bureau said."


@pytest.mark.parametrize("byline", ["By Mara Jensen", "[By Mara Jensen]", "By Mara Jensen, Lakeside Daily"])
def test_a_byline_line_names_no_added_person(extractor, byline):
    findings = pair_findings(extractor, f"Parks open\n\n{_BODY}", f"Parks open\n\n{byline}\n\n{_BODY}")
    assert [f for f in _counted(findings) if "Jensen" in f.derived_value] == [], findings


# Without a headline the header takes no byline out of the body: the line stays a sentence of the text,
# and the entity comparison reads it with the header's byline shape (nlp.attribution.is_byline).
@pytest.mark.parametrize("byline", ["By Piet van Dam", "By Ana de la Cruz-Molina", "By Mara Jensen for Lakeside Daily"])
def test_a_byline_line_without_a_headline_names_no_added_person(extractor, byline):
    findings = pair_findings(extractor, _BODY, f"{_BODY}\n\n{byline}")
    name = byline.removeprefix("By ").split(" for ")[0]
    assert [f for f in _counted(findings) if f.derived_value and f.derived_value in name] == [], findings


def test_a_person_in_a_sentence_opening_with_by_is_still_added(extractor):
    findings = pair_findings(extractor, f"Parks open\n\n{_BODY}",
                             f"Parks open\n\nBy the end of May, Mara Jensen had opened 12 new parks, the bureau said.")
    assert [f for f in _counted(findings) if "Jensen" in f.derived_value], findings
