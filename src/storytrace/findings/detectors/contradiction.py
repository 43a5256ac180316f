"""internal_contradiction: one article that disagrees with itself.

Three conservative checks, each inside a single article:
- one unique office held by two different people ("EU trade commissioner Emi Sato" ... "EU trade
  commissioner Hana Morikawa"), the typical trace of a rewrite that swapped some mentions only;
- one event given two explicit dates ("the summit on March 12" ... "the summit on March 14");
- one quantity slot given two values (same unit and the same words after it), where neither
  sentence reads as a change, a range or a second figure.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from storytrace.findings.detectors.consensus import (
    Observation,
    context_words,
    date_event,
    date_start,
    dates_agree,
    is_explicit_date,
    is_qualified,
    make_finding,
    mention_sentence,
    quantity_family,
    quantities_agree,
    role_observations,
    value_clusters,
)
from storytrace.findings.names import same_person
from storytrace.findings.registry import detector
from storytrace.model import Article, Finding, Mention, Quantity
from storytrace.nlp.dates import YEAR


# Words that make two dates or figures in one article legitimate: a change, a sequence, a range.
_CHANGE_CUES = re.compile(
    r"(?i)\b(from|rose|rise|risen|fell|fall|fallen|drop\w*|increas\w*|decreas\w*|up|down|grew|grow\w*|"
    r"cut|rais\w*|lower\w*|compared|versus|vs|previous\w*|earlier|initial\w*|original\w*|revis\w*|"
    r"updat\w*|postpon\w*|delay\w*|moved|reschedul\w*|again|another|second|third|next|then|later|"
    r"resum\w*|follow\w*|until|between|through|each|per|annual\w*|a year|last year|this year|"
    r"additional|extra|further|more|total|of which|including|instead|rather|estimate\w*|forecast\w*|"
    r"expect\w*|target\w*|plan\w*|propos\w*|demand\w*|offer\w*|sought|seek\w*|ask\w*)\b"
)


def role_contradictions(article: Article, others: Sequence[Article] = ()) -> list[Finding]:
    """Two people named for one office inside one article.

    A qualified office ("EU trade commissioner") can only have one holder. An unqualified one
    ("Prime Minister X" ... "Prime Minister Y") may be two countries' prime ministers, so it counts
    only when the other versions of the story name a single holder for it.
    """
    other_slots = [role_observations(o) for o in others]
    findings = []
    for key, observations in role_observations(article).items():
        clusters = value_clusters(observations, lambda a, b: same_person(str(a), str(b)))
        if len(clusters) < 2:
            continue
        elsewhere = _single_holder_elsewhere(key, other_slots)
        if elsewhere is None and not is_qualified(key):
            continue
        kept, odd = clusters[0][0], clusters[1][0]
        if elsewhere is not None:
            # the claim is the name the other versions do not use
            agreeing = [c[0] for c in clusters if same_person(str(c[0].value), str(elsewhere.value))]
            odd = next((c[0] for c in clusters if not same_person(str(c[0].value), str(elsewhere.value))), odd)
            kept = agreeing[0] if agreeing else next(c[0] for c in clusters if c[0] is not odd)
        if _in_other_years(odd.sentence.text, kept.sentence.text):
            continue
        names = " and ".join(dict.fromkeys([odd.shown] + [c[0].shown for c in clusters if c[0] is not odd]))
        explanation = f"Names both {names} as {odd.label} in the same article"
        explanation += f"; the other versions say {elsewhere.shown}." if elsewhere is not None else "."
        findings.append(make_finding("internal_contradiction", "high", odd, [], kept, kept.shown, explanation,
                                     0.8 if elsewhere is not None else 0.7))
    return findings


_YEAR = re.compile(rf"\b({YEAR})\b")


def _in_other_years(a: str, b: str) -> bool:
    """An office changes hands: two holders named in sentences that each date what they say, in
    different years ("instituted by Pope Leo XIII in 1888" / "Pope Benedict XVI awarded her the
    medal in 2006"), are successive holders, not one office given two people."""
    years_a, years_b = set(_YEAR.findall(a)), set(_YEAR.findall(b))
    return bool(years_a) and bool(years_b) and not years_a & years_b


def _single_holder_elsewhere(key: tuple[str, ...], other_slots: list[dict[tuple[str, ...], list[Observation]]]) -> Observation | None:
    """The one person every other version that mentions this office names for it, if there is one."""
    holders: list[Observation] = []
    for slots in other_slots:
        related = [o for k, obs in slots.items() if k == key or (set(key) <= set(k)) for o in obs]
        if not related:
            continue
        clusters = value_clusters(related, lambda a, b: same_person(str(a), str(b)))
        if len(clusters) > 1:
            return None  # another version has two holders too: probably two offices
        holders.append(clusters[0][0])
    if not holders or len(value_clusters(holders, lambda a, b: same_person(str(a), str(b)))) > 1:
        return None
    return holders[0]


_FUNCTION_WORDS = {"the", "a", "an", "this", "that", "its", "their", "his", "her", "our", "will", "would", "shall",
                   "should", "could", "may", "is", "are", "was", "to", "be", "not", "now", "also", "only"}


# The verbs and particle between a thing and its "effect"/"force": "the levy will take effect", "the treaty
# came into force", "the rule goes into effect".
_COMING_INTO_FORCE = {"take", "takes", "took", "taking", "taken", "enter", "enters", "entered", "entering", "come",
                      "comes", "came", "coming", "go", "goes", "went", "going", "gone", "into"}


def event_key(article: Article, m: Mention) -> tuple[str, str] | None:
    """(event noun, its owner) for a date: "the G7 summit on March 12" -> ("summit", "g7");
    "the carbon levy will take effect on June 1" -> ("effect", "levy"); no event noun -> None."""
    event = date_event(article, m)
    sentence = article.sentence_at(m.start)
    if not event or sentence is None:
        return None
    clause = re.split(r"[,;:()\u2014\u2013]", article.text[sentence.start : date_start(article, m)])[-1]
    tokens = [t.casefold() for t in re.findall(r"[^\W\d_][\w'-]*|\d+", clause)]
    stems = [t[:-1] if t.endswith("s") and len(t) > 3 else t for t in tokens]
    if event == "effect":  # "into force" is the coming into force that "effect" names (date_event)
        stems = ["effect" if s == "force" and j and tokens[j - 1] == "into" else s for j, s in enumerate(stems)]
    if event not in stems:
        return event, ""
    i = len(stems) - 1 - stems[::-1].index(event)
    before = tokens[:i]
    if event == "effect":  # the thing that takes effect (comes into force) is the subject before the verb
        while before and before[-1] in _COMING_INTO_FORCE | _FUNCTION_WORDS:
            before.pop()
    owner = before[-1] if before and before[-1] not in _FUNCTION_WORDS else ""
    return event, owner


def date_contradictions(article: Article) -> list[Finding]:
    """One event (same event noun, same or no owner) with two explicit, different dates."""
    by_event: dict[str, list[tuple[str, Observation]]] = {}
    for m in article.mentions:
        if m.kind != "date" or not is_explicit_date(m):
            continue
        sentence = mention_sentence(article, m.start, m.sentence)
        key = event_key(article, m)
        if sentence is None or key is None or _CHANGE_CUES.search(sentence.text):
            continue
        by_event.setdefault(key[0], []).append((key[1], Observation(article.id, m.value, m.text, sentence, key[0])))
    findings = []
    for event, observations in by_event.items():
        pair = _first_conflict(observations)
        if pair is None:
            continue
        first, second = pair
        explanation = f"Gives two dates for the {event}: {first.shown} and {second.shown}."
        findings.append(
            make_finding("internal_contradiction", "medium", second, [], first, first.shown, explanation, 0.6)
        )
    return findings


def _first_conflict(observations: list[tuple[str, Observation]]) -> tuple[Observation, Observation] | None:
    """The first two dates of one event that disagree; owners must match or one be unnamed."""
    for i, (owner_a, a) in enumerate(observations):
        for owner_b, b in observations[i + 1 :]:
            if (owner_a == owner_b or not owner_a or not owner_b) and not dates_agree(a.value, b.value):  # type: ignore[arg-type]
                return a, b
    return None


# Durations and generic counters: "two years of talks" and "over seven years" are not one slot.
_GENERIC_THINGS = {"year", "month", "week", "day", "hour", "minute", "decade", "time", "round", "step", "way",
                   "point", "place", "part", "side", "other", "one", "ten", "hundred"}


def _quantity_slot(article: Article, m: Mention) -> tuple[str, tuple[str, ...]] | None:
    """(family, the next three content words): "$150bn in tariffs on Canadian goods" -> ("money", ("tariff", "canadian", "good")).

    Requiring the same three words keeps "tariffs on cars" apart from "tariffs" as a whole and
    "people were killed" apart from "people were injured".
    """
    q: Quantity = m.value
    if q.approx or getattr(q, "high", None) is not None:  # hedged figures and ranges are not exact values
        return None
    words = context_words(article, m.start, m.end, after=True, limit=3)
    if q.of:
        words = (q.of.casefold(), *words)
    if len(words) < 2 or words[0] in _GENERIC_THINGS:
        return None
    return quantity_family(q), words


def quantity_contradictions(article: Article) -> list[Finding]:
    """Two exact values for one quantity slot: same unit and the same words after the number."""
    by_slot: dict[tuple[str, tuple[str, ...]], list[Observation]] = {}
    for m in article.mentions:
        if m.kind != "quantity" or not isinstance(m.value, Quantity):
            continue
        sentence = mention_sentence(article, m.start, m.sentence)
        slot = _quantity_slot(article, m)
        if sentence is None or slot is None or _CHANGE_CUES.search(sentence.text):
            continue
        by_slot.setdefault(slot, []).append(Observation(article.id, m.value, m.text, sentence))
    findings = []
    for (_, words), observations in by_slot.items():
        clusters = value_clusters(observations, lambda a, b: quantities_agree(a, b))  # type: ignore[arg-type]
        if len(clusters) < 2:
            continue
        first, second = clusters[0][0], clusters[1][0]
        if first.sentence.index == second.sentence.index:  # two figures in one sentence: a comparison
            continue
        if _told_apart(article, first, second):
            continue
        explanation = f"Gives two figures for the same {' '.join(words)}: {first.shown} and {second.shown}."
        findings.append(
            make_finding("internal_contradiction", "medium", second, [], first, first.shown, explanation, 0.5)
        )
    return findings


def _told_apart(article: Article, a: Observation, b: Observation) -> bool:
    """Does each sentence give the thing it speaks of other figures, none of them the other's ("the poll
    of 1,200 voters ... a 2.8 percent margin of error" / "the poll of 600 voters ... a 4 percent margin
    of error")? Then the two values belong to two things (two polls), not one thing twice."""
    def others(o: Observation) -> list[Quantity]:
        return [m.value for m in article.mentions if m.kind == "quantity" and isinstance(m.value, Quantity)
                and m.value is not o.value and o.sentence.start <= m.start < o.sentence.end]

    mine, theirs = others(a), others(b)
    return bool(mine) and bool(theirs) and not any(quantities_agree(x, y) for x in mine for y in theirs)


@detector("internal contradictions", scope="article", types=("internal_contradiction",),
          severity={"internal_contradiction": "medium"}, rank={"internal_contradiction": 120})
def detect_internal_contradictions(article: Article, others: Sequence[Article] = ()) -> list[Finding]:
    """Contradictions inside ``article``; ``others`` (the story's other versions) settle ambiguous offices."""
    return role_contradictions(article, others) + date_contradictions(article) + quantity_contradictions(article)
