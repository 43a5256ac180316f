"""omission: a caveat, condition, number qualifier or name of the source dropped.

Summaries drop most of their source by design, so only drops that change what the kept words
claim are findings: a hedge ("may") or a condition ("only if parliament ratifies it") lost from a
sentence the derived version renders, a qualifier lost from a number that was kept ("up to 40" ->
"40"), and, for a one-to-one rendering (translation, close rewrite), a name or number dropped.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.fuzz import ratio
from rapidfuzz.process import extractOne

from storytrace.findings.common import PairContext, make_finding, span_text
from storytrace.findings.detectors.entities_cmp import (name_units, office_title, other_name_of_place,
                                                       outlet_named, outlet_run)
from storytrace.findings.lexicon import HEDGES
from storytrace.findings.name_cuts import cut_otherwise
from storytrace.findings.names import cut_differently, token_similarity
from storytrace.findings.numbers import (currency_rendered, names_a_currency, raw_values, read_two_ways,
                                         second_values, sentence_numbers)
from storytrace.findings.registry import detector
from storytrace.findings.said_another_way import said_another_way, time_said_from_writing
from storytrace.findings.short_forms import acronym_letters, letters_fit, one_referent
from storytrace.findings.slots import anchors
from storytrace.findings.text import ParsedSentence, Token, said_keys, stem, word_key
from storytrace.model import Finding
from storytrace.nlp import wordnet
from storytrace.nlp.attribution import in_dateline
from storytrace.nlp.names import COUNTRY_DEMONYMS

# Conditions strong enough that dropping them changes the claim ("only if", "unless").
_STRONG_CONDITIONS = ("only if", "unless", "provided that", "providing that", "on condition that",
                      "subject to", "as long as", "only when")
_ANY_CONDITION = _STRONG_CONDITIONS + ("if", "when", "once", "should", "would", "pending", "in case",
                                       "case that", "condition", "provided", "unless")
_NUMBER_HEDGE_WORDS = frozenset("exceed surpass top reach over under beyond nearly almost about around "
                                "approximately roughly more less fewer least most up than some".split())


def _hedges(sentence: ParsedSentence) -> list[str]:
    """Words that make a claim a possibility: "may", "could", "reportedly", "suspected"."""
    return [t.text for t in sentence.tokens if t.lemma in HEDGES and t.pos in ("ADV", "ADJ", "VERB", "AUX")]


def _any_modality(sentence: ParsedSentence) -> bool:
    return bool(_hedges(sentence)) or any(t.tag == "MD" and t.lower not in ("will", "'ll", "shall") for t in sentence.tokens)


def _has_phrase(sentence: ParsedSentence, phrases) -> str:
    text = " " + " ".join(t.lower for t in sentence.tokens) + " "
    return next((p for p in phrases if f" {p} " in text), "")


@dataclass(frozen=True)
class _DerivedWords:
    """What the whole derived text says, for "is this source name anywhere in it?". Built once
    per pair: per sentence it made findings quadratic in the article's length."""
    stems: frozenset[str]
    text: str
    capitalised: tuple[str, ...]
    acronyms: frozenset[str]  # words in capitals ("PBOC", "KCNA")

    @classmethod
    def of(cls, ctx: PairContext) -> _DerivedWords:
        tokens = [t for s in ctx.der.sentences for t in s.tokens]
        return cls(
            stems=frozenset({stem(t.text) for t in tokens} | {word_key(t.lemma) for t in tokens}),
            text=(ctx.derived.text or ctx.derived.original_text).lower(),
            capitalised=tuple(word_key(t.text) for t in tokens if t.text[:1].isupper()),
            acronyms=frozenset(word_key(t.text) for t in tokens
                               if len(word_key(t.text)) >= 2 and t.text.replace(".", "").isupper()),
        )


@detector("omissions", scope="pair", types=("omission",), severity={"omission": "medium"}, rank={"omission": 100},
          directed=("omission",))
