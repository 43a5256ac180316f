"""Session 20's candidate B (crit20, dropped): a qualifier opening a sentence read as capitalised by
its place, not as a name ("Market research has found ..." for "Research has found ..."). One more
DEMETR addition on the tuning part, none on confirm, and one more wrong medium addition on the
confirm part of bench_translations. Its cases stay as strict xfails."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


@pytest.mark.xfail(strict=True, reason="crit20 B dropped: no gain on confirm, one more wrong addition on translations")
@pytest.mark.parametrize("src,der,word", [
    ("Research has found that older drivers are twice as likely to brake late.",
     "Market research has found that older drivers are twice as likely to brake late.", "Market"),
    ("Police officers closed the old bridge to traffic on Monday.",
     "Armed police officers closed the old bridge to traffic on Monday.", "Armed"),
])
def test_new_qualifier_opening_the_sentence_is_an_addition(extractor, src, der, word):
    findings = pair_findings(extractor, src, der)
    assert [f for f in findings if f.type == "unsupported_addition" and f.derived_value == word
            and f.severity == "medium"], findings
