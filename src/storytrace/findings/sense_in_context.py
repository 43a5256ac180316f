"""The WordNet senses a word has in its sentence, read by the engine's sentence encoder (embedding Lesk).

Why: the slot pass calls two words in one slot opposites when WordNet links them through a short
walk (synonyms and direct hypernyms of the first senses, then an antonym: "surrender" ~ give up !
keep). The walk may run through a sense the sentence does not use: "delay the impact" / "push the
impact back" meet only through push ~ move ! stay ~ delay, where "stay" is delay's "stop or halt"
sense; "seen" (understood) / "picked up" meet through comprehend ! select. WordNet alone cannot say
which sense a sentence uses; the sentence encoder can, roughly: each candidate sense's gloss is
embedded, and the senses whose gloss reads nearest the sentence are the ones it uses (Lesk's idea,
with vectors in place of shared words). The opposition is then counted only when it runs through
those senses. Without an encoder nothing here is asked, and the slot pass behaves as before.
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass

import numpy as np

from storytrace.nlp import wordnet

# Senses whose gloss is at most this much further (cosine) from the sentence than the nearest
# one's are kept too: MiniLM's gloss-to-sentence cosines are close together, and a sense wrongly
# left out would lose a real flip (precision of the clearing matters less than keeping the catch).
SENSE_MARGIN = 0.05

# Gloss vectors per encoder (a synset's gloss is the same text in every sentence).
_GLOSSES: "weakref.WeakKeyDictionary[object, dict[int, np.ndarray]]" = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class Reading:
    """A word as its sentence reads it: its forms, WordNet parts of speech and the sentence's text."""
    forms: tuple[str, ...]
    pos: tuple[str, ...]
    sentence: str


def _gloss_text(sid: int) -> str:
    wn = wordnet.wordnet()
    words = ", ".join(w.replace("_", " ") for w in wn.words(sid)[:3])
    return f"{words}: {wn.definition(sid)}"


def _gloss_vectors(encoder, sids: list[int]) -> np.ndarray:
    try:
        cache = _GLOSSES.setdefault(encoder, {})
    except TypeError:  # an encoder that cannot be weakly referenced: no cache
        cache = {}
    missing = [s for s in sids if s not in cache]
    if missing:
        vectors = np.asarray(encoder.encode([_gloss_text(s) for s in missing]), dtype=np.float32)
        cache.update(zip(missing, vectors))
    return np.stack([cache[s] for s in sids])


def candidate_senses(reading: Reading) -> list[int]:
    """The senses the slot walk starts from: the first ``ANTONYM_SENSES`` of each form."""
    wn = wordnet.wordnet()
    out: list[int] = []
    for p in reading.pos:
        for f in reading.forms:
            out.extend(s for s in wn.synsets(f, p, wordnet.ANTONYM_SENSES) if s not in out)
    return out


def senses_used(encoder, reading: Reading, margin: float = SENSE_MARGIN) -> list[int]:
    """The candidate senses whose gloss reads within ``margin`` of the nearest one to the sentence."""
    sids = candidate_senses(reading)
    if len(sids) <= 1:
        return sids
    sentence = np.asarray(encoder.encode([reading.sentence]), dtype=np.float32)[0]
    scores = _gloss_vectors(encoder, sids) @ sentence
    best = float(scores.max())
    return [s for s, score in zip(sids, scores) if score >= best - margin]


def _near(sids: list[int], ignore: frozenset[str]) -> set[str]:
    """The lemmas of these senses and of their direct hypernyms (``wordnet.neighbourhood`` restricted
    to the senses the sentence uses)."""
    wn = wordnet.wordnet()
    out: set[str] = set()
    for sid in sids:
        out.update(wn.words(sid))
        for up in wn.synset(sid).linked(wordnet.HYPERNYM):
            out.update(wn.words(up))
    return out - ignore


def opposed_in_senses(encoder, a: Reading, b: Reading, ignore: frozenset[str] = frozenset()) -> bool:
    """Does WordNet's slot link (``wordnet.slot_opposed``) still join the two words when each starts
    from the senses its own sentence uses? One word near an opposite of a word near the other. The
    opposites are taken with their near-synonyms (``wordnet.opposite_field``): the senses a sentence
    uses are fewer than the walk's, and "keep" (retain possession) ! relinquish ~ give up ~ "surrender"
    must still meet."""
    near_a, near_b = _near(senses_used(encoder, a), ignore), _near(senses_used(encoder, b), ignore)
    opp_a = set().union(*(wordnet.opposite_field(w, p) for w in near_a for p in a.pos)) - ignore
    opp_b = set().union(*(wordnet.opposite_field(w, p) for w in near_b for p in b.pos)) - ignore
    return bool(opp_a & near_b or opp_b & near_a)


__all__ = ["Reading", "SENSE_MARGIN", "candidate_senses", "senses_used", "opposed_in_senses"]