def detect_omissions(ctx: PairContext) -> list[Finding]:
    findings: list[Finding] = []
    derived_words: _DerivedWords | None = None
    for sentence, aligned in ctx.aligned_sentences():
        one_to_one = ctx.is_one_to_one(sentence.index)
        for src in aligned:
            if not _renders(sentence, src):
                continue
            findings.extend(_caveats(ctx, sentence, src))
            findings.extend(_qualifiers(ctx, sentence, src))
        if one_to_one:
            derived_words = derived_words or _DerivedWords.of(ctx)
            dropped = _dropped_facts(ctx, sentence, aligned[0], derived_words)
            if not any(f.source_value and f.derived_value == "(missing)" for f in dropped):
                dropped.extend(_name_left_a_hole(ctx, sentence, aligned[0], derived_words)
                               or _noun_left_a_hole(ctx, sentence, aligned[0], derived_words))
            findings.extend(dropped)
    return findings


_ARTICLES = frozenset({"the", "a", "an"})
_CLOSERS = frozenset({",", ".", ")", ";", ":", "'s", "’s"})
# Prepositions that take a noun phrase; two in a row ("worked at in Auckland") lack one between.
_PLAIN_ADPS = frozenset("at in on of by from with".split())


def _hole(sentence: ParsedSentence) -> str:
    """Words that lack the word between them: an article or preposition with no noun after it
    ("the 's Internet", "The has reported", "In, 305 residents", "worked at in Auckland") or
    empty brackets. Text written that way has lost a word, most often a name. "" if none."""
    return _hole_at(sentence)[0]


def _hole_at(sentence: ParsedSentence) -> tuple[str, int]:
    """``_hole`` and the index of the word after which the word is missing (-1 if none)."""
    toks = sentence.tokens
    for k, (a, b) in enumerate(zip(toks, toks[1:])):
        pair = f"{a.text} {b.text}"
        if a.text == "(" and b.text == ")":
            return pair, k
        # an article in lower case, or opening the sentence: "vitamin A is" has a letter, not "a"
        article = a.lower in _ARTICLES and (a.text.islower() or k == 0)
        if article and (b.text in _CLOSERS or b.tag in ("VBZ", "VBD", "VBP", "MD", "CC")):
            return pair, k
        if a.pos == "ADP" and a.dep != "prt" and (a.lower in _PLAIN_ADPS or a.lower == "to") \
                and (b.text in (",", ")", "'s", "’s") or (b.pos == "ADP" and b.lower in _PLAIN_ADPS)):
            return pair, k
    return "", -1


# How far apart (as a share of sentence length) the hole and the unrendered source noun may stand:
# a rendering keeps the order of its phrases.
_HOLE_GAP = 0.25


def _noun_left_a_hole(ctx, sentence, src, derived: _DerivedWords) -> list[Finding]:
    """A hole in a one-to-one rendering where the source has, at about the same place, a noun the
    version renders nowhere (the nearest is named) ("the source of 's water" where the source says "water delivery to the
    earth"; "the lifestyle of the may go back" for "styles in the west"). Two signals of one dropped
    word: the hole says a word is missing, the source says which. The noun need not be a name (a
    source may write "the earth", "the west" in lower case)."""
    hole, k = _hole_at(sentence)
    if not hole:
        return []
    anchored = set(anchors(sentence, src).values())
    n, m = max(1, len(sentence.tokens)), max(1, len(src.tokens))
    at = (k + 1) / n
    near = [j for j, t in enumerate(src.tokens)
            if j not in anchored and t.pos in ("NOUN", "PROPN") and t.text.isalpha() and len(t.text) >= 2
            and abs(j / m - at) <= _HOLE_GAP and not _says_word(t.text, derived)
            and not re.search(rf"(?<!\w){re.escape(t.lower)}(?!\w)", derived.text)]
    if not near:
        return []
    word = src.tokens[min(near, key=lambda j: (abs(j / m - at), j))].text
    others = [src.tokens[j].text for j in near if src.tokens[j].text != word]
    also = f' (or {", ".join(repr(w) for w in others)})' if others else ""
    return [make_finding(
        ctx, "omission", sentence, "(missing)", src, word,
        f'This version has a hole where a word is missing ("{hole}"); the source says "{word}"{also} there,'
        " which this version renders nowhere.", 0.55,
    )]


