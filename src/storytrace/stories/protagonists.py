"""Who an article is about: the person it names most often, by surname.

Reports of one event name its protagonist, each in its own words; two look-alike events of one kind
(two actors entering rehab, two hosts announced for the same award show) are told with the same
organisations, places and vocabulary, but around different people. So when each of two articles
has a protagonist and one of them never names the other's protagonist, they are about
different events, however alike the rest of their words.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from storytrace.model import Article
from storytrace.nlp import wordnet

MIN_MENTIONS = 2  # a person named once is a quote or a comparison, not who the article is about


# What English writes after a surname: a generation ("Jr.") or a regnal number, in capitals ("VIII").
_GENERATION = frozenset({"jr", "sr"})
_ROMAN = re.compile(r"(?=[MDCLXVI])M*(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})")
# The last word of a company's or a street's name: "Harlan Voss Holdings Corp." or "Snyder Ave" (a street
# named after someone) is no person, whatever the tagger says.
_DESIGNATORS = frozenset({"inc", "ltd", "llc", "plc", "corp", "co", "gmbh", "ave", "avenue", "blvd", "boulevard"})


def surname(name: str) -> str | None:
    words = name.replace("'s", "").split()
    while words and (words[-1].rstrip(".,").lower() in _GENERATION or _ROMAN.fullmatch(words[-1].rstrip(".,"))):
        words.pop()
    words = [w.lower() for w in words if len(w) > 2 and w[:1].isalpha()]
    return words[-1] if words else None


def designated_place_or_company(name: str) -> bool:
    """A "person" of two words or more whose last word is a company form or a street's designator."""
    words = name.split()
    return len(words) > 1 and words[-1].rstrip(".,").lower() in _DESIGNATORS


@dataclass(frozen=True)
class Cast:
    """Who an article names, by surname (one count of its person mentions: _person_counts)."""

    protagonists: frozenset[str]  # the most named person(s), named MIN_MENTIONS times or more
    supporting: frozenset[str]  # the others named MIN_MENTIONS times or more
    people: frozenset[str]  # every person named, once or more


def _text(a: Article) -> str:
    return a.text or a.original_text


def _written_in_capitals(a: Article, start: int, end: int) -> bool:
    written = _text(a)[start:end]
    return any(c.isupper() for c in written) and not any(c.islower() for c in written)


def _written_in_lower_case(a: Article, start: int, end: int) -> bool:
    return not any(c.isupper() for c in _text(a)[start:end])


def _capitals_share(a: Article) -> tuple[int, int]:
    """(capital letters, letters) of the first 5,000 characters: how the text is cased."""
    letters = [c for c in _text(a)[:5000] if c.isalpha()]
    return sum(c.isupper() for c in letters), len(letters)


def _person_counts(a: Article) -> Counter[str]:
    """Surnames of the people named, by mentions. In a text of mixed case a person is written with
    lower-case letters; a "person" written in capitals only at every mention ("SAG" of a subheading
    "SAG'S DARK CLOUD", which the tagger took for a name) is an organisation's initials. And a name is
    written with a capital: a "person" written in lower case at every mention ("the talk show host",
    "jewel thieves", "stray gunfire") is a common noun the tagger took for one."""
    people = [m for m in a.mentions if m.kind == "person"]
    capitals, letters = _capitals_share(a)
    if capitals <= letters / 2:  # not mostly in capitals (a text that is writes its names so too)
        cased = {str(m.value or m.text) for m in people if not _written_in_capitals(a, m.start, m.end)}
        people = [m for m in people if str(m.value or m.text) in cased]
    if capitals >= letters / 200:  # not next to none (a chat message, a transcript writes names in lower case)
        named = {str(m.value or m.text) for m in people if not _written_in_lower_case(a, m.start, m.end)}
        people = [m for m in people if str(m.value or m.text) in named]
    people = [m for m in people if not named_thing(str(m.value or m.text))
              and not designated_place_or_company(str(m.value or m.text))]
    return Counter(s for m in people if (s := surname(str(m.value or m.text))))


@lru_cache(maxsize=1 << 14)
def named_thing(name: str) -> bool:
    """A one-word "person" ("Oscar" of "the Oscar organizers", "Emmy", "Mars") that the dictionary writes
    with its capital as the name of a thing and knows in no sense as a person: the tagger took the thing
    for someone. A name the dictionary does not know ("Zarina"), knows as a person too ("Kelly"), or knows
    only as a common noun in lower case ("Rose", "Sting": mononyms of singers) may be a person's."""
    words = name.split()
    if len(words) != 1 or not words[0].isalpha() or not words[0][:1].isupper():
        return False
    senses = wordnet.wordnet().synsets(words[0], "n")
    if not senses or wordnet.means_a_person(words[0]):
        return False
    return any(words[0].lower() in wordnet.proper_names(s) for s in senses)


