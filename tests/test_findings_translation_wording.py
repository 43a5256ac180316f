"""Two faithful renderings of one text write the same facts in different forms. Each case is a
hand-written pair stating one rule of how a value or a name can be written another way; the
last case of each test keeps a real change reported."""
from __future__ import annotations

from findings_helpers import pair_findings


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


def _additions(findings):
    return [f.derived_value for f in findings if f.type == "unsupported_addition" and f.severity != "low"]


def test_a_conjoined_qualifier_is_rendered_by_the_new_one(extractor):
    # "long-term and high-speed growth": "high-speed" qualifies "growth" too, and "rapid" renders it.
    assert not _additions(pair_findings(extractor, "Since the reform the city has achieved long-term and high-speed growth.",
                                        "Since the reform the city has achieved long-term rapid growth."))
    assert _additions(pair_findings(extractor, "Since the reform the city has achieved long-term growth.",
                                    "Since the reform the city has achieved long-term rapid growth."))


def test_a_compound_that_names_no_narrower_thing_adds_nothing(extractor):
    # A trade union is a union (one WordNet synset); a demonstration is a protest.
    assert not _additions(pair_findings(extractor, "The unions will march again on Saturday against the pension plan.",
                                        "The trade unions will march again on Saturday against the pension plan."))
    assert not _additions(pair_findings(extractor, "Thousands joined the demonstrations in the capital on Sunday.",
                                        "Thousands joined the protest demonstrations in the capital on Sunday."))
    # A narrower thing is still an addition.
    assert _additions(pair_findings(extractor, "The pets in the shelter were found to be ill on Sunday.",
                                    "The wild pets in the shelter were found to be ill on Sunday."))


def test_a_degree_word_against_an_unstated_standard_adds_no_fact(extractor):
    assert not _additions(pair_findings(extractor, "The share of layoffs is low, the report said.",
                                        "The share of layoffs is relatively low, the report said."))


def test_an_adverb_of_gradual_change_renders_the_progressive(extractor):
    assert not _additions(pair_findings(extractor, "The number of people taking to the streets has been decreasing since January.",
                                        "The number of people taking to the streets has gradually decreased since January."))
    assert not _additions(pair_findings(extractor, "The driving force of the economy is increasing, the minister said.",
                                        "The driving force of the economy is constantly increasing, the minister said."))
    # Without the progressive in the source, "gradually" says how it happened: an addition.
    assert _additions(pair_findings(extractor, "The number of people taking to the streets decreased in January.",
                                    "The number of people taking to the streets gradually decreased in January."))


def _flips(findings):
    return [f for f in findings if f.type == "negation_flip"]


def test_words_opposed_only_in_a_rare_sense_are_no_flip(extractor):
    # "several" opposes "single" only in its sense "respective"; in its main sense it is "multiple".
    assert not _flips(pair_findings(extractor, "The government has taken multiple measures to speed up the recovery.",
                                    "The government has taken several measures to speed up the recovery."))
    assert _flips(pair_findings(extractor, "The government has taken multiple measures to speed up the recovery.",
                                "The government has taken a single measure to speed up the recovery."))

