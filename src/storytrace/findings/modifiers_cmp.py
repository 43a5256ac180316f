"""Inserted modifiers: the derived sentence qualifies a thing the source leaves plain.

"She is in private custody" where the source says only "she is in custody", "the pointless
trials" for "the trials", "joyfully call" for "call": an adjective attached to a noun (or an
adverb attached to a noun or verb) that the aligned source sentence has (same lemma) with no
adjective or adverb of its own, when neither the word, a derivation, nor a near-synonym of it
appears anywhere in the source, and the rest of the sentence matches the source closely.
Vague, emphatic and time adverbs ("single", "wide", "mainly", "initially") carry no
checkable claim and are left alone. A translation rarely invents a qualifier out of nothing, so
this is reported as an unsupported addition.
"""
from __future__ import annotations

from storytrace.findings.common import PairContext, content_keys, make_finding
from storytrace.findings.text import ParsedSentence, Token, stem, word_key
from storytrace.findings.wordsense import related, senses
from storytrace.model import Finding

# Adjectives that only point or count loosely; they carry no checkable claim.
_VAGUE = frozenset("""other such same own certain several various many much more most few less least
whole entire main major key only very real actual particular specific general overall usual
respective relevant related corresponding following previous next last first second latter former
new old further additional extra possible total full single wide broad mainly mostly largely partly
initially especially particularly really quite rather fairly almost nearly just simply even still also
already always often usually generally highly deeply greatly widely closely strongly fully completely
entirely totally clearly directly actually finally eventually currently recently previously now then
again together instead later earlier soon long far well""".split())
_MIN_OVERLAP = 0.5


def _modifiers(sentence: ParsedSentence, index: int) -> list[Token]:
    """Qualifiers of a word: adjectives and adverbs attached to it (determiners, possessives and
    compounds do not qualify it)."""
    return [t for t in sentence.tokens if t.head == index and t.dep in ("amod", "advmod")
            and t is not sentence.tokens[index]]


def _supported(word: Token, ctx: PairContext) -> bool:
    vocab, stems = ctx.src.vocabulary, ctx.src.stems
    key = word_key(word.lower)
    if key in vocab or word_key(word.lemma) in vocab or stem(word.lower) in stems:
        return True
    if senses(word.lower) & vocab or senses(word.lemma) & vocab:
        return True
    # a derivation of a source word: "partially" for "part", "demographic" for "demography"
    return any(related(word.lower, v) or (len(v) >= 4 and key.startswith(v)) for v in vocab
               if len(v) >= 4 and v[:3] == key[:3])


def detect_modifiers(ctx: PairContext) -> list[Finding]:
    findings: list[Finding] = []
    for d, sources in ctx.aligned_sentences():
        d_keys = content_keys(d.tokens)
        for i, tok in enumerate(d.tokens):
            if tok.pos not in ("ADJ", "ADV") or tok.dep not in ("amod", "advmod") or tok.is_stop:
                continue
            if tok.ent_type or tok.like_num or not tok.text.isalpha() or not tok.text.islower() or len(tok.lower) < 3:
                continue
            around = ctx.derived.text[max(0, tok.start - 1):tok.end + 1]
            if "-" in around:  # part of a compound ("ill-prepared"): not a separate qualifier
                continue
            if tok.lower in _VAGUE or tok.lemma.lower() in _VAGUE:
                continue
            if not (0 <= tok.head < len(d.tokens)) or tok.head == i:
                continue
            head = d.tokens[tok.head]
            if head.pos != "NOUN" and not (tok.pos == "ADV" and head.pos == "VERB"):
                continue
            if _supported(tok, ctx):
                continue
            for s in sources:
                plain = [j for j, t in enumerate(s.tokens)
                         if t.pos == head.pos and word_key(t.lemma) == word_key(head.lemma)]
                if not plain or any(_modifiers(s, j) for j in plain):
                    continue
                s_keys = content_keys(s.tokens)
                rest = d_keys - {word_key(tok.lemma)}
                if not rest or len(rest & s_keys) / len(rest) < _MIN_OVERLAP:
                    continue
                findings.append(make_finding(
                    ctx, "unsupported_addition", d, tok.text, s, "",
                    f"The derived text calls the {head.text} {tok.text!r}; the source says only "
                    f"{head.text!r}, with no such qualifier anywhere.",
                    0.6,
                ))
                break
    return findings
