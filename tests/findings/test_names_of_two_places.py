"""A name WordNet lists among a place's names that is another place's main name (issue 17, session 21
fix21: "China" and "Taiwan" counted as one place).

WordNet lists "China" among the names of Taiwan (the Republic of China: "Taiwan, China, Nationalist China,
Republic of China"), and "Russia" among the Soviet Union's. Yet "China" is first of all the People's
Republic's name, and "Russia" the Russian Federation's: a version that writes "Taiwan sent a delegation"
for "China sent a delegation" names another state, a swap a fact-checker needs (before: no finding). A
name counts as another name of the same place only where it names that place alone or is that place's
main name (WordNet's first lemma): "Formosa" is Taiwan, "Zaire" and "the Democratic Republic of the
Congo" are Congo, "the Russian Federation" is Russia, "Myanmar" is Burma."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _flagged(findings):
    return [f for f in findings if f.severity != "low"]


@pytest.mark.parametrize("src,der", [
    ("China sent a delegation to the talks on Monday.", "Taiwan sent a delegation to the talks on Monday."),
    ("Taiwan sent a delegation to the talks on Monday.", "China sent a delegation to the talks on Monday."),
    ("The Soviet Union sent a delegation to the talks on Monday.", "Russia sent a delegation to the talks on Monday."),
])
def test_another_places_main_name_is_another_place(extractor, src, der):
    changed = der.split(" sent")[0]
    findings = pair_findings(extractor, src, der)
    assert [f for f in _flagged(findings) if f.derived_value == changed], findings


@pytest.mark.parametrize("src,der", [
    ("Taiwan sent a delegation to the talks on Monday.", "Formosa sent a delegation to the talks on Monday."),
    ("Congo sent a delegation to the talks on Monday.",
     "The Democratic Republic of the Congo sent a delegation to the talks on Monday."),
    ("The Democratic Republic of the Congo sent a delegation to the talks on Monday.",
     "Congo sent a delegation to the talks on Monday."),
    ("Zaire sent a delegation to the talks on Monday.", "Congo sent a delegation to the talks on Monday."),
    ("Russia sent a delegation to the talks on Monday.",
     "The Russian Federation sent a delegation to the talks on Monday."),
    ("Burma sent a delegation to the talks on Monday.", "Myanmar sent a delegation to the talks on Monday."),
    ("Ireland sent a delegation to the talks on Monday.", "Eire sent a delegation to the talks on Monday."),
])
def test_a_places_own_names_are_still_one_place(extractor, src, der):
    findings = pair_findings(extractor, src, der)
    assert not _flagged(findings), findings
