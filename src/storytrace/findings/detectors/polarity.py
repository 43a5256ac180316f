"""negation_flip: a negation added or dropped, or a word swapped for its opposite.

Translation moves negation around ("unable to" / "could not"), so polarity is counted with the
words that carry a negation inside them, and an opposite only counts when the aligned source
sentence has the opposite word and not the derived one.
"""
from __future__ import annotations

import re
from collections import Counter

from storytrace.findings.brought_about import said_through_complement
from storytrace.findings.clauses import (clause_root, clause_tokens, clauses_match, converse_order, negative_count,
                                         same_head, shared_clause_words, under_negation)
from storytrace.findings.common import PairContext, content_keys, make_finding, source_content_keys
from storytrace.findings.severity import Signal, lower_to_medium
from storytrace.findings.litotes import rendered_by_opposite
from storytrace.findings.lexicon import (ANTONYMS, DIFFICULTY_ADJECTIVES, GENDER_WORDS, IMPLICIT_NEGATIONS,
                                          NEGATING_ELEMENTS, NEGATING_PREFIXES, NEGATION_CUES)
from storytrace.findings.registry import detector
from storytrace.findings.text import ParsedSentence, Token, hyphen_joined, said_keys, word_key
from storytrace.findings.slots import CONTENT_POS, anchors, substitutions
from storytrace.findings.wordsense import (VAGUE_POLES, opposite_senses, senses, slot_opposed, wordnet_opposite,
                                           wordnet_readings)
from storytrace.model import Finding
from storytrace.nlp import wordnet

_PRONOUN_GENDER = frozenset({"he", "she", "his", "her", "him", "hers", "himself", "herself"})


def is_negation(tok: Token) -> bool:
    return tok.dep == "neg" or tok.lower in NEGATION_CUES or tok.lower == "n't"


def explicit_negations(sentence: ParsedSentence) -> list[Token]:
    """Negations of a clause: not those of "whether or not", "not only", or "not long after"."""
    out = []
    toks = sentence.tokens
    for i, t in enumerate(toks):
        if not is_negation(t) or t.lower == "without":  # "without duty" is "duty-free", not a negated claim
            continue
        prev = toks[i - 1].lower if i else ""
        nxt = toks[i + 1].lower if i + 1 < len(toks) else ""
        if prev == "or" or nxt in ("only", "just", "merely") or (t.lower == "no" and nxt in ("longer", "doubt")):
            continue
        head = toks[t.head]
        at_all = i + 2 < len(toks) and nxt == "at" and toks[i + 2].lower == "all"  # "had "not at all" been"
        if t.lower in ("not", "n't", "never") and head.pos not in ("VERB", "AUX", "ADJ", "NOUN", "PROPN", "PRON") \
                and not at_all:
            continue
        out.append(t)
    return out


def implicit_negations(sentence: ParsedSentence) -> list[Token]:
    """Verbs and adjectives with a negation inside ("refused to", "unable"); the noun "a decline"
    or "a stop" negates nothing."""
    return [t for k, t in enumerate(sentence.tokens)
            if (t.lemma in IMPLICIT_NEGATIONS and t.pos in ("VERB", "ADJ", "AUX")) or _difficult_to(sentence, k)]


def _difficult_to(sentence: ParsedSentence, index: int) -> bool:
    """An adjective of difficulty with an infinitive ("difficult to improve"), on its own or
    through its copula: it carries the negation that "will not improve" writes out."""
    tok = sentence.tokens[index]
    if tok.pos != "ADJ" or tok.lemma not in DIFFICULTY_ADJECTIVES:
        return False
    heads = {index, tok.head} if tok.dep == "acomp" else {index}
    return any(t.dep == "xcomp" and t.head in heads for t in sentence.tokens)


def _negated(sentence: ParsedSentence, index: int) -> bool:
    """Does a negation attach to this token, or to the verbs it complements ("wasn't able to
    identify": identify <- able <- was, negated)? The first part of a hyphenated word counts
    ("non-violent", "ill-prepared"): the tokenizer splits it off, but it negates its word."""
    if _after_negating_element(sentence, index):
        return True
    heads = {index}
    i = index
    while sentence.tokens[i].dep in ("xcomp", "acomp", "attr", "auxpass", "aux") and sentence.tokens[i].head != i and len(heads) < 5:
        i = sentence.tokens[i].head
        heads.add(i)
    negations = explicit_negations(sentence)
    return any(t.head in heads for t in negations)


@detector("polarity", scope="pair", types=("negation_flip",),
          severity={"negation_flip": "high"}, rank={"negation_flip": 80}, strict=("negation_flip",))
def detect_polarity(ctx: PairContext) -> list[Finding]:
    findings: list[Finding] = []
    for sentence, aligned in ctx.aligned_sentences():
        # a different word in the slot last: it never hides a flip found in the same word or by the count
        found = _head_flips(ctx, sentence, aligned) or _count_flip(ctx, sentence, aligned) \
            or _copula_flips(ctx, sentence, aligned) or _head_flips(ctx, sentence, aligned, by_slot=True)
        findings.extend(found)
        findings.extend(_antonyms(ctx, sentence, aligned) or _slot_antonyms(ctx, sentence, aligned))
    return findings


