"""Lineage against publication dates: no version is made from one published days after it.

A standards editor reads "B is a summary of A" as "A came first". When both dates are known and two or
more calendar days apart, that order is a fact the texts cannot overturn: a short text that sits inside
a longer one published days later is the first version, and the longer one an update that grew from it.
One calendar day apart is not an order (23:51 in New York is 03:51 the next day in London): there the
texts decide, and the evidence says the dates do not contradict them.
"""
from datetime import date, timedelta

from hypothesis import example, given, settings, strategies as st

from storytrace.lineage import DERIVED_RELATIONS, infer_lineage
from storytrace.model import AlignedPair, Alignment, Article, ReusePassage

from article_helpers import sentences_article

# A first short report, and a later one that keeps it word for word and adds to it (invented text).
FIRST = [
    "Flood water closed the bridge at Marrowby on Tuesday night.",
    "The county council said the crossing would stay shut until engineers had inspected it.",
    "Drivers were sent on a twelve-mile detour through Elstow.",
]
ADDED = [
    "Engineers found two cracked piers on Wednesday morning.",
    "The council now expects the bridge to stay closed for at least three weeks.",
    "Shop owners in Marrowby said trade had halved since the closure.",
    "A temporary footbridge is planned for next month.",
]


def _kept_inside(short: Article, long: Article) -> Alignment:
    """``short``'s sentences found word for word as the first sentences of ``long``."""
    pairs = [AlignedPair([i], [i], 0.99) for i in range(len(short.sentences))]
    reuse = [ReusePassage(s.start, s.end, s.start, s.end) for s in short.sentences]
    return Alignment(long.id, short.id, pairs, list(range(len(short.sentences), len(long.sentences))), [], reuse)


def _pair(first_day: date, later_days: int) -> tuple[Article, Article, list]:
    short = sentences_article("first", FIRST, first_day)
    long = sentences_article("update", FIRST + ADDED, first_day + timedelta(days=later_days))
    edges = infer_lineage([short, long], [_kept_inside(short, long)])
    return short, long, edges


def test_a_text_inside_a_version_published_days_later_is_its_first_version_not_its_summary():
    _, _, edges = _pair(date(2024, 3, 5), 3)
    assert len(edges) == 1
    edge = edges[0]
    assert (edge.source, edge.derived) == ("first", "update")
    assert edge.relation in DERIVED_RELATIONS and edge.relation != "summary"
    assert "update that grew from first" in edge.evidence[0]
    assert any("published 3 days after first" in line for line in edge.evidence)


def test_one_calendar_day_is_no_order_the_text_keeps_its_reading_and_says_so():
    # The short text dated a day before the long one: time zones can account for that, so the texts
    # decide (it sits inside the long one), and the evidence does not present the dates as a paradox.
    _, _, edges = _pair(date(2024, 3, 5), 1)
    assert len(edges) == 1
    edge = edges[0]
    assert (edge.source, edge.derived, edge.relation) == ("update", "first", "summary")
    assert any("one calendar day, which time zones can account for" in line for line in edge.evidence)
    assert not any(line.startswith("published 1 day before") for line in edge.evidence)


def test_without_dates_the_short_text_is_still_the_summary():
    short, long = sentences_article("first", FIRST, None), sentences_article("update", FIRST + ADDED, None)
    edges = infer_lineage([short, long], [_kept_inside(short, long)])
    assert [(e.source, e.derived, e.relation) for e in edges] == [("update", "first", "summary")]


@settings(max_examples=150, deadline=None)
@example(n_short=3, n_added=4, score=0.99, verbatim=True, gap=3, undated=None, given_way=False)
@given(
    n_short=st.integers(min_value=1, max_value=len(FIRST)),
    n_added=st.integers(min_value=0, max_value=len(ADDED)),
    score=st.floats(min_value=0.5, max_value=1.0),
    verbatim=st.booleans(),
    gap=st.integers(min_value=-6, max_value=6),  # days from the short version to the long one
    undated=st.sampled_from([None, "short", "long"]),
    given_way=st.booleans(),
)
def test_no_derived_edge_runs_from_a_version_published_two_or_more_days_later(
        n_short, n_added, score, verbatim, gap, undated, given_way):
    base = date(2024, 3, 15)
    short = sentences_article("s", FIRST[:n_short], None if undated == "short" else base)
    long = sentences_article("l", FIRST[:n_short] + ADDED[:n_added], None if undated == "long" else base + timedelta(days=gap))
    al = _kept_inside(short, long)
    al.pairs = [AlignedPair(p.source, p.derived, score) for p in al.pairs]
    if not verbatim:
        al.reuse = []
    if given_way:  # the aligner's own order says nothing of which came first
        al = Alignment(short.id, long.id, [AlignedPair(p.derived, p.source, p.score) for p in al.pairs], [],
                       al.unaligned_source, [ReusePassage(r.derived_start, r.derived_end, r.source_start, r.source_end)
                                             for r in al.reuse])
    by_id = {a.id: a for a in (short, long)}
    for edge in infer_lineage([short, long], [al]):
        src, der = by_id[edge.source].published, by_id[edge.derived].published
        if edge.relation in DERIVED_RELATIONS and src and der and abs((der - src).days) >= 2:
            assert src < der, (edge.source, edge.derived, edge.relation, edge.evidence)
