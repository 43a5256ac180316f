"""Are two names the same entity written differently, or different entities?

Understands name order (Nakamura Takeshi / Takeshi Nakamura), transliteration and spelling
variants (Katharine / Catherine, Jon / John, Mohammed / Muhammad), initials (J. Smith / John
Smith) and a surname used alone (Tremblay / Paul Tremblay).
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass
from itertools import permutations

from rapidfuzz.distance import Levenshtein
from rapidfuzz.fuzz import ratio

from storytrace.findings.text import strip_accents

_TITLES = frozenset(
    "mr mrs ms miss mx madam dr prof professor sir dame lord lady president minister senator rep gen general "
    "col captain capt sgt judge justice rev father st saint the".split()
)

# Spelling pairs that transliteration and English spelling trade freely.
_PHONETIC_RULES: list[tuple[str, str]] = [
    (r"ph", "f"), (r"gh", "g"), (r"kh", "k"), (r"ck", "k"), (r"ch", "k"), (r"sh", "s"),
    (r"th", "t"), (r"dh", "d"), (r"q", "k"), (r"c(?=[eiy])", "s"), (r"c", "k"), (r"x", "ks"),
    (r"z", "s"), (r"w", "v"), (r"y", "i"), (r"j", "i"), (r"ou", "u"), (r"oo", "u"), (r"ee", "i"),
    (r"(?<=[a-z])h", ""), (r"(.)\1+", r"\1"),
]


@dataclass(frozen=True)
class NameMatch:
    similarity: float  # 0..1
    verdict: str  # same | variant | lookalike | different

    @property
    def same_entity(self) -> bool:
        return self.verdict in ("same", "variant")


# A possessive ending ("Reyes's", "Reyes' ") is no part of the name; a lone "S" is an initial
# ("S.K. Verma" is "SK Verma").
_POSSESSIVE = re.compile(r"['\u2019]s?\b")


def name_tokens(name: str) -> list[str]:
    words = re.findall(r"[^\W\d_]+", _POSSESSIVE.sub(" ", strip_accents(name).lower()))
    return [w for w in words if w not in _TITLES]


@lru_cache(maxsize=1 << 16)  # pure; name comparison asks for the same tokens thousands of times a story
def phonetic(token: str) -> str:
    t = token
    for pattern, repl in _PHONETIC_RULES:
        t = re.sub(pattern, repl, t)
    return t


def _skeleton(token: str) -> str:
    """Consonants only: vowels are what transliteration changes most (Muhammad / Mohammed)."""
    p = phonetic(token)
    return p[0] + re.sub(r"[aeiou]", "", p[1:]) if p else p


def token_similarity(a: str, b: str) -> float:
    """1.0 same; 0.95 same sound or an initial; 0.88 transliteration-close; below 0.8 otherwise."""
    if a == b:
        return 1.0
    if len(a) == 1 or len(b) == 1:  # an initial: "J." against "John"
        return 0.95 if a[0] == b[0] else 0.0
    pa, pb = phonetic(a), phonetic(b)
    if pa == pb:
        return 0.95
    distance = Levenshtein.distance(pa, pb)
    shortest = min(len(pa), len(pb))
    # One letter apart (Gaddafi / Qaddafi, Sarah / Sara), or the same consonants with the
    # vowels moved (Nakamura / Nakamori): the noise transliteration makes.
    if (distance == 1 and shortest >= 4) or (
        distance <= 2 and shortest >= 6 and _skeleton(a) == _skeleton(b)
    ):
        return 0.88
    return 0.8 * max(ratio(a, b), ratio(pa, pb)) / 100


def cut_differently(a: str, b: str) -> bool:
    """The same letters cut into words differently: a romanised given name written as one word or as
    its syllables ("Men Rui" / "Menrui"). No letter differs, so no other person is named."""
    ta, tb = name_tokens(a), name_tokens(b)
    return bool(ta) and bool(tb) and len(ta) != len(tb) and "".join(ta) == "".join(tb)


def compare_names(a: str, b: str) -> NameMatch:
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return NameMatch(0.0, "different")
    if ta == tb:
        return NameMatch(1.0, "same")
    if sorted(ta) == sorted(tb):
        return NameMatch(0.97, "variant")  # the same names in another order (family name first)
    if cut_differently(a, b):
        return NameMatch(0.97, "variant")
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    # Best pairing of the shorter name's tokens with the longer name's (handles order).
    best = -1.0
    best_scores: list[float] = []
    for perm in permutations(long_, len(short)) if len(long_) <= 5 else [tuple(long_[: len(short)])]:
        scores = [token_similarity(x, y) for x, y in zip(short, perm)]
        value = sum(scores) / len(scores)
        if value > best:
            best, best_scores = value, scores
    if len(short) < len(long_):
        # "Tremblay" for "Paul Tremblay": same person if the part given matches a part well,
        # and is not just an initial.
        if all(len(t) > 1 for t in short) and min(best_scores) >= 0.95:
            return NameMatch(0.9, "same")
    if min(best_scores) >= 0.95:
        return NameMatch(best, "variant")
    changed = [s for s in best_scores if s < 0.95]
    # One token differs by transliteration-level noise: a variant.
    if len(changed) == 1 and changed[0] >= 0.88:
        return NameMatch(best, "variant")
    # Every token looks alike but more than one changed (Takeshi Nakamura / Takashi Nakamori):
    # similar enough to confuse, different enough to be another person.
    if all(s >= 0.6 for s in best_scores):
        return NameMatch(best, "lookalike")
    return NameMatch(best, "different")


def _token_similar(a: str, b: str, bar: float) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:  # an initial: "J." matches "John"
        return a[0] == b[0]
    return ratio(a, b) / 100 >= bar


def same_person(a: str, b: str) -> bool:
    """Can two names be one person across the versions of a story? Looser than
    ``compare_names``: spelling, transliteration, name order, a surname alone, and look-alikes.

    "Takeshi Nakamura" = "Nakamura Takeshi" = "Takashi Nakamori"; "Katharine" ~ "Catherine";
    "Sato" = "Emi Sato"; "Emi Sato" != "Hana Morikawa". A story-wide slot compares many
    versions, so a look-alike is counted with the others rather than reported against them.
    """
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    if compare_names(a, b).same_entity:  # the pairwise detectors' verdict: a variant is never a swap here
        return True
    if ta == tb or sorted(ta) == sorted(tb):
        return True
    short, long = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    if len(short) < len(long):
        # "Sato" for "Emi Sato": every token of the short form appears in the long one.
        # A lone first name is too weak ("Emi" could be anyone), so the last token must match.
        return all(any(_token_similar(s, t, 0.8) for t in long) for s in short) and any(
            _token_similar(short[-1], t, 0.8) for t in long[1:]
        )
    for candidate in (long, list(reversed(long))):
        if all(_token_similar(x, y, 0.7) for x, y in zip(short, candidate)):
            return True
    return False
