"""Closed-class attribute words: colours, weekdays, months, compass directions, gender, and the
unit of a span of time ("one-year" / "one-month").

A faithful rewrite has no reason to trade one member of such a class for another ("yellow and
blue" / "yellow and white", "Tuesday" / "Thursday", "she" / "he"), so a member the aligned source
sentence lacks, where that sentence has another member, is a change.
"""
from __future__ import annotations

from storytrace.findings.clauses import governor
from storytrace.findings.registry import detector
from storytrace.findings.slots import same_word
from storytrace.findings.common import PairContext, make_finding, slot_sources
from storytrace.findings.lexicon import COLOURS, DIRECTIONS, GENDER_WORDS, MONTHS, WEEKDAYS
from storytrace.findings.numbers import number_value
from storytrace.findings.person_sex import FEMALE_NOUNS, MALE_NOUNS, noun_sex
from storytrace.findings.text import ParsedSentence, Token, word_key
from storytrace.model import Finding

# The closed list: the nouns person_sex reads in a definition's opening phrase, with pronouns, plurals and titles.
_MASCULINE = MALE_NOUNS | frozenset("he his him himself men boys mr".split())
_FEMININE = FEMALE_NOUNS | frozenset("she her hers herself women girls mrs ms".split())


def attribute_class(tok: Token) -> str | None:
    w = tok.lower
    if w in COLOURS and tok.pos == "ADJ":
        return "colour"
    if w in WEEKDAYS:
        return "weekday"
    if w in MONTHS and tok.text[:1].isupper() and tok.ent_type == "DATE":
        return "month"
    if w in DIRECTIONS:
        return "direction"
    if _listed_sex(tok) or tok.lemma in GENDER_WORDS or _wordnet_sex(tok):
        return "gender"
    return None


def _listed_sex(tok: Token) -> str:
    """The sex the closed list gives the word, a title written with its abbreviation point
    included ("Mr." / "Ms.", capitalised: a title, not "ms." of a manuscript)."""
    word = tok.lower
    if word.endswith(".") and tok.text[:1].isupper():
        word = word[:-1]
    return "m" if word in _MASCULINE else "f" if word in _FEMININE else ""


def _wordnet_sex(tok: Token) -> str:
    """The sex a common noun outside the closed list names in WordNet ("lad", "widow", "groom")."""
    return noun_sex(tok.lemma) if tok.pos == "NOUN" and tok.lemma.isalpha() else ""


def _by_wordnet(tok: Token) -> bool:
    """Is the token's sex read from WordNet, not from the closed list?"""
    return not _listed_sex(tok) and tok.lemma not in GENDER_WORDS and bool(_wordnet_sex(tok))


def _gender(tok: Token) -> str:
    word = tok.lower
    if word.endswith("s") and word[:-1] in ("male", "female"):  # "females" / "women"
        word = word[:-1]
    return "m" if word in _MASCULINE else "f" if word in _FEMININE else _listed_sex(tok) or _wordnet_sex(tok)


def _member_key(tok: Token) -> str:
    """One key per value: "north" and "northern" name the same direction."""
    w = word_key(tok.lower)
    if w in DIRECTIONS and w.endswith("ern"):
        return w[:-3]
    return w


def _members(sentence: ParsedSentence, cls: str) -> list[Token]:
    return [t for t in sentence.tokens if attribute_class(t) == cls]


@detector("attributes", scope="pair", types=("entity_swap", "date_change"))
def detect_attributes(ctx: PairContext) -> list[Finding]:
    findings: list[Finding] = _duration_changes(ctx)
    for sentence, aligned in ctx.aligned_sentences():
        for tok in sentence.tokens:
            cls = attribute_class(tok)
            if cls is None:
                continue
            derived_members = {word_key(t.lower) for t in _members(sentence, cls)}
            src_members = [(s, t) for s in aligned for t in _members(s, cls)]
            if cls == "gender":
                finding = _gender_change(ctx, sentence, tok, src_members)
                if finding:
                    findings.append(finding)
                continue
            if not src_members or _member_key(tok) in {_member_key(t) for _, t in src_members}:
                continue
            derived_members = {_member_key(t) for t in _members(sentence, cls)}
            lost = [(s, t) for s, t in src_members if _member_key(t) not in derived_members]
            if not lost:
                continue
            src_sentence, src_tok = lost[0]
            kind = "date_change" if cls in ("weekday", "month") else "entity_swap"
            if kind == "date_change" and not _same_event(sentence, tok, src_sentence, src_tok):
                continue  # "opens on July 20" / "was held last October": two events, not one date changed
            findings.append(make_finding(
                ctx, kind, sentence, tok.text, src_sentence, src_tok.text,
                f'The source says "{src_tok.text}" here; this version says "{tok.text}".', 0.75,
            ))
    return findings


