"""Reports of one theft or deal give its sum in their readers' currency at the day's rate, and "$"
names a dozen currencies: "80 million euros", "$104 million" and "$131 million" (Canadian) can be one
sum. A sum both reports give is a shared figure; a sum only one gives says nothing either way. Counts
and measures are still compared as before. Hand-written sentences, real extractor.

Taken back (session 26): real26's rule (504bfd0) raised bench_stories' B3 recall on the tuning part only
(0.765 -> 0.773, confirm unchanged), so its cases are strict xfails; the controls stay ordinary tests."""
from __future__ import annotations

import pytest

from storytrace.model import Article
from storytrace.stories import build
from storytrace.stories.build import _quantity_keys

# the rule's own overlap where it exists, else the plain overlap of every figure
figure_overlap = getattr(build, "figure_overlap", build._overlap)
_TAKEN_BACK = "real26 504bfd0, taken back: bench_stories gain on the tuning part only"


def keys(extractor, text: str) -> frozenset[str]:
    a = Article(id="x", source_path="x", original_text=text, text=text, language="en")
    extractor.process(a)
    return _quantity_keys(a)


@pytest.mark.xfail(strict=True, reason=_TAKEN_BACK)
def test_a_sum_in_another_currency_is_no_figure_that_differs(extractor):
    euros = keys(extractor, "Gunmen stole paintings worth 80 million euros from a museum in Varno on Sunday.")
    dollars = keys(extractor, "Thieves made off with $104 million worth of art from a Varno museum.")
    assert euros and dollars
    assert figure_overlap(euros, dollars) is None  # nothing to compare: neither agreement nor conflict


@pytest.mark.xfail(strict=True, reason=_TAKEN_BACK)
def test_a_sum_at_another_rate_is_no_figure_that_differs(extractor):
    one = keys(extractor, "Thieves made off with $104 million worth of art and two statues from a Varno museum.")
    other = keys(extractor, "Four gunmen stole $131 million of art and two statues from the museum.")
    assert figure_overlap(one, other) == figure_overlap(one - {k for k in one if "USD" in k},
                                                        other - {k for k in other if "USD" in k}) > 0


def test_the_same_sum_is_a_shared_figure(extractor):
    one = keys(extractor, "Thieves made off with $104 million worth of art from a Varno museum.")
    other = keys(extractor, "The art stolen from the museum was worth $104 million, police said.")
    assert figure_overlap(one, other) and figure_overlap(one, other) > 0


def test_counts_that_differ_still_differ(extractor):
    one = keys(extractor, "Four gunmen stole $104 million of art from the museum in Varno.")
    other = keys(extractor, "Nine protesters were arrested outside the museum in Varno.")
    assert figure_overlap(one, other) == 0