def _name_left_a_hole(ctx, sentence, src, derived: _DerivedWords) -> list[Finding]:
    """A source name (an acronym too) the version lacks, where the version has a hole: two
    signals of one dropped name, where either alone is weak (a translation spells an acronym
    out or renders a name by what it is; an odd phrase alone names nothing)."""
    hole = _hole(sentence)
    if not hole:
        return []
    # an acronym the version spells out ("WHO" / "World Health Organization") is kept
    spelt_out = {"".join(w.text[0] for w in sentence.tokens[u.first:u.end] if w.text[:1].isupper()).lower()
                 for u in name_units(sentence)}
    for unit in name_units(src, include_initial=True):
        if not _droppable(unit) or _in_brackets(src, unit) and hole != "( )" or _dateline_credit(ctx, unit):
            continue
        if word_key(unit.text) in spelt_out:
            continue
        words = [w for w in unit.words() if w[:1].isupper()]
        if not words or all(word_key(w) in _TITLES_AND_SUFFIXES for w in words) \
                or office_title(unit, ctx.source.roles):
            continue
        if all(re.search(rf"(?<!\w){re.escape(w.lower())}(?!\w)", derived.text) for w in words):
            continue
        return [make_finding(
            ctx, "omission", sentence, "(missing)", src, unit.text,
            f'The source names "{unit.text}" here; this version leaves it out, and has a hole '
            f'where a word is missing ("{hole}").', 0.6,
        )]
    return []


def _dateline_credit(ctx: PairContext, unit) -> bool:
    """The outlet a source dateline credits ("Chinanews.com, Beijing, March 3 --"): who filed the
    report, which a version may keep or drop without changing what the story says."""
    return in_dateline(ctx.source.text, *unit.span)


def _renders(sentence: ParsedSentence, src: ParsedSentence) -> bool:
    """Does the derived sentence carry most of this source sentence's content?"""
    src_words = {word_key(t.lemma) for t in src.tokens if t.pos in ("NOUN", "PROPN", "VERB", "NUM", "ADJ")}
    if not src_words:
        return False
    der_words = {word_key(t.lemma) for t in sentence.tokens}
    return len(src_words & der_words) / len(src_words) >= 0.5


def _caveats(ctx, sentence, src) -> list[Finding]:
    out = []
    kept = {word_key(t.lemma) for t in sentence.tokens}
    # Only a hedge on something the derived sentence kept: "possibly deceptive practices" in a
    # clause the summary dropped is not a hedge of what it says.
    src_hedges = [t.text for i, t in enumerate(src.tokens) if t.text in _hedges(src) and _hedged_word_kept(src, i, kept)]
    if src_hedges and not _any_modality(sentence) and not _new_framing(sentence, src):
        out.append(make_finding(
            ctx, "omission", sentence, "(stated as fact)", src, src_hedges[0],
            f'The source hedges this ("{src_hedges[0]}"); this version states it as fact.', 0.6,
        ))
    condition = _has_phrase(src, _STRONG_CONDITIONS)
    if condition and not _has_phrase(sentence, _ANY_CONDITION):
        out.append(make_finding(
            ctx, "omission", sentence, "(no condition)", src, _after(src, condition.split()[-1]),
            f'The source makes this conditional ("{_after(src, condition.split()[-1])}"); this version drops the condition.', 0.65,
        ))
    return out


# Words that frame a claim as someone's view or impression: "researchers believe", "according to
# initial investigations", "looked rusty".
_FRAMING = frozenset("believe think say claim suggest appear seem look report accord according consider estimate "
                     "expect assume argue".split())


