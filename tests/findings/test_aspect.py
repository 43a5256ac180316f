"""A continuative adverb renders the progressive (fa25's findings/aspect.py, taken back; its cases are
strict xfails): "has gradually fallen" and "has been falling", "are steadily growing" and "are growing" say the same aspect, one in a word and one in the
verb's form, so the adverb is no addition where the source's verb is progressive. Where the source's verb
is not, or the adverb says how fast or how often, it stays one."""
from __future__ import annotations

import pytest

from .helpers import pair_findings

# fa25 built this (d2425da) and took it back: WMT paraphrase false alarms 29 -> 28/222 on tune, confirm
# unchanged (20/166), so a tuning gain only (bench/RESULTS.md, "Issue 17, session 25 (fa25)").
_TAKEN_BACK = "fa25 d2425da, taken back: tuning gain only (WMT paraphrase 29 -> 28/222, confirm 20/166 unchanged)"

_ADDED = "unsupported_addition"


def _added(findings, word):
    return [f for f in findings if f.type == _ADDED and f.derived_value == word and f.severity != "low"]


@pytest.mark.xfail(strict=True, reason=_TAKEN_BACK)
@pytest.mark.parametrize("source,derived,word", [
    ("Since the protests began, the number of people marching in the streets has been falling, the poll found.",
     "Since the protests began, the number of people marching in the streets has gradually fallen, the poll found.",
     "gradually"),
    ("The company's exports to Asia are growing, and its factories are hiring more workers.",
     "The company's exports to Asia are steadily growing, and its factories are hiring more workers.",
     "steadily"),
    ("The pressure on the city's hospitals is increasing as the winter goes on.",
     "The pressure on the city's hospitals is constantly increasing as the winter goes on.",
     "constantly"),
])
def test_a_continuative_adverb_renders_the_source_progressive(extractor, source, derived, word):
    assert _added(pair_findings(extractor, source, derived, [([0], [0])]), word) == []


def test_a_continuative_adverb_where_the_source_verb_is_not_progressive_is_an_addition(extractor):
    findings = pair_findings(extractor, "The company's exports to Asia grew last year, the ministry said.",
                             "The company's exports to Asia grew steadily last year, the ministry said.", [([0], [0])])
    assert _added(findings, "steadily"), findings


def test_an_adverb_of_speed_on_a_progressive_verb_is_still_an_addition(extractor):
    findings = pair_findings(extractor, "The company's exports to Asia are growing, the ministry said.",
                             "The company's exports to Asia are quickly growing, the ministry said.", [([0], [0])])
    assert _added(findings, "quickly"), findings

