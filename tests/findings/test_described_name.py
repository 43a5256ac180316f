"""A name where the source describes the thing it names ("in the capital" / "in Beijing", "the
Chinese capital" / "Beijing", "the planet" / "Earth", "the river" / "the Thames") is the version's
rendering of that description: WordNet gives the description's noun as the name's kind, and any
name qualifying that noun holds the named place. It is shown low, quoting the description, and it
is no swap with the description's "Chinese". A description that does not fit ("the Japanese
capital" / "Beijing") or another name ("Tokyo" / "Beijing") stays a swap; a name the source does not
describe stays a counted addition. (The mirror of omissions' "_described": "on the planet" for
"on Earth".) Hand-written pairs."""
from __future__ import annotations

from .helpers import pair_findings


def _counted(findings):
    return [(f.type, f.derived_value) for f in findings if f.severity in ("medium", "high")]


def test_a_name_for_what_the_source_describes_is_low(extractor):
    cases = [
        ("The talks were held in the capital on Monday.", "The talks were held in Beijing on Monday.", "Beijing", "capital"),
        ("The talks were held in the Chinese capital on Monday.", "The talks were held in Beijing on Monday.",
         "Beijing", "Chinese capital"),
        ("Water may have reached the planet on comets.", "Water may have reached Earth on comets.", "Earth", "planet"),
        ("The boat sank in the river near the old bridge.", "The boat sank in the Thames near the old bridge.",
         "Thames", "river"),
    ]
    for source, derived, name, description in cases:
        findings = pair_findings(extractor, source, derived)
        assert not _counted(findings), (source, derived, _counted(findings))
        low = [f for f in findings if f.type == "unsupported_addition" and f.derived_value == name]
        assert low and low[0].severity == "low" and f'"{description}"' in low[0].explanation


def test_a_description_that_does_not_fit_or_another_name_is_still_a_swap(extractor):
    for source in ("The talks were held in the Japanese capital on Monday.", "The talks were held in Tokyo on Monday."):
        findings = pair_findings(extractor, source, "The talks were held in Beijing on Monday.")
        assert ("entity_swap", "Beijing") in _counted(findings), source


def test_a_name_the_source_does_not_describe_is_still_an_addition(extractor):
    findings = pair_findings(extractor, "The talks were held on Monday.", "The talks were held in Beijing on Monday.")
    assert ("unsupported_addition", "Beijing") in _counted(findings)
