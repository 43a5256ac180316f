"""An office named by its title, with no person holding it in the sentence ("the last Communist
Prime Minister of East Germany"), is an office, not a name: a version that names the same office in
other words ("chancellor", "premier") leaves out no name. The word of the title it does not say is
shown low, naming the version's title. Another office ("foreign minister", "president") stays a
counted omission. (Titles tied to a named person: test_office_titles.py.) Hand-written pairs."""
from __future__ import annotations

from .helpers import pair_findings


def _omissions(findings, severity):
    return [f for f in findings if f.type == "omission" and f.severity == severity]


def test_one_office_in_other_words_is_no_counted_omission(extractor):
    cases = [
        ("The last Communist Prime Minister of East Germany passed away today.",
         "East Germany's last communist chancellor died today.", "chancellor"),
        ("The Prime Minister of Japan arrived in Paris on Monday.", "Japan's premier arrived in Paris on Monday.",
         "premier"),
        ("The Premier of China arrived in Paris on Monday.", "The Chinese prime minister arrived in Paris on Monday.",
         "prime minister"),
    ]
    for source, derived, title in cases:
        findings = pair_findings(extractor, source, derived)
        assert not _omissions(findings, "medium"), (source, derived)
        low = _omissions(findings, "low")
        assert low and f'"{title}"' in low[0].explanation


def test_another_office_is_still_an_omission(extractor):
    for derived in ("Japan's foreign minister arrived in Paris on Monday.", "Japan's president arrived in Paris on Monday."):
        findings = pair_findings(extractor, "The Prime Minister of Japan arrived in Paris on Monday.", derived)
        assert [f.source_value for f in _omissions(findings, "medium")] == ["Prime"]
