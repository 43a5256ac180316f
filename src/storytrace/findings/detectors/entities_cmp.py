"""entity_swap, name_variant and unsupported names: is each name of the derived text in the source?

A name is supported when the source has it (spelling, transliteration and name order aside).
An unsupported name that sits where the aligned source sentence has another name of the same
kind is a swap; with no such slot it is an unsupported addition.
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

from storytrace.findings.common import PairContext, make_finding, slot_sources, span_text
from storytrace.findings.severity import ALONE, Signal, lower_to_medium
from storytrace.findings.short_forms import (acronym_letters, initials_of, leading_cuts, leading_initials,  # noqa: F401
                                            loose_fit, one_referent, same_outlet, spells_name_before)  # (re-exported)
from storytrace.findings.lexicon import DEMONYMS, MONTHS, WEEKDAYS
from storytrace.findings.name_cuts import cut_otherwise
from storytrace.findings.names import compare_names, name_tokens, token_similarity
from storytrace.findings.numbers import currency_rendered, names_a_currency
from storytrace.findings.other_wording import unrendered_slot
from storytrace.findings.registry import detector
from storytrace.findings.slots import anchors
from storytrace.findings.text import ParsedArticle, ParsedSentence, stem, word_key
from storytrace.model import Finding, Role
from storytrace.nlp import wordnet
from storytrace.nlp.attribution import dateline_length, in_dateline, is_byline
from storytrace.nlp.channel import parsed_channel
from storytrace.nlp.names import HONORIFICS

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"})
# Label groups whose members can fill the same slot (spaCy often calls a country ORG or GPE).
_SLOT_GROUP = {"PERSON": "person", "ORG": "group", "NORP": "place", "GPE": "place", "LOC": "place",
               "FAC": "place", "PROPN": "any", "EVENT": "thing", "PRODUCT": "thing",
               "WORK_OF_ART": "thing", "LAW": "thing", "LANGUAGE": "thing"}

# Words that do not identify an organisation or place on their own.
GENERIC_NAME_WORDS = frozenset(
    "the of and for de la le du des ministry department bureau office agency police security public "
    "national international federal state states city county province region district university "
    "college school council committee commission party company corporation corp inc ltd group bank "
    "court house association institute centre center government republic kingdom united union "
    "organization organisation authority service services news general central north south east "
    "west northern southern eastern western new old great royal saint st mount river lake street "
    "road station airport hospital church museum foundation fund board club team army force forces "
    "navy air administration assembly parliament congress senate gov governor sen rep mr mrs ms dr "
    "prof president minister secretary chairman chief mayor judge king queen prince princess pope "
    "premier chancellor ambassador".split()
)


@dataclass(frozen=True)
class NameUnit:
    text: str
    label: str
    sentence: ParsedSentence
    first: int
    end: int

    @property
    def group(self) -> str:
        return _SLOT_GROUP.get(self.label, "any")

    def words(self) -> list[str]:
        return [t.text for t in self.sentence.tokens[self.first:self.end] if any(c.isalnum() for c in t.text)]

    @property
    def span(self) -> tuple[int, int]:
        """(start, end) of the unit in the article's text."""
        return self.sentence.tokens[self.first].start, self.sentence.tokens[self.end - 1].end


def name_units(sentence: ParsedSentence, include_initial: bool = False) -> list[NameUnit]:
    """Named-entity spans, plus capitalised proper nouns the tagger left outside any entity
    (a sentence's first word only when ``include_initial``: capitals there prove nothing)."""
    units: list[NameUnit] = []
    covered: set[int] = set()
    for label, first, end in sentence.entities():
        if label not in NAME_LABELS:
            continue
        toks = sentence.tokens
        while first < end and (toks[first].lower in ("the", "a", "an") or not any(c.isalnum() for c in toks[first].text)):
            first += 1
        while end > first and (toks[end - 1].text in ("'s", "’s", "'") or not any(c.isalnum() for c in toks[end - 1].text)):
            end -= 1
        if end > first and any(word_key(t.text)[:1].isalpha() and t.text.lstrip("\"'([{“‘")[:1].isupper()
                                for t in toks[first:end]):
            units.append(NameUnit(span_text(sentence, first, end).strip("-~^@*_|/\\"), label, sentence, first, end))
            covered.update(range(first, end))
    # the story's first word: the sentence's, or the first after a dateline ("KESTREL BAY, May 4 --")
    opening = sentence.start + dateline_length(sentence.text)
    initial = next((i for i, t in enumerate(sentence.tokens) if t.start >= opening), 0)
    for i, t in enumerate(sentence.tokens):
        if i in covered or (i in (0, initial) and not include_initial) or t.pos != "PROPN" or not t.text[:1].isupper() \
                or len(word_key(t.text)) < 2:
            continue
        if i == initial > 0 and wordnet.common_word(t.lower):
            continue  # "KESTREL BAY (Wire) - Councillors in ...": capitalised as the story's first word, a tagger
            # reading the dateline and the sentence as one takes it for a name
        if t.lower.rstrip(".") in WEEKDAYS or t.lower.rstrip(".") in MONTHS:  # dates are compared by the date detectors
            continue
        if any(c in "$€£¥" for c in t.text) and any(c.isdigit() for c in t.text):
            continue  # "S$110" is an amount, compared by the number detector
        units.append(NameUnit(t.text, "PROPN", sentence, i, i + 1))
    return units


