"""quote_change and attribution_change for quotations the extractor found.

A derived quote is paired with the source quote it shares most content words with. Translation
noise (synonyms, word order, tense) leaves most content words or their stems in place; a changed
number, a flipped negation or a key noun or name the source quote lacks is a change. A quote
paired with one given to another speaker is an attribution change.
"""
from __future__ import annotations

from storytrace.findings.common import PairContext, make_finding
from storytrace.findings.severity import Signal, lower_to_medium
from storytrace.findings.names import compare_names
from storytrace.findings.meaning import swap_word
from storytrace.findings.registry import detector
from storytrace.findings.text import ParsedSentence, Token, stem, word_key
from storytrace.findings.wordsense import related
from storytrace.model import Finding, Quote
from storytrace.nlp import wordnet

_KEY_POS = frozenset({"NOUN", "PROPN", "NUM"})
_NEG = frozenset({"not", "n't", "no", "never", "none", "nothing", "nobody", "neither", "nor", "without"})


def _tokens_in(sentences: list[ParsedSentence], start: int, end: int) -> list[Token]:
    return [t for s in sentences for t in s.tokens if t.start >= start and t.end <= end]


def _sentence_at(sentences: list[ParsedSentence], offset: int) -> ParsedSentence | None:
    return next((s for s in sentences if s.start <= offset < s.end), None)


def _content(tokens: list[Token]) -> set[str]:
    return {stem(t.lemma) for t in tokens if t.pos in ("NOUN", "PROPN", "VERB", "ADJ", "NUM") and not t.is_stop}


@detector("quotes", scope="pair", types=("quote_change", "attribution_change"),
          severity={"quote_change": "high"}, rank={"quote_change": 60}, strict=("quote_change",))
def detect_quotes(ctx: PairContext) -> list[Finding]:
    findings: list[Finding] = []
    if not ctx.derived.quotes or not ctx.source.quotes:
        return findings
    src_quotes = [(q, _tokens_in(ctx.src.sentences, q.start, q.end)) for q in ctx.source.quotes]
    for quote in ctx.derived.quotes:
        tokens = _tokens_in(ctx.der.sentences, quote.start, quote.end)
        words = _content(tokens)
        if len(words) < 3:
            continue
        best, best_overlap = None, 0.0
        for src_quote, src_tokens in src_quotes:
            overlap = len(words & _content(src_tokens)) / max(1, min(len(words), len(_content(src_tokens)) or 1))
            if overlap > best_overlap:
                best, best_overlap = (src_quote, src_tokens), overlap
        if best is None or best_overlap < 0.5:
            continue
        claim = _sentence_at(ctx.der.sentences, quote.start)
        src_quote, src_tokens = best
        src_sentence = _sentence_at(ctx.src.sentences, src_quote.start)
        if claim is None:
            continue
        change = _key_change(tokens, src_tokens, ctx)
        if change and best_overlap < 0.999:
            derived_word, source_word, what, words = change
            # A changed number, name or polarity inside a matched quote is one signal: the quote's
            # words counted against the source quote's. The number, name and negation detectors
            # read the same sentence clause by clause; when one of them sees the change, merge.py
            # makes it the finding and this one its supporting evidence (two signals, high). A
            # quote_change left on its own is what none of them confirms: a figure or name the
            # source gives elsewhere, a negation the clause paraphrases. Medium, and it says so;
            # the story's other versions may still raise it. A different common noun may be a
            # loose translation.
            finding = make_finding(
                ctx, "quote_change", claim, derived_word, src_sentence, source_word,
                f'The quotation was changed: the source quote has "{source_word}", this version "{derived_word}" '
                f'({_WHAT[what]}).', 0.75, severity="medium",
            )
            if what in _UNCONFIRMED:
                lower_to_medium(finding, Signal.DETECTORS_AGREE, _UNCONFIRMED[what])
            if what == "word" and _reads_the_same(ctx, claim, *words):
                finding.severity = "low"
                finding.explanation += (" The sentence encoder reads the quote the same with either word in place"
                                        " (a rendering of one word, not a changed fact), so low.")
            findings.append(finding)
        if _different_speakers(quote, src_quote):
            # Both speakers named in their own sentences is two signals (the quotes pair up, the
            # names differ); a speaker carried over from an earlier sentence ("she added") is
            # resolved, not read, and may be resolved wrongly.
            named = _named_in(quote.speaker, claim.text) and src_sentence is not None \
                and _named_in(src_quote.speaker, src_sentence.text)
            finding = make_finding(
                ctx, "attribution_change", claim, quote.speaker or "", src_sentence, src_quote.speaker or "",
                f'This quotation is attributed to {quote.speaker} here but to {src_quote.speaker} in the source.', 0.8,
            )
            if not named:
                lower_to_medium(finding, Signal.NAMED_SPEAKERS, "a speaker is not named in the quote's own sentence"
                                " but carried over from an earlier one (\"she added\"), which may be resolved wrongly.")
            findings.append(finding)
    return findings


