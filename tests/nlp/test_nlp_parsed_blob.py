"""A token view travels in its article's blob (nlp/parsed.py, store/codec.py): an article that leaves
memory after extraction (the store, the Spark stages) is never parsed again by the findings."""
from __future__ import annotations

import zlib

import pytest

from parse_helpers import count_parsed

from storytrace.config import Config
from storytrace.ingest.clean import clean_article
from storytrace.model import Article
from storytrace.nlp.parsed import (
    ParsedSentence, ParseView, Token, forget_views, kept_view, pack_view, packed_view, unpack_view, view_key,
    view_to_plain,
)
from storytrace.pipeline import Pipeline
from storytrace.store import codec

ORIGINAL = (
    "Harbour council approves bridge repairs\n\n"
    "The harbour council voted on Tuesday to close the old bridge for six weeks of repairs, "
    "the mayor, Ines Calloway, said. “We have waited too long,” she told the U.S.-owned ferry firm’s staff.\n\n"
    "The repairs will cost 4.2 million euros, paid from the port fund. Residents did not object."
)
CHANGED = ORIGINAL.replace("six weeks", "nine weeks").replace("did not object", "objected")


@pytest.fixture(scope="module")
def engine() -> Pipeline:
    return Pipeline(Config(quiet=True))


def _extracted(engine: Pipeline, article_id: str, text: str) -> Article:
    article = Article(id=article_id, source_path="", original_text=text)
    clean_article(article)
    return engine.extractor.process(article)


@pytest.fixture
def parsed_texts(monkeypatch) -> list[str]:
    return count_parsed(monkeypatch)


def test_a_view_comes_back_from_the_blob_equal_and_is_never_parsed_again(engine, parsed_texts):
    article = _extracted(engine, "a", ORIGINAL)
    kept = kept_view(article)
    assert kept is not None
    parsed_texts.clear()
    reloaded = codec.unpack_article(codec.pack_article(article))
    assert reloaded == article
    assert kept_view(reloaded) == kept  # every token field, the lemma set and the acronyms
    assert engine.parser.parse(reloaded).sentences == kept.sentences
    assert parsed_texts == []  # the findings read the blob's view: no paragraph went through spaCy


def test_a_blob_with_a_view_reads_as_before_for_a_reader_that_does_not_know_views(engine):
    article = _extracted(engine, "b", ORIGINAL)
    blob = codec.pack_article(article)
    without = codec.pack(codec.article_to_dict(article))
    assert len(blob) > len(without) and blob.startswith(without)
    assert codec.unpack(blob) == codec.article_to_dict(article)  # zlib stops at the end of the article's stream
    assert kept_view(codec.unpack_article(without)) is None


def test_a_stored_view_of_another_text_or_a_damaged_one_is_not_read(engine):
    article = _extracted(engine, "c", ORIGINAL)
    blob = codec.pack_article(article)
    changed = codec.unpack_article(blob)
    changed.text = changed.text.replace("six", "nine")
    assert kept_view(changed) is None and packed_view(changed) is None  # never saved with the new text either
    damaged = codec.unpack_article(codec.pack(codec.article_to_dict(article)) + zlib.compress(b'{"format": 1}'))
    assert kept_view(damaged) is None
    future = codec.unpack_article(codec.pack(codec.article_to_dict(article)) + zlib.compress(b'{"format": 99}'))
    assert kept_view(future) is None
    forget_views([article])
    assert packed_view(article) is None and codec.pack_article(article) == codec.pack(codec.article_to_dict(article))


def test_tokens_whose_text_is_not_their_slice_and_lemmas_outside_sentences_survive():
    # hand-made: a token whose text and lower form are not the text's slice (a normalised quote),
    # a lemma that is not its lower form, and a lemma key no sentence token gives
    text = "Ana’s bridge closes. Then"
    tokens = [
        Token("Ana", "ana", "ana", "PROPN", "NNP", "poss", 2, "PERSON", "B", 0, 3, False, False),
        Token("'s", "'s", "'s", "PART", "POS", "case", 0, "", "O", 3, 5, True, False),
        Token("bridge", "bridge", "bridge", "NOUN", "NN", "nsubj", 3, "", "O", 6, 12, False, False),
        Token("closes", "closes", "close", "VERB", "VBZ", "ROOT", 3, "", "O", 13, 19, False, False),
        Token(".", ".", ".", "PUNCT", ".", "punct", 3, "", "O", 19, 20, False, False),
    ]
    view = ParseView("k", [ParsedSentence(0, 0, 20, "Ana’s bridge closes.", tokens)],
                     frozenset({"ana", "s", "bridge", "close", "", "then"}), frozenset({"ab"}))
    plain = view_to_plain(view, text)
    assert plain["odd"] == {"0.1": ["'s", "'s"]} and plain["more_lemmas"] == ["s", "then"]  # word_key("'s") is ""
    assert unpack_view(pack_view(view, text), text) == view


def test_the_examples_round_trip_through_the_blob(engine):
    from pathlib import Path

    from storytrace.ingest import read_paths

    folder = Path(__file__).resolve().parents[2] / "examples" / "corpus"
    articles = [a for a in read_paths([folder]) if isinstance(a, Article)]
    done = [a for a in engine.prepare_many(articles) if isinstance(a, Article)]
    assert len(done) >= 5
    for a in done:
        assert kept_view(codec.unpack_article(codec.pack_article(a))) == kept_view(a), a.id
        assert kept_view(a).key == view_key(a)
