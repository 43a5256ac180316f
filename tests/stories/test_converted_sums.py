"""A sum restated in brackets in another currency ("12 million euros ($15 million)") is one figure, the
loot, given twice for the reader: a wire report converts it into its readers' currency at the day's rate.
Two reports of one theft that convert the same sum into different currencies ("($15 million)" /
"(10 million pounds)") share that one figure: one of one, not one of two. A sum converted into the same
currency ("$15 million") as another report gives it alone is shared as before, and two reports whose
sums differ still differ whatever they convert them into.

Hand-written reports (fiction); the extractor is the real spaCy one, the document vectors are set.

Taken back (session 29): stories29's rule (4f96cea) raised bench_stories' B3 recall on the tuning part only
(0.774 -> 0.777, confirm 0.790 unchanged), so its case is a strict xfail; the controls stay ordinary tests.
"""
from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from profile_helpers import profile
from storytrace.model import Article
from storytrace.stories.build import signals

REPORTS = {
    # one theft, its sum converted for two readerships
    "dollars": "Armed robbers stole paintings worth 12 million euros ($15 million) from the Orsel gallery in Varno, "
               "prosecutors said.",
    "pounds": "Gunmen took paintings valued at 12 million euros (10 million pounds) from a gallery in Varno "
              "on Thursday, police in Northshire said.",
    # the same theft, the sum given once in dollars
    "plain": "Thieves made off with $15 million worth of paintings from a gallery in Varno.",
    # a look-alike theft: another sum, converted too
    "other": "Armed robbers stole paintings worth 30 million euros ($38 million) from a gallery in Varno, "
             "prosecutors said.",
}
COSINE = 0.66  # close documents, just over the document encoder's "agreeing" cosine (0.65)


@pytest.fixture(scope="module")
def reports(extractor) -> dict[str, Article]:
    out = {}
    for aid, text in REPORTS.items():
        a = Article(id=aid, source_path=aid, original_text=text, text=text, published=date(2026, 2, 5),
                    language="en")
        extractor.process(a)
        out[aid] = a
    return out


def pair(reports: dict[str, Article], one: str, other: str):
    u = np.array([1.0, 0.0])
    v = np.array([COSINE, np.sqrt(1 - COSINE ** 2)])
    return signals(profile(0, reports[one], u), profile(1, reports[other], v))


@pytest.mark.xfail(strict=True, reason="stories29 4f96cea (a bracketed conversion is one figure) was a tuning-only "
                   "gain (tune B3 R 0.774 -> 0.777, confirm unchanged): taken back")
def test_a_sum_converted_into_two_currencies_is_one_shared_figure(reports):
    s = pair(reports, "dollars", "pounds")
    assert s.quantities == 0.5  # one shared figure of one each (smoothed), not one of two
    # the names alone would not do: one place in common of two each
    assert s.names is not None and s.names < 0.4
    assert s.same_story


def test_a_converted_sum_meets_the_same_sum_given_alone(reports):
    assert pair(reports, "dollars", "plain").quantities == 0.5
    assert pair(reports, "pounds", "plain").quantities == 0.0  # no rate to read 10 million pounds by


def test_sums_that_differ_still_differ(reports):
    s = pair(reports, "other", "pounds")
    assert s.quantities == 0.0
    assert not s.same_story


def test_an_amount_in_brackets_of_the_same_currency_is_no_conversion(extractor):
    def figures_of(text):
        a = Article(id="b", source_path="b", original_text=text, text=text, published=date(2026, 2, 5),
                    language="en")
        extractor.process(a)
        return a
    u = np.array([1.0, 0.0])
    a = figures_of("The insurer paid $4 million ($1 million more than last year) to the gallery in Varno.")
    b = figures_of("The gallery in Varno got $4 million from its insurer, $1 million more than last year.")
    s = signals(profile(0, a, u), profile(1, b, u))
    assert s.quantities == 2 / 3  # two figures each, both shared: the bracket adds a figure of its own
