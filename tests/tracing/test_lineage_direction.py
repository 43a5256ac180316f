"""Lineage direction: which of two versions is the source, and saying so when nothing shows it."""
from datetime import date

from storytrace.lineage import PairMeasures, direction_score, direction_unknown, infer_lineage
from storytrace.model import AlignedPair, Alignment, Article

from article_helpers import sentences_article

ORIGINAL = [
    "The port authority approved a new terminal worth 2.4 billion dollars on Monday.",
    "Its director, Marta Quiroga, said the terminal would double capacity by 2027.",
    "Fishermen in Valdora criticised the plan at a public meeting.",
    "Construction is due to start in the spring and to last four years.",
]
# The same four sentences reworded one by one, as a translation (or a translation and back) reads.
REWORDED = [
    "On Monday the harbour authority backed a fresh terminal costing 2.4 billion dollars.",
    "Director Marta Kiroga said capacity would double by 2027 thanks to the terminal.",
    "At a public meeting, Valdora fishermen attacked the scheme.",
    "Building should begin in spring and take four years.",
]


def _pair(first: Article, second: Article, scores=(0.8, 0.79, 0.81, 0.8)) -> Alignment:
    return Alignment(first.id, second.id, [AlignedPair([i], [i], s) for i, s in enumerate(scores)], [], [], [])


def _measures(containment: float, coverage: float, b_later_by: int = 0) -> tuple[PairMeasures, PairMeasures]:
    a = Article(id="a", source_path="", original_text="", published=date(2024, 5, 3))
    b = Article(id="b", source_path="", original_text="", published=date(2024, 5, 3 + b_later_by))

    def m(src, der, cont, cov):
        return PairMeasures(src, der, coverage=cov, containment=cont, verbatim_derived=0.0, verbatim_source=0.0,
                            mean_score=0.8, in_order=1.0, sentence_ratio=1.0, length_ratio=1.0, passages=0,
                            one_to_one=1.0, fused=0)

    return m(a, b, containment, coverage), m(b, a, coverage, containment)


def test_a_sliver_of_containment_asymmetry_does_not_order_a_translation_pair():
    # Each keeps the other sentence by sentence; one side's aligner split one sentence more finely
    # (0.874 against 0.873). That is no evidence of which text was written first.
    forward, backward = _measures(0.874, 0.873)
    assert direction_score(forward, backward) == 0
    assert direction_score(backward, forward) == 0


def test_a_summary_still_sits_inside_its_source():
    # The summary (derived) is almost all in the source; the source is a third in the summary.
    forward, backward = _measures(0.95, 0.3)
    assert direction_score(forward, backward) > 0
    assert direction_score(backward, forward) < 0


def test_dates_days_apart_give_the_direction_whatever_the_containment():
    # "b", published three days after "a", has the shape of a text "a" was summarised from (it holds
    # nearly all of "a"): no version is made from one published days after it (lineage.dated_order),
    # so the score says a -> b, as infer_lineage orders the pair.
    forward, backward = _measures(0.3, 0.95, b_later_by=3)
    assert direction_score(forward, backward) > 0
    assert direction_score(backward, forward) < 0
    forward, backward = _measures(0.3, 0.95, b_later_by=1)  # a calendar day: the texts decide
    assert direction_score(forward, backward) < 0


def test_a_translation_pair_published_the_same_day_has_its_direction_marked_unknown():
    # "b" is the original, "a" its reworded version: nothing in the texts or dates says so, and the
    # ids would put "a" first. The edge must not present that order as a finding.
    same_day = date(2024, 5, 3)
    original, reworded = sentences_article("b", ORIGINAL, same_day), sentences_article("a", REWORDED, same_day)
    edges = infer_lineage([original, reworded], [_pair(original, reworded)])
    assert len(edges) == 1
    edge = edges[0]
    assert edge.relation == "translation"
    assert direction_unknown(edge)
    assert "direction unknown" in edge.evidence[0]
    # Lower confidence than the same pair with a date to order it.
    dated = infer_lineage([sentences_article("b", ORIGINAL, date(2024, 5, 2)), sentences_article("a", REWORDED, same_day)],
                          [_pair(sentences_article("b", ORIGINAL, None), sentences_article("a", REWORDED, None))])
    assert dated[0].confidence > edge.confidence


def test_a_publication_date_orders_the_pair():
    original, reworded = sentences_article("b", ORIGINAL, date(2024, 5, 2)), sentences_article("a", REWORDED, date(2024, 5, 3))
    edges = infer_lineage([original, reworded], [_pair(reworded, original)])
    assert [(e.source, e.derived) for e in edges] == [("b", "a")]
    assert not direction_unknown(edges[0])
    assert not any("direction unknown" in line for line in edges[0].evidence)


def _finding(kind: str, article: str, source: str | None):
    from storytrace.model import Finding

    return Finding(id="f", type=kind, severity="high", article=article, against=[source] if source else [],
                   claim="", claim_span=(0, 0), derived_value="", source_article=source, source_text="",
                   source_span=None, source_value="", explanation="", confidence=0.9)


def test_a_finding_between_two_versions_whose_order_is_unknown_is_one_whichever_way_it_reads():
    """What one reading of an unordered pair calls dropped, the other calls added: a pairwise finding
    on it depends on an order nothing showed. A story-wide one (the version against the others, one
    article against itself) does not, nor does any finding on an ordered pair."""
    from storytrace.findings import finding_order_unknown

    same_day = date(2024, 5, 3)
    original, reworded = sentences_article("b", ORIGINAL, same_day), sentences_article("a", REWORDED, same_day)
    unordered = infer_lineage([original, reworded], [_pair(original, reworded)])
    ordered = infer_lineage([sentences_article("b", ORIGINAL, date(2024, 5, 2)), sentences_article("a", REWORDED, same_day)],
                            [_pair(original, reworded)])
    for article, source in (("a", "b"), ("b", "a")):
        assert finding_order_unknown(_finding("omission", article, source), unordered)
        assert not finding_order_unknown(_finding("omission", article, source), ordered)
    assert not finding_order_unknown(_finding("consensus_outlier", "a", "b"), unordered)
    assert not finding_order_unknown(_finding("internal_contradiction", "a", "a"), unordered)
    assert not finding_order_unknown(_finding("unsupported_addition", "a", None), unordered)


def test_evidence_that_points_both_ways_is_not_called_absent():
    # "a" credits a translator (a -> it came from "b") but was published a day before "b": the two
    # cancel out. The direction is unknown, and the note must not claim there was no date or credit.
    from storytrace.model import Attribution

    original = sentences_article("b", ORIGINAL, date(2024, 5, 3))
    reworded = sentences_article("a", REWORDED, date(2024, 5, 2))
    reworded.attributions = [Attribution("translation_by", "Ana Ruiz", 0, 10)]
    edges = infer_lineage([original, reworded], [_pair(original, reworded)])
    assert len(edges) == 1 and direction_unknown(edges[0])
    assert "both ways" in edges[0].evidence[0]
    assert "same publication date" not in edges[0].evidence[0]
