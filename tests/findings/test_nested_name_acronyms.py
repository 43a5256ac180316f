"""A long name holds other names: "the National Congress of the Communist Party of China" names a
congress and, after "of", the party that holds it. A translation may write the inner name by its
acronym in front of the outer one ("the CPC National Congress"): one body named two ways, no swap.
Likewise its first words may be written by their letters and the rest written out ("HCM City" / "Ho Chi
Minh City", "UN Security Council" / "United Nations Security Council"), either way round. Letters that
no part of the source's name makes ("KMT", "CPV", "HN City", "EU Security Council") are another body
and stay swaps."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _counted(findings):
    return [f for f in findings if f.severity != "low" and f.type in ("entity_swap", "unsupported_addition", "omission")]


@pytest.mark.parametrize("source,derived", [
    ("The report was released at the 20th National Congress of the Communist Party of China.",
     "The report was released at the 20th CPC National Congress."),
    ("The decision was made by the Central Committee of the Communist Party of China.",
     "The decision was made by the CPC Central Committee."),
])
@pytest.mark.xfail(strict=True, reason="wmtrest29's nested-name initials (a760c76) were taken back: measured with no "
                   "confirm paraphrase false alarm fewer and one right high lost on bench_translations confirm")
def test_an_acronym_of_a_nested_name_is_that_name(extractor, source, derived):
    assert _counted(pair_findings(extractor, source, derived, [([0], [0])])) == []


def test_a_nested_name_the_tagger_gives_apart_is_kept(extractor):
    # the tagger reads "the Asian Development Bank" as a name of its own: its initials are the source's already
    assert _counted(pair_findings(extractor, "The rules were drafted by the Legal Office of the Asian Development Bank"
                                  " last year.", "The rules were drafted by the ADB Legal Office last year.",
                                  [([0], [0])])) == []


@pytest.mark.parametrize("source,derived", [
    ("The report was released at the 20th National Congress of the Communist Party of China.",
     "The report was released at the 20th KMT National Congress."),
    ("The decision was made by the Central Committee of the Communist Party of China.",
     "The decision was made by the CPV Central Committee."),
])
def test_letters_no_nested_name_makes_are_another_body(extractor, source, derived):
    found = _counted(pair_findings(extractor, source, derived, [([0], [0])]))
    assert found, (source, derived)


@pytest.mark.parametrize("source,derived", [
    ("The festival was held in Ho Chi Minh City on Sunday.", "The festival was held in HCM City on Sunday."),
    ("The festival was held in HCM City on Sunday.", "The festival was held in Ho Chi Minh City on Sunday."),
    ("The UN Security Council met on Friday to discuss the attack.",
     "The United Nations Security Council met on Friday to discuss the attack."),
    ("The United Nations Security Council met on Friday to discuss the attack.",
     "The UN Security Council met on Friday to discuss the attack."),
])
def test_a_names_first_words_by_their_letters(extractor, source, derived):
    assert _counted(pair_findings(extractor, source, derived, [([0], [0])])) == []


@pytest.mark.parametrize("source,derived", [
    ("The festival was held in Ho Chi Minh City on Sunday.", "The festival was held in HN City on Sunday."),
    ("The United Nations Security Council met on Friday to discuss the attack.",
     "The EU Security Council met on Friday to discuss the attack."),
])
def test_letters_of_other_first_words_stay(extractor, source, derived):
    assert _counted(pair_findings(extractor, source, derived, [([0], [0])])), (source, derived)
