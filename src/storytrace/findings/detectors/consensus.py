"""Fact slots across all versions of a story, and the version that disagrees with the others.

A fact slot is something every version should agree on: who holds a role ("the EU trade
commissioner"), how much a quantity is ("tariffs" in aligned sentences), when an event happened.
A version whose value disagrees with at least two other versions that agree among themselves gets a
``consensus_outlier`` finding naming what the others say.

The slot primitives here (title keys, value agreement, finding construction) are shared with
``contradiction.py``, which looks for two values of one slot inside a single article; people are
matched by ``names.same_person``.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from storytrace.findings.common import title_phrase
from storytrace.findings.names import same_person
from storytrace.findings.registry import detector
from storytrace.findings.severity import Signal, lower_to_medium
from storytrace.nlp.names import COUNTRY_ALIASES, DEMONYMS
from storytrace.model import UNDERIVED_RELATIONS, Article, DateValue, Finding, Mention, Quantity, Role, Sentence, Story

# --------------------------------------------------------------------------------------------
# Titles: "Canada's prime minister", "the prime minister of Canada" and "Canadian Prime Minister"
# are one slot; "a trade official" is not a slot at all (many people can be one).

# Places in titles, one key each: "Canadian", "Canada's" and "Canada" are one word, and so are
# "American", "U.S." and "United States". The words come from the extractor's tables.
_SHORT_PLACES = {"united states": "us", "united kingdom": "uk", "european union": "eu", "europe": "eu",
                 "united nations": "un"}


def _place_key(country: str) -> str:
    key = country.casefold()
    return _SHORT_PLACES.get(key, key)


_PLACE_NAMES = {**DEMONYMS, **COUNTRY_ALIASES}
_PLACE_WORDS = {word: _place_key(place) for word, place in _PLACE_NAMES.items() if " " not in word}
# Longest first, so "united states of america" is replaced before "united states".
_PLACE_PHRASES = sorted(
    [(phrase, _place_key(place)) for phrase, place in _PLACE_NAMES.items() if " " in phrase]
    + [(name, short) for name, short in _SHORT_PLACES.items() if " " in name]
    + [("european commission", "eu")],
    key=lambda item: -len(item[0]),
)
_TITLE_STOPWORDS = {"the", "its", "his", "her", "their", "of", "for", "at", "in", "to", "on", "and", "s", "new"}
# Titles with these words name one of many people, not a unique office.
_NON_UNIQUE = {"a", "an", "one", "former", "ex", "retired", "late", "some", "several", "two", "three"}
# Office words: a key made only of these ("prime minister") says nothing about whose office it is.
OFFICE_WORDS = {
    "prime", "minister", "president", "vice", "deputy", "secretary", "general", "chancellor",
    "commissioner", "governor", "mayor", "chief", "executive", "ceo", "director", "head", "chair",
    "chairman", "chairwoman", "chairperson", "spokesman", "spokeswoman", "spokesperson", "leader",
    "premier", "senior", "top", "acting", "interim", "state", "speaker", "ambassador", "envoy",
    "official", "officer", "adviser", "advisor", "aide", "member", "analyst", "economist", "expert",
}
# Single words that never make a unique slot on their own.
_GENERIC = {"official", "spokesman", "spokeswoman", "spokesperson", "analyst", "economist", "expert",
            "source", "diplomat", "negotiator", "lawyer", "researcher", "professor", "member", "adviser",
            "advisor", "aide", "executive", "director", "minister", "president", "leader", "officer",
            "colleague", "resident", "witness", "author", "journalist", "reporter", "worker"}


def title_key(title: str) -> tuple[str, ...] | None:
    """A comparable key for a title, or None when the title is not one unique office."""
    text = unicodedata.normalize("NFKD", title).casefold().strip()
    text = "".join(c for c in text if not unicodedata.combining(c))
    for phrase, short in _PLACE_PHRASES:
        text = text.replace(phrase, short)
    words = re.findall(r"[a-z][a-z.\-]*", text.replace("'s", " "))
    words = [w.strip(".-") for w in words]
    if not words or words[0] in _NON_UNIQUE or any(w in _NON_UNIQUE - {"a", "an", "one"} for w in words):
        return None
    # a place word may stand for several ("saudi" -> "saudi arabia"): compared word by word
    tokens = [part for w in words if w for part in _PLACE_WORDS.get(w, w).split() if part not in _TITLE_STOPWORDS]
    if len(tokens) < 2 and (not tokens or tokens[0] in _GENERIC):
        return None
    if tokens and tokens[-1].endswith("s") and tokens[-1][:-1] in _GENERIC | OFFICE_WORDS:
        return None  # plural: "trade ministers"
    return tuple(sorted(set(tokens)))


def is_qualified(key: tuple[str, ...]) -> bool:
    """A key that says whose office it is ("eu trade commissioner"), not just "prime minister"."""
    return any(t not in OFFICE_WORDS for t in key)


# --------------------------------------------------------------------------------------------
# Values: quantities and dates agree when they can describe the same fact.

_LOWER_BOUND = ("more than", "over", "above", "at least", "upwards of", "in excess of", "exceeding")
_UPPER_BOUND = ("less than", "under", "below", "up to", "at most", "fewer than", "no more than")
_NEAR = ("about", "around", "nearly", "almost", "roughly", "some", "approximately", "close to", "an estimated")


def quantity_family(q: Quantity) -> str:
    """What kind of quantity it is; only quantities of one family are compared."""
    unit = (q.unit or "").strip()
    if unit == "%":
        return "percent"
    if re.fullmatch(r"[A-Z]{3}", unit):
        return "money"
    return unit.casefold().rstrip("s") or "count"


def _within(a: float, b: float, tolerance: float) -> bool:
    return abs(a - b) <= tolerance * max(abs(a), abs(b), 1e-9)


def _bound_ok(bound_q: Quantity, other: float) -> bool:
    approx = (bound_q.approx or "").casefold()
    v = bound_q.value
    if any(approx.startswith(w) for w in _LOWER_BOUND):
        return other >= v * 0.999
    if any(approx.startswith(w) for w in _UPPER_BOUND):
        return other <= v * 1.001
    if any(approx.startswith(w) for w in _NEAR):
        return _within(v, other, 0.12)
    return False


def quantities_agree(a: Quantity, b: Quantity) -> bool:
    """Same value (rounding allowed), or one side's "more than 3 per cent" allows the other's 3.4%."""
    if quantity_family(a) != quantity_family(b):
        return False
    if quantity_family(a) == "money" and a.unit != b.unit:
        return False
    if _within(a.value, b.value, 0.015):
        return True
    return _bound_ok(a, b.value) or _bound_ok(b, a.value)


def dates_agree(a: DateValue, b: DateValue) -> bool:
    """Dates agree on every part both of them fix ("March 2024" agrees with "March 11, 2024")."""
    for x, y in ((a.year, b.year), (a.month, b.month), (a.day, b.day)):
        if x is not None and y is not None and x != y:
            return False
    return True


def is_explicit_date(m: Mention) -> bool:
    """A date written out with a number ("March 11", "11/3"), not one resolved from "on Tuesday"."""
    v = m.value
    return isinstance(v, DateValue) and v.granularity in ("day", "month") and bool(re.search(r"\d", m.text))


# --------------------------------------------------------------------------------------------
# Observations and findings.


@dataclass
class Observation:
    """One version's value for one slot, with where it is written."""

    article: str
    value: object  # person name (str), Quantity or DateValue
    shown: str  # the value as the reader sees it
    sentence: Sentence
    label: str = ""  # the slot as written in this version ("the EU trade commissioner")


