"""A close rendering may cut and join sentences at other points than its source: the figure a source
sentence gives can move into the version's sentence beside it ("... on Monday morning with 120
passengers on board. It reached ..." / "... on Monday morning. With 120 passengers on board, it
reached ..."). That figure is kept, not left out. A figure the version gives nowhere near is still an
omission. Hand-written pairs.

Seen on a real file (ECB+ tuning topic 32): a time "9. 35am" cut by the sentence splitter after "9.",
its "35am" moved by the version into a sentence of its own, read as a medium omission of "35am"."""
from __future__ import annotations

from findings.helpers import pair_findings

SOURCE = ("The ferry left the harbour at Elstow on Monday morning with 120 passengers on board. "
          "It reached the island two hours later, the operator said.")
ONE_TO_ONE = [([0], [0]), ([1], [1])]


def _omitted(findings):
    return [f.source_value for f in findings if f.type == "omission" and f.severity != "low"]


def test_a_figure_moved_into_the_next_sentence_is_kept(extractor):
    derived = ("The ferry left the harbour at Elstow on Monday morning, the operator said. "
               "With 120 passengers on board, it reached the island two hours later.")
    assert "120" not in _omitted(pair_findings(extractor, SOURCE, derived, ONE_TO_ONE))


def test_a_figure_given_nowhere_near_is_still_left_out(extractor):
    derived = ("The ferry left the harbour at Elstow on Monday morning with passengers on board. "
               "It reached the island two hours later, the operator said.")
    assert "120" in _omitted(pair_findings(extractor, SOURCE, derived, ONE_TO_ONE))
