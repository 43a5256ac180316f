"""Token look-ups by character offset over a spaCy Doc (flat arrays: cheap to build, O(log n) to query)."""
from __future__ import annotations

import bisect

NOUNISH = {"NOUN", "PROPN"}
# Coarse POS from Penn Treebank tags (what spaCy's attribute_ruler would set; we skip it for speed).
_POS_BY_TAG = {"NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN", "JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ",
               "VB": "VERB", "VBD": "VERB", "VBG": "VERB", "VBN": "VERB", "VBP": "VERB", "VBZ": "VERB", "MD": "AUX",
               "PRP": "PRON", "PRP$": "PRON", "WP": "PRON", "DT": "DET", "PDT": "DET", "IN": "ADP", "CC": "CCONJ",
               "CD": "NUM", "RB": "ADV", "RBR": "ADV", "RBS": "ADV", "POS": "PART", "RP": "ADP", "TO": "PART"}


def coarse_pos(tag: str) -> str:
    return _POS_BY_TAG.get(tag, "X")


class TokenIndex:
    """Tokens of one article, parsed as several docs (one per paragraph) placed at ``base`` offsets."""

    def __init__(self, parts: list[tuple[int, object]]):
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.pos: list[str] = []
        self.lower: list[str] = []
        self.tokens: list = []  # the spaCy tokens, for dependency look-ups
        for base, doc in parts:
            for t in doc:
                if t.is_space:
                    continue
                self.starts.append(base + t.idx)
                self.ends.append(base + t.idx + len(t.text))
                self.pos.append(t.pos_ or coarse_pos(t.tag_))
                self.lower.append(t.lower_)
                self.tokens.append(t)

    def first_at_or_after(self, offset: int) -> int:
        return bisect.bisect_left(self.starts, offset)

    def token_at(self, offset: int) -> int:
        """Index of the token that covers ``offset`` (or the one just before it)."""
        return max(bisect.bisect_right(self.starts, offset) - 1, 0)

    def counted_noun(self, offset: int, max_gap: int = 2) -> str:
        """The noun a number counts: "1.2 million (electric) cars" -> "cars"; "" when none follows."""
        i = self.first_at_or_after(offset)
        n = len(self.starts)
        if i >= n or self.starts[i] - offset > max_gap:
            return ""
        noun = ""
        steps = 0
        while i < n and steps < 4:
            pos = self.pos[i]
            if pos == "NOUN":
                noun = self.lower[i]
            elif pos == "ADJ" and not noun:
                pass
            elif pos == "PROPN" and not noun and i + 1 < n and self.pos[i + 1] == "NOUN":
                pass  # "15 EU member states"
            elif pos == "PROPN" and not noun and self.lower[i].endswith("s") and steps == 0:
                return self.lower[i]  # "19 Republicans", "300 Canadians"
            else:
                break
            i += 1
            steps += 1
        return noun

    def noun_phrase(self, offset: int) -> tuple[int, int]:
        """Span of the short noun phrase starting at ``offset`` ("GDP", "annual budget"); empty if none."""
        i = self.first_at_or_after(offset)
        n = len(self.starts)
        start = end = offset
        steps = 0
        while i < n and steps < 4 and self.pos[i] in ("ADJ", "NOUN", "PROPN"):
            if self.pos[i] in NOUNISH:
                end = self.ends[i]
            if steps == 0:
                start = self.starts[i]
            i += 1
            steps += 1
        return (start, end) if end > start else (offset, offset)

    def subject_of(self, offset: int) -> tuple[int, int, str] | None:
        """(start, end, lower text) of the grammatical subject of the verb starting at ``offset``.

        For "according to X" the object of "to" is returned. None when the parse gives no subject.
        """
        k = bisect.bisect_left(self.starts, offset)
        if k >= len(self.starts) or self.starts[k] != offset:
            return None
        verb = self.tokens[k]
        shift = self.starts[k] - verb.idx  # the doc's offset in the article text
        if verb.lower_ == "according":
            to = next((c for c in verb.children if c.lower_ == "to"), None)
            subj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        else:
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None and verb.dep_ in ("conj", "advcl", "ccomp") and verb.head.pos_ == "VERB":
                subj = None  # do not borrow a subject from another clause
        if subj is None:
            return None
        return shift + subj.idx, shift + subj.idx + len(subj.text), subj.lower_