def _head_flips(ctx: PairContext, sentence: ParsedSentence, aligned: list[ParsedSentence],
                by_slot: bool = False) -> list[Finding]:
    """A negated word in one version that the other version has without the negation: the same
    word or a synonym, or (``by_slot``, one-to-one renderings only) the different word standing in
    its slot. A rewrite moves a negation between verbs ("didn't succeed at making" / "did not
    make"), so a flip also needs the number of negations to differ."""
    d_count = len(explicit_negations(sentence))
    if all(len(explicit_negations(s)) == d_count for s in aligned):
        return []
    if by_slot and not ctx.is_one_to_one(sentence.index):
        return []
    for src in aligned:
        partner = _slot_partners(sentence, src) if by_slot else {}
        for negated_side, other in ((sentence, src), (src, sentence)):
            for neg in explicit_negations(negated_side):
                slot = partner.get((negated_side is sentence, neg.head))
                if by_slot and slot is None:
                    continue
                found = _flip_of(ctx, sentence, src, negated_side, other, neg, slot)
                if found:
                    return found
    return []


def _flip_of(ctx: PairContext, sentence: ParsedSentence, src: ParsedSentence, negated_side: ParsedSentence,
             other: ParsedSentence, neg: Token, in_slot: int | None) -> list[Finding]:
    """The word of ``other`` that the negated word of ``negated_side`` renders without the
    negation: the same word or a synonym, or (``in_slot``) the different word in its slot."""
    one_to_one = ctx.is_one_to_one(sentence.index)
    head = negated_side.tokens[neg.head]
    # the same word first, a synonym only where the sentence has no such word
    for j in sorted(range(len(other.tokens)), key=lambda k: other.tokens[k].lemma != head.lemma):
        tok = other.tokens[j]
        if in_slot is None:
            if not _same_or_synonym(tok, head, one_to_one):
                continue
        # a negated opposite in the slot says the same thing ("did not lose" / "won")
        elif j != in_slot or slot_opposed(head, tok):
            continue
        if tok.pos == head.pos \
                and head.pos in ("VERB", "ADJ", "NOUN") \
                and not _negated(other, j) and not _negative_manner(other, j) \
                and not _under_implicit_negation(other, j) \
                and _clause_reversed(negated_side, neg.head, other, j):
            added = negated_side is sentence
            d_tok = head if added else tok
            s_tok = tok if added else head
            what = "adds a negation to" if added else "drops the negation of"
            tie = ", ".join(shared_clause_words(negated_side, neg.head, other, j))
            return [make_finding(
                ctx, "negation_flip", sentence, _clause(sentence, sentence.tokens.index(d_tok)), src,
                _clause(src, src.tokens.index(s_tok)),
                f'This version {what} "{d_tok.text}": the source says the opposite.'
                f' The clauses otherwise match (both say "{tie}").', 0.8,
                # a synonym or a word in the slot, not the same word: one signal
                severity=None if d_tok.lemma == s_tok.lemma else "medium",
            )]
    return []


def _slot_partners(sentence: ParsedSentence, src: ParsedSentence) -> dict[tuple[bool, int], int]:
    """Each word of a one-to-one rendering that stands in the slot of a different source word,
    both ways: (True, derived index) -> source index, (False, source index) -> derived index.
    A negated verb against the un-negated verb in its slot ("does not offer a vivid picture" /
    "gives a vivid image") reverses the claim as a negated same word does: the rest of the
    sentence says the verb renders that one."""
    out: dict[tuple[bool, int], int] = {}
    for i, j in substitutions(sentence, src):
        out[(True, i)] = j
        out[(False, j)] = i
    return out


# What a copula's "not" negates: its complement ("is not common", "is not the prime minister",
# "is not near the village"), which the parser hangs off the copula beside the "not".
_PREDICATE_DEPS = ("acomp", "attr")


def _copula_predicates(sentence: ParsedSentence, index: int) -> list[int]:
    """The complements of the copula at ``index``: adjectives and nouns, or failing those a
    prepositional phrase ("is near the village"); none when ``index`` is no copula."""
    toks = sentence.tokens
    if not 0 <= index < len(toks) or toks[index].lemma != "be" or toks[index].pos != "AUX":
        return []
    kids = [k for k, t in enumerate(toks) if t.head == index and k != index]
    return [k for k in kids if toks[k].dep in _PREDICATE_DEPS] or [k for k in kids if toks[k].dep == "prep"]


def _predicated(sentence: ParsedSentence, j: int) -> int | None:
    """The copula whose complement word ``j`` is, or that it qualifies ("is common practice"
    predicates "common" as "is common" does); None when it is not said by a copula."""
    toks = sentence.tokens
    if j in _copula_predicates(sentence, toks[j].head):
        return toks[j].head
    head = toks[j].head
    if toks[j].dep == "amod" and head != j and head in _copula_predicates(sentence, toks[head].head):
        return toks[head].head
    return None


def _copula_flips(ctx: PairContext, sentence: ParsedSentence, aligned: list[ParsedSentence]) -> list[Finding]:
    """A "not" on a copula negates its complement: "is not near the village" reverses "is near
    the village" even where the sentence adds a second negation elsewhere, so that the counts of
    negations agree in parity ("is not near ... and is not adjacent")."""
    d_count = len(explicit_negations(sentence))
    for src in aligned:
        if len(explicit_negations(src)) == d_count:
            continue
        for negated_side, other in ((sentence, src), (src, sentence)):
            for neg in explicit_negations(negated_side):
                for predicate in _copula_predicates(negated_side, neg.head):
                    found = _predicate_flip(ctx, sentence, src, negated_side, other, predicate)
                    if found:
                        return found
    return []