def sentence_by_index(article: Article, index: int) -> Sentence | None:
    if 0 <= index < len(article.sentences) and article.sentences[index].index == index:
        return article.sentences[index]
    return next((s for s in article.sentences if s.index == index), None)


def mention_sentence(article: Article, start: int, index: int) -> Sentence | None:
    return sentence_by_index(article, index) or article.sentence_at(start)


_NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten"}


def count_words(n: int, noun: str = "version") -> str:
    return f"{_NUMBER_WORDS.get(n, str(n))} other {noun}{'' if n == 1 else 's'}"


def make_finding(
    type_: str,
    severity: str,
    claim: Observation,
    against: Iterable[str],
    source: Observation | None,
    source_value: str,
    explanation: str,
    confidence: float,
) -> Finding:
    """A Finding whose claim and source are whole sentences (checkable at a glance)."""
    return Finding(
        id="",
        type=type_,
        severity=severity,  # type: ignore[arg-type]
        article=claim.article,
        against=list(dict.fromkeys(against)),
        claim=claim.sentence.text.strip(),
        claim_span=(claim.sentence.start, claim.sentence.end),
        derived_value=claim.shown,
        source_article=source.article if source else None,
        source_text=source.sentence.text.strip() if source else "",
        source_span=(source.sentence.start, source.sentence.end) if source else None,
        source_value=source_value,
        explanation=explanation,
        confidence=round(max(0.0, min(1.0, confidence)), 3),
    )


