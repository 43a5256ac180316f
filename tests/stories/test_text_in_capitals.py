"""A text written in capitals (a wire bulletin, a teletype item) keeps its words and loses the case that tells
a name from a word. Read as such: its document is encoded in lower case (an encoder trained on mixed-case text
takes "ARRESTED" for rarer pieces than "arrested"), and its names are the words the dictionary does not know as
common words ("KESTRAVILLE", "VARNOW"), not every capitalised word ("POLICE", "ARRESTED", "AGAINST") nor the
tagger's guesses ("MEN" an organisation). A text of mixed case, or a headline in capitals over a body in mixed
case, reads as before.

Hand-written texts.
"""
from __future__ import annotations

import pytest

from storytrace.model import Article, Mention
from storytrace.similarity.docvec import document_text
from storytrace.stories.build import _name_tokens
from storytrace.stories.signature import anchor_terms, containment_terms

CAPITALS = ("POLICE HAVE ARRESTED TWO MEN FROM THE HILL COMMUNITY OF KESTRAVILLE. THE PROVINCE'S ATTORNEY GENERAL "
            "SAID TOMAS VARNOW AND ELIAN DORSKI WOULD APPEAR IN COURT AGAINST CHARGES OF FRAUD.")
MIXED = ("Police have arrested two men from the hill community of Kestraville. The province's attorney general said "
         "Tomas Varnow and Elian Dorski would appear in court against charges of fraud.")
NAMES = {"kestraville", "tomas", "varnow", "elian", "dorski"}
# stories28 3f77321 read texts in capitals so (reverted): tune B3 recall 0.774 -> 0.785 (a bulletin in capitals
# joined its event), confirm unchanged. A tuning-only gain, taken back (bench/RESULTS.md, session 28).
TAKEN_BACK = pytest.mark.xfail(strict=True, reason="3f77321 (a text in capitals read in lower case, names by the "
                               "dictionary) was a tuning-only gain, taken back")


def _article(text: str, found: list[tuple[str, str]]) -> Article:
    a = Article(id="x", source_path="x", original_text=text, text=text, language="en")
    at = 0
    for written, kind in found:
        at = text.index(written, at)
        a.mentions.append(Mention(kind, written, at, at + len(written), 0, written))
        at += len(written)
    return a


@TAKEN_BACK
def test_a_document_in_capitals_is_encoded_in_lower_case():
    assert document_text("", CAPITALS) == CAPITALS.lower()
    assert document_text("", MIXED) == MIXED


def test_a_headline_in_capitals_over_a_mixed_case_body_is_left_as_written():
    body = MIXED + " " + MIXED
    assert document_text("FRAUD ARRESTS", body) == "FRAUD ARRESTS. " + body


@TAKEN_BACK
def test_the_names_of_a_text_in_capitals_are_the_words_the_dictionary_does_not_know():
    assert set(containment_terms(CAPITALS)) == NAMES
    assert set(anchor_terms(CAPITALS)) == NAMES
    assert set(containment_terms(MIXED)) == NAMES | {"police"}  # a sentence's first word, as before


@TAKEN_BACK
def test_a_text_in_capitals_and_its_mixed_case_version_share_their_names():
    caps = _article(CAPITALS, [("POLICE HAVE", "person"), ("MEN", "org"), ("KESTRAVILLE", "place"),
                               ("TOMAS VARNOW", "person")])
    mixed = _article(MIXED, [("Kestraville", "place"), ("Tomas Varnow", "person"), ("Elian Dorski", "person")])
    assert _name_tokens(caps) == _name_tokens(mixed) == frozenset(NAMES)
