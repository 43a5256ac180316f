"""People, organisations and places from spaCy's NER, with canonical names and in-article linking."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from storytrace.model import Mention
from storytrace.nlp.names import (
    DEMONYMS,
    canonical,
    canonical_place,
    strip_edges,
    title_prefix_end,
)
from storytrace.nlp.segment import SentenceIndex

KIND_BY_LABEL = {"PERSON": "person", "ORG": "org", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "misc"}
_LETTER = re.compile(r"[A-Za-zÀ-ÿĀ-ž]")


@dataclass
class GluedTitle:
    """A title spaCy included in a PERSON span ("Prime Minister Mark Carney"): becomes a Role."""

    start: int
    end: int
    person_mention: Mention


@dataclass
class EntityResult:
    mentions: list[Mention] = field(default_factory=list)
    glued_titles: list[GluedTitle] = field(default_factory=list)


def extract_entities(parts: list[tuple[int, object]], text: str, index: SentenceIndex) -> EntityResult:
    """``parts``: the article's spaCy docs (one per paragraph) with the offset each starts at."""
    result = EntityResult()
    for base, ent in ((base, ent) for base, doc in parts for ent in doc.ents):
        kind = KIND_BY_LABEL.get(ent.label_)
        if kind is None:
            continue
        words = [(base + t.idx, base + t.idx + len(t.text), t.text) for t in ent if not t.is_space]
        if not words:
            continue
        ent_start, ent_end = words[0][0], words[-1][1]
        if "\n" in text[ent_start:ent_end]:
            # spaCy sometimes runs an entity across a line break: keep the last line's part.
            last_break = text.rfind("\n", ent_start, ent_end)
            words = [w for w in words if w[0] > last_break]
            if not words:
                continue
        title_cut = title_prefix_end(words) if kind == "person" else 0
        start, end = strip_edges(text, words[title_cut][0], words[-1][1])
        if end <= start or not _LETTER.search(text, start, end):
            continue
        raw = text[start:end]
        value = canonical(raw)
        if kind == "place":
            value = canonical_place(value)
        elif kind == "org" and value.lower() in ("eu", "e.u.", "un", "u.n."):
            value = canonical_place(value)
        elif kind == "misc":
            country = DEMONYMS.get(value.lower())
            if country:
                kind, value = "place", country
        mention = Mention(kind=kind, text=raw, start=start, end=end, sentence=index.at(start), value=value, label=ent.label_)
        result.mentions.append(mention)
        if title_cut:
            t_start, t_end = strip_edges(text, words[0][0], words[title_cut - 1][1])
            if t_end > t_start:
                result.glued_titles.append(GluedTitle(t_start, t_end, mention))
    _add_repeated_surnames(text, index, result.mentions)
    link_mentions(result.mentions)
    return result


def _add_repeated_surnames(text: str, index: SentenceIndex, mentions: list[Mention]) -> None:
    """Later bare surnames spaCy missed ("Tremblay said") become person mentions too."""
    full_names = {m.value for m in mentions if m.kind == "person" and " " in m.value}
    surnames = {n.split()[-1] for n in full_names if len(n.split()[-1]) > 2}
    if not surnames:
        return
    covered = sorted((m.start, m.end) for m in mentions)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(s) for s in sorted(surnames, key=len, reverse=True)) + r")\b")

    starts = [s for s, _ in covered]
    added = []
    for m in pattern.finditer(text):
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and covered[i][1] > m.start():
            continue  # inside an existing mention
        if i + 1 < len(covered) and covered[i + 1][0] < m.end():
            continue
        added.append(Mention(kind="person", text=m.group(), start=m.start(), end=m.end(), sentence=index.at(m.start()), value=m.group(), label="SURNAME"))
    if added:
        mentions.extend(added)
        mentions.sort(key=lambda x: x.start)


def link_mentions(mentions: list[Mention]) -> None:
    """Give mentions of the same thing one entity id; a short name takes the full name's value.

    "Paul Tremblay" ... "Tremblay" -> both person:Paul Tremblay. A lone name that matches an
    earlier full name's surname or given name links to the most recent such name; failing
    that, to a later one. Orgs link acronyms ("World Trade Organization" ... "WTO").
    """
    persons_full: list[str] = []  # full names in order of first mention
    for m in mentions:
        if m.kind == "person" and " " in m.value:
            if m.value not in persons_full:
                persons_full.append(m.value)
    # only surnames re-label a non-person mention: a given name may well be a place ("Georgia")
    surnames = {n.split()[-1] for n in persons_full}

    orgs_full = [m.value for m in mentions if m.kind == "org" and " " in m.value]
    acronyms = {_acronym(n): n for n in orgs_full if len(_acronym(n)) >= 2}
    # "the Commission" after "the European Commission": the last word names the same body
    for n in orgs_full:
        if n.split()[-1][:1].isupper():
            acronyms.setdefault(n.split()[-1], n)

    seen_full: list[str] = []
    for m in mentions:
        if m.kind != "person" and m.value in surnames and " " not in m.value:
            m.kind = "person"  # spaCy tagged a bare surname as ORG/GPE
        if m.kind == "person":
            if " " in m.value:
                seen_full.append(m.value)
            else:
                full = _match_short_name(m.value, seen_full) or _match_short_name(m.value, persons_full)
                if full:
                    m.value = full
        elif m.kind == "org" and m.value in acronyms:
            m.value = acronyms[m.value]
        m.entity = f"{m.kind}:{m.value}"


def _match_short_name(short: str, full_names: list[str]) -> str | None:
    for name in reversed(full_names):
        parts = name.split()
        if short == parts[-1] or short == parts[0]:
            return name
    return None


def _acronym(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())
