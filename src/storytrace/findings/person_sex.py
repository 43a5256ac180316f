"""The sex a person noun names, read from WordNet ("lad" is a boy, "widow" a woman, "actress" a
female actor), for the nouns the closed gender list of the attribute detector does not hold.

Two readings of the noun's main sense, both WordNet's own: the sense sits below "male person" or
"female person", or its definition opens on a gendered noun phrase ("a married man", "a female
actor", "the wife of a duke"). The opening phrase is cut at the first word that starts a
modifier ("a person who is male" names a person, not a man); a phrase naming both sexes ("an
enlisted man or woman") names neither. Only a sense that is a kind of person counts (a "cow" is
no woman). A word whose first senses name both sexes ("ex") has none.
"""
from __future__ import annotations

import re
from functools import lru_cache

from storytrace.nlp import wordnet

# Nouns that name a sex in a definition's opening phrase (their plural and possessive forms are
# not needed: glosses use the singular).
MALE_NOUNS = frozenset("man boy male father son husband brother king uncle nephew grandfather gentleman".split())
FEMALE_NOUNS = frozenset("woman girl female mother daughter wife sister queen aunt niece grandmother lady".split())

# A definition's opening phrase ends where a modifier or a second alternative starts.
_PHRASE_ENDS = frozenset("of who whom that which whose in for to with from by as at on".split())

# How many senses are looked at for a contrary reading (the first decides; a later one of the
# other sex makes the word ambiguous).
_SENSES = 3


def _opening_phrase(definition: str) -> list[str]:
    words = re.findall(r"[a-z]+", definition.lower())
    out: list[str] = []
    for w in words:
        if w in _PHRASE_ENDS:
            break
        out.append(w)
    return out


def _sense_sex(sid: int) -> str:
    wn = wordnet.wordnet()
    closure = wn.hypernym_closure(sid)
    if not closure & set(wn.synsets("person", "n")[:1]):
        return ""
    male = set(wn.synsets("male_person", "n")[:1])
    female = set(wn.synsets("female_person", "n")[:1])
    phrase = _opening_phrase(wn.definition(sid))
    found = set()
    if closure & male or any(w in MALE_NOUNS for w in phrase):
        found.add("m")
    if closure & female or any(w in FEMALE_NOUNS for w in phrase):
        found.add("f")
    return found.pop() if len(found) == 1 else ""


@lru_cache(maxsize=1 << 14)
def noun_sex(lemma: str) -> str:
    """"m", "f", or "" for a common noun's lemma: the sex its main WordNet sense names, where no
    other of its first senses names the other one."""
    wn = wordnet.wordnet()
    senses = wn.synsets(lemma.lower(), "n")[:_SENSES]
    if not senses:
        return ""
    main = _sense_sex(senses[0])
    if not main:
        return ""
    if any(_sense_sex(s) not in ("", main) for s in senses[1:]):
        return ""
    return main