def office_title(unit: NameUnit, roles: list[Role]) -> bool:
    """Is an untyped capitalised span part of the title the text gives a person ("Prime" and
    "Minister" of "Chinese Prime Minister Li Qiang", "Foreign Affairs Minister Wang Yi")? A title
    names an office, not a person or body: two translations render one office with other words
    ("Premier" / "Prime Minister"), and the role detector compares the titles. A span the tagger
    gives a kind of name ("Communist Party" of "Communist Party Secretary Li Ming") is a name
    inside the title, and stays a name."""
    if unit.label != "PROPN":
        return False
    start, end = unit.span
    return any(r.sentence == unit.sentence.index and r.start <= start and end <= r.end for r in roles)


def _capitalised_runs(sentence: ParsedSentence) -> list[tuple[int, int]]:
    """(first, end) of each run of capitalised words ("China News Network", "Chinanews.com")."""
    runs, first = [], None
    for i, t in enumerate(sentence.tokens + [None]):
        if t is not None and t.text[:1].isupper() and any(c.isalpha() for c in t.text):
            first = i if first is None else first
        elif first is not None:
            runs.append((first, i))
            first = None
    return runs


def outlet_named(text: str, article: ParsedArticle, organisation: bool = False) -> bool:
    """Does the article name the outlet ``text`` names, by its web address or by its words (a
    run of capitalised words: "China News Network" for "Chinanews.com")? For an ``organisation``,
    also by its first words run together into one ("Chinanews" for "China News Service")."""
    return any(same_outlet(text, span_text(s, a, b), organisation and _organisation_at(s, a, b))
               for s in article.sentences for a, b in _capitalised_runs(s))


def _organisation_at(sentence: ParsedSentence, first: int, end: int) -> bool:
    return any(t.ent_type in ("ORG", "") for t in sentence.tokens[first:end]) \
        and not any(t.ent_type in ("PERSON", "GPE", "LOC", "NORP") for t in sentence.tokens[first:end])


def outlet_run(unit: NameUnit) -> str:
    """The run of capitalised words the name stands in ("China" of "China News Network")."""
    for a, b in _capitalised_runs(unit.sentence):
        if a <= unit.first and unit.end <= b:
            return span_text(unit.sentence, a, b)
    return unit.text


def name_initials(article: ParsedArticle) -> frozenset[str]:
    """Every acronym the article's names make (``initials_of``), and those of their first words
    (``leading_initials``), once per article."""
    if article.views.name_initials is None:
        article.views.name_initials = frozenset(
            a for s in article.sentences for u in name_units(s, include_initial=True)
            for a in initials_of(u.text) | leading_initials(u.text))
    return article.views.name_initials


def word_supported(word: str, source: ParsedArticle) -> bool:
    key = word_key(word)
    if not key:
        return True
    bare = word.replace(".", "")
    if len(bare) >= 2 and bare.isupper() and bare.isalpha():
        # An acronym must be an acronym in the source too: "US" is not the pronoun "us". A
        # country's acronym is also supported by its people's name ("U.S." / "American").
        return key in source.acronyms or (key in DEMONYMS and stem(key) in source.stems) \
            or key in name_initials(source) \
            or _common_word_in_capitals(key, source)  # "PBOC" for "People's Bank of China"; "PROVISIONAL"
    return key in source.vocabulary or stem(key) in source.stems or _spelt_alike(key, source)


# Acronyms of ordinary words are short ("US", "AIDS", "SWAT"); a longer common word in capitals is
# the word itself, set so by a paper's style for a story's first words or stressed by the writer.
MIN_CAPITALISED_WORD = 5


def _common_word_in_capitals(key: str, source: ParsedArticle) -> bool:
    """Is a word written in capitals ("PROVISIONAL") a common English word the source writes too?"""
    return len(key) >= MIN_CAPITALISED_WORD and (key in source.vocabulary or stem(key) in source.stems) \
        and wordnet.common_word(key)


def _spelt_alike(key: str, source: ParsedArticle) -> bool:
    """A name word spelt a little differently (Talstrasse / Talstraße, Runalls / Runnels)."""
    if len(key) < 5:
        return False
    from rapidfuzz import fuzz, process

    match = process.extractOne(key, source.vocabulary, scorer=fuzz.ratio, score_cutoff=80)
    if match is not None and match[0][:2] == key[:2]:
        return True
    # Transliteration noise the plain ratio misses (Runalls / Runnels): same sound, one letter apart.
    close = process.extract(key, source.vocabulary, scorer=fuzz.ratio, score_cutoff=65, limit=5)
    return any(token_similarity(key, word) >= 0.88 for word, _, _ in close)


def _distinctive(words: list[str]) -> list[str]:
    return [w for w in words if word_key(w) not in GENERIC_NAME_WORDS]


def unit_supported(unit: NameUnit, source: ParsedArticle, source_people: list[str]) -> tuple[bool, str | None]:
    """(supported, the source spelling when it is a variant spelling of a person's name)."""
    words = unit.words()
    if unit.label == "PERSON":
        # A full-name spelling variant is reported even when a bare surname in the source
        # matches too ("Catherine Vollmer" against "Katharine Vollmer ... Vollmer said").
        n_tokens = len(name_tokens(unit.text))
        best = None
        for name in source_people:
            match = compare_names(unit.text, name)
            if match.verdict == "same" and len(name_tokens(name)) >= n_tokens:
                return True, None
            if match.verdict == "variant" and len(name_tokens(name)) >= n_tokens and (best is None or match.similarity > best[0]):
                best = (match.similarity, name)
        if best is not None:
            return True, best[1]
        if any(compare_names(unit.text, name).same_entity for name in source_people):
            return True, None
        return all(word_supported(w, source) for w in words), None
    initials = "".join(w[0] for w in words if w[:1].isupper()).lower()
    if len(initials) >= 2 and initials in source.acronyms:
        return True, None  # "United Nations" for "U.N."
    for letters, rest in leading_cuts(words):
        if letters in source.acronyms and all(word_key(w) in GENERIC_NAME_WORDS or word_supported(w, source)
                                              for w in rest):
            return True, None  # "Ho Chi Minh City" for "HCM City": its first words by their letters
    # (the per-article place list first: the two scans of the source's sentences run only where it matches)
    if _place_name_of_words(unit.text, words) and _words_from_another_place(unit.text, source) and not (
            _said_whole(words, source) or other_name_of_place(unit.text, source)
            or _part_of_place_said(unit.text, words, source)):
        # "the United Kingdom" is no name the source has because it says "the United States", nor
        # "New Mexico" because it says "Mexico": the words it shares are another place's name.
        return False, None
    distinctive = _distinctive(words)
    if not distinctive:
        return True, None  # "the Bureau", "Gov.": nothing here names anything by itself
    if any(word_supported(w, source) or _derivation_in(w, source) for w in distinctive):
        return True, None
    return other_name_of_place(unit.text, source), None  # the tagger often calls a place ORG