def _predicate_flip(ctx: PairContext, sentence: ParsedSentence, src: ParsedSentence, negated_side: ParsedSentence,
                    other: ParsedSentence, i: int) -> list[Finding]:
    """A negated copula's complement against the same word said by an un-negated copula in the
    other version ("the hotel is not near the village" / "the hotel is near the village"): the
    same predication, reversed. Medium: one signal (a new detection; the clauses must match)."""
    pred = negated_side.tokens[i]
    for j, tok in enumerate(other.tokens):
        if tok.lemma != pred.lemma or tok.pos != pred.pos:
            continue
        copula = _predicated(other, j)
        if copula is None or _negated(other, j) or _negated(other, copula) or _negative_manner(other, j) \
                or not _clause_reversed(negated_side, i, other, j):
            continue
        added = negated_side is sentence
        d_i, s_i = (i, j) if added else (j, i)
        what = "adds a negation to" if added else "drops the negation of"
        return [make_finding(
            ctx, "negation_flip", sentence, _clause(sentence, d_i), src, _clause(src, s_i),
            f'This version {what} the predicate "{sentence.tokens[d_i].text}": the source says the opposite.', 0.7,
            severity="medium",
        )]
    return []


def _same_or_synonym(a: Token, b: Token, one_to_one: bool) -> bool:
    """The same word, or, where the sentence renders one source sentence, a WordNet synonym of
    it in their first senses ("did not start working" / "began to work")."""
    if a.lemma == b.lemma:
        return True
    pos = wordnet.SPACY_POS.get(b.pos)
    return one_to_one and pos is not None and wordnet.are_synonyms(a.lemma, b.lemma, pos, limit=2)


def _clause_reversed(negated_side: ParsedSentence, i: int, other: ParsedSentence, j: int) -> bool:
    """A negated word against the same word without it reverses the claim only when the two
    clauses otherwise speak of the same things, and the clauses differ in polarity once every
    negative word is counted: "has not appeared to make much difference" says what "appears to
    have little effect" says."""
    if not clauses_match(negated_side, i, other, j):
        return False
    mine = negative_count(negated_side, clause_tokens(negated_side, clause_root(negated_side, i)), IMPLICIT_NEGATIONS)
    theirs = negative_count(other, clause_tokens(other, clause_root(other, j)), IMPLICIT_NEGATIONS)
    return (mine - theirs) % 2 == 1


# Adverbs that put a negation into the verb they modify: "poorly maintained" is "not properly
# maintained", "barely survived" is close to "did not quite survive".
_NEGATIVE_MANNER = frozenset("poorly badly improperly inadequately insufficiently barely hardly scarcely "
                             "rarely seldom little".split())


def _under_implicit_negation(sentence: ParsedSentence, index: int) -> bool:
    """Is the word the complement of a verb with a negation inside it ("refused to say", "failed
    to win"), or of an adjective of difficulty ("difficult to improve")? Then "did not say",
    "will not improve" render it rather than reversing it."""
    tok = sentence.tokens[index]
    head = sentence.tokens[tok.head] if 0 <= tok.head < len(sentence.tokens) else tok
    if tok.dep in ("xcomp", "ccomp") and head is not tok and head.lemma in IMPLICIT_NEGATIONS:
        return True
    return tok.dep == "xcomp" and head is not tok and _difficult(sentence, tok.head)


def _difficult(sentence: ParsedSentence, index: int) -> bool:
    """Is the word an adjective of difficulty, or a copula that one complements ("was hard to
    repair", "it is difficult to improve": the parser hangs the infinitive off either)?"""
    tok = sentence.tokens[index]
    if tok.pos == "ADJ" and tok.lemma in DIFFICULTY_ADJECTIVES:
        return True
    return tok.lemma == "be" and any(t.head == index and t.dep == "acomp" and t.lemma in DIFFICULTY_ADJECTIVES
                                     and not _negated(sentence, k) for k, t in enumerate(sentence.tokens))


def _negative_manner(sentence: ParsedSentence, index: int) -> bool:
    return any(t.head == index and t.lower in _NEGATIVE_MANNER for t in sentence.tokens)