def _same_event(sentence: ParsedSentence, tok: Token, src_sentence: ParsedSentence, src_tok: Token) -> bool:
    """Do the two dates hang off the same word (or a synonym): the same event dated twice?"""
    mine = governor(sentence, [sentence.tokens.index(tok)])
    theirs = governor(src_sentence, [src_sentence.tokens.index(src_tok)])
    return mine is not None and theirs is not None and same_word(mine, theirs)


def _gender_change(ctx, sentence, tok, src_members):
    gender = _gender(tok)
    if not gender or not src_members:
        return None
    # Pronouns are compared with pronouns, nouns with nouns ("woman" / "his" is no evidence).
    src_members = [(s, t) for s, t in src_members if (t.pos == "PRON") == (tok.pos == "PRON")]
    if not src_members:
        return None
    src_genders = {_gender(t) for _, t in src_members} - {""}
    if gender in src_genders or not src_genders:
        return None
    if _by_wordnet(tok) or any(_by_wordnet(t) for _, t in src_members):
        # WordNet reads many more nouns as one sex ("spokesman"): a person the version adds beside
        # the source's ("said DA spokesman Gregg Miliote") is no change of sex, so only a source noun
        # of the other sex that the version no longer says counts as replaced ("lad" -> "girl").
        said = {t.lemma.lower() for t in sentence.tokens}
        src_members = [(s, t) for s, t in src_members if _gender(t) and t.lemma.lower() not in said]
        if not src_members:
            return None
    src_sentence, src_tok = src_members[0]
    return make_finding(
        ctx, "entity_swap", sentence, tok.text, src_sentence, src_tok.text,
        f'The person\'s gender changed: the source says "{src_tok.text}", this version "{tok.text}".', 0.7,
        severity="medium",
    )


_TIME_UNITS = frozenset("second minute hour day week fortnight month year decade century".split())


def durations(sentence: ParsedSentence) -> list[tuple[float, Token, str]]:
    """(count, unit, as written) for each span of time given as a number and a unit: "one-year",
    "35 years"."""
    out = []
    toks = sentence.tokens
    for i, t in enumerate(toks):
        if t.lemma not in _TIME_UNITS:
            continue
        k = i - 1
        if k >= 0 and toks[k].text in ("-", "‐", "‑"):
            k -= 1
        value = number_value(toks[k].text) if k >= 0 and (toks[k].like_num or toks[k].pos == "NUM") else None
        if value is not None:
            out.append((value, t, sentence.text[toks[k].start - sentence.start:t.end - sentence.start]))
    return out


def _duration_changes(ctx: PairContext) -> list[Finding]:
    """The same count of a different unit ("the one-month anniversary" for "the one-year
    anniversary"): the number detector sees the same number, but the span of time changed.
    The source sentences are the aligned ones and those sharing most words (a summary
    sentence fuses several)."""
    findings: list[Finding] = []
    said = {(v, t.lemma) for s in ctx.src.sentences for v, t, _ in durations(s)}
    for sentence in ctx.der.sentences:
        spans = durations(sentence)
        if not spans:
            continue
        nearby = slot_sources(ctx, sentence)
        for value, unit, written in spans:
            if (value, unit.lemma) in said:
                continue
            other = next(((s, w) for s in nearby for v, t, w in durations(s) if v == value and t.lemma != unit.lemma), None)
            if other is None:
                continue
            src_sentence, src_written = other
            findings.append(make_finding(
                ctx, "date_change", sentence, written, src_sentence, src_written,
                f'The span of time changed: the source says "{src_written}", this version "{written}".', 0.75,
            ))
    return findings
