"""A meaning signal for the pair detectors: does a word change what the claim sentence says?

The structural detectors see where a version has a word the source lacks (slipped in between two
words the source has side by side); they cannot tell a planted word ("the only", "secret talks",
"the failed plan") from a translator's completion ("austerity rules" for "austerity"). A sentence
encoder can: take the word out of the claim and, if the claim then says much more nearly what
the source sentence says, the word carried meaning the source does not have. A completion leaves
the claim's meaning where it was, so removing it moves nothing.

The encoder is the one the engine already owns (the MiniLM the aligner uses, ``Pipeline.embedder``),
passed into the pair context; it loads lazily on the first call, and its vectors are cached per
sentence, so the source sentence and the claim are encoded once whatever the number of words
checked. Without an encoder (a caller that passes none) the signal is absent and nothing new is
reported. A finding resting on this signal is one structural signal plus one model signal: medium
at most.
"""
from __future__ import annotations

import re

import numpy as np

from storytrace.nlp.parsed import ParsedSentence, Token

# How much nearer to the source a claim must come, in cosine, once the word is removed, for the word
# to count as meaning the source lacks. Chosen on the tuning part of DEMETR dev only (planted
# additions against words faithful translations have beyond the reference).
REMOVAL_GAIN = 0.03

_SPACES = re.compile(r"\s+")


def calibrated(config) -> bool:
    """Is the engine's sentence encoder the model REMOVAL_GAIN was chosen for (the packaged MiniLM)?
    Another ``embedding_model`` has cosines on another scale, so the threshold would mean something
    else: the signal is then left off (nothing new reported) rather than guessed."""
    import os

    from storytrace.similarity.embeddings import resolve_model_path

    name = getattr(config, "embedding_model", "minilm")
    if name == "minilm":
        return True
    return os.path.realpath(resolve_model_path(name)) == os.path.realpath(resolve_model_path("minilm"))


def without_word(sentence: ParsedSentence, tok: Token) -> str:
    """The sentence's text with the word taken out (and the space it leaves closed)."""
    return _SPACES.sub(" ", swap_word(sentence, tok, " ")).strip()


def swap_word(sentence: ParsedSentence, tok: Token, other: str) -> str:
    """The sentence's text with the word replaced by another."""
    start, end = tok.start - sentence.start, tok.end - sentence.start
    return sentence.text[:start] + other + sentence.text[end:]


def removal_gain(encoder, sentence: ParsedSentence, tok: Token, sources: list[ParsedSentence]) -> float | None:
    """cos(claim without the word, source) - cos(claim, source), the source being the claim's aligned
    source sentences read as one text; None without an encoder or sources."""
    if encoder is None or not sources:
        return None
    vectors = np.asarray(encoder.encode(_texts(sentence, tok, sources)), dtype=np.float32)
    return float(vectors[0] @ vectors[2] - vectors[0] @ vectors[1])


def _texts(sentence: ParsedSentence, tok: Token, sources: list[ParsedSentence]) -> list[str]:
    """What ``removal_gain`` encodes: the sources read as one text, the claim, the claim without the word."""
    return [" ".join(s.text for s in sources), sentence.text, without_word(sentence, tok)]


def prefetch(encoder, checks: list[tuple[ParsedSentence, Token, list[ParsedSentence]]]) -> None:
    """Encode in one call every text the ``changes_meaning`` checks of a pair will ask for, so that the
    checks then find their vectors in the encoder's cache. The encoder runs sentences of the same
    length as one batch, never padded (a vector depends on its sentence alone), so this changes no
    vector; it saves one small model call per check (a pair's checks, one or two new texts each,
    cost one batch per distinct length instead)."""
    texts = texts_for(checks)
    if encoder is not None and texts:
        encoder.encode(texts)


def texts_for(checks: list[tuple[ParsedSentence, Token, list[ParsedSentence]]]) -> list[str]:
    """The distinct texts the checks will encode, in order."""
    return list(dict.fromkeys(t for sentence, tok, sources in checks if sources for t in _texts(sentence, tok, sources)))


def changes_meaning(encoder, sentence: ParsedSentence, tok: Token, sources: list[ParsedSentence],
                    threshold: float = REMOVAL_GAIN) -> bool:
    gain = removal_gain(encoder, sentence, tok, sources)
    return gain is not None and gain > threshold


class LazyEncoder:
    """An encoder built on its first ``encode``: ``factory()`` gives the engine's own (``Pipeline.embedder``).
    For a caller that must not build the encoder for pairs that never ask the meaning signal (``compare``
    of one-sentence pairs builds none for the aligner); the same encoder, so the same vectors."""

    def __init__(self, factory) -> None:
        self._factory = factory

    def encode(self, texts):
        return self._factory().encode(texts)