def _place_name_of_words(name: str, words: list[str]) -> bool:
    """Is ``name`` a name of several words that WordNet knows as a named place ("United Kingdom",
    "New Mexico", "West Virginia")? Such a name names its place as a whole: a word of it ("United",
    "Mexico", "Virginia") may name another place or none."""
    return len([w for w in words if word_key(w) not in ("the", "of")]) >= 2 and bool(wordnet.named_places(name))


def _said_whole(words: list[str], source: ParsedArticle) -> bool:
    """Does the source write these words together, one after another, in this order ("New Mexico's",
    "South African" for "South Africa": the last word in another form), or as one word ("Hongkong")?"""
    keys = [word_key(w) for w in words if word_key(w)]
    if not keys:
        return True
    if "".join(keys) in source.vocabulary:
        return True
    n = len(keys)
    for s in source.sentences:
        said = [word_key(t.text) for t in s.tokens if any(c.isalnum() for c in t.text)]
        for i in range(len(said) - n + 1):
            if all(_word_fits(k, said[i + j], last=j == n - 1) for j, k in enumerate(keys)):
                return True
    return False


def _word_fits(key: str, said: str, last: bool) -> bool:
    if key == said or stem(key) == stem(said):
        return True
    if last and len(key) >= 4 and (said.startswith(key) or key.startswith(said)) and abs(len(key) - len(said)) <= 3:
        return True  # "South African" for "South Africa"
    if len(key) >= 5:
        from rapidfuzz import fuzz
        return fuzz.ratio(key, said) >= 85 and key[:2] == said[:2]
    return False


def _part_of_place_said(name: str, words: list[str], source: ParsedArticle) -> bool:
    """Is ``name`` a part of a place the source names with some of its words, by WordNet ("Northern
    Ireland" where the source says "Ireland", "South Korea" where it says "Korea")? The source's
    shorter name may stand for the part loosely (news writes "Korea" for South Korea): the longer
    name says it more precisely, which is no other place to report. A place outside it ("New Mexico"
    where the source says "Mexico") is."""
    for n in range(len(words) - 1, 0, -1):
        for i in range(len(words) - n + 1):
            part = " ".join(words[i:i + n])
            if wordnet.named_places(part) and _said_whole(words[i:i + n], source) and wordnet.place_within(name, part):
                return True
    return False


def _words_from_another_place(name: str, source: ParsedArticle) -> bool:
    """Does the source name another place with some of this name's words ("Mexico" for "New Mexico",
    "the United States" for "the United Kingdom")?"""
    keys = {word_key(w) for w in name.split()} - {"the", "of", ""}
    return any(keys & {word_key(w) for w in place.split()} and another_place(name, place)
               for place in source_places(source))


def source_places(source: ParsedArticle) -> frozenset[str]:
    """The source's names WordNet knows as places, once per article (the tagger may call a city
    "York" a person: a name WordNet knows as a place counts whatever its tag)."""
    if source.views.places is None:
        source.views.places = frozenset(u.text for s in source.sentences for u in name_units(s, include_initial=True)
                                        if wordnet.named_places(u.text))
    return source.views.places


def another_place(derived_text: str, source_text: str) -> bool:
    """Are these names of two places, the derived one a name of several words that WordNet knows as a
    place and the source one a place WordNet knows, with no sense in common ("New Mexico" / "Mexico",
    "the United Kingdom" / "the United States", "New York" / "York")? Then words in common do not make
    the one carry the other. "Washington D.C." / "Washington" and "New York City" / "New York" share
    a sense: one place."""
    derived_places = wordnet.named_places(derived_text)
    if not _place_name_of_words(derived_text, derived_text.split()):
        return False
    source_places = wordnet.named_places(source_text)
    return bool(source_places) and not set(derived_places) & set(source_places) \
        and not wordnet.place_within(derived_text, source_text)


def _derivation_in(word: str, source: ParsedArticle) -> bool:
    """The source writes the word in another form WordNet links to it ("the Electoral Commission"
    for "the Election Commission")."""
    return any(word_key(w) in source.vocabulary for w in wordnet.derivations(word.lower()))


