"""An ArticleProfile built by hand from one extracted article and a chosen document vector, as
``stories.build.profile_batch`` builds it from the encoder's: tests fix the vector to put a pair on
either side of a bar."""
from __future__ import annotations

import numpy as np

from storytrace.model import Article
from storytrace.similarity.minhash import MinHasher
from storytrace.stories.build import ArticleProfile, _name_tokens, _quantity_keys
from storytrace.stories.protagonists import people, protagonists, supporting_cast
from storytrace.stories.signature import containment_terms


def profile(k: int, a: Article, vector: np.ndarray) -> ArticleProfile:
    signatures, sizes = MinHasher().signatures_and_sizes([a.text])
    return ArticleProfile(index=k, id=a.id, day=a.published.toordinal(), signature=signatures[0],
                          shingles=int(sizes[0]), vector=vector.astype(np.float32), names=_name_tokens(a),
                          quantities=_quantity_keys(a), terms=frozenset(containment_terms(a.text)),
                          protagonists=protagonists(a), cast=supporting_cast(a), people=people(a))
