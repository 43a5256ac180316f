"""A title for an article that has none: the first sentence that reads as a news lead.

Pasted articles often open with a hook instead of a headline: a rhetorical question ("It's about
time, right?"), an interjection ("It's a party ... a rehab party!"), a quote fragment. Such a line
says nothing about who did what, so it makes a poor name for the article or its story. A news lead
does: it names an actor and says what they did (a finite verb). Without a parse (ingest runs
before the NLP), both are read from the surface: a capitalised word past the first (a name), and a
finite auxiliary, a reporting verb or a past-tense form.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

LEAD_SENTENCES = 5  # a lead is among the first sentences, or the text has none worth naming it by
MAX_LEAD_CHARS = 120
MIN_LEAD_WORDS = 6
_QUOTES = "\"'“”‘’«»„"
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’]?\s+(?=[\"'“‘A-Z0-9])|\n+")
# A full stop after a title, an initial or a dotted acronym ("Dr. Gupta", "C. Everett Koop", "U.S.
# Navy") ends no sentence: the capital after it starts the name, not a new sentence.
ABBREVIATION_END = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Jr|Sr|Prof|No|Inc|Corp|Co|vs)|\b[A-Z](?:\.[A-Z])*)\.$")
_FINITE = frozenset(
    """is are was were has have had will would can could shall should may might must did does do am
    says said tells told announces announced reports reported""".split()
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# A pronoun's contracted auxiliary is finite too ("It's a tough job", "They've left").
_CONTRACTED = re.compile(r"^(?:it|he|she|that|there|what|who|they|we|you|i)['’](?:s|re|ve|ll|d|m)$", re.IGNORECASE)


def is_poor_title(line: str) -> bool:
    """A hook, not a headline: a question, an exclamation, an ellipsis, a quote fragment."""
    s = line.strip()
    if not s:
        return True
    if s.endswith(("?", "!", "...", "…")) or s.rstrip(_QUOTES).endswith(("?", "!")):
        return True
    # A quote fragment: opens with a quotation mark, or its quotation marks are left unbalanced.
    if s[0] in _QUOTES and s[0] != "'":
        return True
    return s.count('"') % 2 == 1


def reads_as_lead(sentence: str) -> bool:
    """Names an actor (a capitalised word past the first) and has a finite verb; not a hook."""
    s = sentence.strip()
    words = _WORD.findall(s)
    if len(words) < MIN_LEAD_WORDS or is_poor_title(s):
        return False
    names_someone = any(w[0].isupper() for w in words[1:])
    finite = any(w.lower() in _FINITE or _CONTRACTED.match(w) or (len(w) > 4 and w.lower().endswith("ed")) for w in words)
    return names_someone and finite


def lead_sentences(text: str, limit: int = LEAD_SENTENCES) -> list[str]:
    return join_abbreviations(p.strip() for p in _SENTENCE_END.split(text.strip()))[:limit]


def join_abbreviations(pieces: Iterable[str]) -> list[str]:
    """Text split at end marks, non-empty pieces put back together where a piece ends in an
    abbreviation ("Dr.", "U.S."): its full stop ends no sentence, so the next piece goes on it."""
    out: list[str] = []
    for piece in pieces:
        if not piece:
            continue
        if out and ABBREVIATION_END.search(out[-1]):
            out[-1] += " " + piece
        else:
            out.append(piece)
    return out


def shorten(sentence: str, limit: int = MAX_LEAD_CHARS) -> str:
    s = " ".join(sentence.split())
    return s if len(s) <= limit else s[:limit].rsplit(" ", 1)[0] + "…"


def lead_title(sentences: list[str]) -> str | None:
    """The first of ``sentences`` that reads as a news lead, shortened; None when none does."""
    for s in sentences[:LEAD_SENTENCES]:
        if reads_as_lead(s):
            return shorten(s)
    return None
