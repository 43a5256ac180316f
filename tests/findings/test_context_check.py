"""An inserted qualifier read in context (findings/context_check.py): deleting a planted word
brings the sentence back to its source; deleting a word the sentence already implies does not."""
from __future__ import annotations

import pytest

from storytrace.config import Config
from storytrace.findings.context_check import without
from storytrace.findings.pairwise import default_parser
from storytrace.similarity.embeddings import Embedder

from .helpers import pair_findings, prepare


@pytest.fixture(scope="module")
def encoder() -> Embedder:
    return Embedder(Config())


def _counted(findings, word):
    return [f for f in findings if f.type == "unsupported_addition" and f.derived_value == word
            and f.severity in ("medium", "high")]


def _shown(findings, word):
    return [f for f in findings if f.type == "unsupported_addition" and f.derived_value == word]


def test_deleting_a_word_closes_the_gap_it_leaves(extractor):
    article = prepare(extractor, "The council approved the secret plan, after a vote.", "d")
    sentence = default_parser().parse_many([article])[0].sentences[0]
    secret = next(t for t in sentence.tokens if t.text == "secret")
    assert without(sentence, secret) == "The council approved the plan, after a vote."


def test_a_planted_qualifier_stays_an_addition(extractor, encoder):
    source = "The council approved the plan on Monday after a long debate."
    derived = "The council approved the secret plan on Monday after a long debate."
    assert _counted(pair_findings(extractor, source, derived, encoder=encoder), "secret")


def test_a_qualifier_the_context_implies_is_shown_not_counted(extractor, encoder):
    # "grew continuously" says what "kept growing" says: deleting "continuously" does not bring the
    # sentence closer to the source, so the word renders it rather than adding to it.
    source = "Visitor numbers kept growing throughout the summer season."
    derived = "Visitor numbers grew continuously throughout the summer."
    assert _counted(pair_findings(extractor, source, derived), "continuously")  # word rules alone: counted
    found = pair_findings(extractor, source, derived, encoder=encoder)
    assert not _counted(found, "continuously")
    assert any("context may imply it" in f.explanation for f in _shown(found, "continuously"))