# --------------------------------------------------------------------------------------------
# Slot gathering.


def role_observations(article: Article) -> dict[tuple[str, ...], list[Observation]]:
    """Who holds each unique office in this article, keyed by title key."""
    slots: dict[tuple[str, ...], list[Observation]] = {}
    for role in article.roles:
        key = title_key(role.title)
        sentence = mention_sentence(article, role.start, role.sentence)
        if key is None or sentence is None or not role.person.strip():
            continue
        slots.setdefault(key, []).append(
            Observation(article.id, role.person, _written_name(article, role, sentence), sentence, title_phrase(role.title))
        )
    return slots


def _written_name(article: Article, role: Role, sentence: Sentence) -> str:
    """The person's name as written in the sentence when a mention of them is there."""
    for m in article.mentions:
        if m.kind == "person" and m.sentence == sentence.index and same_person(str(m.value or m.text), role.person):
            return m.text
    return role.person


def value_clusters(observations: list[Observation], agree: Callable[[object, object], bool]) -> list[list[Observation]]:
    """Greedy clusters of observations whose values agree with the cluster's first value."""
    clusters: list[list[Observation]] = []
    for obs in observations:
        for cluster in clusters:
            if agree(cluster[0].value, obs.value):
                cluster.append(obs)
                break
        else:
            clusters.append([obs])
    return clusters


def _merge_subset_keys(slots: dict[tuple[str, ...], dict[str, list[Observation]]]) -> None:
    """Fold a key into its unique superset ("prime minister" into "canada prime minister")."""
    for key in sorted(slots, key=len):
        supersets = [k for k in slots if k != key and set(key) < set(k)]
        if len(key) >= 2 and len(supersets) == 1:
            target = slots[supersets[0]]
            for art, obs in slots.pop(key).items():
                target.setdefault(art, []).extend(obs)


# --------------------------------------------------------------------------------------------
# Outliers.


@dataclass
class Outlier:
    observation: Observation
    majority: list[Observation]  # one observation per agreeing version, story order
    dissenters: list[str] = field(default_factory=list)