def _new_framing(sentence: ParsedSentence, src: ParsedSentence) -> bool:
    """Does the derived sentence frame or hedge the claim in words of its own, misspelt or not?
    Then it renders the source's hedge ("the researchers suggested" / "the researchers
    believe", "seem to have been" / "were apparantly"); a framing both sentences share ("police
    said") renders nothing."""
    not_new = {""} | {t.lemma for t in src.tokens} | {t.lower for t in src.tokens}
    return any(_framing_word(t) not in not_new for t in sentence.tokens)


_EPISTEMIC = _FRAMING | HEDGES


def _framing_word(tok: Token) -> str:
    """The framing or hedging word ``tok`` is, allowing a typo in a long word; "" if none."""
    for form in (tok.lemma, tok.lower):
        if form in _EPISTEMIC:
            return form
    if len(tok.lower) >= 6:
        match = extractOne(tok.lower, _EPISTEMIC, scorer=ratio, score_cutoff=85)
        if match is not None:
            return match[0]
    return ""


def _hedged_word_kept(src: ParsedSentence, i: int, kept: set[str]) -> bool:
    """Does the derived sentence keep what the hedge at ``i`` hedges: the word it qualifies, or,
    for a hedging verb ("figures suggest that 40 people were injured"), the clause it governs?"""
    t = src.tokens[i]
    if src.tokens[t.head] is not t:
        return word_key(src.tokens[t.head].lemma) in kept
    return any(c.head == i and c.dep in ("ccomp", "xcomp") and word_key(c.lemma) in kept for c in src.tokens)


def _after(sentence: ParsedSentence, word: str) -> str:
    for i, t in enumerate(sentence.tokens):
        if t.text == word:
            return span_text(sentence, i, min(len(sentence.tokens), i + 6))
    return word


def _qualifiers(ctx, sentence, src) -> list[Finding]:
    out = []
    if any(t.lemma in _NUMBER_HEDGE_WORDS for t in sentence.tokens):
        return out  # the derived sentence qualifies its numbers in its own words
    derived_numbers = sentence_numbers(sentence)
    for m in sentence_numbers(src):
        if not m.qualifier:
            continue
        for n in derived_numbers:
            if n.matches(m) and not n.qualifier:
                out.append(make_finding(
                    ctx, "omission", sentence, n.text, src, f"{m.qualifier} {m.text}",
                    f'The source says "{m.qualifier} {m.text}"; this version drops "{m.qualifier}".', 0.55,
                ))
    return out


# Honorifics and company-form suffixes: dropping one keeps the name and the fact.
_TITLES_AND_SUFFIXES = frozenset("mr mrs ms miss dr sir dame lord lady queen king prince princess pope "
                                 "inc ltd llc plc corp co gmbh ag sa".split())
# Names a version keeps or loses: people, organisations, places, and the names of works, events,
# laws and products (a "March for Our Lives" demonstration says what it was for; without the name
# it is any demonstration). Nationalities and figures are judged elsewhere.
_DROPPABLE_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "PROPN", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"})


def _droppable(unit) -> bool:
    """A name whose loss is an omission: a person, body, place, work or event, and a span the
    tagger calls a people or group (NORP) that is no word for one: a place WordNet knows ("Fiji")
    or a word it does not know at all ("Mohenjo" of "Mohenjo-daro"). A nationality ("Iranian") or
    group ("Muslims") a translation renders in many ways stays exempt."""
    if unit.label in _DROPPABLE_LABELS:
        return True
    if unit.label != "NORP":
        return False
    words = [w for w in unit.words() if w[:1].isupper()]
    return bool(words) and (bool(wordnet.named_places(unit.text))
                            or not any(wordnet.known(w.lower()) or wordnet.known(w) for w in words))


