"""What a worker holds while it analyses a large group, and what the run's own process keeps after
each group (issue 22.5: at 100,000 articles one block held 1,637 articles and its worker grew to 1.8 GB).

- Extraction keeps each article's token view packed (the bytes its blob holds), not as token objects,
  and reading a view does not keep it unpacked beside the article: the views a group holds grow by a
  few KB an article, not by ~0.3 MB, and the findings read the same tokens.
- The parent trims its heap after saving each group's results.
"""
from __future__ import annotations

from parse_helpers import CHANGED, ORIGINAL

from storytrace.config import Config
from storytrace.ingest.clean import clean_article
from storytrace.model import Article
from storytrace.nlp import parsed
from storytrace.nlp.parsed import kept_view, packed_view, unpack_view
from storytrace.pipeline import Pipeline


def _extracted(engine: Pipeline, article_id: str, text: str) -> Article:
    article = Article(id=article_id, source_path="", original_text=text)
    clean_article(article)
    return engine.extractor.process(article)


def test_extraction_keeps_the_view_packed_and_a_read_does_not_keep_it_unpacked():
    engine = Pipeline(Config(quiet=True))
    article = _extracted(engine, "a", ORIGINAL)
    entry = parsed._entry(article)
    assert entry is not None and entry.view is None and isinstance(entry.packed, bytes), \
        "the view is kept as the bytes its blob takes, not as token objects"
    assert packed_view(article) is entry.packed  # the blob gets those very bytes (no second packing)
    view = kept_view(article)
    assert view is not None and view == unpack_view(entry.packed, article.text)
    assert parsed._entry(article).view is None, "a read view is not kept unpacked beside its article"
    assert kept_view(article) == view  # read again: the same tokens


def test_the_findings_read_the_same_tokens_from_a_packed_view_as_from_a_fresh_parse():
    engine = Pipeline(Config(quiet=True))
    article = _extracted(engine, "b", CHANGED)
    from_view = engine.parser.parse(article)
    engine.parser.forget()
    parsed.forget_views([article])
    assert kept_view(article) is None
    assert engine.parser.parse(article).sentences == from_view.sentences  # parsed again by spaCy


def test_the_parent_trims_its_heap_after_saving_each_group(tmp_path, monkeypatch):
    from storytrace.store.database import Store
    from storytrace.streaming import runner

    saved_at_trim: list[int] = []

    def trim() -> bool:
        with Store(tmp_path / "store.db") as store:  # what was saved when the heap was trimmed
            saved_at_trim.append(store.conn.execute("SELECT count(*) FROM story_articles").fetchone()[0])
        return True

    monkeypatch.setattr(runner, "_trim_heap", trim)
    engine = Pipeline(Config(quiet=True))
    inputs = [Article(id="first", source_path="", original_text=ORIGINAL),
              Article(id="second", source_path="", original_text=CHANGED)]
    run = runner.run_into_store(engine, inputs, tmp_path / "store.db")
    assert run.articles_extracted == 2
    assert saved_at_trim and saved_at_trim[-1] == 2, "trimmed once the group's stories were saved"


def test_a_packed_view_of_another_text_is_never_read_nor_saved_again():
    """Bytes kept for an article (from a blob) whose view is of another text or sentence split: the
    findings parse the article again, the bytes are not unpacked at every read, and the blob does
    not carry them on."""
    engine = Pipeline(Config(quiet=True))
    other = _extracted(engine, "other", CHANGED)
    article = _extracted(engine, "a", ORIGINAL)
    parsed.keep_view(article, packed_view(other))  # the key kept is the article's, the view's is not
    assert kept_view(article) is None
    assert packed_view(article) is None, "another article's view is not saved in this one's blob"
    assert parsed._entry(article) is None or parsed._entry(article).packed is None


def test_trimming_the_heap_where_it_cannot_be_done_is_no_error(monkeypatch):
    import ctypes
    import sys

    from storytrace.streaming import runner

    def no_library(name, *args, **kwargs):
        raise OSError(f"{name}: cannot open shared object file")  # musl, macOS, Windows

    monkeypatch.setattr(ctypes, "CDLL", no_library)
    assert runner._trim_heap() is False
    monkeypatch.undo()
    monkeypatch.setitem(sys.modules, "ctypes", None)  # a Python built without ctypes
    assert runner._trim_heap() is False