def find_outliers(per_article: dict[str, list[Observation]], agree: Callable[[object, object], bool]) -> list[Outlier]:
    """Versions whose single value for a slot disagrees with >= 2 agreeing others (and most of them)."""
    single: dict[str, Observation] = {}
    for art, observations in per_article.items():
        clusters = value_clusters(observations, agree)
        if len(clusters) == 1:  # an article that gives two values is contradiction.py's business
            single[art] = clusters[0][0]
    if len(single) < 3:
        return []
    outliers = []
    for art, obs in single.items():
        others = [o for a, o in single.items() if a != art]
        if any(agree(obs.value, o.value) for o in others):
            continue
        groups = value_clusters(others, agree)
        majority = max(groups, key=len)
        if len(majority) >= 2 and len(majority) >= math.ceil(2 * len(others) / 3):
            dissent = [o.article for o in others if o not in majority]
            outliers.append(Outlier(obs, majority, dissent))
    return outliers


def _pick_reference(outlier: Outlier, story: Story) -> Observation:
    """The majority version to show beside the outlier: its lineage source when that agrees."""
    sources = [e.source for e in story.lineage if e.derived == outlier.observation.article]
    for obs in outlier.majority:
        if obs.article in sources:
            return obs
    return outlier.majority[0]


def _most_common_shown(observations: list[Observation]) -> str:
    counts: dict[str, int] = {}
    for o in observations:
        counts[o.shown] = counts.get(o.shown, 0) + 1
    return max(counts, key=lambda s: (counts[s], -list(counts).index(s)))


def _confidence(n_agree: int, n_dissent: int) -> float:
    return min(0.95, 0.55 + 0.1 * n_agree - 0.1 * n_dissent)


def role_outliers(story: Story, articles: dict[str, Article]) -> list[Finding]:
    slots: dict[tuple[str, ...], dict[str, list[Observation]]] = {}
    for art_id in story.article_ids:
        if art_id not in articles:
            continue
        for key, observations in role_observations(articles[art_id]).items():
            slots.setdefault(key, {}).setdefault(art_id, []).extend(observations)
    _merge_subset_keys(slots)
    findings = []
    for per_article in slots.values():
        for out in find_outliers(per_article, lambda a, b: same_person(str(a), str(b))):
            ref = _pick_reference(out, story)
            said = _most_common_shown(out.majority)
            o = out.observation
            explanation = f"Names {o.shown} as {o.label}; the {count_words(len(out.majority))} say {said}."
            finding = _weigh_independence(
                make_finding("consensus_outlier", "high", o, [m.article for m in out.majority], ref, said,
                             explanation, _confidence(len(out.majority), len(out.dissenters))), out, story)
            if finding is not None:
                findings.append(finding)
    return findings


# --------------------------------------------------------------------------------------------
# Independent reports: a consensus of outlets is evidence only about the same fact.



def families(story: Story) -> dict[str, str]:
    """Each version -> the root of its family: versions joined by derived edges (a copy, a
    translation, a summary, a rewrite of one another, in either direction)."""
    parent = {a: a for a in story.article_ids}
    find = _root_finder(parent)
    for e in story.lineage:
        if e.relation not in UNDERIVED_RELATIONS:
            parent[find(e.source)] = find(e.derived)
    return {a: find(a) for a in list(parent)}


def _root_finder(parent: dict):
    """``find`` of a union-find forest held in ``parent`` (node -> parent; a new node is its own root)."""

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    return find


def _renders_directly(story: Story, a: Observation, b: Observation, bar: float) -> bool:
    """The aligner paired sentence ``a`` with sentence ``b`` itself, at ``bar`` or better."""
    for al in story.alignments:
        if (al.source, al.derived) == (a.article, b.article):
            x, y = a.sentence.index, b.sentence.index
        elif (al.source, al.derived) == (b.article, a.article):
            x, y = b.sentence.index, a.sentence.index
        else:
            continue
        if al.paired(x, y, bar):
            return True
    return False


