"""Independent reports count the same people under their own nouns ("four robbers", "4 thieves"):
the count is one figure; measures and currencies keep their unit. Hand-written sentences, real extractor."""
from __future__ import annotations

import pytest

from storytrace.model import Article
from storytrace.stories.build import _quantity_keys


def extracted(extractor, text: str) -> Article:
    a = Article(id="x", source_path="x", original_text=text, text=text, language="en")
    extractor.process(a)
    return a


@pytest.mark.parametrize("one, other", [
    ("Four robbers stole jewels worth 80 million euros from a store in Varno on Thursday.",
     "The 4 thieves escaped with most of the jewels on display, police in Varno said."),
    ("Police said 300 people left their homes after the river rose.",
     "About 300 residents were moved to the school hall overnight."),
])
def test_a_count_of_people_is_one_figure_whatever_the_noun(extractor, one, other):
    assert _quantity_keys(extracted(extractor, one)) & _quantity_keys(extracted(extractor, other))


def test_measures_keep_their_unit(extractor):
    years = _quantity_keys(extracted(extractor, "The judge sentenced him to 4 years in prison."))
    days = _quantity_keys(extracted(extractor, "The trial lasted 4 days in Varno."))
    assert years and days and not (years & days)