def _key_change(tokens: list[Token], src_tokens: list[Token], ctx: PairContext
                ) -> tuple[str, str, str, tuple[Token, Token] | None] | None:
    """(derived word, source word, what changed: number | name | polarity | word, the two tokens; None
    for polarity, whose "words" are labels), or None."""
    neg_d = sum(1 for t in tokens if t.lower in _NEG)
    neg_s = sum(1 for t in src_tokens if t.lower in _NEG)
    if (neg_d - neg_s) % 2:
        return ("negated" if neg_d > neg_s else "not negated", "not negated" if neg_d > neg_s else "negated",
                "polarity", None)
    # A synonym a translation chose ("deal" / "agreement") is usually used elsewhere in the source
    # too; a changed key noun ("farmers" / "fishermen") is found nowhere in it.
    src_keys = {stem(t.lemma) for t in src_tokens} | {word_key(t.text) for t in src_tokens}
    missing = [t for t in tokens if _is_key(t) and stem(t.lemma) not in src_keys and word_key(t.text) not in src_keys
               and word_key(t.lemma) not in ctx.src.vocabulary]
    lost = [t for t in src_tokens if _is_key(t) and stem(t.lemma) not in {stem(x.lemma) for x in tokens}]
    # A derivation ("progress" / "progression") or a near-synonym ("problems" / "difficulties")
    # is translation noise, not a changed key word.
    missing = [t for t in missing if t.pos == "NUM" or not any(_translation_wording(t, x) for x in src_tokens if _is_key(x))]
    lost = [t for t in lost if t.pos == "NUM" or not any(_translation_wording(t, x) for x in tokens if _is_key(x))]
    if missing and lost:
        # Compare like with like: a number against a number, a name against a name.
        for kind, test in (("number", lambda t: t.pos == "NUM"), ("name", lambda t: t.pos == "PROPN"),
                           ("word", lambda t: t.pos == "NOUN")):
            m = [t for t in missing if test(t)]
            lo = [t for t in lost if test(t)]
            if m and lo and (kind != "word" or (len(m) == 1 and len(lo) == 1
                                                and _same_place(m[0], lo[0], tokens, src_tokens, ctx))):
                return m[0].text, lo[0].text, kind, (m[0], lo[0])
        # Several nouns reworded at once is a looser translation of the whole quote, not one
        # word changed: which new noun stands for which old one is anyone's guess.
    return None


_UNCONFIRMED = {
    "number": "the number detector, which reads the whole sentence, does not see this figure changed (the source"
              " gives it, or writes it another way).",
    "name": "the name detectors do not see this name changed outside the quote's wording (the source names it,"
            " or spells it another way).",
    "polarity": "only the count of negation words differs; the negation detector, which compares the clauses,"
                " sees no flip (a negated verb may render its opposite).",
}