def _weigh_independence(f: Finding, out: Outlier, story: Story) -> Finding | None:
    """Versions no lineage edge derives from one another are independent reports: each outlet
    gives its own figures (its own poll, its own count, another moment's toll). That two of them
    agree and a third gives another value says the third disagrees only where they speak of the
    same fact: an agreeing version of the outlier's own family (it was derived from the same text),
    or one whose sentence the aligner paired with the outlier's as well as lineage counts support
    (SUPPORTED_PAIR). Fewer than two such versions: not a consensus about this fact, so medium, and
    the explanation says why. A version no lineage edge names is untraced and read as before:
    nothing says it is independent.

    Fewer than two agreeing versions whose sentence the aligner paired with the outlier's at all: no
    consensus, and no finding (None). Sentences grouped only through a chain of pairings (a's sentence
    like b's, b's like c's) need not say one thing: a tape recorded "in August 2006" and a marriage "in
    January 2004" meet that way. And one version against another is no consensus; the pairwise detectors
    weigh that pair, with their own bar between independent reports."""
    from storytrace.lineage import SUPPORTED_PAIR

    if f.severity != "high":
        return f
    traced = {a for e in story.lineage for a in (e.source, e.derived)}
    family = families(story)
    o = out.observation
    same_fact = [m.article for m in out.majority
                 if o.article not in traced or m.article not in traced
                 or family[m.article] == family[o.article]
                 or _renders_directly(story, o, m, SUPPORTED_PAIR)]
    if len(same_fact) >= 2:
        return f
    if sum(o.article not in traced or m.article not in traced or family[m.article] == family[o.article]
           or _renders_directly(story, o, m, 0.0) for m in out.majority) < 2:
        return None
    lower_to_medium(f, Signal.SAME_FACT, "the versions that agree are independent reports of this one (none was"
                    " derived from another), and fewer than two of them give their value in a sentence that"
                    " renders this one; they may be speaking of another fact (another poll, another count).")
    return f


# Aligned sentence groups: sentences that say the same thing in different versions.


def sentence_groups(story: Story, articles: dict[str, Article]) -> list[dict[str, set[int]]]:
    """Connected components of aligned sentences across all versions (only those spanning 2+ versions)."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}
    find = _root_finder(parent)
    for alignment in story.alignments:
        if alignment.source not in articles or alignment.derived not in articles:
            continue
        for pair in alignment.pairs:
            nodes = [(alignment.source, i) for i in pair.source] + [(alignment.derived, i) for i in pair.derived]
            for node in nodes[1:]:
                parent[find(node)] = find(nodes[0])
    components: dict[tuple[str, int], dict[str, set[int]]] = {}
    for node in list(parent):
        components.setdefault(find(node), {}).setdefault(node[0], set()).add(node[1])
    return [c for c in components.values() if len(c) >= 2]


_CONTEXT_STOP = {
    "the", "a", "an", "of", "in", "on", "for", "to", "and", "or", "by", "with", "at", "from", "its", "their",
    "his", "her", "this", "that", "these", "those", "worth", "per", "cent", "percent", "billion", "million",
    "trillion", "thousand", "bn", "m", "dollars", "euros", "pounds", "yen", "us", "more", "than", "about",
    "some", "was", "were", "is", "are", "be", "been", "will", "would", "has", "have", "had", "it",
}


def clause_text(article: Article, start: int, end: int, after: bool = True) -> str:
    """The text of a mention's clause after it (or before it), up to a comma, colon, bracket or dash."""
    sentence = article.sentence_at(start)
    lo, hi = (sentence.start, sentence.end) if sentence else (0, len(article.text))
    text = article.text[end:hi] if after else article.text[lo:start]
    return re.split(r"[,;:()\u2014\u2013]|\s-\s", text)[0 if after else -1]


def context_words(article: Article, start: int, end: int, after: bool = True, limit: int = 3) -> tuple[str, ...]:
    """Up to ``limit`` content words after (or before) a mention, inside its clause."""
    text = clause_text(article, start, end, after)
    words = [w.casefold() for w in re.findall(r"[^\W\d_][\w'-]*", text)]
    if not after:
        words.reverse()
    content = [w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words if w not in _CONTEXT_STOP]
    return tuple(content[:limit])


