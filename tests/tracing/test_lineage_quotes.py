"""Lineage: words two reports both quote are the speaker's, not evidence that one copied the other."""
from storytrace.lineage import PairMeasures, _covered, _quoted_spans, classify
from storytrace.model import Article, Quote, ReusePassage


def _covered_outside(spans, quoted):
    """Characters of the derived side's reused ``spans`` outside the ``quoted`` spans."""
    return _covered([ReusePassage(0, 0, s, e) for s, e in spans], "derived", outside=quoted)


def _measures(verbatim: float, unquoted: float | None, coverage: float = 0.4) -> PairMeasures:
    a = Article(id="a", source_path="", original_text="")
    b = Article(id="b", source_path="", original_text="")
    # Two reports of one announcement: 60% of b has a partner in a, fairly close (one event, one angle).
    return PairMeasures(a, b, coverage=coverage, containment=0.6, verbatim_derived=verbatim, verbatim_source=verbatim,
                        mean_score=0.78, in_order=1.0, sentence_ratio=0.8, length_ratio=0.8, passages=3,
                        one_to_one=1.0, fused=0, verbatim_unquoted=unquoted)


def test_shared_quotation_alone_does_not_make_a_rewrite():
    # A third of b is the tweet both outlets quote; outside the quotation marks nothing is verbatim.
    assert classify(_measures(0.35, 0.02)).relation == "independent"


def test_verbatim_prose_outside_quotes_still_makes_a_rewrite():
    # b keeps most of a (coverage 0.8): a rewrite of a. Where neither keeps most of the other, both
    # reproduce a third text (test_lineage_shared_source.py).
    assert classify(_measures(0.35, 0.3, coverage=0.8)).relation == "rewrite"
    assert classify(_measures(0.35, None, coverage=0.8)).relation == "rewrite"  # no quote information: as before


def test_reuse_inside_quotation_marks_is_not_counted():
    text = 'The host wrote: "It\'s official: I\'m hosting the Oscars!" The show airs in March.'
    start = text.index("It's")
    end = text.index('!"') + 1
    b = Article(id="b", source_path="", original_text=text, text=text)
    b.quotes.append(Quote(text[start:end], start, end))
    spans = _quoted_spans(b)
    assert _covered_outside([(start - 1, end + 1)], spans) == 0  # the quotation, marks included
    tail = text.index("The show")
    assert _covered_outside([(tail, len(text))], spans) == len(text) - tail


def test_a_german_quotation_leaves_the_prose_after_it_outside_the_quotes(extractor):
    """„...“: the closing “ ends the quotation; the report's own words after it count as prose."""
    text = ("„Wir sind bereit, die Brücke sofort zu schließen“, sagte der Bürgermeister am Montag. "
            "Die Brücke wird im März geschlossen, die Reparatur kostet drei Millionen Euro.")
    b = extractor.process(Article(id="b", source_path="", original_text=text))
    prose = b.text.index("Die Brücke")
    assert _covered_outside([(prose, len(b.text))], _quoted_spans(b)) == len(b.text) - prose
    assert [q.text for q in b.quotes] == ["Wir sind bereit, die Brücke sofort zu schließen"]
    assert _covered_outside([(0, prose)], _quoted_spans(b)) == prose - len("„Wir sind bereit, die Brücke sofort zu schließen“")