def cast_of(a: Article) -> Cast:
    """Who ``a`` names: its protagonist(s), its supporting cast and all its people, from one count."""
    counts = _person_counts(a)
    top = max(counts.values(), default=0)
    main = frozenset(k for k, v in counts.items() if v == top) if top >= MIN_MENTIONS else frozenset()
    supporting = frozenset(k for k, v in counts.items() if v >= MIN_MENTIONS and k not in main)
    return Cast(main, supporting, frozenset(counts))


def people(a: Article) -> frozenset[str]:
    """Surnames of every person the article names, once or more (organisations' initials left out)."""
    return cast_of(a).people


def protagonists(a: Article) -> frozenset[str]:
    """Surnames of the most mentioned person(s), if named at least MIN_MENTIONS times."""
    return cast_of(a).protagonists


def compare_protagonists(a: frozenset[str], a_names: frozenset[str], b: frozenset[str], b_names: frozenset[str],
                         a_cast: frozenset[str] = frozenset(), b_cast: frozenset[str] = frozenset()) -> str:
    """"same", "other" or "unknown" (``*_names``: every name token of the article; ``*_cast``: its
    supporting cast, see supporting_cast).

    "other" when both have a protagonist and one article never names the other's: one-sided is
    enough, since a report of the new Oscar host may list past hosts, the other event's protagonist
    among them, while the report of that other event never names the new host. "same" when each
    article names the other's protagonist. "unknown" when the article whose protagonist the other
    never names is told around the other's people (told_around): one event seen from another side.
    """
    if not a or not b:
        return "unknown"
    a_unnamed, b_unnamed = not (a & b_names), not (b & a_names)
    if (a_unnamed and not told_around(a_cast, b, b_cast)) or (b_unnamed and not told_around(b_cast, a, a_cast)):
        return "other"
    return "unknown" if a_unnamed or b_unnamed else "same"


def told_around(cast: frozenset[str], other: frozenset[str], other_cast: frozenset[str]) -> bool:
    """An article names the other's protagonist as one of its own main people (twice or more) and shares
    another of them with the other's cast: the same event told around another of its people (a witness's
    account of a shooting names the victim and the police chief twice; the victim's report never names the
    witness). A look-alike event's report recalls the other's protagonist in passing, once."""
    return bool(cast & other) and bool((cast - other) & other_cast)


def supporting_cast(a: Article) -> frozenset[str]:
    """Surnames of the other people the article names at least MIN_MENTIONS times.

    An event of one person involves others (the opponent of a fight, the victim, the coach who
    was fired, the official who announced it); two look-alike events of one protagonist (two
    title fights of one boxer, two arrests of one actor) are told around different ones.
    """
    return cast_of(a).supporting


def cast_differs(a: frozenset[str], a_names: frozenset[str], b: frozenset[str], b_names: frozenset[str]) -> bool:
    """Each article has people besides its protagonist and never names any of the other's.

    Two-sided, unlike the protagonist veto: a short report may leave out the people a long one
    names twice (a spokesman, a witness), but two reports of one event do not each have a cast
    the other never mentions.
    """
    return bool(a) and bool(b) and not (a & b_names) and not (b & a_names)


def protagonist_named(a: frozenset[str], a_names: frozenset[str], b: frozenset[str], b_people: frozenset[str],
                      b_names: frozenset[str]) -> bool:
    """The article without a protagonist (``b``: it names nobody twice, as a short report or a wire
    item naming each person once) names ``a``'s protagonist, and every person it names ``a`` names too.

    Its people agree with ``a``'s, however few of its places and organisations ``a`` shares. One-sided
    and on people named once, this is no verdict ("same" needs each to name the other's protagonist):
    the same person is in both of two look-alike events of one protagonist (two arrests of one actor),
    so it is one signal among the others, which must still agree (document, figures).
    A short report that also names someone ``a`` never names (the other event's protagonist, named
    once: "DeGeneres will host, as Jackman did") does not agree.
    """
    return bool(a) and not b and bool(b_people) and a <= b_names and b_people <= a_names
