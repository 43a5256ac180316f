"""Synthetic sentence pairs planted in news text: edits that change what a sentence claims
(inconsistent) and edits that keep every claim supported (consistent).

Each function takes a parsed sentence (a spaCy Span of a pipeline with parser, NER and
lemmatizer) and returns the edited text, or None where the edit does not apply. Character spans
are cut from the original text, so the rest of the sentence stays exactly as written.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass

INCONSISTENT_KINDS = ("name_swap", "number_change", "date_change", "negation", "antonym",
                      "argument_swap", "hedge_drop", "added_clause")
CONSISTENT_KINDS = ("identity", "compression", "fusion")

SWAPPABLE_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT")
NUMBER_LABELS = ("CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL")
NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve",
                "dozen", "hundred", "thousand", "million", "billion")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Adverbs that weaken a claim; dropping one asserts as fact what the source only reported.
HEDGE_ADVERBS = frozenset({"reportedly", "allegedly", "possibly", "probably", "apparently", "likely",
                           "perhaps", "presumably", "supposedly", "purportedly", "seemingly"})
# A name worth swapping: one to four capitalised words (spaCy also labels dates and debris).
_NAME = re.compile(r"(?:the )?[A-Z][\w.'’-]*(?: (?:of |de |al-)?[A-Z][\w.'’-]*){0,3}")
HEDGE_MODALS = frozenset({"may", "might", "could"})
HEDGE_PHRASE = re.compile(r"\b(is|are|was|were) (expected|likely|set|due|believed|thought) to\b")
# Modifiers whose removal changes who or what is meant ("former minister" is no minister):
# a compression never drops them.
PRIVATIVE = frozenset({"former", "alleged", "suspected", "fake", "false", "so-called", "would-be",
                       "possible", "potential", "acting", "deputy", "ex", "no", "not", "only",
                       "first", "last", "late", "vice", "interim", "assistant", "non"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "until", "whether", "although", "though", "before", "once"})


@dataclass(frozen=True)
class Perturbation:
    text: str
    kind: str
    consistent: bool


def _replace(sent, start: int, end: int, new: str) -> str:
    """The sentence text with characters [start, end) of the document replaced by ``new``."""
    base = sent.start_char
    text = sent.text
    out = text[:start - base] + new + text[end - base:]
    return _tidy(out)


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r",\s*([,.;:!?])", r"\1", text)
    text = re.sub(r"^[,;\s]+", "", text)
    return text.strip()


def _changed(sent, new: str | None) -> str | None:
    if not new or _tidy(new) == _tidy(sent.text) or len(new.split()) < 4:
        return None
    return new


def name_swap(sent, names: dict[str, list[str]], rng: random.Random) -> str | None:
    """Another name of the same kind from the same article takes a name's place."""
    options = []
    for ent in sent.ents:
        if ent.label_ not in SWAPPABLE_LABELS:
            continue
        words = set(ent.text.lower().split())
        if not _NAME.fullmatch(ent.text):
            continue
        others = [n for n in names.get(ent.label_, ()) if _NAME.fullmatch(n)
                  if n.lower() not in sent.text.lower() and not (words & set(n.lower().split()))]
        if others:
            options.append((ent, others))
    if not options:
        return None
    ent, others = options[rng.randrange(len(options))]
    return _changed(sent, _replace(sent, ent.start_char, ent.end_char, rng.choice(others)))