def other_name_of_place(name: str, source: ParsedArticle) -> bool:
    """Does the source name this place another way WordNet knows ("Naples" for "Napoli", "Beijing"
    for "Peking", "Myanmar" for "Burma"), name this named thing by another of its names ("the Federal
    Reserve" for "the Fed", "the Academy Award" for "the Oscar"), or say this place by its adjective
    ("Tibetan monks" for "monks from Xizang": Xizang is Tibet)? A translation may choose any of a thing's
    names; one referent written two ways adds, drops and swaps nothing.

    Beyond places only names count: the senses where WordNet writes ``name`` capitalised (the Federal
    Reserve System, not "fed", a federal agent), and their other capitalised lemmas, found written as
    a name (capitalised) in the source: a common word the source says ("federal", "award") is no
    other name of the thing."""
    # "China" for Taiwan: WordNet lists it among Taiwan's names, but it is another place's name
    places = {sid for sid in wordnet.named_places(name) if _names_this_place(name, sid)}
    for sid in places:
        for alias in wordnet.wordnet().words(sid):
            keys = [word_key(w) for w in alias.split("_") if w not in ("the", "of")]
            if keys and all(k in source.vocabulary for k in keys) and _names_this_place(alias.replace("_", " "), sid):
                return True
    if places & people_word_places(source):
        return True  # "Breton customs" in the source for "the customs of Brittany"
    named, adjectives = _other_names(name)
    if any(a in source.vocabulary for a in adjectives) and any(
            word_key(t.text) in adjectives for s in source.sentences for t in s.tokens if t.text[:1].isupper()):
        return True  # "Tibetan" in the source for "Xizang": the adjective of Tibet, which is Xizang
    named = [keys for keys in named if all(k in source.vocabulary or k + "s" in source.vocabulary for k in keys)]
    if not named:
        return False
    written = _written_as_names(source)
    return any(all(k in written or k + "s" in written for k in keys) for keys in named)


def _names_this_place(written: str, sid: int) -> bool:
    """Does ``written`` name this place and no other, or is it this place's main name (WordNet's first
    lemma)? "Formosa" names Taiwan only, and "Taiwan" is the main name of both its senses (the island,
    the Republic of China); "China" is among the Republic of China's names, but it is the People's
    Republic's main name, so it says which China no more than "Taiwan" says China: two places, not one
    written two ways ("Russia" for the Soviet Union likewise)."""
    key = re.sub(r"^the\s+", "", written.strip(), flags=re.IGNORECASE).lower().replace(" ", "_")
    words = wordnet.wordnet().words(sid)
    return set(wordnet.named_places(written)) <= {sid} or bool(words) and words[0] == key


def one_named_thing(name: str, other: str) -> bool:
    """Are two names one named thing WordNet lists under both ("the Oscars" / "the Academy Awards",
    "the Fed" / "the Federal Reserve"), or a place and its adjective ("Xizang" / "Tibetan")?"""
    keys = tuple(word_key(w) for w in re.findall(r"[\w'.]+", other) if w.lower() not in ("the", "of"))
    if not keys:
        return False
    named, adjectives = _other_names(name)
    return _singular(keys) in {_singular(k) for k in named} or (len(keys) == 1 and keys[0] in adjectives)


def _singular(keys: tuple[str, ...]) -> tuple[str, ...]:
    """A name's word keys with its last word's plural -s taken off ("the Oscars" is the Oscar)."""
    last = keys[-1]
    return keys[:-1] + (last[:-1] if len(last) > 3 and last.endswith("s") and not last.endswith("ss") else last,)


@lru_cache(maxsize=1 << 12)
def _other_names(name: str) -> tuple[tuple[tuple[str, ...], ...], frozenset[str]]:
    """(the other names WordNet gives ``name``'s named senses, as word keys; the adjectives of the
    place it names). Named senses: those where WordNet writes the name capitalised (a proper noun),
    or the place a place's adjective stands for ("Tibetan": Tibet, Xizang)."""
    key = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    named: list[tuple[str, ...]] = []
    db = wordnet.wordnet()
    places = wordnet.named_places(name)
    # senses where every lemma is a name (the Federal Reserve System, the Academy Award; not "Federal,
    # Fed, federal official", a federal agent). A name with two such senses names two things ("Sun":
    # the star, and Sunday; "Bush": three people), and a place has its own names (above): neither is used.
    # A name WordNet also writes in lower case is a common word too ("sun", "court", "congress"): not used.
    senses = db.synsets(key, "n")
    forms = {key.lower().replace(" ", "_")} | ({key.lower()[:-1]} if key.lower().endswith("s") else set())
    common = any(w in forms for sid in senses for w in wordnet.lemmas_as_written(sid))
    proper = [sid for sid in senses if len(wordnet.proper_names(sid)) == len(db.words(sid)) > 0]
    if not places and not common and len(proper) == 1:
        named.extend(tuple(word_key(w) for w in n.split("_") if w not in ("the", "of"))
                     for n in wordnet.proper_names(proper[0]))
    if not places:  # a place's adjective ("Tibetan") stands for the place, when it names one place only
        of = _place_of_word(key.lower())
        if of is not None:
            named.extend(tuple(word_key(w) for w in n.split("_") if w not in ("the", "of"))
                         for n in wordnet.proper_names(of))
    adjectives = {word_key(d) for sid in places for n in wordnet.proper_names(sid) if "_" not in n
                  for d in wordnet.derivations(n, "n") if d[:1].isalpha()}
    return tuple(k for k in named if k), frozenset(adjectives)


def people_word_places(article: ParsedArticle) -> frozenset[int]:
    """The places the article's capitalised people or language words stand for ("Breton": Brittany),
    once per article. A word that is itself a place's name or tagged a place is left out: it names a
    place of its own, and "Soviet" of "the Soviet Union" does not say "Russia"."""
    if article.views.people_places is None:
        article.views.people_places = frozenset(
            place for s in article.sentences for t in s.tokens
            if t.text[:1].isupper() and t.text.isalpha() and t.ent_type not in ("GPE", "LOC", "FAC")
            and not wordnet.named_places(t.text) and (place := _place_of_word(t.lower)) is not None)
    return article.views.people_places


