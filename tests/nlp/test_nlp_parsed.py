"""nlp/parsed.py: the findings read the parse extraction made; each article is parsed once per run."""
from __future__ import annotations

import pickle

import pytest
from parse_helpers import count_parsed

from storytrace.config import Config
from storytrace.findings.text import Parser
from storytrace.model import Article
from storytrace.nlp.models import LEMMA_COMPONENTS, add_lemmas, load_spacy
from storytrace.nlp.parsed import forget_views, kept_view
from storytrace.pipeline import Pipeline
from storytrace.store import codec

ORIGINAL = (
    "Harbour council approves bridge repairs\n\n"
    "The harbour council voted on Tuesday to close the old bridge for six weeks of repairs, "
    "the mayor, Ines Calloway, said.\n\n"
    "The repairs will cost 4.2 million euros, paid from the port fund. Residents did not object."
)
CHANGED = (
    "Harbour council approves bridge repairs\n\n"
    "The harbour council voted on Tuesday to close the old bridge for nine weeks of repairs, "
    "the mayor, Ines Calloway, said.\n\n"
    "The repairs will cost 4.2 million euros, paid from the port fund. Residents objected."
)


def _article(article_id: str, text: str) -> Article:
    return Article(id=article_id, source_path="", original_text=text)


@pytest.fixture(scope="module")
def engine() -> Pipeline:
    return Pipeline(Config(quiet=True))


def _extracted(engine: Pipeline, article_id: str, text: str) -> Article:
    from storytrace.ingest.clean import clean_article

    article = _article(article_id, text)
    clean_article(article)
    return engine.extractor.process(article)


def _tokens(parsed):
    return [(t.text, t.lemma, t.pos, t.tag, t.dep, t.head, t.ent_type, t.ent_iob, t.start, t.end)
            for s in parsed.sentences for t in s.tokens]


def test_an_analysis_parses_each_paragraph_once_and_no_text_twice(engine, monkeypatch):
    piped = count_parsed(monkeypatch)  # every text given to spaCy from outside
    report = engine.run([ORIGINAL, CHANGED])
    assert any(f.derived_value for f in report.findings), "the story must reach the pair detectors"
    paragraphs = [a.text[p.start:p.end] for a in report.articles for p in a.paragraphs]
    assert len(paragraphs) >= 4 and sorted(piped) == sorted(paragraphs)


def test_the_kept_view_is_what_a_fresh_parse_of_a_stored_copy_gives(engine):
    article = _extracted(engine, "a", ORIGINAL)
    kept = kept_view(article)
    assert kept is not None and any(t.lemma == "vote" for s in kept.sentences for t in s.tokens)
    # as a store written before blobs carried views gives it back: no view, so it is parsed
    reloaded = codec.unpack_article(codec.pack(codec.article_to_dict(article)))
    assert kept_view(reloaded) is None
    from_view = Parser(engine.extractor).parse(article)
    reparsed = Parser(engine.extractor).parse(reloaded)
    assert _tokens(from_view) == _tokens(reparsed)
    assert (from_view.vocabulary, from_view.stems, from_view.acronyms) == \
        (reparsed.vocabulary, reparsed.stems, reparsed.acronyms)


def test_a_view_is_not_pickled_stored_or_kept_after_the_text_changes(engine):
    article = _extracted(engine, "b", ORIGINAL)
    assert kept_view(article) is not None
    assert kept_view(pickle.loads(pickle.dumps(article))) is None  # worker results carry it apart (BlockResult.views)
    assert "view" not in codec.article_to_dict(article)  # the article's own dict: its == is unchanged
    article.text = article.text.replace("six", "nine")
    assert kept_view(article) is None  # a view of another text is never read
    other = _extracted(engine, "c", CHANGED)
    forget_views([other])
    assert kept_view(other) is None


def test_an_article_built_by_hand_is_parsed_by_paragraph(engine):
    parsed = Parser(engine.extractor).parse(_article("raw", CHANGED))
    assert [s.text for s in parsed.sentences][:2] == [
        "Harbour council approves bridge repairs",
        "The harbour council voted on Tuesday to close the old bridge for nine weeks of repairs, "
        "the mayor, Ines Calloway, said.",
    ]
    assert "object" in parsed.vocabulary  # the lemma of "objected"


def test_the_lemma_components_are_loaded_disabled_and_run_on_request():
    nlp = load_spacy()
    assert set(LEMMA_COMPONENTS) <= set(nlp.disabled)
    doc = nlp("The councillors were voting.")
    assert all(t.lemma_ == "" and t.pos_ == "" for t in doc)
    add_lemmas(nlp, doc)
    assert [t.lemma_ for t in doc][1:4] == ["councillor", "be", "vote"]
    assert [t.lemma_ for t in load_spacy(full=True)("The councillors were voting.")][1:4] == ["councillor", "be", "vote"]