def _named_in(speaker: str | None, text: str) -> bool:
    """The speaker's surname (last word) is written in the sentence itself."""
    words = (speaker or "").split()
    return bool(words) and words[-1].lower() in text.lower()


_WHAT = {"number": "a different number", "name": "a different name", "polarity": "the negation differs",
         "word": "a word of different meaning; a loose translation is possible, so not high"}


def _translation_wording(a: Token, b: Token) -> bool:
    """Two words a translator may use for one word: related by form or sense, synonyms in any
    sense ("home" / "house"), or one a direct hypernym of the other ("the planet" for "Earth")."""
    if related(a.lemma, b.lemma):
        return True
    if a.pos == "NUM" or b.pos == "NUM":
        return False
    x, y = a.lemma.lower(), b.lemma.lower()
    return wordnet.are_synonyms(x, y, "n") or wordnet.is_hypernym_or_synonym(x, y, depth=1) \
        or wordnet.is_hypernym_or_synonym(y, x, depth=1)


def _is_key(tok: Token) -> bool:
    """Nouns, names and numbers written in digits ("this one" is no key word)."""
    if tok.pos == "NUM":
        return tok.text[:1].isdigit()
    return tok.pos in _KEY_POS and not tok.is_stop


def _different_speakers(a: Quote, b: Quote) -> bool:
    if not a.speaker or not b.speaker:
        return False
    return not compare_names(a.speaker, b.speaker).same_entity


def _place(tok: Token, sentences: list[ParsedSentence]) -> str | None:
    """The stem of the word a noun hangs on, through a preposition ("safety of civilian aircraft":
    "safety"); None for a sentence's root or a token outside the parse."""
    sentence = _sentence_at(sentences, tok.start)
    if sentence is None:
        return None
    seen = 0
    head = tok
    while seen < 3:
        seen += 1
        if not 0 <= head.head < len(sentence.tokens) or sentence.tokens[head.head] is head:
            return None
        head = sentence.tokens[head.head]
        if head.pos != "ADP":
            return stem(head.lemma)
    return None


def _same_place(new: Token, lost: Token, tokens: list[Token], src_tokens: list[Token], ctx: PairContext) -> bool:
    """Can the one new noun stand for the one lost noun? Not when the word the lost noun hangs on is
    in this quote too, governing something else, or the word the new noun hangs on is in the source
    quote governing something else: then each noun has its own counterpart in the other quote ("inject
    new momentum" / "inject new impetus", "every effort" / "full force"), a rendering WordNet does not
    join, and pairing the two compares words from different places. Unknown places pair, as before."""
    new_place, lost_place = _place(new, ctx.der.sentences), _place(lost, ctx.src.sentences)
    if new_place is None or lost_place is None or new_place == lost_place:
        return True
    der_places = {stem(t.lemma) for t in tokens}
    src_places = {stem(t.lemma) for t in src_tokens}
    return lost_place not in der_places and new_place not in src_places


# At or above this cosine, the quote sentence with the source's word put back reads as the same
# sentence to the engine's MiniLM: the two nouns render one word ("civilian aircraft" / "civil
# aviation", 0.99). Chosen on hand-written pairs ("revenues" / "profits" 0.94 and "fishermen" /
# "farmers" 0.84 stay medium) and the tuning part of bench_translations only. A long sentence moves
# less for any one word, so this reads only a pair already found in the same place of the quote.
SAME_READING = 0.97


def _reads_the_same(ctx: PairContext, claim: ParsedSentence, new: Token, lost: Token) -> bool:
    if ctx.encoder is None or not claim.start <= new.start < claim.end:
        return False
    import numpy as np

    vectors = np.asarray(ctx.encoder.encode([claim.text, swap_word(claim, new, lost.text)]), dtype=np.float32)
    return float(vectors[0] @ vectors[1]) >= SAME_READING