@lru_cache(maxsize=1 << 13)
def _place_of_word(word: str) -> int | None:
    """The one named place a place's adjective or people word stands for ("Tibetan": Tibet, by
    derivation; "Breton": Brittany, by definition), or None."""
    of = [sid for d in sorted(wordnet.derivations(word)) for sid in wordnet.named_places(d)] \
        or _place_in_definitions(word)
    return of[0] if len(set(of)) == 1 else None


# The glosses WordNet gives a people, language or place adjective: "a native or inhabitant of
# Brittany", "a Celtic language of Brittany", "of or relating to Cornwall". Another gloss naming a
# place ("the office of the United States head of state", for "president") says no such thing.
_PEOPLE_OF = re.compile(r"\b(?:native|inhabitant|resident|language|dialect|relating to|characteristic of)\b"
                        r"[^;()]*?\b(?:of|to)\s+((?:[A-Z][a-z]+)(?:\s+[A-Z][a-z]+)*)")


def _place_in_definitions(word: str) -> list[int]:
    """The named places WordNet's definitions of a people or language word name, where it links the
    word to no place ("Breton": "a native or inhabitant of Brittany", "a Celtic language of
    Brittany"). Only words WordNet writes in lower case as common words of people or languages
    have such definitions; a place named in every sense is what the word stands for."""
    db = wordnet.wordnet()
    out = []
    for letter in ("n", "a"):
        for sid in db.synsets(word, letter):
            for name in _PEOPLE_OF.findall(db.definition(sid)):
                out.extend(wordnet.named_places(name))
    return out


def _written_as_names(source: ParsedArticle) -> set[str]:
    """Word keys of the words a text writes capitalised where a common word would not be: inside the
    sentence, or first with a capitalised word after it ("Federal Reserve officials"; "Federal agents
    said" is a common word that starts the sentence)."""
    out = set()
    for s in source.sentences:
        toks = s.tokens
        for i, t in enumerate(toks):
            if t.text[:1].isupper() and (i > 0 or (len(toks) > 1 and toks[1].text[:1].isupper())):
                out.add(word_key(t.text))
    return out


def source_people(ctx: PairContext) -> list[str]:
    names = {u.text for s in ctx.src.sentences for u in name_units(s) if u.label == "PERSON"}
    names.update(m.text for m in ctx.source.mentions if m.kind == "person")
    return sorted(names)


@detector("entities", scope="pair", types=("entity_swap", "name_variant", "unsupported_addition"),
          severity={"entity_swap": "high", "name_variant": "low"}, rank={"entity_swap": 10, "name_variant": 20},
          strict=("entity_swap",))
def detect_entities(ctx: PairContext) -> list[Finding]:
    findings: list[Finding] = []
    people = source_people(ctx)
    # A source name is only "lost" from a slot when the derived text has it nowhere.
    all_derived_units = [u for s in ctx.der.sentences for u in name_units(s)]
    credits = [(a.start, a.end) for a in ctx.derived.attributions]
    for sentence in ctx.der.sentences:
        if is_imperative(sentence) or CREDIT_LINE.match(sentence.text.strip()) or is_byline(sentence.text):
            continue  # "Follow X for more news" asks, "Reporting by X" and a byline kept as a line of its
            # own ("By Piet van Dam") credit: none claims anything
        units = name_units(sentence)
        aligned = ctx.aligned_source(sentence.index)
        for unit in units:
            if _inside(unit, credits) or in_dateline(ctx.derived.text, *unit.span):
                continue  # "Translation by X", "according to Reuters": attribution is compared elsewhere;
                # the version's dateline credits ("(Reporter Zhang Min)") who filed it, no one of the story
            if office_title(unit, ctx.derived.roles):
                continue  # "Prime" of "Prime Minister Li Qiang": an office, whose wording the role detector compares
            if names_a_currency(sentence, unit.first, unit.end) and any(
                    currency_rendered(unit.text, s.text) for s in aligned or ctx.src.sentences):
                continue  # "500 million Singapore dollars" for "S$500 million": the sign names the country
            if _acronym_of_name_before(unit) or _acronym_defined(unit, ctx.der):
                continue  # "... Consultative Conference (NPPCC)": the name before the bracket is what is compared
            if cut_otherwise(sentence, unit.first, unit.end, ctx.src):
                continue  # "Men Rui" / "Menrui": one name cut into words another way, no letter changed
            supported, variant_of = unit_supported(unit, ctx.src, people)
            if not supported and outlet_named(outlet_run(unit), ctx.src, unit.label == "ORG"):
                supported = True  # "China News Service" for "Chinanews.com": one outlet
            if supported:
                if variant_of and unit.label == "PERSON" and variant_of.lower() != unit.text.lower():
                    findings.append(_variant(ctx, unit, variant_of, aligned))
                elif unit.label == "PERSON" and not variant_of:
                    moved = _moved_person(ctx, unit, all_derived_units, aligned)
                    if moved is not None:
                        findings.append(moved)
                continue
            findings.append(_unsupported(ctx, unit, all_derived_units, aligned))
    return findings


CREDIT_LINE = re.compile(
    r"^(?:\(?\s*)(?:based on (?:reporting|a report|reports) (?:by|from)|(?:additional )?reporting by|translat(?:ed|ion) by|"
    r"edited by|written by|source:|sources:|original:|with (?:files|reporting) from|photo:|image:)",
    re.I)


# Verbs that open a call to action ("Follow X for more news", "Subscribe to X").
_CALL_TO_ACTION = frozenset("follow subscribe sign read click share join download contact visit listen watch like "
                            "see email send register get".split())


def is_imperative(sentence: ParsedSentence) -> bool:
    toks = [t for t in sentence.tokens if t.pos != "PUNCT"]
    if not toks or any(t.dep in ("nsubj", "nsubjpass") for t in toks):
        return False
    return toks[0].tag == "VB" or toks[0].lower in _CALL_TO_ACTION


