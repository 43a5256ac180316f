"""Lineage: two reports that each reproduce a third text (a wire story, a press release) are
shared_source, not a summary or rewrite of each other; a real summary or rewrite stays derived."""
from storytrace.lineage import PairMeasures, classify
from storytrace.model import Article


def _measures(*, coverage: float, containment: float, verbatim: float, length_ratio: float) -> PairMeasures:
    a = Article(id="a", source_path="", original_text="")
    b = Article(id="b", source_path="", original_text="")
    return PairMeasures(a, b, coverage=coverage, containment=containment, verbatim_derived=verbatim,
                        verbatim_source=verbatim, mean_score=0.85, in_order=1.0, sentence_ratio=0.8,
                        length_ratio=length_ratio, passages=4, one_to_one=1.0, fused=0, verbatim_unquoted=verbatim)


def test_two_reports_of_one_wire_story_are_shared_source():
    # Both outlets run three paragraphs of one agency story (a third of b verbatim), each around its
    # own lead, quotes and background: 30% of b and 60% of a have no partner in the other.
    m = _measures(coverage=0.4, containment=0.7, verbatim=0.3, length_ratio=0.55)
    assert classify(m).relation == "shared_source"
    # The same shape at equal length (each outlet's own half around the wire paragraphs).
    m = _measures(coverage=0.6, containment=0.6, verbatim=0.3, length_ratio=1.0)
    assert classify(m).relation == "shared_source"


def test_a_summary_is_mostly_its_source_and_stays_a_summary():
    # Nearly all of b is in a; b keeps 40% of a.
    m = _measures(coverage=0.4, containment=0.9, verbatim=0.3, length_ratio=0.45)
    assert classify(m).relation == "summary"


def test_a_rewrite_that_keeps_its_source_and_adds_a_paragraph_stays_a_rewrite():
    # b keeps 90% of a and adds a paragraph of its own (30% of b).
    m = _measures(coverage=0.9, containment=0.7, verbatim=0.3, length_ratio=1.3)
    assert classify(m).relation == "rewrite"


def test_mostly_verbatim_reuse_is_copying_not_a_common_source():
    # Shared verbatim prose is most of b: b took a's text, whatever else it added.
    m = _measures(coverage=0.6, containment=0.7, verbatim=0.6, length_ratio=1.0)
    assert classify(m).relation == "rewrite"