def _count_flip(ctx: PairContext, sentence: ParsedSentence, aligned: list[ParsedSentence]) -> list[Finding]:
    """Sentence-level polarity. For a one-to-one rendering the explicit negations must agree in
    parity, unless a word with a negation inside it ("unable", "refused") accounts for the
    difference; for a summary sentence, a negation with none anywhere in its sources is suspect."""
    d_explicit = explicit_negations(sentence)
    d_implicit = implicit_negations(sentence)
    if ctx.is_one_to_one(sentence.index):
        src = aligned[0]
        s_explicit, s_implicit = explicit_negations(src), implicit_negations(src)
        # A word with a negation inside that the other sentence renders as such ("trying to stop"
        # / "attempted to intercept": intercept ~ stop) cannot also be what a "not" there renders.
        s_implicit = [t for t in s_implicit if not _rendered_as_such(t, sentence)]
        d_implicit = [t for t in d_implicit if not _rendered_as_such(t, src)]
        d_implicit = d_implicit + [t for t in sentence.tokens if t.lower in _NEGATIVE_MANNER]
        s_implicit = s_implicit + [t for t in src.tokens if t.lower in _NEGATIVE_MANNER]
        if (len(d_explicit) - len(s_explicit)) % 2 == 0 or min(len(d_explicit), len(s_explicit)) > 0:
            return []  # several negations on both sides: counting them says too little
        if (len(d_explicit) + len(d_implicit) - len(s_explicit) - len(s_implicit)) % 2 == 0:
            return []
        # A prefix that carries the negation the other version writes as "not" ("unclear" /
        # "not clear") can only explain a difference away; it never makes one.
        d_all = _once(d_implicit + _prefix_negations(sentence, src))
        s_all = _once(s_implicit + _prefix_negations(src, sentence))
        if (len(d_explicit) + len(d_all) - len(s_explicit) - len(s_all)) % 2 == 0:
            return []
        # A plain opposite may carry the negation ("did not win" / "lost"), or stand beside a negation
        # that reverses another part of the clause: the count cannot tell which, so it lowers, not clears.
        carriers = _opposite_negations(sentence, src, s_explicit) + _opposite_negations(src, sentence, d_explicit)
        # A negation reverses only its own clause: where the other sentence renders none of the
        # clauses the negations stand in, it left that clause out rather than reversing it.
        negated_side, other, negations = (sentence, src, d_explicit) if d_explicit else (src, sentence, s_explicit)
        content, shared = negated_clause_words(negated_side, negations, other)
        if content and not shared:
            if ctx.summary_mode:
                return []  # a condensed version leaves clauses out: the "not" went with its clause
            # A rendering of the whole text must keep the clause: losing it, negation and all, is an
            # error (raters of real translations mark it major), told as what it is.
            tie = (f' The other sentence renders nothing of the negated clause ("{", ".join(content[:4])}"):'
                   " it drops the clause with its negation.")
        elif shared:
            tie = f' The negated clause is rendered in the other sentence (both say "{", ".join(shared)}").'
        else:
            tie = " The negated clause has no content word to compare."
        if d_explicit and not s_explicit:
            value, src_value = d_explicit[0].text, "(no negation)"
            explanation = f'This version says "{value}" where the source sentence has no negation.'
        elif s_explicit and not d_explicit:
            value, src_value = "(no negation)", s_explicit[0].text
            explanation = f'The source says "{src_value}"; this version drops the negation.'
        else:
            value = d_explicit[0].text if d_explicit else "(no negation)"
            src_value = s_explicit[0].text if s_explicit else "(no negation)"
            explanation = "The number of negations differs, so the claim is reversed."
        finding = make_finding(ctx, "negation_flip", sentence, value, src, src_value, explanation + tie, 0.7)
        if carriers and len(carriers) % 2 == 1:
            lower_to_medium(finding, Signal.CLEAR_DIFFERENCE, f'"{carriers[0].text}" is a plain opposite of a word'
                            " the other sentence negates, and may carry that negation (\"did not win\" is \"lost\").")
        else:
            _lower_for_litotes(finding, _litotes(sentence, d_explicit, [src]) + _litotes(src, s_explicit, [sentence]))
        return [finding]
    # A source word with a negation inside it may be what the "not" renders ("refused to comment" /
    # "did not comment"), unless this sentence says that word as well ("a decline" for "to decline").
    said_here = {t.lemma.lower() for t in sentence.tokens}
    if d_explicit and not any(explicit_negations(s) or [t for t in implicit_negations(s) if t.lemma.lower() not in said_here]
                              for s in aligned):
        finding = make_finding(
            ctx, "negation_flip", sentence, d_explicit[0].text, aligned[0], "(no negation)",
            f'This version says "{d_explicit[0].text}" where none of its source sentences has a negation.', 0.6,
        )
        _lower_for_litotes(finding, _litotes(sentence, d_explicit, aligned))
        return [finding]
    return []


def _litotes(sentence: ParsedSentence, negations: list[Token], others: list[ParsedSentence]) -> list[tuple[Token, Token]]:
    """(denied word, its opposite) for each negation of ``sentence`` that a sentence of ``others``
    renders by the opposite of the word it denies ("not many" / "few"; findings/litotes.py)."""
    out = []
    for n in negations:
        k = sentence.tokens.index(n)
        for o in others:
            found = rendered_by_opposite(sentence, k, o)
            if found is not None:
                out.append((sentence.tokens[found[0]], o.tokens[found[1]]))
                break
    return out


def _lower_for_litotes(finding: Finding, litotes: list[tuple[Token, Token]]) -> None:
    """A "not" on a word whose plain opposite the other sentence says ("not far" / "near") may be one
    meaning written two ways: the count's flip is medium and says so. Lowered, not cleared: measured
    (session 23), clearing lost a right flip on real translations, where such a pair can stand
    beside a real error. An even number of them cancels out in the count and lowers nothing."""
    if len(litotes) % 2 == 1:
        denied, opposite = litotes[0]
        lower_to_medium(finding, Signal.CLEAR_DIFFERENCE, f'"not {denied.text}" may say what "{opposite.text}" says'
                        " (\"not far\" is \"near\"): the other sentence has a plain opposite of the denied word.")


def negated_clause_words(negated_side: ParsedSentence, negations: list[Token],
                         other: ParsedSentence) -> tuple[list[str], list[str]]:
    """(the content words of the clauses the negations stand in, those of them the other sentence
    says too), as lemmas in sentence order. None of them said there: the other sentence left the
    clause out ("the roof did not suffer damage and the flooding was contained" against "the
    flooding was contained"); a clause with no content word ("it is not") tells nothing."""
    other_keys = said_keys(other)
    words: list[str] = []
    for neg in negations:
        index = negated_side.tokens.index(neg)
        for k in clause_tokens(negated_side, clause_root(negated_side, index)):
            t = negated_side.tokens[k]
            key = word_key(t.lemma)
            if k != index and t.pos in _CLAUSE_CONTENT_POS and not t.is_stop and key and key not in words:
                words.append(key)
    return words, [w for w in words if w in other_keys]


_CLAUSE_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})