def _acronym_of_name_before(unit: NameUnit) -> bool:
    """Is the unit an acronym in brackets that spells the name written just before the bracket?"""
    toks = unit.sentence.tokens
    if unit.first < 2 or toks[unit.first - 1].text != "(" or unit.end >= len(toks) or toks[unit.end].text != ")":
        return False
    return spells_name_before([t.text for t in toks[:unit.first - 1]], unit.text)


def _acronym_defined(unit: NameUnit, article: ParsedArticle) -> bool:
    """Is the unit an acronym the article itself defines, in brackets after the name it spells
    ("... Consultative Conference (NPPCC) ... members of the NPPCC")? A later bare mention then
    names what the defined name names: that name is compared where it is written out, and the
    acronym is no name of its own the source must have."""
    letters = acronym_letters(re.sub(r"^(?:the|The)\s+", "", unit.text.strip()))
    return letters is not None and letters in defined_acronyms(article)


def defined_acronyms(article: ParsedArticle) -> frozenset[str]:
    """The letters of every acronym the article writes in brackets right after the name it spells,
    once per article."""
    if article.views.defined_acronyms is None:
        out = set()
        for s in article.sentences:
            for u in name_units(s, include_initial=True):
                letters = acronym_letters(u.text)
                if letters is not None and _acronym_of_name_before(u):
                    out.add(letters)
        article.views.defined_acronyms = frozenset(out)
    return article.views.defined_acronyms


def _inside(unit: NameUnit, spans: list[tuple[int, int]]) -> bool:
    start, end = unit.span
    return any(s <= start and end <= e for s, e in spans)


def _variant(ctx: PairContext, unit: NameUnit, source_name: str, aligned: list[ParsedSentence]) -> Finding:
    where = next((s for s in aligned if source_name in s.text), None)
    if where is None:
        where = next((s for s in ctx.src.sentences if source_name in s.text), None)
    return make_finding(
        ctx, "name_variant", unit.sentence, unit.text, where, source_name,
        f'"{unit.text}" is a different spelling or transliteration of "{source_name}" (same person).',
        0.8,
    )


def _unsupported(ctx: PairContext, unit: NameUnit, derived_units: list[NameUnit], aligned: list[ParsedSentence]) -> Finding:
    # A slot: a name of the same kind in the aligned source sentence that the derived
    # sentence no longer has.
    derived_texts = [u.text for u in derived_units]
    # People keep the checks below, which tell a look-alike name from a different one.
    slot_swap = None if unit.label == "PERSON" else _slot_swap(ctx, unit)
    if slot_swap is not None:
        return slot_swap
    for src_sentence in aligned:
        for candidate in name_units(src_sentence):
            if not _same_group(candidate, unit) or _channel(candidate) != _channel(unit):
                continue  # "wrote on Twitter": the channel of saying is no slot a name of another role fills
            if any(_covers(d, candidate) for d in derived_texts) or _no_name_lost(candidate, unit.sentence):
                continue
            match = compare_names(unit.text, candidate.text) if unit.label == "PERSON" else None
            lookalike = match is not None and match.verdict == "lookalike"
            explanation = (
                f'The source has "{candidate.text}" here; this version has "{unit.text}"'
                + (" (a similar-looking but different name)." if lookalike else ", a different "
                   + ("person." if unit.label == "PERSON" else "name."))
            )
            explanation, not_high = _kind_signal(unit, candidate, explanation)
            return _maybe_one_body(_lowered(make_finding(ctx, "entity_swap", unit.sentence, unit.text, src_sentence,
                                                         candidate.text, explanation, 0.7 if lookalike else 0.8,
                                                         severity="medium" if not_high else None), not_high),
                                   unit, candidate)
    needle = unit.text.lower()
    elsewhere = ctx.other_versions_with(lambda article: needle in (article.text or article.original_text).lower())
    explanation = f'"{unit.text}" appears nowhere in the source.' + ctx.support_note(elsewhere)
    # A summary names the wider place ("London" -> "the U.K."); with no other place in the slot
    # this is more likely a generalisation than a distortion, so it is shown but not counted,
    # unless WordNet knows the places and none of the source's lies within this one.
    # A nationality ("Mexican") is an attribute, not a wider place: it is never a generalisation.
    generalisation = ctx.summary_mode and unit.group == "place" and unit.label != "NORP"
    outside = _places_outside(ctx, unit) if generalisation else []
    if outside:
        generalisation = False
        explanation += f" It is not a wider name for the places the source names here ({', '.join(outside)})."
    elif generalisation:
        explanation += " It may be a generalisation of a place the source names."
    # The source may put a common word where the name stands ("returning home" / "returning to
    # China", "the coronavirus pandemic" / "the COVID-19 pandemic"): one referent named two ways.
    # Only for a span the tagger reads as a name: a capitalised word outside any entity (a
    # headline's "Scares") may be a common word put in another's place, a change of wording.
    slot_sentence, slot_words = (None, []) if unit.label == "PROPN" else \
        unrendered_slot(unit.sentence, unit.first, unit.end, aligned)
    if slot_words:
        quoted = ", ".join(repr(w) for w in slot_words)
        explanation += (f" Low, not medium: the source has {quoted} in its place, which this version does not"
                        " render, so the name may be its rendering.")
    low = bool(elsewhere or generalisation or slot_words)
    return make_finding(ctx, "unsupported_addition", unit.sentence, unit.text, slot_sentence, "",
                        explanation, 0.5 if low else 0.75, severity="low" if low else "medium")