def quantity_thing(article: Article, m: Mention) -> str:
    """What a quantity counts: its ``of`` ("GDP") or the first content word after it ("tariffs")."""
    q: Quantity = m.value
    if q.of:
        return q.of.casefold()
    words = context_words(article, m.start, m.end, after=True, limit=1)
    return words[0] if words else ""


# Nouns that name a dated event; the date of "the summit" is a slot, the date someone spoke is not.
EVENT_NOUNS = {
    "summit", "meeting", "vote", "election", "referendum", "signing", "ceremony", "deadline", "launch",
    "attack", "explosion", "earthquake", "fire", "crash", "strike", "protest", "hearing", "trial", "verdict",
    "ruling", "conference", "visit", "effect", "agreement", "deal", "accord", "treaty", "talk", "negotiation",
    "session", "inauguration", "funeral", "wedding", "match", "final", "opening", "closure", "announcement",
    "release", "arrest", "shooting", "storm", "flood", "outbreak", "ceasefire", "truce", "debate", "poll",
}


_LEADING_WEEKDAY = re.compile(r"(?i)\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*,?\s*$")


def date_start(article: Article, m: Mention) -> int:
    """Where a date begins, counting a weekday before it: the comma of "on Tuesday, March 11"
    does not end the clause the date belongs to."""
    sentence = article.sentence_at(m.start)
    lo = sentence.start if sentence else 0
    weekday = _LEADING_WEEKDAY.search(article.text[lo:m.start])
    return lo + weekday.start() if weekday else m.start


# "enter/come into force" names the event "take effect" names: a law's or a treaty's coming into force.
_INTO_FORCE = re.compile(r"(?i)\binto\s+force\b")


def date_event(article: Article, m: Mention) -> str:
    """The event a date belongs to: the nearest event noun before it in its clause ("the summit on March 12");
    "into force" nearer than any such noun is the coming into force ("effect"): in "the agreement will enter
    into force on 1 January" the date is the entry into force, not the agreement's conclusion."""
    start = date_start(article, m)
    for w in context_words(article, start, m.end, after=False, limit=8):
        if w == "force" and _INTO_FORCE.search(clause_text(article, start, m.end, after=False)):
            return "effect"
        if w in EVENT_NOUNS:
            return w
    return ""


def _is_year_like(m: Mention) -> bool:
    q = m.value
    return isinstance(q, Quantity) and not q.unit and q.value.is_integer() and 1800 <= q.value <= 2100


def _group_value_slots(
    group: dict[str, set[int]],
    articles: dict[str, Article],
    wanted: Callable[[Mention], bool],
    family: Callable[[Mention], str],
    thing: Callable[[Article, Mention], str],
) -> list[dict[str, list[Observation]]]:
    """Split one aligned group into value slots: by family, then by what the value is about."""
    by_family: dict[str, dict[str, list[tuple[Mention, Article]]]] = {}
    for art_id, indices in group.items():
        art = articles[art_id]
        for m in art.mentions:
            if m.sentence in indices and wanted(m):
                by_family.setdefault(family(m), {}).setdefault(art_id, []).append((m, art))
    slots = []
    for per_article in by_family.values():
        if all(len(v) == 1 for v in per_article.values()):
            slots.append({a: [_value_observation(art, m)] for a, [(m, art)] in per_article.items()})
            continue
        by_thing: dict[str, dict[str, list[Observation]]] = {}
        for art_id, items in per_article.items():
            for m, art in items:
                key = thing(art, m)
                if key:
                    by_thing.setdefault(key, {}).setdefault(art_id, []).append(_value_observation(art, m))
        # an article with two values about one thing (a range, a change) gives no clear value
        slots.extend({a: obs for a, obs in s.items() if len(obs) == 1} for s in by_thing.values())
    return slots


def _value_observation(article: Article, m: Mention) -> Observation:
    sentence = mention_sentence(article, m.start, m.sentence)
    assert sentence is not None
    return Observation(article.id, m.value, m.text, sentence)