def _in_brackets(sentence: ParsedSentence, unit) -> bool:
    """An acronym or gloss in brackets repeats a name given just before it."""
    toks = sentence.tokens
    return unit.first > 0 and toks[unit.first - 1].text == "(" and unit.end < len(toks) and toks[unit.end].text == ")"


def _named_country(unit, derived: _DerivedWords) -> bool:
    """Is the acronym a place WordNet knows ("U.S.", "U.K.") that the version names in no way,
    neither by another of its names ("United States", "America") nor by its people ("American")?
    A country is no term a translation spells out or describes: left out, it is gone."""
    if unit.label != "GPE":
        return False
    places = wordnet.named_places(unit.text)
    if not places:
        return False
    names = {w.replace("_", " ") for sid in places for w in wordnet.wordnet().words(sid)}
    people = {COUNTRY_DEMONYMS[n] for n in names if n in COUNTRY_DEMONYMS}
    return not any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", derived.text) for n in names | people)


def _unsaid_name_tokens(src: ParsedSentence, derived: _DerivedWords) -> int:
    """How many of the source sentence's tokens are names none of whose words the version says:
    a rendering that leaves out only a long name ("The Northern Marianas emergency management office
    said" / "Said") is no shorter in what it renders, so the name's length does not make it a
    shortened rendering whose job is dropping details."""
    return sum(u.end - u.first for u in name_units(src, include_initial=True)
               if _droppable(u) and not any(_says_word(w, derived) for w in u.words() if w[:1].isupper()))


def _says_word(word: str, derived: _DerivedWords) -> bool:
    """Does the version say this word of a name: its stem or lemma, or the word at the start of one
    of its words ("Omani" says "Oman")? Not inside another word: the "Sea" of "Black Sea" is not said
    by "research", "Oman" by "woman"."""
    return stem(word) in derived.stems or word_key(word) in derived.stems \
        or re.search(rf"(?<!\w){re.escape(word.lower())}", derived.text) is not None


def _own_words(words: list[str]) -> list[str]:
    """The words of a name that are no English common word: "Heilongjiang" of "Heilongjiang
    Agricultural Reclamation Bureau", "Argentina" and "Asociación" of "Asociación Argentina de
    Polo". A common word of a name ("agricultural", "polo", "health") may stand in the version for
    something else, or render the name's meaning in lower case ("the health ministry"); only the
    name's own words say that the version names it. Empty when every word is a common word."""
    return [w for w in words if not wordnet.common_word(w.lower())]


def _described(name: str, sentence: ParsedSentence, src: ParsedSentence | None = None) -> bool:
    """Does the sentence call the named thing by a WordNet class of it ("the planet" for
    "Earth", "the city" for "Paris")? A translation does that; it drops no fact. A class word
    the source sentence says as often renders that word, not the name: "writers such as,
    Fichte" keeps the source's "writers such as Goethe, Fichte" word and drops Goethe."""
    said = [word_key(t.lemma) for t in src.tokens] if src is not None else []
    here = [word_key(t.lemma) for t in sentence.tokens]
    return any(t.pos == "NOUN" and here.count(word_key(t.lemma)) > said.count(word_key(t.lemma))
               and wordnet.is_hypernym_or_synonym(name, t.lemma, depth=2) for t in sentence.tokens)