def _moved_person(ctx: PairContext, unit: NameUnit, derived_units: list[NameUnit],
                  aligned: list[ParsedSentence]) -> Finding | None:
    """A person the source names elsewhere, put in place of the person its aligned sentence names:
    "Tom Reyes, the harbour master, said the port would reopen" where the source gives that
    sentence to "Maria Lopez" and names Tom Reyes only as the mayor. Being in the source does not
    make a name right in every sentence. Only when this person is not in the source sentence
    this one renders most closely (the one sharing the most words) and the one it replaces is
    nowhere in this version (a fused or reordered sentence keeps both names somewhere), or this
    sentence renders its source sentence one-to-one.
    Medium, not high, on its own: the name is the source's own, so the source may be what is
    inconsistent (a version that calls one prime minister by two names in two sentences makes a
    faithful version look like a swap). A second signal (the story's other versions agreeing,
    folded in by merge.py) makes it high."""
    if not aligned:
        return None
    closest = max(aligned, key=lambda s: len(anchors(unit.sentence, s)))
    if any(compare_names(unit.text, c.text).same_entity for c in name_units(closest) if c.label == "PERSON"):
        return None
    # A sentence that renders its source sentence alone cannot have handed the name on to another
    # sentence: the replaced person named elsewhere in this version is named there for another reason.
    # This very sentence still naming the candidate ("K.R. Mehta" / "KR Mehta" beside the name) is
    # another matter: that person was kept, not replaced.
    one_to_one = ctx.is_one_to_one(unit.sentence.index)
    here = [d for d in derived_units if d.sentence is unit.sentence and (d.first, d.end) != (unit.first, unit.end)]
    for candidate in name_units(closest):
        if candidate.label != "PERSON" or _channel(candidate) \
                or any(_covers(d.text, candidate) for d in (here if one_to_one else derived_units)):
            continue
        return lower_to_medium(make_finding(
            ctx, "entity_swap", unit.sentence, unit.text, closest, candidate.text,
            f'The source has "{candidate.text}" here; this version has "{unit.text}", a different person '
            "whom the source names only elsewhere.", 0.75, severity="medium",
        ), Signal.STORY_CONFIRMS, "the source itself names this person, so it may be the source that is inconsistent"
           " here.", lead=ALONE)
    return None


def _channel(unit: NameUnit) -> bool:
    """Is the name the channel of saying ("announced it on Twitter", nlp/channel.py)? Even tagged
    as a person, a channel is no one another person could be swapped for."""
    return parsed_channel(unit.sentence, unit.first, unit.end)


def _places_outside(ctx: PairContext, unit: NameUnit) -> list[str]:
    """The places named in the source sentences closest to this one, when WordNet knows each of
    them and this place and puts none of them inside it ("London", "Ukraine" for "the U.S.");
    empty when any of them may lie inside it or is unknown."""
    # The tagger may call a city ORG or PERSON: a name WordNet knows as a place counts as well.
    places = list(dict.fromkeys(
        u.text for s in slot_sources(ctx, unit.sentence) for u in name_units(s)
        if u.label in ("GPE", "LOC") or (u.label != "NORP" and wordnet.named_places(u.text))))
    verdicts = [wordnet.place_within(place, unit.text) for place in places]
    return places if verdicts and all(v is False for v in verdicts) else []


def _slot_swap(ctx: PairContext, unit: NameUnit) -> Finding | None:
    """A source name that fills the very slot this name fills ("Russia's invasion of Ukraine" /
    "the U.S.'s invasion of Ukraine") was replaced, even when the derived sentence names it
    elsewhere ("... the Russian embassy"). A summary sentence fuses several source sentences
    and the aligner may keep only some, so the closest sentences by shared words count too."""
    head, _, _ = _slot(unit.sentence, _root(unit))
    if not 0 <= head < len(unit.sentence.tokens):
        return None
    lemma = unit.sentence.tokens[head].lemma
    for src_sentence in slot_sources(ctx, unit.sentence, keep=lambda s: any(t.lemma == lemma for t in s.tokens)):
        anchored = anchors(unit.sentence, src_sentence)
        for candidate in name_units(src_sentence):
            if _same_group(candidate, unit) and _same_slot(unit, candidate, anchored) and not _covers(unit.text, candidate) \
                    and not one_named_thing(unit.text, candidate.text):
                explanation, not_high = _kind_signal(
                    unit, candidate, f'The source says "{candidate.text}" in this place ("{_slot_phrase(candidate)}"); '
                    f'this version puts "{unit.text}" there.')
                return _maybe_one_body(_lowered(make_finding(ctx, "entity_swap", unit.sentence, unit.text, src_sentence,
                                                             candidate.text, explanation, 0.75,
                                                             severity="medium" if not_high else None), not_high),
                                       unit, candidate)
    return None


def _slot_phrase(unit: NameUnit) -> str:
    """The name with the word it hangs off: "Russia's invasion", "invasion of Ukraine"."""
    toks = unit.sentence.tokens
    head, _, _ = _slot(unit.sentence, _root(unit))
    if not 0 <= head < len(toks):
        return unit.text
    first, last = min(unit.first, head), max(unit.end - 1, head)
    return span_text(unit.sentence, first, last + 1).strip() if last - first <= 6 else unit.text


def _root(unit: NameUnit) -> int:
    """The token of a name span that hangs off a word outside it."""
    toks = unit.sentence.tokens
    for k in range(unit.first, unit.end):
        if not unit.first <= toks[k].head < unit.end or toks[k].head == k:
            return k
    return unit.first