def _rendered_as_such(tok: Token, other: ParsedSentence) -> bool:
    """Does the other sentence say this verb, or a WordNet synonym of it, as a verb? (An adjective
    of difficulty is left alone: "difficult to improve" is rendered by "will not improve".)"""
    if tok.pos != "VERB":
        return False
    near = {tok.lemma.lower(), tok.lower} | set(wordnet.synonym_set(tok.lemma, "v"))
    return any(t.pos == tok.pos and (t.lemma.lower() in near or t.lower in near) for t in other.tokens)


def _once(tokens: list[Token]) -> list[Token]:
    """Each token counted once, however many lists named it ("unable" is listed and prefixed)."""
    return list({id(t): t for t in tokens}.values())


def _prefix_negations(sentence: ParsedSentence, other: ParsedSentence) -> list[Token]:
    """Words whose negation is a prefix on a word the other version says plainly: "unclear"
    where the other has "not clear", "impossible" for "not possible". The morpheme carries the
    negation that the other version writes as "not", so it counts as one."""
    other_forms = {f for t in other.tokens for f in (t.lower, t.lemma.lower())}
    out = []
    for k, t in enumerate(sentence.tokens):
        if t.pos not in ("ADJ", "ADV", "VERB", "NOUN"):
            continue
        if _after_negating_element(sentence, k) and len(t.lower) >= 4 and t.lower in other_forms \
                and wordnet.known(t.lower):
            out.append(t)  # the tokenizer split "non-violent" / "ill-prepared": the element is the prefix
            continue
        for prefix in NEGATING_PREFIXES:
            base = t.lower[len(prefix):].lstrip("-")
            if t.lower.startswith(prefix) and len(base) >= 4 and base in other_forms and wordnet.known(base):
                out.append(t)
                break
    return out


def _after_negating_element(sentence: ParsedSentence, k: int) -> bool:
    """Is token ``k`` the second part of a hyphenated word whose first part negates it?"""
    if k < 2:
        return False
    element, dash, t = sentence.tokens[k - 2], sentence.tokens[k - 1], sentence.tokens[k]
    return element.lower in NEGATING_ELEMENTS and dash.text in ("-", "‐", "‑") \
        and element.end == dash.start and dash.end == t.start


def _opposite_negations(sentence: ParsedSentence, other: ParsedSentence, other_negations: list[Token]) -> list[Token]:
    """Words that say plainly what the other version says as a negated opposite: "lost" where the
    other has "did not win", "small" for "not large", "dangerous" for "not safe". Two reversals cancel
    (not + the opposite word), so the word carries the negation the other writes as "not", like a
    negating prefix. Only an opposite WordNet or the lexicon lists, and only against a word the
    other version negates and this one does not say; the opposite under a negation of its own
    ("not small" for "not large") carries none. ``other_negations``: the other's explicit negations,
    as counted."""
    said_here = {f for t in sentence.tokens for f in _forms(t)}
    # only a word the counted "not" stands on (or the complement of the copula it stands on): a "not"
    # the count does not see ("not long after") has no reversal for the opposite word to cancel
    counted = {n.head for n in other_negations}
    counted |= {k for h in counted for k in _copula_predicates(other, h)}
    negated_there = [t for k, t in enumerate(other.tokens)
                     if k in counted and t.pos in _OPPOSITE_WORD_POS and not _forms(t) & said_here]
    if not negated_there:
        return []
    other_forms = {f for t in other.tokens for f in _forms(t)}
    out = []
    for k, t in enumerate(sentence.tokens):
        if t.pos not in _OPPOSITE_WORD_POS or _negated_here(sentence, k) or _forms(t) & other_forms:
            continue
        if any(_plain_opposites(t, u) for u in negated_there):
            out.append(t)
    return out


_OPPOSITE_WORD_POS = frozenset({"ADJ", "ADV", "VERB"})


def _plain_opposites(tok: Token, other: Token) -> bool:
    """A listed opposite, a WordNet antonym, or a near-synonym of one ("insignificant" / "major");
    never a looser link through a word's neighbourhood or its valence."""
    if any(_forms(other) & opposite_senses(f) for f in _forms(tok)) or _antonym_pair(tok, other):
        return True
    pos = wordnet.SPACY_POS.get(tok.pos)
    return pos is not None and tok.pos == other.pos and any(
        wordnet.are_opposed(a, b, pos) for a in _forms(tok) for b in _forms(other))


# SCONJ for "before" / "after" joining clauses ("made before Trump called" / "made after").
_OPPOSITE_POS = frozenset({"ADJ", "ADV", "VERB", "NOUN", "ADP", "SCONJ", "NUM", "PRON"})


def _forms(tok: Token) -> set[str]:
    return {tok.lemma.lower(), tok.lower}


