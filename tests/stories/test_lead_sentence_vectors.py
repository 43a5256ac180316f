"""The "lead-sentences" document encoder: the mean of the sentence vectors of an article's title and lead.

A title named from the row's own text (a JSON row with no title) is left out as the document encoders
leave it out (similarity.docvec.vector_title): its lead already says it. Hand-written text; the
embedder is a stand-in that counts what it is given.
"""
from __future__ import annotations

import numpy as np

from storytrace.ingest.jsonl import article_from_object
from storytrace.model import Article, Sentence
from storytrace.stories.build import _article_vectors

LEAD = "Flood water closed the bridge at Marrowby on Tuesday night."


class _Embedder:
    def __init__(self) -> None:
        self.seen: list[str] = []

    def encode(self, texts: list[str]) -> np.ndarray:
        self.seen.extend(texts)
        return np.ones((len(texts), 4), dtype=np.float32)


def _with_lead(a: Article) -> Article:
    a.sentences = [Sentence(0, 0, len(LEAD), LEAD)]
    return a


def test_a_headline_is_encoded_with_the_lead():
    a = _with_lead(Article(id="a", source_path="a.txt", original_text=LEAD, text=LEAD, title="Marrowby bridge shut"))
    embedder = _Embedder()
    [vector] = _article_vectors([a], embedder, "lead-sentences")
    assert embedder.seen == ["Marrowby bridge shut", LEAD]
    assert np.isclose(np.linalg.norm(vector), 1.0)


def test_a_title_named_from_the_rows_own_text_is_not_encoded_again():
    row, _ = article_from_object({"id": "r1", "text": "Marrowby bridge shut\n" + LEAD}, "rows.jsonl", "r1")
    embedder = _Embedder()
    _article_vectors([_with_lead(row)], embedder, "lead-sentences")
    assert row.title == "Marrowby bridge shut" and embedder.seen == [LEAD]