def _dropped_facts(ctx, sentence, src, derived: _DerivedWords) -> list[Finding]:
    """A translation or close rewrite that loses a name or a number of its source sentence."""
    out = []
    if len(sentence.tokens) < 0.6 * (len(src.tokens) - _unsaid_name_tokens(src, derived)):
        return out  # a shortened rendering: dropping details is its job
    # The name may sit in a neighbouring derived sentence (a rendering split in two), or be
    # misspelt ("Beligum"): look in the whole derived text, allowing spelling noise.
    derived_names = [u.text for u in name_units(sentence)]
    sentence_acronyms = {a for t in sentence.tokens if (a := acronym_letters(t.text))}
    for unit in name_units(src, include_initial=True):
        words = [w for w in unit.words() if w[:1].isupper()]
        if not words or not _droppable(unit) or _in_brackets(src, unit) or _dateline_credit(ctx, unit):
            continue
        if acronym_letters(unit.text) in sentence_acronyms \
                or any(one_referent(unit.text, name) for name in derived_names) \
                or any(cut_differently(unit.text, name) for name in derived_names) \
                or any(letters_fit(a, unit.text, implicit_head=True) for a in sentence_acronyms) \
                or any(letters_fit(a, unit.text) for a in derived.acronyms):
            continue  # "PBOC" for "People's Bank of China", "the STB" for "the (Singapore) Tourism Board":
            # the version names it by its letters (short_forms)
        if all(word_key(w) in _TITLES_AND_SUFFIXES for w in words):
            continue  # "Queen" before a name the version keeps, "Inc" after a company's name
        if office_title(unit, ctx.source.roles):
            continue  # "Prime" of "Prime Minister Li Qiang": an office a translation may name another way
        if cut_otherwise(src, unit.first, unit.end, ctx.der):
            continue  # "Menrui" for "Men Rui": one name cut into words another way
        if all(any(c.isdigit() for c in w) or (w.isupper() and len(w) > 1) for w in unit.text.replace(".", "").split()) \
                and not _named_country(unit, derived):
            continue  # an acronym ("BFU", "COVID-19"): translations spell these out or describe them
        # a name's own words (no English words) keep it, and its common words only when the version
        # writes them as a name: "Heilongjiang Agricultural Reclamation Bureau" is not kept by an
        # "agricultural" said of something else, "Good Neighor Home" is by "Neighborhood Home"
        own = _own_words(words)
        if own and any(word_key(w) in derived.capitalised for w in words if w not in own):
            continue
        kept_by = own or words
        if any(_says_word(w, derived) for w in kept_by):
            continue
        # a misspelling keeps the name; a word the source itself says is no misspelling of it, it renders
        # that word ("Australia" does not keep a dropped "Austria" the source names beside it)
        if any(token_similarity(word_key(w), d) >= 0.88 or ratio(word_key(w), d) >= 80
               for w in kept_by for d in derived.capitalised if d == word_key(w) or d not in ctx.src.vocabulary):
            continue
        if other_name_of_place(unit.text, ctx.der):
            continue  # "Napoli" for "Naples"
        if outlet_named(outlet_run(unit), ctx.der, unit.label == "ORG"):
            continue  # "China News Service" for "Chinanews.com": one outlet
        if _described(unit.text, sentence, src):
            continue  # "on the planet" for "on Earth": the name rendered by what it is
        if names_a_currency(src, unit.first, unit.end) and currency_rendered(unit.text, sentence.text):
            continue  # "110 million Singapore dollars" / "S$110 million": the sign names the country
        out.append(make_finding(
            ctx, "omission", sentence, "(missing)", src, unit.text,
            f'The source names "{unit.text}" here; this version leaves it out.', 0.6,
        ))
    derived_numbers = sentence_numbers(sentence)
    derived_raw = raw_values(sentence.text)
    derived_second = second_values([sentence])
    for m in sentence_numbers(src):
        if m.text.lower() in ("one", "once", "first", "half") or m.text.lower().endswith("s"):
            continue  # "the 1800s" is a period a translation may name another way
        if any(m.matches(n) for n in derived_numbers) or any(m.matches_value(v) for v in derived_raw):
            continue
        if any(m.matches_value(v) for v in derived_second) or read_two_ways(
                src, m, [n.value for n in derived_numbers] + derived_second + list(derived_raw)):
            continue  # one value written two ways: "3 000" / "3000", "two and a half" / "2.5"
        if said_another_way(m.value, m.start - src.start, m.end - src.start, src.text, sentence.text):
            continue  # "six" of "the first six months" for "the first half of the year", "doubled" for "up 100%"
        relative, said = time_said_from_writing(
            m.value, m.is_year, m.start - src.start, src.text, sentence.text, ctx.derived.published)
        if relative and ctx.derived.published is not None:
            continue  # "last year" in a version written in 2023 for "2022": one year said two ways
        explanation = f'The source gives the number "{m.text}" here; this version leaves it out.'
        phrase = _left_out_whole(src, m.start, sentence) if ctx.derived_words < CONDENSED * ctx.source_words else ""
        if phrase:
            explanation += (f' Low, not medium: it leaves out the whole phrase the number stands in ("{phrase}"), '
                            "saying none of its words, so nothing this version keeps is changed.")
        elif relative:
            explanation += (f' Low: this version says "{said}" here, which may say the same time from the day of'
                            " writing; without this version's date the pair cannot check which year it means.")
        low = bool(phrase) or relative
        out.append(make_finding(ctx, "omission", sentence, "(missing)", src, m.text, explanation,
                                0.4 if low else 0.5, severity="low" if low else None))
    return out


