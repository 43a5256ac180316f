"""model.severity_rank: the one order of severities that every sort of findings reads."""
from storytrace.model import SEVERITY_RANK, severity_rank


def test_most_severe_ranks_first():
    assert sorted(["low", "high", "medium"], key=severity_rank) == ["high", "medium", "low"]


def test_unknown_severity_ranks_after_low():
    # a store edited by hand may hold a value the code does not know: it must not sort above a real finding
    assert severity_rank("critical") > severity_rank("low")
    assert set(SEVERITY_RANK) == {"high", "medium", "low"}
