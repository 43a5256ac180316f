"""Inserted modifiers: the derived sentence qualifies a thing the source leaves plain.

"She is in private custody" where the source says only "she is in custody", "the pointless
trials" for "the trials", "joyfully call" for "call": an adjective attached to a noun, an adverb
attached to a verb, adjective or noun, that the aligned source sentence has (same lemma or a
WordNet synonym), when neither the word, a derivation, nor a synonym of it appears anywhere in
the source, and the rest of the sentence matches the source closely. The source may qualify the
same thing already ("affected pets" / "affected wild pets"), as long as the derived version
qualifies it more. Vague, emphatic and time words ("single", "wide", "mainly", "initially")
carry no checkable claim and are left alone. A translation rarely invents a qualifier out of
nothing, so this is reported as an unsupported addition.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from storytrace.findings.common import PairContext, content_keys, make_finding
from storytrace.findings.lexicon import HEDGES
from storytrace.findings.litotes import renders_a_litotes
from storytrace.findings.meaning import changes_meaning, prefetch, texts_for
from storytrace.findings.other_wording import unrendered_slot
from storytrace.findings.registry import detector
from storytrace.findings.text import ParsedSentence, Token, hyphen_joined, said_keys, stem, word_key
from storytrace.findings.wordsense import related, senses
from storytrace.model import Finding
from storytrace.nlp import wordnet

# Adjectives that only point or count loosely; they carry no checkable claim.
_VAGUE = frozenset("""other such same own certain several various many multiple numerous much more most few less least
whole entire main major key only very real actual particular specific general overall usual
respective relevant related corresponding following previous next last first second latter former
new old further additional extra possible total full single wide broad mainly mostly largely partly
initially especially particularly really quite rather fairly almost nearly just simply even still also
already always often usually generally highly deeply greatly widely closely strongly fully completely
entirely totally clearly directly actually finally eventually currently recently previously now then
again together instead later earlier soon long far well""".split())
_MIN_OVERLAP = 0.5
_QUALIFIER_DEPS = ("amod", "advmod")
# What qualifies a word in either version: adjectives, adverbs, and phrases that say the same in
# other words ("changes in population" / "demographic changes", "stressed on many occasions" /
# "repeatedly emphasized"). Determiners, possessives and compounds do not qualify it.
_QUALIFIER_LIKE = frozenset({"amod", "advmod", "prep", "npadvmod", "nmod", "compound"})


def _qualifiers(sentence: ParsedSentence, index: int) -> list[Token]:
    return [t for t in sentence.tokens if t.head == index and t.dep in _QUALIFIER_LIKE
            and t is not sentence.tokens[index]]


def _qualifier_words(sentence: ParsedSentence, index: int) -> list[Token]:
    """The content words qualifying a word: adjectives and adverbs, and the nouns of its
    prepositional phrases ("changes in population" -> population)."""
    out = []
    for q in _qualifiers(sentence, index):
        if q.dep == "prep":
            # a place, date or figure ("in Texas", "on Monday") is no qualifier a new word renders
            out.extend(t for t in sentence.tokens if t.head == sentence.tokens.index(q) and t.dep == "pobj"
                       and t.pos == "NOUN" and not t.ent_type)
        elif not q.is_stop and not (q.pos == "ADV" and q.lower in _VAGUE):  # "so far" renders nothing
            out.append(q)
    return out


def _qualifier_keys(sentence: ParsedSentence, index: int) -> frozenset[str]:
    return frozenset(word_key(t.lemma) for t in _qualifier_words(sentence, index))


def _sentence_words(sentence: ParsedSentence) -> frozenset[str]:
    return frozenset(word_key(t.lemma) for t in sentence.tokens)


def _echoed(word: Token, words: frozenset[str]) -> bool:
    """The word, a WordNet synonym or a derivation of it is among ``words``."""
    return word_key(word.lemma) in words or word_key(word.lower) in words or _wordnet_support(word, words)


def _wordnet_support(word: Token, vocab: frozenset[str]) -> bool:
    """A WordNet synonym, derivation or pertainym of the word is in the source ("happily" /
    "happy", "economic" / "economy", "enormous" / "huge")."""
    pos = wordnet.SPACY_POS.get(word.pos)
    if pos is None:
        return False
    # a participle used as an adjective has its synonyms there ("stricken" / "affected")
    parts = (pos, "a") if _participle_adjective(word) else (pos,)
    for form in {word.lower, word.lemma}:
        near = set(wordnet.derivations(form, pos)).union(*(wordnet.synonym_set(form, p) for p in parts))
        if {word_key(w) for w in near} & vocab:
            return True
    return False


def _supported(word: Token, ctx: PairContext) -> bool:
    vocab, stems = ctx.src.vocabulary, ctx.src.stems
    key = word_key(word.lower)
    if key in vocab or word_key(word.lemma) in vocab or stem(word.lower) in stems:
        return True
    if senses(word.lower) & vocab or senses(word.lemma) & vocab or _wordnet_support(word, vocab):
        return True
    # a derivation of a source word: "partially" for "part", "demographic" for "demography"
    return any(related(word.lower, v) or (len(v) >= 4 and key.startswith(v)) for v in vocab
               if len(v) >= 4 and v[:3] == key[:3])


def _renders_in_other_words(tok: Token, head: Token, d: ParsedSentence, sources: list[ParsedSentence]) -> bool:
    """Is the new qualifier another translation's wording of what the source already says?
    Each way is a fixed relation in WordNet, not a likeness: a modifying noun names a class the
    head belongs to ("protest demonstrations": a demonstration is a protest); or the
    qualifier's synonym derives from a source word this version leaves unrendered
    ("tight supply" for "tension in supply": tight ~ tense ~ tension; "rapid" for "high-speed");
    or WordNet defines the qualifier with that word ("airborne": "moved or conveyed by or
    through air", for "an object in the air"). (A compound that WordNet lists as a synonym of the
    head, "trade union" for "union", was measured too: no gain on the confirm parts, one DEMETR
    addition fewer found.)
    """
    if renders_a_litotes(tok, d, sources):
        return True  # "shortly" for "not long", "few" for "not many": the opposite of a denied word
    if tok.pos == head.pos == "NOUN" and word_key(tok.lemma) != word_key(head.lemma) \
            and wordnet.is_hypernym_or_synonym(head.lemma, tok.lemma, "n", depth=_GENERALISATION_STEPS):
        return True
    pos = wordnet.SPACY_POS.get(tok.pos)
    if pos is None:
        return False
    synonyms = {tok.lemma.lower()} | set(wordnet.synonym_set(tok.lemma, pos))
    near = synonyms | set(wordnet.derivations(tok.lemma, pos)) | set().union(*(wordnet.derivations(w) for w in synonyms))
    defined_by = wordnet.definition_words(tok.lemma, pos) - _DEFINITION_FILLER
    rendered = said_keys(d)
    for s in sources:
        for t in s.tokens:
            if t.pos not in _CONTENT_POS or t.is_stop or word_key(t.lemma) in rendered or word_key(t.lower) in rendered:
                continue
            if ({t.lemma.lower(), t.lower} | set(wordnet.derivations(t.lemma))) & near:
                return True
            if len(t.lemma) >= 3 and t.lemma.lower() in defined_by:
                return True
    return False


# Words any definition may use; they name nothing a qualifier could render.
_DEFINITION_FILLER = frozenset("""something someone somebody thing things person people way manner kind sort
state quality condition act being having used make made especially etc one ones part""".split())


def _counterpart(source_word: Token, head: Token, derived_words: frozenset[str]) -> bool:
    """Is ``source_word`` what the derived ``head`` renders: the same lemma, or a word the
    derived sentence does not also use elsewhere (then that other word is its counterpart) that
    is a WordNet synonym of it ("impacts" / "effects"), a more general noun ("the state" / "the
    U.S. state"), or the verb it derives from ("if a hormone was administered" / "the
    administration of hormones")? A more specific source noun is no counterpart: "passenger
    plane" renders "airliner", and its qualifier adds nothing."""
    if word_key(source_word.lemma) == word_key(head.lemma):
        return source_word.pos == head.pos
    if word_key(source_word.lemma) in derived_words:
        return False
    if source_word.pos == head.pos == "NOUN":
        return wordnet.is_hypernym_or_synonym(head.lemma, source_word.lemma, "n", depth=_GENERALISATION_STEPS)
    if head.pos == "NOUN" and source_word.pos == "VERB":
        return word_key(source_word.lemma) in {word_key(w) for w in wordnet.derivations(head.lemma)}
    return source_word.pos == head.pos and wordnet.are_synonyms(source_word.lemma, head.lemma, head.pos, limit=2)


# How far up WordNet's hypernyms a source noun may sit and still be what a derived noun renders
# (measured on DEMETR dev: 1 step finds one addition fewer, 3 steps the same as 2).
_GENERALISATION_STEPS = 2


def _candidate(tok: Token, ctx: PairContext) -> bool:
    """An open-class qualifier with a checkable meaning of its own: an adjective or adverb, or a
    common noun used as a modifier ("catering companies")."""
    if tok.pos in ("ADJ", "ADV", "VERB") and tok.dep not in _QUALIFIER_DEPS:
        return False
    return _checkable_word(tok, ctx)


def _checkable_word(tok: Token, ctx: PairContext) -> bool:
    """An adjective, adverb, participle used as an adjective ("aspiring writers") or modifying
    noun that says something checkable, whatever the parser made it hang off. (Any common noun
    was measured too: +15 additions found, but +3 faithful and +6 word-order false alarms, over
    the 10% budget.)"""
    # a noun before a noun is a compound's modifier whatever label the parser gives it ("catering
    # companies" parsed as amod)
    if tok.dep == "compound" or (tok.dep == "amod" and tok.pos == "NOUN"):
        if tok.pos != "NOUN":
            return False
    elif tok.pos not in ("ADJ", "ADV") and not _participle_adjective(tok):
        return False
    if tok.is_stop or tok.ent_type or tok.like_num or not tok.text.isalpha() or not tok.text.islower() \
            or len(tok.lower) < 3:
        return False
    if hyphen_joined(ctx.derived.text, 0, tok):  # part of a compound ("ill-prepared"): not a separate qualifier
        return False
    if not (wordnet.known(tok.lower) or wordnet.known(tok.lemma)):
        return False  # not an English word: a typo ("pwoer") or a name, not an inserted qualifier
    if tok.lower in _VAGUE or tok.lemma.lower() in _VAGUE or tok.lower in HEDGES:
        return False  # a hedge ("apparently") weakens a claim; it adds no fact
    before = ctx.derived.text[max(0, tok.start - 3):tok.start].lower()
    after = ctx.derived.text[tok.end:tok.end + 6].lower()
    return not (before == "as " and _AS_AFTER.match(after))  # "as early as": a comparison frame


def _participle_adjective(tok: Token) -> bool:
    """A participle the parser made an adjective ("cooling fans", "contaminated food")."""
    return tok.pos == "VERB" and tok.dep == "amod" and tok.tag in ("VBG", "VBN")


_AS_AFTER = re.compile(r"[^\w\s]?\s+as\b")  # " as", or "' as" with a stray mark between


def _qualifies(tok: Token, head: Token) -> bool:
    """Adjectives and nouns qualify nouns; adverbs qualify nouns and verbs; an adjective also
    qualifies a name ("the southern United States", "the upper House")."""
    if tok.pos in ("ADJ", "VERB") and tok.dep == "amod" and head.pos == "PROPN":
        return True
    return head.pos == "NOUN" or (tok.pos == "ADV" and head.pos == "VERB")


# "almost won" is not "won": an approximator on a verb says the thing did not (quite) happen.
_APPROXIMATORS = frozenset("almost nearly".split())
_APPROXIMATE_WORDS = frozenset("almost nearly about around approximately roughly close barely hardly virtually "
                               "practically some".split())


def _approximated_event(d: ParsedSentence, tok: Token, sources: list[ParsedSentence]) -> bool:
    head = d.tokens[tok.head] if 0 <= tok.head < len(d.tokens) else tok
    if tok.lower not in _APPROXIMATORS or head.pos != "VERB":
        return False
    return not any(t.lower in _APPROXIMATE_WORDS for s in sources for t in s.tokens)


_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"})


def _word_positions(sentence: ParsedSentence) -> list[int]:
    """Indices of the sentence's tokens that are words (not punctuation)."""
    return [i for i, t in enumerate(sentence.tokens) if t.pos not in ("PUNCT", "SPACE")]


def _side_by_side(sources: list[ParsedSentence]) -> frozenset[tuple[str, str]]:
    """Pairs of neighbouring words (by lemma) in the source sentences."""
    pairs = set()
    for s in sources:
        keys = [word_key(s.tokens[i].lemma) for i in _word_positions(s)]
        pairs.update(zip(keys, keys[1:]))
    return frozenset(pairs)


def _inserted(d: ParsedSentence, sources: list[ParsedSentence], ctx: PairContext) -> list[tuple[int, int, bool]]:
    """Words slipped in between two words the source has side by side ("in custody" / "in
    private custody", "has issued two warnings" / "has issued lately two warnings"): the plainest
    trace of an insertion, whatever the parser made the new word hang off. With the word gone the
    derived text reads as the source does there, so the word cannot be the rendering of
    anything else. Returns (index of the word, index of the word after it, whether it counts only if
    the meaning signal agrees: the caller asks it, once the pair's other checks are done)."""
    positions, pairs = _word_positions(d), _side_by_side(sources)
    out = []
    for b, i, a in zip(positions, positions[1:], positions[2:]):
        before, tok, after = d.tokens[b], d.tokens[i], d.tokens[a]
        if (word_key(before.lemma), word_key(after.lemma)) not in pairs:
            continue
        if not ({before.pos, after.pos} & _CONTENT_POS):
            continue
        structural = _checkable_word(tok, ctx) or (_slipped_noun(tok, ctx) and not _names_a_class_of(tok, sources)) \
            or _scope_word(tok, sources, ctx) or _qualifier_in_a_time_span(tok, ctx)
        if not structural and not (_meaning_candidate(tok, ctx) and not _names_a_class_of(tok, sources)):
            continue
        if tok.lower in HEDGES or _supported(tok, ctx):
            continue
        if 0 <= tok.head < len(d.tokens) and _renders_in_other_words(tok, d.tokens[tok.head], d, sources):
            continue
        out.append((i, a, not structural))
    return out


def _meaning_candidate(tok: Token, ctx: PairContext) -> bool:
    """A content word slipped in that the structural checks leave alone because it may be a
    translator's completion: a common noun ("the death penalty" for "the death", "austerity rules"
    for "austerity"), a participle ("found contaminated in"), or a vague or degree word ("highly
    regarded" for "regarded"). Whether it changes the claim is for
    the meaning signal (findings/meaning.py) to say."""
    if ctx.encoder is None or tok.ent_type or tok.like_num or not tok.text.isalpha() or not tok.text.islower() \
            or len(tok.lower) < 3 or tok.lower in HEDGES:
        return False
    # a vague or degree word ("highly", "real"): the qualifier checks leave these out because most
    # only add emphasis; the meaning signal picks the ones that change what the claim says
    vague = tok.pos in ("ADJ", "ADV") and (tok.is_stop or tok.lower in _VAGUE or tok.lemma.lower() in _VAGUE)
    if vague and tok.pos == "ADV" and tok.is_stop:
        # a function-word adverb ("also", "even", "again", "still", "just"): a focus, aspect or frequency
        # particle that places the claim among others, it grades nothing; and in a version that differs
        # from its source by that word alone the removal gain is the word's whole weight (any word passes)
        return False
    if tok.is_stop and not vague:
        return False
    if not (vague or tok.pos == "NOUN" or (tok.pos == "VERB" and tok.tag in ("VBN", "VBG"))):
        return False
    if ctx.derived.language and ctx.derived.language.lower().split("-")[0] != "en":
        return False  # the encoder and WordNet read English words
    return wordnet.known(tok.lower) or wordnet.known(tok.lemma)


# Words that narrow or widen what a phrase is true of ("the only ...", "additional satellites",
# "the whole interior", "the last 25 years"): vague on their own, so the qualifier checks leave
# them out, but slipped in between two words the source has side by side they change the claim.
# Degree words ("very", "really") and hedges stay out: they intensify, they do not restrict.
_SCOPE = frozenset("only sole whole entire additional extra further first last final most both".split())


def _scope_word(tok: Token, sources: list[ParsedSentence], ctx: PairContext) -> bool:
    """A word that sets the scope of the phrase it opens, said in none of the source sentences
    (a source that says "first" elsewhere may be where it comes from). The list is of English
    words, read in an English version only ("en", "en-GB", or not known): elsewhere the same letters are
    other words (Hungarian "most" is "now", Italian "sole" the sun), which the English tagger reads as
    adverbs all the same."""
    return tok.lower in _SCOPE and tok.pos in ("ADJ", "ADV", "DET") \
        and (not ctx.derived.language or ctx.derived.language.lower().split("-")[0] == "en") \
        and not any(t.lower == tok.lower for s in sources for t in s.tokens)


def _qualifier_in_a_time_span(tok: Token, ctx: PairContext) -> bool:
    """A qualifier the tagger reads as part of a date or time ("in fiscal years" / "in years",
    "his midnight stars" / "his stars"): the entity check keeps names out of the qualifier tests,
    but a common word slipped into a time phrase is no name; it says which years, which stars."""
    return tok.ent_type in ("DATE", "TIME") and _checkable_word(replace(tok, ent_type=""), ctx)


def _slipped_noun(tok: Token, ctx: PairContext) -> bool:
    """A noun for a physical thing (a person, an object, a substance: WordNet's physical entity
    in its first sense) slipped in between two words the source has side by side ("the police
    consultant found" / "the police found"): with it gone the version reads as the source does,
    so it puts a thing there the source never mentions. Abstract nouns are left alone: a
    translation completes a compound with them ("austerity rules" for "austerity")."""
    if tok.pos != "NOUN" or tok.ent_type or not tok.text.isalpha() or not tok.text.islower() or len(tok.lower) < 3 \
            or tok.is_stop or tok.lower in _VAGUE:
        return False
    db = wordnet.wordnet()
    first = db.synsets(tok.lemma, "n", 1) or db.synsets(tok.lower, "n", 1)
    return bool(first) and bool(db.hypernym_closure(first[0]) & _physical_entity())


def _names_a_class_of(tok: Token, sources: list[ParsedSentence]) -> bool:
    """Is the noun a class of something the source names ("harvest workers" for "harvesters",
    "the city" beside "Beijing")? A translation may name what a thing is; that adds no thing."""
    return any(t.pos in ("NOUN", "PROPN") and word_key(t.lemma) != word_key(tok.lemma)
               and wordnet.is_hypernym_or_synonym(t.lemma if t.pos == "NOUN" else t.text, tok.lemma, "n", depth=_GENERALISATION_STEPS + 1)
               for s in sources for t in s.tokens)


def _physical_entity() -> set[int]:
    return set(wordnet.wordnet().synsets("physical_entity", "n"))


def _source_qualifies_more(d: ParsedSentence, index: int, sources: list[ParsedSentence], summary: bool) -> bool:
    """Does the source qualify the counterpart of the word at ``index`` in words the derived
    sentence drops? Then a new word before it may be their rendering ("changes in population" /
    "demographic changes")."""
    head = d.tokens[index]
    return any(word_key(t.lemma) == word_key(head.lemma) and _drops_qualifiers(s, j, d, index, summary)
               for s in sources for j, t in enumerate(s.tokens))


def _drops_qualifiers(s: ParsedSentence, j: int, d: ParsedSentence, index: int, summary: bool) -> bool:
    """Does source word ``j`` have a qualifier that the derived sentence renders neither on its
    counterpart at ``index`` nor anywhere else ("wounds to his arm" keeps "arm" even when the
    parser hangs it off the verb)? Only such a dropped qualifier can be what a new word renders."""
    kept = _qualifier_keys(d, index)
    if summary:  # a summary sentence fuses several source sentences: a word elsewhere in it may
        # render another sentence's word ("struggling start-up" for "troubled start-up")
        return not all(_echoed(q, kept) for q in _qualifier_words(s, j))
    d_counts = Counter(word_key(t.lemma) for t in d.tokens)
    s_counts = Counter(word_key(t.lemma) for t in s.tokens)
    # elsewhere only as often as the source has it: "asylum seeker ... refugee boat" drops the
    # "asylum" of "asylum boat" even though the sentence still says "asylum" once
    return not all(_echoed(q, kept) or d_counts[word_key(q.lemma)] >= s_counts[word_key(q.lemma)]
                   for q in _qualifier_words(s, j))


@detector("modifiers", scope="pair", types=("unsupported_addition",),
          severity={"unsupported_addition": "medium"}, rank={"unsupported_addition": 90},
          directed=("unsupported_addition",))
def detect_modifiers(ctx: PairContext) -> list[Finding]:
    # A word both checks flag is reported once: the pair's dedupe keeps the qualifier finding
    # (higher confidence, and its explanation names the head).
    # Every cheap check runs first; the meaning signal (a sentence encoder) is asked last, for the
    # words that pass all of them, and their texts are encoded in one call (prefetch).
    qualifiers, inserted = _candidates(ctx)
    prefetch(ctx.encoder, _meaning_checks(qualifiers, inserted))
    findings = [q if isinstance(q, Finding) else q.resolve(ctx) for q in qualifiers]
    findings = [f for f in findings if f is not None]
    for d, sources, i, a, by_meaning in inserted:
        # a word the structure alone does not settle (a noun completing a compound, a participle):
        # it counts only when the meaning signal agrees that it changes what the sentence says
        if by_meaning and not changes_meaning(ctx.encoder, d, d.tokens[i], sources):
            continue
        tok, after = d.tokens[i], d.tokens[a]
        s = next((s for s in sources if word_key(after.lemma) in _sentence_words(s)), sources[0])
        elsewhere = _versions_saying(ctx, tok, after)
        slot_sentence, other = unrendered_slot(d, i, i + 1, sources, _VAGUE)
        s = slot_sentence or s
        findings.append(make_finding(
            ctx, "unsupported_addition", d, tok.text, s, "",
            f"This version adds {tok.text!r} before {after.text!r}; the source has the words on "
            f"either side of it next to each other, and {tok.text!r} nowhere." + ctx.support_note(elsewhere)
            + (_MEANING_NOTE if by_meaning else "") + _slot_note(other),
            0.4 if elsewhere or other else 0.55, severity="low" if elsewhere or other else None,
        ))
    return findings


def _candidates(ctx: PairContext) -> tuple[list, list]:
    """The qualifiers (findings, or ``_MeaningCheck`` where the meaning signal settles them) and the
    inserted words (with whether the meaning signal settles them), after every cheap check. Worked out
    once per pair context: the meaning prefetch (``meaning_texts``) asks first, detection again on the
    same context, and the checks read only the pair's parses and alignment."""
    found = ctx.memo.get("modifiers")
    if found is None:
        qualifiers = _detect_qualifiers(ctx)
        inserted = [(d, sources, i, a, by_meaning) for d, sources in ctx.aligned_sentences()
                    for i, a, by_meaning in _inserted(d, sources, ctx)
                    if not _source_qualifies_more(d, a, sources, ctx.summary_mode)]
        found = ctx.memo["modifiers"] = (qualifiers, inserted)
    return found  # type: ignore[return-value]


def _meaning_checks(qualifiers: list, inserted: list) -> list[tuple[ParsedSentence, Token, list[ParsedSentence]]]:
    return ([(q.d, q.tok, q.sources) for q in qualifiers if isinstance(q, _MeaningCheck)]
            + [(d, d.tokens[i], sources) for d, sources, i, _, by_meaning in inserted if by_meaning])


def meaning_texts(ctx: PairContext) -> list[str]:
    """The texts this detector will ask the encoder for on this pair: encoded ahead for many pairs at
    once (findings.meaning_texts), they are found in the encoder's cache; a vector depends on its text
    alone, so encoding them ahead changes no finding."""
    if ctx.encoder is None:
        return []
    return texts_for(_meaning_checks(*_candidates(ctx)))


_MEANING_NOTE = (" Without it the sentence reads closer to the source's meaning (sentence encoder): the word says"
                 " something the source does not. Medium at most: one structural and one model signal.")


def _slot_note(words: list[str]) -> str:
    """Why a qualifier standing where the source has an unrendered word is shown but not counted."""
    if not words:
        return ""
    quoted = ", ".join(repr(w) for w in words)
    return (f" Low, not medium: the source has {quoted} in its place, which this version does not render,"
            " so the word may be its rendering.")


def _versions_saying(ctx: PairContext, word: Token, near: Token) -> list[str]:
    """The story's other versions with a sentence that has both ``word`` and ``near``."""
    pattern = re.compile(rf"\b{re.escape(word.lower)}\b")
    near_key = word_key(near.lower)

    def says(article) -> bool:
        return any(pattern.search(s.text.lower()) and near_key in {word_key(w) for w in s.text.split()}
                   for s in article.sentences)
    return ctx.other_versions_with(says)


def _detect_qualifiers(ctx: PairContext) -> list[Finding | _MeaningCheck]:
    """The qualifier findings in sentence order, with a ``_MeaningCheck`` in the place of each one that
    the meaning signal must still confirm."""
    findings: list[Finding | _MeaningCheck] = []
    for d, sources in ctx.aligned_sentences():
        d_keys = content_keys(d.tokens)
        for i, tok in enumerate(d.tokens):
            if not (0 <= tok.head < len(d.tokens)) or tok.head == i:
                continue
            head = d.tokens[tok.head]
            if _approximated_event(d, tok, sources):
                findings.append(make_finding(
                    ctx, "unsupported_addition", d, tok.text, sources[0], "",
                    f"This version says {tok.text + ' ' + head.text!r}; the source says it happened.", 0.6))
                continue
            if not _candidate(tok, ctx) or not _qualifies(tok, head):
                continue
            if tok.pos == "VERB" and tok.head != i + 1:
                continue  # a participle away from its noun is often a misparse of scrambled words ("by dominated U-boats")
            # A word that makes a WordNet compound with its head is no exception: "acid rain"
            # for "rain" and "love letter" for "letter" name narrower things the source never
            # states. (Measured on DEMETR dev: 143 additions found instead of 137, and one more
            # faithful pair flagged, "photovoltaic power plants" for "photovoltaic plants".)
            if _supported(tok, ctx) or _renders_in_other_words(tok, head, d, sources):
                continue
            d_words = _sentence_words(d)
            for s in sources:
                plain = [j for j, t in enumerate(s.tokens) if _counterpart(t, head, d_words)]
                # the source may qualify the thing in words this version drops: then the new
                # word may be their rendering, so only a head whose qualifiers all reappear
                # counts ("affected pets" / "affected wild pets")
                if all(_drops_qualifiers(s, j, d, tok.head, ctx.summary_mode) for j in plain):
                    continue
                s_keys = content_keys(s.tokens)
                rest = d_keys - {word_key(tok.lemma)}
                if not rest or len(rest & s_keys) / len(rest) < _MIN_OVERLAP:
                    continue
                findings.append(_added_qualifier(
                    ctx, d, i, tok, head, s,
                    f"This version adds {tok.text!r} to {head.text!r}; the source says only "
                    f"{head.text!r}, and {tok.text!r} nowhere.", 0.6))
                break
            else:
                if _meaning_may_settle(ctx, d):
                    findings.append(_MeaningCheck(d, i, tok, head, sources, d_words))
    return findings


def _added_qualifier(ctx: PairContext, d: ParsedSentence, i: int, tok: Token, head: Token, s: ParsedSentence,
                     explanation: str, confidence: float, meaning_note: str = "") -> Finding:
    """The unsupported_addition of qualifier ``tok`` on ``head``. Another version saying it too makes
    it a shared detail, not an invention, and a source word left unrendered in its place may be what
    it renders: either makes it low."""
    elsewhere = _versions_saying(ctx, tok, head)
    _, other = unrendered_slot(d, i, i + 1, [s], _VAGUE)
    return make_finding(
        ctx, "unsupported_addition", d, tok.text, s, "",
        explanation + ctx.support_note(elsewhere) + meaning_note + _slot_note(other),
        0.45 if elsewhere or other else confidence, severity="low" if elsewhere or other else None,
    )


def _meaning_may_settle(ctx: PairContext, d: ParsedSentence) -> bool:
    """May the meaning signal settle a qualifier of ``d`` that the structure leaves open? Only with an
    encoder, and only in a sentence that renders one source sentence and nothing else: a summary
    sentence fuses several, and a qualifier there may condense any of them."""
    return ctx.encoder is not None and ctx.is_one_to_one(d.index)


@dataclass(frozen=True)
class _MeaningCheck:
    """A qualifier no source word supports (not the word, a derivation or a synonym, nor a rendering
    of a source word in other words), on a head whose counterpart the structure cannot settle: the
    source words the head differently ("the invisible effects" for "the impacts"), qualifies it in
    words this version drops, or the rest of the sentence is reworded. The structure alone cannot
    tell an added fact ("pacifist protesters") from the rendering of a dropped qualifier, so the
    word counts only when the meaning signal agrees: without it the sentence says much more nearly
    what the source says. Medium at most (one structural signal, one model signal). Resolved after
    the pair's cheap checks, so that all its encodings run in one call."""
    d: ParsedSentence
    i: int
    tok: Token
    head: Token
    sources: list[ParsedSentence]
    d_words: frozenset[str]

    def resolve(self, ctx: PairContext) -> Finding | None:
        d, tok, head = self.d, self.tok, self.head
        if not changes_meaning(ctx.encoder, d, tok, self.sources):
            return None
        s = max(self.sources, key=lambda s: len(_sentence_words(s) & self.d_words))
        return _added_qualifier(
            ctx, d, self.i, tok, head, s,
            f"This version adds {tok.text!r} to {head.text!r}; no word of the source says {tok.text!r} or a synonym of it.",
            0.55, _MEANING_NOTE)
