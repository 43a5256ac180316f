"""A thing the source names more than once, named in its slot by an unrelated noun.

An article repeats its word for what it is about ("fell from a Sydney clifftop ... at the
clifftop ... fell from the clifftop"). A version that puts, in the very slot of such a word, a
common noun the source never says, and that WordNet does not relate to it (no shared sense,
neither a kind of the other, no derivation), names another thing: "fell from a Sydney beach".
A word the source uses once may be rendered in many ways (a translation's wording); a word it
repeats is its settled name for the thing, which a faithful summary keeps or generalises.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from storytrace.findings.common import PairContext, content_keys, slot_sources
from storytrace.findings.slots import anchors, substitutions
from storytrace.findings.text import ParsedArticle, ParsedSentence, Token, word_key
from storytrace.nlp import wordnet

MIN_SHARED = 0.5  # share of the derived sentence's content words the source sentence must have
MIN_REPEATS = 2  # how often the source must say its word for it to be the thing's settled name
_MIN_HEAD = 3  # shortest known noun a compound the dictionary lacks may end in ("clifftop" -> "top")


@dataclass(frozen=True)
class NounSwap:
    derived: ParsedSentence
    index: int  # the derived noun
    source: ParsedSentence
    source_index: int  # the source noun in its slot
    repeats: int  # how often the source says its noun


def noun_swaps(ctx: PairContext) -> list[NounSwap]:
    """Each derived common noun that stands, in an aligned sentence, where the source has a noun
    it repeats, when the source never says the derived noun and WordNet relates the two in no way."""
    counts: Counter | None = None
    own: Counter | None = None
    out: list[NounSwap] = []
    for d, _ in ctx.aligned_sentences():
        # a summary sentence fuses several source sentences: its slots are in any of them
        sources = slot_sources(ctx, d)
        d_lemmas = {word_key(t.lemma) for t in d.tokens}
        for src in sources:
            subs = substitutions(d, src)
            if not subs or not _close_rendering(d, src):
                continue
            anchored = anchors(d, src)
            for i, j in subs:
                tok, other = d.tokens[i], src.tokens[j]
                if tok.dep != other.dep or not _same_governor(d, i, src, j, anchored):
                    continue  # the same relation to the same word: a slot, not a loose pairing
                if not (_plain_noun(tok) and _plain_noun(other)) or word_key(other.lemma) in d_lemmas:
                    continue
                if (tok.dep == "compound") != (other.dep == "compound") or _compound_dropped(src, j, d_lemmas):
                    continue
                if counts is None:
                    counts = _noun_counts(ctx.src)
                repeats = counts[word_key(other.lemma)]
                if repeats < MIN_REPEATS or _said(tok, ctx.src) or _related(tok.lemma.lower(), other.lemma.lower()):
                    continue
                if own is None:
                    own = _noun_counts(ctx.der)
                if own[word_key(tok.lemma)] >= MIN_REPEATS:
                    continue  # the version's own settled word for the thing: two renderings, not a slip
                if any(s.index == i and s.derived is d for s in out):
                    continue
                out.append(NounSwap(d, i, src, j, repeats))
    return out


def _same_governor(d: ParsedSentence, i: int, src: ParsedSentence, j: int, anchored: dict[int, int]) -> bool:
    """Both nouns hang off words both sentences share, through a preposition up to the content word
    it attaches to ("fell from a beach" / "fell from a clifftop"): a shared "of" alone is chance
    ("murders of tourists" / "a delegation of officers")."""
    for _ in range(2):
        h, g = d.tokens[i].head, src.tokens[j].head
        if h == i or g == j or anchored.get(h) != g:
            return False
        if d.tokens[h].pos != "ADP":
            return True
        i, j = h, g
    return False


def _close_rendering(d: ParsedSentence, src: ParsedSentence) -> bool:
    """Most of the derived sentence's content words are the source sentence's: a rendering of it,
    not a sentence that shares a few words with it (an abstractive summary's loose pairings)."""
    words = content_keys(d.tokens)
    return bool(words) and len(words & content_keys(src.tokens)) / len(words) >= MIN_SHARED


def _plain_noun(tok: Token) -> bool:
    """A common noun in lower-case letters: no part of a name, even where the tagger stretches a
    name over it ("a Sydney beach")."""
    return tok.pos == "NOUN" and tok.text.isalpha() and tok.text.islower()


def _compound_dropped(src: ParsedSentence, j: int, kept: set[str]) -> bool:
    """The source noun is the head of a compound whose other noun the version does not say: one word
    may render the two ("the meeting place" / "the haunt"), and is not to be judged against the head
    alone. A noun that qualifies another stands for no thing of its own either (checked above)."""
    return any(t.head == j and t.dep == "compound" and word_key(t.lemma) not in kept
               for k, t in enumerate(src.tokens) if k != j)


def _noun_counts(article: ParsedArticle) -> Counter:
    return Counter(word_key(t.lemma) for s in article.sentences for t in s.tokens if t.pos == "NOUN")


def _said(tok: Token, source: ParsedArticle) -> bool:
    """The source has the word (any form of it), or a noun sharing a sense with it."""
    if word_key(tok.lemma) in source.vocabulary or word_key(tok.lower) in source.vocabulary:
        return True
    nouns = {t.lemma.lower() for s in source.sentences for t in s.tokens if t.pos == "NOUN"}
    return any(wordnet.are_synonyms(tok.lemma.lower(), n, "n", limit=3) for n in nouns)


def _readings(word: str) -> tuple[str, ...]:
    """The word as WordNet knows it; a compound it lacks by the known noun it ends in
    ("clifftop" -> "top"); nothing when neither is known."""
    if wordnet.known(word, "n"):
        return (word,)
    for k in range(1, len(word) - _MIN_HEAD + 1):
        head = word[k:]
        if wordnet.known(word[:k], "n") and wordnet.known(head, "n"):
            return (head,)
    return ()


def _related(new: str, old: str) -> bool:
    """WordNet relates the two nouns, or cannot say: one of them unknown, either first read as no
    physical thing (events and ideas are named loosely: "assault" / "invasion"), or the new word a
    vague one ("a spot" for "a cliff" generalises, whatever WordNet's branches say)."""
    if not wordnet.known(new, "n"):
        return True
    olds = _readings(old)
    if not olds or not _physical(new) or not all(_physical(o) for o in olds) or _vague(new):
        return True
    for o in olds:
        if wordnet.are_synonyms(new, o, "n") or wordnet.is_hypernym_or_synonym(o, new, "n") \
                or wordnet.is_hypernym_or_synonym(new, o, "n"):
            return True
        if new in wordnet.derivations(o) or o in wordnet.derivations(new):
            return True
    return False


_PHYSICAL, _ROOT = "physical_object", "entity"
_VAGUE_DEPTH = 5  # at most this many steps below WordNet's root ...
_VAGUE_KINDS = 100  # ... with at least this many kinds under it: "place", "area", "structure"


@lru_cache(maxsize=1 << 12)
def _physical(word: str) -> bool:
    """WordNet's first reading of the noun is a physical object (a place, a thing, a person), not a
    process or an idea."""
    wn = wordnet.wordnet()
    first = wn.synsets(word, "n", 1)
    return bool(first) and bool(wn.hypernym_closure(first[0]) & set(wn.synsets(_PHYSICAL, "n")))


@lru_cache(maxsize=1 << 12)
def _vague(word: str) -> bool:
    """The noun's first reading sits near the top of WordNet's tree and has many kinds under it."""
    wn = wordnet.wordnet()
    first = wn.synsets(word, "n", 1)
    if not first:
        return False
    near_root = bool(wn.hypernym_closure(first[0], _VAGUE_DEPTH) & set(wn.synsets(_ROOT, "n")))
    return near_root and _kinds_below(first[0]) >= _VAGUE_KINDS


def _kinds_below(sid: int) -> int:
    """Hyponyms (kinds and instances) under a sense, counted up to _VAGUE_KINDS."""
    wn = wordnet.wordnet()
    seen: set[int] = set()
    stack = [sid]
    while stack and len(seen) < _VAGUE_KINDS:
        here = wn.synset(stack.pop())
        for h in (*here.linked("~"), *here.linked("~i")):
            if h not in seen:
                seen.add(h)
                stack.append(h)
    return len(seen)