def value_outliers(story: Story, articles: dict[str, Article]) -> list[Finding]:
    """Quantities and dates of aligned sentences: the version whose value the others contradict."""
    findings = []
    for group in sentence_groups(story, articles):
        quantity_slots = _group_value_slots(
            group, articles,
            lambda m: m.kind == "quantity" and isinstance(m.value, Quantity) and not _is_year_like(m),
            lambda m: quantity_family(m.value),
            quantity_thing,
        )
        for per_article in quantity_slots:
            for out in find_outliers(per_article, lambda a, b: quantities_agree(a, b)):  # type: ignore[arg-type]
                if not _both_values_in_both(out, group, articles, _same_figure):
                    findings.extend(_value_finding(out, story, "Gives the figure as"))
        date_slots = _group_value_slots(
            group, articles,
            lambda m: m.kind == "date" and is_explicit_date(m),
            lambda m: "date",
            date_event,
        )
        for per_article in date_slots:
            for out in find_outliers(per_article, lambda a, b: dates_agree(a, b)):  # type: ignore[arg-type]
                if not _both_values_in_both(out, group, articles, _same_date):
                    findings.extend(_value_finding(out, story, "Gives the date as"))
    return findings


def _same_figure(a: object, b: object) -> bool:
    """The same number, whatever the unit the extractor read after it ("7.8" / "7.8 magnitude quake")."""
    return isinstance(a, Quantity) and isinstance(b, Quantity) and _within(a.value, b.value, 0.015)


def _same_date(a: object, b: object) -> bool:
    return isinstance(a, DateValue) and isinstance(b, DateValue) and dates_agree(a, b)


def _says(article: Article, indices: set[int], value: object, same: Callable[[object, object], bool]) -> bool:
    return any(m.sentence in indices and same(value, m.value) for m in article.mentions)


def _both_values_in_both(out: Outlier, group: dict[str, set[int]], articles: dict[str, Article],
                         same: Callable[[object, object], bool]) -> bool:
    """The outlier's sentence also gives the others' value, or most of the others also give its
    value: nobody disagrees about either figure; two figures of one sentence ("the 7.8-magnitude
    quake ... the 2003 quake") were put in one slot because the extractor read the same unit after
    them. A disagreement needs a value the others do not write. The same number in another unit
    ("18 billion yuan" / "S$18 billion") is a disagreement about the unit, and stays one."""
    o = out.observation
    if same(o.value, out.majority[0].value):
        return False
    if _says(articles[o.article], group[o.article], out.majority[0].value, same):
        return True
    echoing = sum(_says(articles[m.article], group[m.article], o.value, same) for m in out.majority)
    return 2 * echoing > len(out.majority)


def _value_finding(out: Outlier, story: Story, verb: str) -> list[Finding]:
    """The outlier's finding, or none where the versions that agree make no consensus about its fact."""
    ref = _pick_reference(out, story)
    said = _most_common_shown(out.majority)
    o = out.observation
    explanation = f"{verb} {o.shown}; the {count_words(len(out.majority))} say {said}."
    finding = _weigh_independence(
        make_finding("consensus_outlier", "high", o, [m.article for m in out.majority], ref, said,
                     explanation, _confidence(len(out.majority), len(out.dissenters)) - 0.05), out, story)
    return [] if finding is None else [finding]


@detector("consensus", scope="story", types=("consensus_outlier",),
          severity={"consensus_outlier": "medium"}, rank={"consensus_outlier": 130})
def detect_consensus(story: Story, articles: dict[str, Article]) -> list[Finding]:
    """consensus_outlier findings for roles, quantities and dates across all versions of a story
    (names: detectors/consensus_names.py, which runs next)."""
    if len([a for a in story.article_ids if a in articles]) < 3:
        return []
    return role_outliers(story, articles) + value_outliers(story, articles)
