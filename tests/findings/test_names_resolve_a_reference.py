"""A name where the other version refers by a pronoun or a definite description resolves a reference; it adds
no fact (issue 17.5: false alarms on faithful translations).

A translation often names the referent its other version leaves to the context: "He said" / "Smith said",
"the minister said" / "Minister Li said", "arrived in the capital" / "arrived in Paris". In one sentence pair the
name appears nowhere in the source, but the source's aligned sentence has, in the name's very slot (the same
governing word, the same relation), a pronoun or a definite description, which this version does not say
otherwise. The name is that word's rendering with its referent resolved: shown, low, not a medium addition.
A name in the slot makes a swap, and a name said beside the description ("the minister, Li Qiang") is an
addition; "it" is no person.

Session 21 (fa21) coded this as candidate P (517172f: entities_cmp._referring_words, the pronoun or definite
description in the name's slot by dependency relation and governing word): measured once on both parts, DEMETR
faithful false alarms unchanged (9/143 / 9/157), bench_translations confirm high+medium 140/180 -> 138/178 and
recall 112 -> 111 (two right additions lowered to low), DEMETR critical caught by a finding the faithful pair lacks
663 -> 662 on confirm; dropped. The cases stay as strict xfails (known wrong findings); the controls pass."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _flagged(findings):
    return [f for f in findings if f.severity != "low"]


@pytest.mark.xfail(strict=True, reason="known wrong findings: fa21's candidate P (a name for a pronoun or a "
                   "definite description is low) moved no confirm false-alarm figure and cost confirm figures; dropped")
@pytest.mark.parametrize("src,der", [
    ("The talks would resume on Monday, he said.", "The talks would resume on Monday, Smith said."),
    ("The minister said the talks would resume on Monday.", "Minister Li said the talks would resume on Monday."),
    ("The company said its profits rose sharply last year.", "Siemens said its profits rose sharply last year."),
    ("They arrived in the capital on Monday.", "They arrived in Paris on Monday."),
    ("The president met his counterpart on Monday.", "The president met Putin on Monday."),
])
def test_a_name_for_a_pronoun_or_description_is_low(extractor, src, der):
    findings = pair_findings(extractor, src, der)
    assert not _flagged(findings), findings
    assert any(f.type == "unsupported_addition" and "resolves a reference" in f.explanation for f in findings), findings


@pytest.mark.parametrize("src,der,added", [
    ("Smith said the talks would resume on Monday.", "Jones said the talks would resume on Monday.", "Jones"),
    ("The minister said the talks would resume on Monday.",
     "The minister, Li Qiang, said the talks would resume on Monday.", "Li Qiang"),
    ("The talks would resume on Monday, it said.", "The talks would resume on Monday, Mary Smith said.", "Mary Smith"),
])
def test_a_name_for_a_name_or_beside_the_description_stays(extractor, src, der, added):
    findings = pair_findings(extractor, src, der)
    assert [f for f in _flagged(findings) if f.derived_value == added], findings