def _antonyms(ctx: PairContext, sentence: ParsedSentence, aligned: list[ParsedSentence]) -> list[Finding]:
    """A word whose opposite the aligned source expresses, in the same words or in a
    near-synonym ("exported" where the source has "came into" = imported is not caught; "hides"
    where the source has "shows" is), while the source has neither the word nor a synonym of it."""
    out = []
    derived_lemmas = Counter(t.lemma for t in _free_tokens(sentence))
    reversed_uses: Counter = Counter()
    # per source sentence, once: where each lemma is, its free words (compounds left out) and their counts
    sources = []
    for src in aligned:
        free = _free_tokens(src)
        # the forms of its free words that can be opposites: "says it too, in other words" below
        # asks whether any of them is a sense of the derived word
        free_forms = set().union(*(_forms(t) for t in free if t.pos in _OPPOSITE_POS))
        sources.append((src, {t.lemma: j for j, t in enumerate(src.tokens)}, free_forms,
                        Counter(t.lemma for t in free)))
    for i, tok in enumerate(sentence.tokens):
        lemma = tok.lemma
        if tok.pos not in _OPPOSITE_POS or lemma_is_gendered(tok):
            continue
        own = set().union(*(senses(f) for f in _forms(tok)))
        for src, src_lemmas, free_forms, src_counts in sources:
            if src_counts[lemma] >= derived_lemmas[lemma]:
                break  # the source says it as often (words inside a compound such as "19-year-old" left out)
            # The source saying the word itself fewer times renders only as many of its uses: "started
            # the race shortly after the start" against "ended the race soon after the start" has one
            # "start" for the source's "start" and one more, where the source says "ended".
            repeated = src_counts[lemma] > 0
            if not (free_forms & own) <= (_forms(tok) if repeated else set()):
                break  # the source says it too, in other words
            opposite = _nearest(_opposites_in(lemma, tok.pos, src_counts, derived_lemmas), src_lemmas,
                                i / max(1, len(sentence.tokens)), len(src.tokens))
            direct = opposite is not None
            j = src_lemmas[opposite] if direct else _expressed_opposite(tok, src, sentence)
            if j is None:
                continue
            if _written_apart(lemma, src.text) and not repeated:
                continue  # "non-violently" written apart in the source (a word it says as such is counted above)
            # "did not win" / "lost" say the same thing: a negated opposite is no flip.
            if _negated_here(src, j) != _negated_here(sentence, i):
                continue
            if not direct and not same_head(sentence, i, src, j) and not _heads_in_one_slot(sentence, i, src, j) \
                    and not (ctx.is_one_to_one(sentence.index) and _antonym_pair(tok, src.tokens[j])):
                continue  # a loose opposite in another phrase ("the upcoming summit" / "last October")
            if converse_order(sentence, i, src, j):
                continue  # "A before B" / "B after A": the events swapped round the opposite words
            if said_in_context(ctx, sentence, i, besides=src if repeated else None):
                break  # another source sentence says it (checked last: it is the costly test)
            if repeated and reversed_uses[lemma] >= derived_lemmas[lemma] - src_counts[lemma]:
                break  # as many of its uses reversed as the source leaves unrendered
            explanation = f'"{tok.text}" reverses the source\'s "{src.tokens[j].text}".'
            # Two signals for a high: the opposite word, and the two words bearing on the same word.
            # Opposites that bear on different words may tell one order of events from its two
            # ends: "drifted for days before being destroyed" is "destroyed after drifting for days".
            anchored = direct and same_head(sentence, i, src, j)
            if anchored and not repeated:
                explanation += " Both words bear on the same word in their sentences."
            finding = make_finding(
                ctx, "negation_flip", sentence, tok.text, src, src.tokens[j].text,
                explanation, 0.75 if direct else 0.6, severity=None if anchored and not repeated else "medium",
            )
            if repeated and anchored:
                lower_to_medium(finding, Signal.CLEAR_DIFFERENCE, f'the source says "{tok.text}" too, once less'
                                " often: which of this version's uses is the new one is not certain.")
            elif direct and not anchored:
                lower_to_medium(finding, Signal.SAME_HEAD, "the two words do not bear on the same word, so the"
                                " sentences may tell one order of events from its two ends (\"A before B\" is \"B after A\").")
            out.append(finding)
            reversed_uses[lemma] += 1
            break
    return out


def _heads_in_one_slot(sentence: ParsedSentence, i: int, src: ParsedSentence, j: int) -> bool:
    """Do the two words hang off words that fill one slot of the two sentences: the same word or a
    synonym, or a different verb that the rest of the sentence puts in the same place ("After the
    arrival, Haiti had not had a problem" / "Prior to the arrival, Haiti had not encountered
    problems")? Then the opposites bear on one event, as when their heads are the same word."""
    hi, hj = sentence.tokens[i].head, src.tokens[j].head
    if hi == i or hj == j:
        return False
    pairs = anchors(sentence, src)
    return pairs.get(hi) == hj or (hi, hj) in substitutions(sentence, src)


def _antonym_pair(tok: Token, other: Token) -> bool:
    """Are the two words a pair WordNet lists as antonyms in one part of speech, in their first
    senses ("pleasure" / "pain", "interior" / "exterior"), not merely words of opposed clusters
    ("upcoming" / "last")? Such a pair reverses the claim wherever each stands in a sentence
    that renders one source sentence."""
    pos = wordnet.SPACY_POS.get(tok.pos)
    if pos is None or tok.pos != other.pos:
        return False
    return any(wordnet.listed_antonyms(a, b, pos) for a in _forms(tok) for b in _forms(other))


def _written_apart(lemma: str, text: str) -> bool:
    """Does the text have the word with a hyphen or space inside ("non-violently" for
    "nonviolently")? As a whole word: the "old" of "a 19-year-old" or "told" is not "old"."""
    letters = [re.escape(c) for c in lemma.lower().replace("-", "")]
    return bool(letters) and re.search(r"(?<![\w-])" + "[- ]?".join(letters) + r"(?![\w-])", text.lower()) is not None


def _free_tokens(sentence: ParsedSentence) -> list[Token]:
    """The words that stand alone: the "old" of "a 19-year-old" says nothing about age."""
    return [t for t in sentence.tokens if not hyphen_joined(sentence.text, sentence.start, t)]


