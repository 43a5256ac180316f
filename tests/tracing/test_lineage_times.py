"""Two versions published on one day are ordered by their stamps' times where the gap is beyond the
doubt of their time zones (ingest.stamp_time.certain_gap): both zones known and the instants half an
hour apart or more; a zone unknown on either side and the local times more than 26 hours apart (UTC-12
to UTC+14). Otherwise their order stays unknown, as before. Invented text."""
from __future__ import annotations

from datetime import date

from storytrace.lineage import direction_unknown, infer_lineage
from storytrace.model import AlignedPair, Alignment, Article, ReusePassage

from article_helpers import sentences_article

TEXT = [
    "The harbour board approved the new ferry timetable on Thursday.",
    "Crossings to Elstow will run every forty minutes from May.",
    "The board said fares would not change this year.",
]
ADDED = [
    "Ferry workers said the new timetable left no time for repairs.",
    "The union will meet on Monday to discuss the plan.",
]
DAY = date(2011, 8, 4)


def _timed(aid: str, sentences: list[str], when: str | None) -> Article:
    a = sentences_article(aid, sentences, DAY)
    if when:
        a.metadata["published_time"] = when
    return a


def _copy(a: Article, b: Article) -> Alignment:
    """``b``'s sentences word for word as ``a``'s first ones."""
    pairs = [AlignedPair([i], [i], 0.99) for i in range(len(b.sentences))]
    reuse = [ReusePassage(s.start, s.end, s.start, s.end) for s in b.sentences]
    return Alignment(a.id, b.id, pairs, list(range(len(b.sentences), len(a.sentences))), [], reuse)


def test_a_copy_is_ordered_by_stamps_in_known_zones_49_minutes_apart():
    # "a" would be the source by its id; its stamp says it came 49 minutes after "b"
    a = _timed("a", TEXT, "2011-08-04T18:44-04:00")
    b = _timed("b", TEXT, "2011-08-04T17:55-04:00")
    edges = [e for e in infer_lineage([a, b], [_copy(a, b)]) if e.relation != "independent"]
    assert [(e.source, e.derived) for e in edges] == [("b", "a")]
    assert not direction_unknown(edges[0])
    assert any(line.startswith("published 49 minutes after b") for line in edges[0].evidence)


def test_a_short_text_inside_a_version_published_hours_later_is_its_first_version():
    # the texts alone read the short one as the long one's summary
    short = _timed("short", TEXT, "2011-08-04T09:00+00:00")
    long = _timed("long", TEXT + ADDED, "2011-08-04T15:00+01:00")  # 14:00 GMT: five hours later
    edges = [e for e in infer_lineage([short, long], [_copy(long, short)]) if e.relation != "independent"]
    assert [(e.source, e.derived) for e in edges] == [("short", "long")]
    assert edges[0].relation != "summary" and not direction_unknown(edges[0])
    assert any(line.startswith("published 5 hours after short (15:00 UTC+01:00") for line in edges[0].evidence)


def test_stamps_without_zones_or_minutes_apart_leave_the_order_unknown():
    for later, earlier in (("2011-08-04T18:44", "2011-08-04T08:10"),  # no zones: 10 hours is within zone doubt
                           ("2011-08-04T18:44-04:00", "2011-08-04T18:30-04:00"),  # 14 minutes apart
                           ("2011-08-04T18:44-04:00", None)):  # one time unknown
        a, b = _timed("a", TEXT, later), _timed("b", TEXT, earlier)
        edges = [e for e in infer_lineage([a, b], [_copy(a, b)]) if e.relation != "independent"]
        assert len(edges) == 1 and direction_unknown(edges[0]), (later, earlier)