def _new_number(value: str, rng: random.Random) -> str:
    digits = value.replace(",", "")
    if "." in digits:
        whole, frac = digits.split(".", 1)
        return f"{int(whole or 0) + rng.randint(1, 9)}.{frac}"
    n = int(digits)
    candidates = [n * 2, n * 3, n + rng.randint(1, max(2, n // 3 or 1)), max(1, n // 2)]
    if 1900 <= n <= 2100:  # a year-like figure: a nearby year
        candidates = [n + d for d in (-3, -2, -1, 1, 2)]
    new = rng.choice([c for c in candidates if c != n] or [n + 1])
    return f"{new:,}" if "," in value else str(new)


def number_change(sent, rng: random.Random) -> str | None:
    """A quantity takes another value (digits, or a number word)."""
    spots = []
    for ent in sent.ents:
        if ent.label_ in NUMBER_LABELS:
            for m in re.finditer(r"\d[\d,]*(?:\.\d+)?", ent.text):
                spots.append((ent.start_char + m.start(), ent.start_char + m.end(), m.group(), True))
            for tok in ent:
                if tok.lower_ in NUMBER_WORDS:
                    spots.append((tok.idx, tok.idx + len(tok.text), tok.text, False))
    if not spots:
        return None
    start, end, value, is_digits = spots[rng.randrange(len(spots))]
    if is_digits:
        new = _new_number(value, rng)
    else:
        new = rng.choice([w for w in NUMBER_WORDS if w != value.lower()])
        new = new.capitalize() if value[0].isupper() else new
    return _changed(sent, _replace(sent, start, end, new))


def date_change(sent, rng: random.Random) -> str | None:
    """A month, weekday, year or day of the month in a date takes another value."""
    spots = []
    for ent in sent.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        for tok in ent:
            if tok.text in MONTHS:
                spots.append((tok, rng.choice([m for m in MONTHS if m != tok.text])))
            elif tok.text in WEEKDAYS:
                spots.append((tok, rng.choice([d for d in WEEKDAYS if d != tok.text])))
            elif re.fullmatch(r"(19|20)\d\d", tok.text):
                spots.append((tok, str(int(tok.text) + rng.choice((-2, -1, 1, 2)))))
            elif re.fullmatch(r"\d{1,2}", tok.text) and 1 <= int(tok.text) <= 28:
                spots.append((tok, str(rng.choice([d for d in range(1, 29) if d != int(tok.text)]))))
    if not spots:
        return None
    tok, new = spots[rng.randrange(len(spots))]
    return _changed(sent, _replace(sent, tok.idx, tok.idx + len(tok.text), new))


def _main_verb(sent):
    root = sent.root
    return root if root.pos_ in ("VERB", "AUX") else None


def negation(sent, rng: random.Random) -> str | None:
    """Remove the negation of the main clause, or add one."""
    root = _main_verb(sent)
    if root is None:
        return None
    negs = [c for c in root.children if c.dep_ == "neg"]
    if negs:
        neg = negs[0]
        if neg.lower_ == "never":
            return _changed(sent, _replace(sent, neg.idx, neg.idx + len(neg.text), ""))
        if neg.lower_ in ("not", "n't"):
            # "didn't go" -> "did go": keep the auxiliary, drop the particle
            start = neg.idx
            return _changed(sent, _replace(sent, start, start + len(neg.text), ""))
        return None
    auxes = [c for c in root.children if c.dep_ in ("aux", "auxpass") and c.lower_ != "to" and c.i < root.i]
    if auxes:
        aux = auxes[0]
        return _changed(sent, _replace(sent, aux.idx + len(aux.text), aux.idx + len(aux.text), " not"))
    if root.pos_ == "AUX" or root.lemma_ == "be":
        return _changed(sent, _replace(sent, root.idx + len(root.text), root.idx + len(root.text), " not"))
    do = {"VBD": "did", "VBZ": "does", "VBP": "do"}.get(root.tag_)
    if do is None or not root.lemma_.isalpha():
        return None
    return _changed(sent, _replace(sent, root.idx, root.idx + len(root.text), f"{do} not {root.lemma_}"))


def antonym(sent, rng: random.Random) -> str | None:
    """An adjective, adverb or base-form verb is replaced by its WordNet antonym ("large" ->
    "small"; a satellite "huge" through its cluster head)."""
    spots = []
    for tok in sent:
        if tok.tag_ in ("JJ", "RB", "VB") and tok.text.isalpha() and tok.text.islower() and not tok.ent_type_:
            found = _direct_opposite(tok.lower_, tok.pos_)
            if found:
                spots.append((tok, found))
    if not spots:
        return None
    tok, found = spots[rng.randrange(len(spots))]
    return _changed(sent, _replace(sent, tok.idx, tok.idx + len(tok.text), found))


def _direct_opposite(word: str, pos: str) -> str | None:
    """The first word of the first antonym sense among the word's three commonest senses;
    indirect antonyms run to rare words ("valuable" / "chaffy"), so they are not used."""
    from storytrace.nlp.wordnet import ANTONYM, wordnet

    letter = {"ADJ": "a", "ADV": "r", "VERB": "v"}.get(pos)
    if letter is None:
        return None
    wn = wordnet()
    for sid in wn.synsets(word, letter, 3):
        for source in (sid, *wn.cluster_heads(sid)):
            for opp in wn.synset(source).linked(ANTONYM):
                for w in wn.words(opp):
                    if w.isalpha() and w != word and _common(w, pos):
                        return w
    return None


def _senses(word: str, pos: str) -> int:
    from storytrace.nlp.wordnet import wordnet

    return len(wordnet().synsets(word, {"ADJ": "a", "ADV": "r", "VERB": "v"}.get(pos, "a")))


def _common(word: str, pos: str) -> bool:
    """A stand-in for word frequency: common words have several WordNet senses."""
    return _senses(word, pos) >= 2


def _subtree_span(tok) -> tuple[int, int]:
    left, right = tok.left_edge, tok.right_edge
    return left.idx, right.idx + len(right.text)


def argument_swap(sent, rng: random.Random) -> str | None:
    """Subject and object of one verb change places ("A beat B" -> "B beat A")."""
    for verb in sent:
        if verb.pos_ != "VERB":
            continue
        subj = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NOUN")]
        obj = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("PROPN", "NOUN")]
        if not subj or not obj:
            continue
        (s0, s1), (o0, o1) = _subtree_span(subj[0]), _subtree_span(obj[0])
        if len(list(subj[0].subtree)) > 5 or len(list(obj[0].subtree)) > 5 or s1 > o0:
            continue
        text, base = sent.text, sent.start_char
        a, b = text[s0 - base:s1 - base], text[o0 - base:o1 - base]
        if a.lower() == b.lower():
            continue
        new = text[:s0 - base] + _cap(b, s0 == base) + text[s1 - base:o0 - base] + _uncap(a) + text[o1 - base:]
        return _changed(sent, _tidy(new))
    return None


def _cap(text: str, first: bool) -> str:
    return text[:1].upper() + text[1:] if first else text


def _uncap(text: str) -> str:
    # "The minister" in object position: lower a determiner, never a name
    first = text.split(" ", 1)[0]
    if first in ("The", "A", "An", "This", "That", "These", "Those", "Its", "Their", "His", "Her"):
        return first.lower() + text[len(first):]
    return text


def hedge_drop(sent, rng: random.Random) -> str | None:
    """A hedge goes: an adverb ("reportedly"), a modal ("may rise" -> "will rise") or a
    distancing phrase ("is expected to" -> "will")."""
    for tok in sent:
        if tok.lower_ in HEDGE_ADVERBS and tok.dep_ == "advmod":
            return _changed(sent, _replace(sent, tok.idx, tok.idx + len(tok.text), ""))
        if tok.lower_ in HEDGE_MODALS and tok.dep_ == "aux":
            return _changed(sent, _replace(sent, tok.idx, tok.idx + len(tok.text), "will"))
    m = HEDGE_PHRASE.search(sent.text)
    if m:
        will = "will" if m.group(1) in ("is", "are") else "would"
        new = sent.text[:m.start()] + will + sent.text[m.end():]
        return _changed(sent, _tidy(new))
    return None


def join(first: str, second: str, keep_capital: bool = False) -> str:
    """Two sentences as one: "A. B." -> "A, and b." (``keep_capital`` for a name or "I")."""
    second = second.strip()
    head = second.split(" ", 1)[0]
    if not keep_capital and head != "I" and head[1:].islower():
        second = second[:1].lower() + second[1:]
    first = first.strip()
    if first.endswith(('."', '.”')):  # the full stop inside a closing quotation becomes a comma
        return _tidy(first[:-2] + "," + first[-1] + " and " + second)
    return _tidy(first.rstrip(".!?") + ", and " + second)


_FUNCTION_WORDS = frozenset({"the", "a", "an", "he", "she", "it", "they", "we", "this", "that", "these",
                             "those", "his", "her", "its", "their", "in", "on", "at", "for", "but",
                             "there", "some", "many", "most", "one", "after", "before", "during", "when"})


def added_clause(sent, far) -> str | None:
    """A sentence from elsewhere in the article (not in the premise) joins this one."""
    return _changed(sent, join(sent.text, far.text, far[0].pos_ == "PROPN"))


def compression(sent, rng: random.Random) -> str | None:
    """Drop a non-restrictive relative clause, an apposition, a subordinate clause that is not a
    condition, or a modifier that does not change what is meant."""
    spots = []
    for tok in sent:
        if tok.dep_ in ("relcl", "appos") and tok.left_edge.i > sent.start and sent.doc[tok.left_edge.i - 1].text == ",":
            spots.append(tok)
        elif tok.dep_ == "advcl" and not any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in tok.children):
            spots.append(tok)
        elif _droppable_modifier(tok):
            spots.append(tok)
    if not spots:
        return None
    tok = spots[rng.randrange(len(spots))]
    start, end = _subtree_span(tok)
    if end - start > 0.6 * len(sent.text):
        return None
    text, base = sent.doc.text, sent.start_char
    if text[end:end + 1] == "," and text[max(base, start - 2):start] == ", ":
        start, end = start - 2, end + 1  # "Kovacs, who ..., resigned": both commas of the parenthesis go
    return _changed(sent, _replace(sent, start, end, ""))


def _droppable_modifier(tok) -> bool:
    """A plain adjective on a noun or a manner adverb on a verb: no number, ordinal, comparison,
    degree word, negation or privative ("former")."""
    if tok.n_lefts + tok.n_rights or tok.ent_type_ or tok.like_num or tok.lower_ in PRIVATIVE:
        return False
    if tok.dep_ == "amod":
        return tok.tag_ == "JJ" and tok.head.pos_ in ("NOUN", "PROPN")
    if tok.dep_ == "advmod":
        return (tok.tag_ == "RB" and tok.head.pos_ == "VERB" and tok.lower_.endswith("ly")
                and tok.lower_ not in HEDGE_ADVERBS and tok.lower_ not in _NEGATIVE_ADVERBS)
    return False


_NEGATIVE_ADVERBS = frozenset({"never", "not", "no", "hardly", "barely", "scarcely", "rarely", "seldom",
                               "almost", "nearly", "only", "just", "even", "still", "again", "also", "too"})
