"""A title names an office, not a person or a body. Two translations render one office with other
words ("Premier" / "Prime Minister", "spokesman" / "spokesperson", "Chairman" / "Leader"), so the
capitalised words of a person's title are not names a version adds or leaves out, and two titles
that WordNet gives as one office (or one kind of the other) are no role change. Another office
stays a role change, and a name inside a title ("Communist Party") stays a name."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _counted(findings, types=("omission", "unsupported_addition", "role_change", "entity_swap")):
    return [f for f in findings if f.type in types and f.severity != "low"]


@pytest.mark.parametrize("source,derived", [
    ("Chinese Premier Li Qiang met the delegation on Monday.",
     "Chinese Prime Minister Li Qiang met the delegation on Monday."),
    ("Prime Minister Pham Minh Chinh visited the university on Saturday.",
     "Premier Pham Minh Chinh visited the university on Saturday."),
    ("Foreign Minister Wang Yi said the talks would continue.",
     "Foreign Affairs Minister Wang Yi said the talks would continue."),
    ("Chairman Kim Jong Un attended the parade.", "Leader Kim Jong Un attended the parade."),
    ("Spokesman Wang Wenbin said China opposed the sanctions.",
     "Foreign ministry spokesperson Wang Wenbin said China opposed the sanctions."),
])
def test_one_office_in_other_words_is_no_finding(extractor, source, derived):
    assert _counted(pair_findings(extractor, source, derived, [([0], [0])])) == []


@pytest.mark.parametrize("source,derived", [
    ("Mayor Anna Berg opened the bridge on Tuesday.", "Governor Anna Berg opened the bridge on Tuesday."),
    ("Deputy director Anna Berg said the plant would close.", "Director Anna Berg said the plant would close."),
])
def test_another_office_is_still_a_role_change(extractor, source, derived):
    assert [f.type for f in _counted(pair_findings(extractor, source, derived, [([0], [0])]))] == ["role_change"]


def test_a_name_inside_a_title_is_still_a_name(extractor):
    found = _counted(pair_findings(extractor, "Communist Party Secretary Li Ming visited the plant.",
                                   "Secretary Li Ming visited the plant.", [([0], [0])]), ("omission",))
    assert [f.source_value for f in found] == ["Communist Party"], found
