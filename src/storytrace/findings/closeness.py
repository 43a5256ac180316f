"""Graded closeness in meaning between a word a version adds and words its source leaves unrendered.

Two translations of one sentence put the same thing in different words: "the tight job market" /
"the tension in the job market", "inbound tourists" / "tourist arrivals". A word rules (WordNet
synonyms, derivations) cannot list every such rendering. So a word counts as added only if no
source word that the derived sentence leaves unrendered is close to it in meaning, by the cosine
of the sentence encoder's vectors (MiniLM, already installed and used for alignment). A word added
out of nothing ("the police consultant" for "the police") has no unrendered counterpart near it.

The encoder loads lazily on first use; ``use_encoder`` lets an engine share its own.
"""
from __future__ import annotations

import os
import warnings

from storytrace.findings.text import ParsedSentence, Token, word_key

_FUNCTION_POS = frozenset({"DET", "ADP", "AUX", "CCONJ", "SCONJ", "PART", "PRON", "PUNCT", "SYM", "SPACE", "X", "NUM",
                           "PROPN"})
# Cosine of two single-word MiniLM vectors above which the words say nearly the same thing
# ("tight"/"tension" 0.51, "rapid"/"fast" 0.73, "airborne"/"flying" 0.75; unrelated words of
# one sentence sit at 0.2-0.35). Chosen on the tuning parts (bench/RESULTS.md, session 10).
CLOSE = float(os.environ.get("STORYTRACE_CLOSE", "0.45"))

_encoder = None


def use_encoder(encoder) -> None:
    """Share an already loaded sentence encoder (anything with ``encode(list[str])`` returning
    L2-normalised rows)."""
    global _encoder
    _encoder = encoder


_UNAVAILABLE = object()


def _get_encoder():
    """MiniLM (the thresholds here were chosen on its vectors), loaded once; None when it cannot
    load: then nothing counts as close and the word rules decide alone, as before this module."""
    global _encoder
    if _encoder is None:
        try:
            from storytrace.similarity.embeddings import Embedder

            _encoder = Embedder()
            _encoder.encode(["probe"])  # load now, so a missing model fails here and once
        except Exception as exc:  # noqa: BLE001 - any load failure: fall back to the rules
            warnings.warn(f"findings: word closeness off, the sentence encoder did not load ({exc})", stacklevel=2)
            _encoder = _UNAVAILABLE
    return None if _encoder is _UNAVAILABLE else _encoder


def similarity(a: str, b: str) -> float:
    encoder = _get_encoder()
    if encoder is None:
        return 0.0
    vectors = encoder.encode([a, b])
    return float(vectors[0] @ vectors[1])


def unrendered(source: ParsedSentence, derived: ParsedSentence) -> list[Token]:
    """Content words of ``source`` whose lemma the derived sentence does not use."""
    used = {word_key(t.lemma) for t in derived.tokens} | {word_key(t.lower) for t in derived.tokens}
    out, seen = [], set()
    for t in source.tokens:
        key = word_key(t.lemma)
        if t.pos in _FUNCTION_POS or t.is_stop or not t.text.isalpha() or key in used or key in seen:
            continue
        seen.add(key)
        out.append(t)
    return out


def closest_unrendered(word: Token | str, derived: ParsedSentence,
                       sources: list[ParsedSentence]) -> tuple[Token | None, float]:
    """The source word, left unrendered by ``derived``, nearest in meaning to ``word`` (a token,
    or a name's text), and the cosine of the two; (None, 0.0) when the source leaves nothing
    unrendered. Names are never candidates: one name does not render another."""
    candidates = [t for s in sources for t in unrendered(s, derived)]
    encoder = _get_encoder()
    if not candidates or encoder is None:
        return None, 0.0
    text = word if isinstance(word, str) else word.lower
    vectors = encoder.encode([text] + [t.lower for t in candidates])
    scores = vectors[1:] @ vectors[0]
    best = int(scores.argmax())
    return candidates[best], float(scores[best])


def renders_unrendered(word: Token | str, derived: ParsedSentence, sources: list[ParsedSentence]) -> Token | None:
    """The unrendered source word that ``word`` plausibly renders (cosine >= CLOSE), or None."""
    near, score = closest_unrendered(word, derived, sources)
    return near if score >= CLOSE else None

