"""SummaC-style support: each derived sentence is judged against source chunks (a few
consecutive sentences), and its support is the best chunk's score.

Scoring every chunk of a long article for every derived sentence costs too much on CPU, so the
candidates are the chunks around the sentences the aligner paired it with plus the chunks that
share most content words with it (a supporting chunk nearly always shares some).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from storytrace.ingest.lead import join_abbreviations

CHUNK_SENTENCES = 3
LEXICAL_CANDIDATES = 4
_SPLIT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’')]))\s+(?=[\"“‘'(]?[A-Z0-9])")
_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset("a an the of to in on at for and or but is are was were be been has have had it its this "
                  "that these those with by from as he she they we i you his her their our not no".split())


@dataclass(frozen=True)
class Support:
    score: float  # P(supported) of the best chunk
    chunk: str    # the premise that scored best
    start: int    # index of its first source sentence


def split_sentences(text: str) -> list[str]:
    """Sentences of a plain text: one per line where the text has lines, split at end marks."""
    out: list[str] = []
    for line in text.splitlines():
        # "Mr. Smith", "U.S. troops": an abbreviation's full stop ends no sentence
        out.extend(join_abbreviations(s.strip() for s in _SPLIT.split(line.strip())))
    return out


def content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def windows(count: int, size: int = CHUNK_SENTENCES) -> list[tuple[int, int]]:
    """[start, end) sentence ranges of every chunk: all sentences when there are few, else a
    sliding window with stride 1."""
    if count <= size:
        return [(0, count)] if count else []
    return [(i, i + size) for i in range(count - size + 1)]


def candidate_windows(sentences: list[str], hypothesis: str, anchors: list[int] | None = None,
                      size: int = CHUNK_SENTENCES, lexical: int = LEXICAL_CANDIDATES) -> list[tuple[int, int]]:
    """The windows worth scoring for one derived sentence: those holding an anchor (an aligned
    source sentence) and the ``lexical`` windows sharing most content words with it."""
    spans = windows(len(sentences), size)
    if len(spans) <= lexical:
        return spans
    words = content_words(hypothesis)
    per_sentence = [len(words & content_words(s)) for s in sentences]
    ranked = sorted(spans, key=lambda w: (-sum(per_sentence[w[0]:w[1]]), w[0]))
    chosen = set(ranked[:lexical])
    for a in anchors or ():
        chosen.update(w for w in spans if w[0] <= a < w[1])
    return sorted(chosen)


def plan(sentences: list[str], hypotheses: list[str], anchors: list[list[int]] | None = None,
         lexical: int = LEXICAL_CANDIDATES) -> list[list[tuple[int, str]]]:
    """For each hypothesis, the (first sentence, chunk text) candidates to score."""
    plans = []
    for k, hyp in enumerate(hypotheses):
        spans = candidate_windows(sentences, hyp, anchors[k] if anchors else None, lexical=lexical)
        plans.append([(s, " ".join(sentences[s:e])) for s, e in spans])
    return plans


def plan_pairs(plans: list[list[tuple[int, str]]], hypotheses: list[str]) -> list[tuple[str, str]]:
    return [(chunk, hyp) for hyp, p in zip(hypotheses, plans) for _, chunk in p]


def best_support(verifier, sentences: list[str], hypotheses: list[str],
                 anchors: list[list[int]] | None = None, lexical: int = LEXICAL_CANDIDATES) -> list[Support]:
    """For each hypothesis, the best-scoring candidate chunk of ``sentences`` (one batched call)."""
    plans = plan(sentences, hypotheses, anchors, lexical)
    pairs = plan_pairs(plans, hypotheses)
    scores = iter(verifier.score(pairs)) if pairs else iter(())
    out = []
    for candidates in plans:
        scored = [(next(scores), start, chunk) for start, chunk in candidates]
        if not scored:
            out.append(Support(0.0, "", -1))
            continue
        best = max(scored, key=lambda t: (t[0], -t[1]))
        out.append(Support(best[0], best[2], best[1]))
    return out
