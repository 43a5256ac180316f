"""An untitled article is named by its lead sentence; a full stop that ends an abbreviation or an
initial ("Dr. Ilse Marrow", "U.S. Navy", "J. Arlen Pike") ends no sentence, so the name is the whole
lead and not the piece before the abbreviation. Hand-written texts."""
from __future__ import annotations

from storytrace.ingest import article_from_text
from storytrace.ingest.lead import lead_sentences

LEAD_DR = "Talk-show host Dr. Ilse Marrow has been asked to lead the Harbour Health Board, her office confirmed on Monday."
LEAD_US = "The governor has asked Pell Dunmore to fill the post of U.S. Trade Envoy, two aides said on Friday."
LEAD_INITIAL = "The board was last led by a talk-show doctor when J. Arlen Pike chaired it in the early nineties."


def test_a_title_from_the_lead_is_not_cut_at_a_title_abbreviation():
    a = article_from_text(LEAD_DR + "\nMarrow, 51, did not comment.\n")
    assert a.title == LEAD_DR


def test_a_title_from_the_lead_is_not_cut_at_a_dotted_acronym():
    a = article_from_text(LEAD_US + "\nDunmore, 60, has not said whether he will accept.\n")
    assert a.title == LEAD_US


def test_a_title_from_the_lead_is_not_cut_at_an_initial():
    a = article_from_text(LEAD_INITIAL + "\nPike retired in 1999.\n")
    assert a.title == LEAD_INITIAL


def test_sentences_still_end_at_ordinary_full_stops():
    assert lead_sentences("Marrow met the board on Monday. She will answer on Friday. Dr. Pike agreed.") == [
        "Marrow met the board on Monday.", "She will answer on Friday.", "Dr. Pike agreed."]
