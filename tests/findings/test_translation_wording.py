"""Two faithful renderings of one text write the same facts in different forms. Each case is a
hand-written pair stating one rule of how a value or a name can be written another way; the
last case of each test keeps a real change reported."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _counted(findings):
    return [f for f in findings if f.severity in ("medium", "high")]


def test_a_range_shares_its_scale_word(extractor):
    # "4 to 6 million" is 4 million to 6 million.
    assert not _counted(pair_findings(extractor, "The port expects between 4 million and 6 million visitors next year.",
                                      "The port expects between 4 and 6 million visitors next year."))
    assert not _counted(pair_findings(extractor, "Revenue will reach 13.8 billion to 14.3 billion euros this year.",
                                      "Revenue will reach 13.8 to 14.3 billion euros this year."))
    changed = pair_findings(extractor, "The port expects between 4 million and 6 million visitors next year.",
                            "The port expects between 4 and 7 million visitors next year.")
    assert [f.derived_value for f in changed if f.type == "number_change"] == ["7 million"], changed


def test_a_million_is_one_million(extractor):
    assert not _counted(pair_findings(extractor, "The unions hope that more than one million people will join the march.",
                                      "The unions hope that more than a million people will join the march."))
    assert _counted(pair_findings(extractor, "The unions hope that more than two million people will join the march.",
                                  "The unions hope that more than a million people will join the march."))


def test_a_dollar_sign_with_letters_names_the_currency_country(extractor):
    # "S$110 million" is "110 million Singapore dollars", either way round.
    assert not _counted(pair_findings(extractor, "The board will spend 110 million Singapore dollars on festivals over two years.",
                                      "The board will spend S$110 million on festivals over two years."))
    assert not _counted(pair_findings(extractor, "The board will spend S$110 million on festivals over two years.",
                                      "The board will spend 110 million Singapore dollars on festivals over two years."))
    assert not _counted(pair_findings(extractor, "Revenue rose to 1.89 billion Singapore dollars in 2021, the board said.",
                                      "Revenue rose to S$1.89 billion in 2021, the board said."))
    # Another country's sign is another currency.
    assert _counted(pair_findings(extractor, "The board will spend 110 million Singapore dollars on festivals over two years.",
                                  "The board will spend HK$110 million on festivals over two years."))


def test_an_abbreviated_month_is_the_month(extractor):
    assert not _counted(pair_findings(extractor, "Beijing, February 11 (Lin Ka) - The ministry published the survey on Friday.",
                                      "Beijing, Feb. 11 (Lin Ka) - The ministry published the survey on Friday."))


@pytest.mark.xfail(strict=True, reason="known wrong quote_change: candidate D of session 17 (fa17: two words the lexicon "
                   "has no sense for are no word of different meaning) moved no confirm figure and was dropped")
def test_two_coined_terms_in_a_quote_are_no_word_of_different_meaning(extractor):
    # The lexicon has no sense for "COVID-19" or "coronavirus" (one disease and the virus that
    # causes it): a translation that renders one by the other gives no senses to compare.
    source = '"In response to the impact of the COVID-19 pandemic, the economy has shown strong resilience," the minister said.'
    faithful = '"In response to the impact of the new coronavirus epidemic, the economy has shown strong resilience," the minister said.'
    assert not [f for f in _counted(pair_findings(extractor, source, faithful)) if f.type == "quote_change"]