def _slot(sentence: ParsedSentence, root: int) -> tuple[int, str, str]:
    """(governing word, relation, preposition) of a name: "Russia's invasion" -> (invasion,
    poss, ""), "the invasion of Ukraine" -> (invasion, pobj, "of")."""
    tok = sentence.tokens[root]
    head, prep = tok.head, ""
    if tok.dep == "pobj" and 0 <= head < len(sentence.tokens) and sentence.tokens[head].pos == "ADP":
        prep = sentence.tokens[head].lower
        head = sentence.tokens[head].head
    return head, tok.dep, prep


def _same_slot(unit: NameUnit, candidate: NameUnit, anchored: dict[int, int]) -> bool:
    """Do the derived name and the source name hang off the same shared word in the same way?"""
    d_root, s_root = _root(unit), _root(candidate)
    d_head, d_dep, d_prep = _slot(unit.sentence, d_root)
    s_head, s_dep, s_prep = _slot(candidate.sentence, s_root)
    if d_head == d_root or s_head == s_root or anchored.get(d_head) != s_head:
        return False
    return d_dep == s_dep and d_prep == s_prep and d_dep in ("poss", "pobj", "nsubj", "nsubjpass", "dobj", "compound")


def _maybe_one_body(f: Finding, unit: NameUnit, candidate: NameUnit) -> Finding:
    """A swap that would be high whose two names may be one body written short, where only the
    loose fit of ``short_forms.loose_fit`` says so ("CCTV" / "China Central Television", "FAA" /
    "U.S. Federal Aviation Administration", "EU Commission" / "European Commission"), is medium:
    the new name may not be a distinct one, and the explanation says how the letters fit. A doubt
    lowers, it does not remove (removing or lowering to low cost a right finding on a benchmark,
    sessions 14 and 15). A medium or low swap stays as it is; letters that do not fit ("WHO" /
    "World Trade Organization") leave a high swap high."""
    if f.severity != "high":
        return f
    how = loose_fit(unit.text, candidate.text, candidate.label == "ORG")
    return lower_to_medium(f, Signal.DISTINCT_NAME, f"the two names may be one body written short: {how}.") if how else f


def _lowered(f: Finding, not_high: str | None) -> Finding:
    """The swap as medium, saying why, when it lacks the second signal ``_kind_signal`` looks for."""
    return lower_to_medium(f, Signal.SAME_KIND, not_high) if not_high else f


def _kind_signal(unit: NameUnit, candidate: NameUnit, explanation: str) -> tuple[str, str | None]:
    """(explanation, why it is not high or None) of a swap. One name in another's place is one signal; that both are
    whole names of one kind is the second a high needs (issue 17.3). A capitalised piece of a
    hyphenated word the tagger gives no kind ("Black" of "Blue-Black-Stripes", a team's nickname)
    is part of one word, not a name of its own: that swap is medium, and the explanation says so.
    (Every untyped name made medium cost right highs on real translations, where the tagger leaves
    most Chinese and Korean names untyped: measured in bench/RESULTS.md, session 13.)"""
    pieces = [u.text for u in (unit, candidate) if u.group == "any" and _in_compound(u)]
    if pieces:
        return explanation, (f'"{pieces[0]}" is part of a hyphenated word, not a name of its'
                             " own, so that the two are names of one kind is not known.")
    if unit.group != "any" and candidate.group != "any":
        return explanation + f" Both are names of one kind ({unit.group}).", None
    return explanation, None


def _in_compound(unit: NameUnit) -> bool:
    """Is the name joined by a hyphen to a word outside it ("Black" in "Blue-Black-Stripes")?"""
    toks = unit.sentence.tokens[unit.first:unit.end]
    text, base = unit.sentence.text, unit.sentence.start
    first, last = toks[0].start - base, toks[-1].end - base
    return (first > 0 and text[first - 1] == "-") or (last < len(text) and text[last] == "-")


def _same_group(a: NameUnit, b: NameUnit) -> bool:
    if b.label == "PROPN":  # an untyped capitalised word is too weak to be a slot
        return False
    if all(w.lower() in GENERIC_NAME_WORDS for w in a.words()) and not _place_name_of_words(a.text, a.words()):
        return False  # "the Police Commissioner": a title, not a name another name replaced
    return a.group == b.group or a.group == "any"


def _no_name_lost(candidate: NameUnit, sentence: ParsedSentence) -> bool:
    """Is the source span no name this sentence lost? An honorific alone ("Mr." of "Mr. Gomes", the
    tagger's span cut short) stands for the name after it, not for a name of its own; and words this
    sentence writes as ordinary words ("Surgeon General" / "surgeon general": an office capitalised
    in one version, not in the other) are rendered, whatever their capitals."""
    words = [w.lower() for w in candidate.words()]
    if words and all(w in HONORIFICS or w.rstrip(".") in HONORIFICS for w in words):
        return True
    said = {t.lower for t in sentence.tokens if not t.text[:1].isupper()}
    return bool(words) and all(w in said for w in words)


def _covers(derived_text: str, source_unit: NameUnit) -> bool:
    """The derived sentence still carries this source name (possibly spelt another way)."""
    if one_referent(derived_text, source_unit.text, source_unit.label == "ORG"):
        return True  # one outlet by address or words; "KCNA" / "Korean Central News Agency"
    if source_unit.label == "PERSON":
        return compare_names(derived_text, source_unit.text).same_entity
    if another_place(derived_text, source_unit.text):
        return False  # "New Mexico" does not carry "Mexico", nor "the United Kingdom" "the United States"
    src_words = {stem(w) for w in _distinctive(source_unit.words()) or source_unit.words()}
    derived_words = derived_text.split()
    initials = "".join(w[0] for w in derived_words if w[:1].isupper()).lower()
    if word_key(source_unit.text) == initials:
        return True  # "United Nations" covers "U.N."
    return bool(src_words & {stem(w) for w in derived_words})
