"""A summary sentence that adds "not": suspect unless a source sentence it comes from carries a
negation the "not" may render."""
from __future__ import annotations

from .helpers import pair_findings

SOURCE = (
    "The drug maker's revenues from its vaccines have begun an anticipated decline as the pandemic winds down. "
    "The company reported fourth quarter revenues of $5.1bn on Thursday, most of it from vaccine sales. "
    "Analysts expect vaccine sales across the industry to decline further next year. "
    "The chief executive said the company now has three commercial vaccine products. "
    "He added that it had four programmes in late-stage trials and expected more approvals soon. "
    "The firm's shares rose by 3% in early trading after the results were published."
)


def _flips(findings):
    return [f for f in findings if f.type == "negation_flip"]


def test_added_not_is_a_flip_even_when_a_source_sentence_says_decline(extractor):
    # "to decline" has a negation inside it, but the summary says "a decline" itself: the "not"
    # renders nothing in the source.
    derived = "Analysts do not foresee a further decline in vaccine sales across the industry next year."
    flips = _flips(pair_findings(extractor, SOURCE, derived))
    assert flips, flips


def test_not_that_renders_a_source_word_with_a_negation_inside_is_no_flip(extractor):
    source = SOURCE.replace("The chief executive said", "The chief executive refused to say whether")
    derived = "The chief executive did not say whether the company has three commercial vaccine products."
    assert _flips(pair_findings(extractor, source, derived)) == []