# A version shorter than this share of its source condenses it: leaving a whole phrase out is then
# its choice. A translation keeps about every phrase (its length stays near its source's), and there
# a phrase left out, number and all, is an error raters count (bench_translations, session 14).
CONDENSED = 0.8
# Inside one noun phrase: the number, its counted noun and that noun's own modifiers.
_NOMINAL_DEPS = frozenset({"nummod", "quantmod", "compound", "amod", "nmod", "det", "poss", "predet"})
# A phrase hung on the sentence beside its claim (a further conjunct, an apposition, a modifier, a
# relative or adverbial clause) rather than an argument the claim needs.
_ADDED_ON = frozenset({"conj", "appos", "npadvmod", "prep", "relcl", "acl", "advcl", "parataxis", "advmod"})
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV"})


def _left_out_whole(src: ParsedSentence, start: int, sentence: ParsedSentence) -> str:
    """The source phrase a number stands in, where the version leaves that whole phrase out: the
    phrase is a conjunct, apposition, modifier or added clause of the source sentence (not an
    argument of its claim), it has words besides the number, and the version says none of them
    ("..., yet we take half its pills, and 80% of its painkillers" / "..., yet we take half its
    pills"). Then the fact went out whole and no claim the version keeps is changed; a number
    dropped from a phrase the version keeps ("killed 30 people" / "killed people") is not this.
    "" when it is not so."""
    toks = src.tokens
    at = next((i for i, t in enumerate(toks) if t.start <= start < t.end), None)
    if at is None:
        return ""
    top = at
    for _ in range(len(toks)):  # up to the noun the number counts
        if toks[top].dep not in _NOMINAL_DEPS or toks[top].head == top:
            break
        top = toks[top].head
    if toks[top].dep == "pobj" and toks[top].head != top:
        top = toks[top].head  # "80% of its painkillers": up to the preposition that hangs it on
    if toks[top].dep not in _ADDED_ON:
        verb = toks[top].head  # an argument: of an added clause ("which employs 1,200 workers")?
        if toks[top].dep not in ("dobj", "nsubj", "nsubjpass", "attr", "pobj") or toks[verb].dep not in ("relcl", "acl", "advcl"):
            return ""
        top = verb
    inside = {top}
    for _ in range(len(toks)):  # the subtree of ``top``
        grown = inside | {i for i, t in enumerate(toks) if t.head in inside and i != t.head}
        if grown == inside:
            break
        inside = grown
    said = said_keys(sentence) | {stem(t.text) for t in sentence.tokens}
    words = [toks[i] for i in sorted(inside) if toks[i].pos in _CONTENT_POS and not toks[i].like_num
             and any(c.isalpha() for c in toks[i].text)]
    if not words or any(word_key(t.lemma) in said or word_key(t.lower) in said or stem(t.text) in said for t in words):
        return ""
    first, last = min(inside), max(inside)
    return span_text(src, first, last + 1).strip(" ,;")
