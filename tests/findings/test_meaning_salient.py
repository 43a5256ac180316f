"""A describing word that is the claim's one departure from its source (session 25's add25 candidate M1,
745b10d: measured and dropped, its positive cases are strict xfails; the controls pass on main).

The meaning path of modifiers_cmp counts a qualifier the structure cannot settle when the claim comes
clearly nearer the source without it (removal gain > 0.03). A planted manner or evaluative word
("suddenly", "famous", "busy") often weighs less than that in the encoder. What sets it apart from a
faithful rendering worded its own way is where the distance sits: in a rendering, other words of the
sentence gain as much or more when taken out (the distance is spread over the rewording); a planted
word is the one place the claim departs from its source, so taking it out brings the claim nearer the
source than taking out any other content word. Only adjectives and adverbs that describe (no vague,
degree or function word, no noun completing a compound), read in a part of speech WordNet gives them,
and no particle of a phrasal verb ("put forward"). Medium at most: one structural and one model signal.
"""
from __future__ import annotations

import pytest

from storytrace.config import Config
from storytrace.similarity.embeddings import Embedder

from .helpers import pair_findings


@pytest.fixture(scope="module")
def encoder():
    return Embedder(Config())


def _additions(findings, word=None):
    return [f for f in findings if f.type == "unsupported_addition" and f.severity != "low"
            and (word is None or f.derived_value == word)]


PLANTED = [
    # an evaluative adjective on a reworded head ("an obstetrician" / "a maternity doctor")
    ("The author of the report trained as an obstetrician in Dublin and began work there in 1990.",
     "The report's writer trained as a famous maternity doctor in Dublin and started working there in 1990.",
     "famous"),
    # a describing adjective on a phrase the source words otherwise ("now" / "at this time")
    ("It would be foolish now for the town to build a new stadium.",
     "It would be absurd for the town to build a new stadium at this busy time.", "busy"),
    # a manner adverb on a verb whose cause the version words otherwise ("because of" / "as a result of")
    ("According to the ministry, about 300 people have died in the province because of the flood.",
     "According to the ministry, around 300 people have suddenly died in the province as a result of the flooding.",
     "suddenly"),
]


@pytest.mark.xfail(strict=True, reason="add25 M1 (745b10d) dropped: DEMETR confirm critical 681 -> 684 but confirm "
                   "faithful false alarms 9 -> 11 and WMT paraphrase false alarms 20 -> 21")
@pytest.mark.parametrize("src,der,word", PLANTED)
def test_a_describing_word_that_is_the_claims_one_departure_is_a_medium_addition(extractor, encoder, src, der, word):
    hits = _additions(pair_findings(extractor, src, der, encoder=encoder), word)
    assert hits and all(f.severity == "medium" for f in hits), hits
    assert "sentence encoder" in hits[0].explanation


@pytest.mark.parametrize("src,der,word", PLANTED)
def test_without_the_encoder_nothing_new_is_reported(extractor, src, der, word):
    assert not _additions(pair_findings(extractor, src, der), word)


@pytest.mark.parametrize("src,der", [
    # a phrasal verb's particle: "put forward" renders "proposed"; without "forward" the verb is another one
    ("The council has proposed several measures to cut traffic.",
     "The council has put forward several proposals to cut traffic."),
    # the qualifier renders the source's phrase
    ("The driver was charged with driving without due care and attention on the motorway.",
     "The driver was charged with negligent driving on the motorway."),
    # scrambled words: "great" read as an adverb, a part of speech WordNet does not give it
    ("The club has made great progress this season, its coach said.",
     "The club has great made progress this season, its coach said."),
])
def test_a_rendering_or_a_misread_word_is_no_addition(extractor, encoder, src, der):
    assert not _additions(pair_findings(extractor, src, der, encoder=encoder))