def _slot_antonyms(ctx: PairContext, sentence: ParsedSentence, aligned: list[ParsedSentence]) -> list[Finding]:
    """A derived word that replaces a source word in the same slot (the rest of the sentence
    matches around it) with its opposite ("disregarded" for "greeted"). Why a second pass: the
    slot is known, so looser opposites can count (valence, negating prefixes, WordNet
    neighbourhoods) without matching words that merely share the sentence."""
    derived_lemmas = {t.lemma for t in sentence.tokens}
    said = {t.lemma for src in aligned for t in src.tokens}  # words some aligned source sentence has
    # Valence is loose evidence: only for a one-to-one rendering, where the slot is reliable.
    use_valence = ctx.is_one_to_one(sentence.index)
    for src in aligned:
        for i, j in substitutions(sentence, src):
            tok, other = sentence.tokens[i], src.tokens[j]
            if tok.lemma in said or other.lemma in derived_lemmas or tok.ent_type or other.ent_type:
                continue
            if lemma_is_gendered(tok) or not slot_opposed(tok, other, use_valence) or said_in_context(ctx, sentence, i):
                continue
            if said_through_complement(sentence, i, other) or said_through_complement(src, j, tok):
                continue  # "contribute to a lag" / "delay": the verb brings about what the other word says
            if _negated_here(src, j) != _negated_here(sentence, i):
                continue
            return [make_finding(
                ctx, "negation_flip", sentence, tok.text, src, other.text,
                f'"{tok.text}" takes the place of the source\'s "{other.text}" and says the opposite.', 0.6,
                severity="medium",
            )]
    if use_valence and len(aligned) == 1:
        return _unslotted_opposite(ctx, sentence, aligned[0], said, derived_lemmas)
    return []


# How far apart (as a share of sentence length) two words may stand and still be read as one slot
# when the parser gives neither a slot: a rendering keeps the order of its clauses.
_UNSLOTTED_GAP = 0.2


def _unslotted_opposite(ctx: PairContext, sentence: ParsedSentence, src: ParsedSentence, said: set[str],
                        derived_lemmas: set[str]) -> list[Finding]:
    """In a one-to-one rendering, a derived word the parser gives no slot ("negate life" tagged as an
    adjective; "get along really poorly" for "understand one another splendidly") that WordNet
    opposes to the one source word left unrendered at the same place in the sentence, in the same
    part of speech. Why: a rendering keeps every source word, in other words; when the one
    unrendered source word there and the one new word there are WordNet opposites, the version
    says the opposite. Exactly one candidate on each side, so two loose paraphrases never meet, and
    no link through a light verb ("caused ... deaths" / "killed ... people" meet only through "get")."""
    anchored = anchors(sentence, src)
    taken = set(anchored.values())
    slotted = {i for i, _ in substitutions(sentence, src)}
    n, m = max(1, len(sentence.tokens)), max(1, len(src.tokens))
    free_src = [j for j, t in enumerate(src.tokens) if j not in taken and t.pos in CONTENT_POS
                and not t.ent_type and t.lemma not in derived_lemmas and t.lemma not in VAGUE_POLES]
    src_readings = {j: set(wordnet_readings(src.tokens[j])) for j in free_src}
    found = []
    for i, tok in enumerate(sentence.tokens):
        if i in anchored or i in slotted or tok.pos not in CONTENT_POS or tok.ent_type or tok.lemma in said \
                or tok.lemma in VAGUE_POLES or lemma_is_gendered(tok):
            continue
        near = [j for j in free_src if abs(i / n - j / m) <= _UNSLOTTED_GAP]
        readings = set(wordnet_readings(tok))
        opposed = [j for j in near if readings & src_readings[j]
                   and slot_opposed(tok, src.tokens[j], use_valence=False, light_links=False)
                   and not said_through_complement(sentence, i, src.tokens[j])
                   and not said_through_complement(src, j, tok)]
        if len(opposed) != 1 or _negated_here(src, opposed[0]) != _negated_here(sentence, i) \
                or _person_and_thing(ctx, sentence, i, src, opposed[0]):
            continue
        found.append((i, opposed[0]))
    if len(found) != 1:
        return []
    i, j = found[0]
    tok, other = sentence.tokens[i], src.tokens[j]
    return [make_finding(
        ctx, "negation_flip", sentence, tok.text, src, other.text,
        f'"{tok.text}" stands where the source has "{other.text}", the one source word there this version'
        " does not render, and says its opposite.", 0.55, severity="medium",
    )]


_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def _subject(sentence: ParsedSentence, i: int) -> Token | None:
    return next((t for k, t in enumerate(sentence.tokens) if t.head == i and k != i and t.dep in _SUBJECT_DEPS), None)


def _is_person(tok: Token, mentions) -> bool:
    """A person's name (by the tagger, or a mention the article links to a person: "Horton" after
    "Zurana Horton") or a noun for a person ("courier")."""
    return tok.ent_type == "PERSON" \
        or any(m.kind == "person" and m.start <= tok.start < m.end for m in mentions) \
        or (tok.pos == "NOUN" and wordnet.means_a_person(tok.lemma))


def _person_and_thing(ctx: PairContext, sentence: ParsedSentence, i: int, src: ParsedSentence, j: int) -> bool:
    """Are the two words said one of a person and the other of no person ("where the courier was
    killed" / "as the shooting began")? What befell a person and what an event did are two
    happenings, not one claim reversed: "kill" meets "begin" only through its sense "end", which
    nothing said of a person has. A pronoun may stand for either, so it tells nothing apart. For the
    unslotted pairing only, where the parser gives no slot to say the two words are one claim."""
    a, b = _subject(sentence, i), _subject(src, j)
    if a is None or b is None or "PRON" in (a.pos, b.pos):
        return False
    return _is_person(a, ctx.derived.mentions) != _is_person(b, ctx.source.mentions)


