"""One reader of the currency written with an amount (nlp.quantities.currency_at), used by the extractor
and by bracketed conversions (findings.conversions): a sign or code before the figure, or a currency
word or code after it. Hand-written sentences; the forms the two former readers read differently
("Canadian dollars", "pounds sterling", "\\$" from markdown, "€ 85" with a space, "Rs") come first."""
from __future__ import annotations

import re
from datetime import date

import pytest

from storytrace.findings.conversions import currency, is_bracketed_conversion
from storytrace.model import Article
from storytrace.nlp.quantities import currency_at


def _at(text: str, figure: str):
    m = re.search(re.escape(figure), text)
    return currency_at(text, m.start(), m.end())


@pytest.mark.parametrize("text, figure, code, written", [
    ("The mine was sold for 40 million Canadian dollars last year.", "40 million", "CAD", "Canadian dollars"),
    ("The mine was sold for 40 million Australian dollars last year.", "40 million", "AUD", "Australian dollars"),
    ("The club was sold for 40 million pounds sterling in May.", "40 million", "GBP", "pounds sterling"),
    ("The club was sold for 40 million US dollars in May.", "40 million", "USD", "US dollars"),
    ("Exports reached \\$42.7 billion last year.", "42.7 billion", "USD", "\\$"),
    ("It costs US$5 million a year.", "5 million", "USD", "US$"),
    ("The fund holds € 3.5 million in bonds.", "3.5 million", "EUR", "€ "),
    ("The fund holds €3.5 million in bonds.", "3.5 million", "EUR", "€"),
    ("The state spent Rs 500 crore on roads.", "500", "INR", "Rs "),
    ("The state spent Rs. 500 crore on roads.", "500", "INR", "Rs. "),
    ("The bank lent EUR 20 million to the port.", "20 million", "EUR", "EUR "),
    ("The bank lent 20 million USD to the port.", "20 million", "USD", "USD"),
    ("The bank lent 20 million yen to the port.", "20 million", "JPY", "yen"),
])
def test_the_currency_written_with_an_amount(text, figure, code, written):
    mark = _at(text, figure)
    assert mark is not None and (mark.code, text[mark.start:mark.end].strip(" ")) == (code, written.strip(" "))


@pytest.mark.parametrize("text, figure", [
    ("The council built 40 new homes last year.", "40"),
    ("The bank lent 20 million eur to the port.", "20 million"),  # no code a text writes in lower case
    ("Mrs 5 and Mr 6 were the winners.", "5"),
])
def test_an_amount_with_no_currency(text, figure):
    assert _at(text, figure) is None


def test_the_extractor_reads_the_same_currency(extractor):
    text = ("The fund holds € 3.5 million in bonds. The state spent Rs 500 on each road. "
            "The mine was sold for 40 million Canadian dollars.")
    a = extractor.process(Article(id="q", source_path="", original_text=text, published=date(2024, 3, 14)))
    found = [(a.text[m.start:m.end], m.value.unit) for m in a.mentions if m.kind == "quantity"]
    assert found == [("€ 3.5 million", "EUR"), ("Rs 500", "INR"), ("40 million Canadian dollars", "CAD")]


@pytest.mark.parametrize("text, figure", [
    ("Gems worth 85 million pounds sterling ($108 million) were stolen.", "108 million"),
    ("Gems worth 85 million euros (\\$108 million) were stolen.", "108 million"),
    ("Gems worth 85 million euros (64 million Canadian dollars) were stolen.", "64 million"),
    ("Gems worth 85 million EUR ($108 million) were stolen.", "108 million"),
])
def test_a_bracketed_conversion_in_each_written_form(text, figure):
    start = text.index(figure)
    assert is_bracketed_conversion(text, start, start + len(figure))


def test_a_conversion_reads_canadian_dollars_as_their_own_currency():
    text = "Gems worth 85 million Canadian dollars ($64 million) were stolen."
    assert currency(text, text.index("85"), text.index("85") + 10) == "CAD"
