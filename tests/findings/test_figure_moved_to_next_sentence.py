"""A close rendering may cut a piece off its sentence: the figure a source sentence gives can stand in
a short sentence of its own beside the one that renders the rest ("... with all of its 120 passengers
and crew on board." / "... with all of its passengers and crew on board. There were 120."). A figure
written in such a piece (a sentence beside this one that renders no source sentence of its own, past
any dateline) is kept, not left out. A figure the version gives nowhere near is still an omission; a
neighbour that renders another source sentence keeps its figures for that sentence
(tests/findings/test_outlet_names.py). Hand-written pairs.

Seen on a real file (ECB+ tuning topic 32): a time "9. 35am" cut by the sentence splitter after "9.",
the version's "35am." a sentence of its own, read as a medium omission of "35am".

Session 28 (real28) built this (findings/omissions: a figure in an unpaired sentence beside the rendering,
past any dateline, is kept; a7b7469) and measured it: it took topic 32's wrong "35am" away and DEMETR's
flagged punctuation additions fell 11 -> 10 on both parts (likely this change; not measured alone), but
bench_translations tune lost a right medium omission (35 -> 34; high+medium 148/187 -> 147/186), confirm
unchanged: dropped; the case stays a strict xfail."""
from __future__ import annotations

import pytest

from findings.helpers import pair_findings

SOURCE = "The ferry left the harbour at Elstow on Monday morning with all of its 120 passengers and crew on board."
RENDERED = "The ferry left the harbour at Elstow on Monday morning with all of its passengers and crew on board."


def _omitted(findings):
    return [f.source_value for f in findings if f.type == "omission" and f.severity != "low"]


@pytest.mark.xfail(strict=True, reason="real28's split-off rule (session 28, a7b7469) cost a right omission on"
                   " bench_translations tune (35 -> 34) with confirm unchanged: dropped; known wrong omission")
def test_a_figure_in_a_piece_cut_off_the_rendering_is_kept(extractor):
    derived = RENDERED + " There were 120."
    assert "120" not in _omitted(pair_findings(extractor, SOURCE, derived, [([0], [0])]))


def test_a_figure_given_nowhere_near_is_still_left_out(extractor):
    derived = RENDERED + " The crossing was calm."
    assert "120" in _omitted(pair_findings(extractor, SOURCE, derived, [([0], [0])]))