def said_in_context(ctx: PairContext, sentence: ParsedSentence, index: int, window: int = 3,
                    besides: ParsedSentence | None = None) -> bool:
    """Does a source sentence say this word, or a synonym in its main sense, next to at least
    two of the content words around it here? A summary sentence fuses several source sentences,
    and one may have an opposite elsewhere ("on Thursday morning") while another says the same
    thing ("on the eve of the one-year anniversary" / "on the evening before the one-year
    anniversary"). ``besides``: a source sentence left out of the search (the one the word was
    counted against)."""
    tok = sentence.tokens[index]
    pos = wordnet.SPACY_POS.get(tok.pos)
    forms = {tok.lemma, tok.lower} | (set(wordnet.synonym_set(tok.lemma, pos, limit=1)) if pos else set())
    before = _content_keys_in_order(sentence.tokens[:index])[-window:]
    after = _content_keys_in_order(sentence.tokens[index + 1:])[:window]
    around = set(before) | set(after)
    if len(around) < 2:
        return False
    for src, keys in zip(ctx.src.sentences, source_content_keys(ctx.src)):
        if besides is not None and src.index == besides.index:
            continue
        if len(around & keys) >= 2 and any(t.lemma in forms or t.lower in forms for t in _free_tokens(src)):
            return True
    return False


def _content_keys_in_order(tokens: list[Token]) -> list[str]:
    return [k for t in tokens for k in content_keys([t])]


def lemma_is_gendered(tok: Token) -> bool:
    return tok.lemma in GENDER_WORDS or tok.lemma in _PRONOUN_GENDER


def _negated_here(sentence: ParsedSentence, index: int) -> bool:
    """Negated, or right after a "not" the parser hung elsewhere ("not long after")."""
    prev = sentence.tokens[index - 1].lower if index else ""
    return _negated(sentence, index) or prev in ("not", "n't", "never") or under_negation(sentence, index)


def _expressed_opposite(tok: Token, src: ParsedSentence, sentence: ParsedSentence) -> int | None:
    """Index of a source word that is an opposite of ``tok`` or a near-synonym of one, where the
    source has more such words than the derived sentence (so "more ... more" / "less ... more"
    counts, but a sentence that keeps both poles does not)."""
    if tok.pos in ("ADP", "SCONJ") and tok.lower not in _SPATIAL_ADP:
        return None
    opposite = set().union(*(opposite_senses(f) for f in _forms(tok)))
    hits = [j for j, t in enumerate(src.tokens) if t.pos in _OPPOSITE_POS and _forms(t) & opposite]
    if not hits:
        return wordnet_opposite(tok, src, sentence)
    derived_hits = [t for t in sentence.tokens if t.pos in _OPPOSITE_POS and _forms(t) & opposite]
    if len(derived_hits) >= len(hits):
        return None
    return hits[0]


_SPATIAL_ADP = frozenset({"over", "under", "above", "below", "before", "after", "inside", "outside", "between", "within"})


def _opposites_in(lemma: str, pos: str, src_lemmas: Counter, derived_lemmas: Counter) -> list[str]:
    """The opposites of ``lemma`` that the source uses more often than the derived sentence does
    ("more ... more" in the source, "less ... more" in the derived)."""
    found = sorted(o for o in ANTONYMS.get(lemma, ()) if src_lemmas[o] > derived_lemmas[o])
    if found or len(lemma) < 5:
        return found
    # in-/im-/il-/ir- make opposites of adjectives only ("inform" is not "not form").
    prefixes = NEGATING_PREFIXES if pos in ("ADJ", "ADV") else ("un", "dis", "non", "non-")
    for prefix in prefixes:
        # "unlikely" against "likely", "likely" against "unlikely".
        base = lemma[len(prefix):]
        if lemma.startswith(prefix) and len(base) >= 5 and src_lemmas[base] > derived_lemmas[base]:
            return [base]
        if src_lemmas[prefix + lemma] > derived_lemmas[prefix + lemma]:
            return [prefix + lemma]
    return []


def _nearest(candidates: list[str], src_positions: dict[str, int], at: float, src_length: int) -> str | None:
    """The opposite standing nearest the derived word's place in its sentence: "the end of work marks
    the beginning" against "the start of work marks the launch" reverses "start", not "launch" (both
    are opposites of "end"; the sentence keeps its order). Ties go to the first in sorted order, so the
    choice never depends on how a set happens to iterate."""
    if not candidates:
        return None
    return min(candidates, key=lambda o: abs(src_positions[o] / max(1, src_length) - at))


def _clause(sentence: ParsedSentence, index: int) -> str:
    """The words around a negated word, as the value a reader sees ("will never accept tariffs"),
    without a quotation mark or comma cut in half at either end."""
    lo, hi = max(0, index - 3), min(len(sentence.tokens), index + 3)
    toks = sentence.tokens[lo:hi]
    while len(toks) > 1 and toks[0].pos == "PUNCT":
        toks = toks[1:]
    while len(toks) > 1 and toks[-1].pos == "PUNCT":
        toks = toks[:-1]
    return sentence.text[toks[0].start - sentence.start: toks[-1].end - sentence.start]


def gender_key(tok: Token) -> str:
    return word_key(tok.lower)
