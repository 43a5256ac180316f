"""A span that is a name only by its capital letters, where capitals are a style.

The name checks take a capitalised word the tagger leaves outside any entity for a name (label
"PROPN"). Two places write common words with capitals as a matter of style: a headline in title
case capitalises every word ("Earthquake Relief Works Day and Night"), and a text capitalises an
office or a body named by a common compound ("the Communist Prime Minister"; WordNet lists
"prime minister" as a common noun, written in lower case). There, when the tagger sees no name and
every word of the span is a common English word (WordNet knows it in lower case, in a sense that is
no instance of a named thing, and it names no place), the capitals are the one signal that the span
names anything; a version that says the same in lower-case words of its own ("relief continues",
"chancellor") drops no name. A finding resting on that one signal is shown as low.

A real name stays a name: one the tagger types ("Merkel"), one with a word that is no common word
("Rui", "Heilongjiang"), a place WordNet knows ("Turkey"), and a capitalised common word in a
sentence written in ordinary case that forms no common compound (a first measured form lowered
these too and lost planted DEMETR and SummEdits names: session 22, fa22, RESULTS.md).
"""
from __future__ import annotations

from storytrace.findings.text import ParsedSentence
from storytrace.nlp import wordnet

CAPITALS_ONLY_NOTE = (" Low, not medium: only its capital letters make it a name (the tagger finds no name there,"
                      " and each of its words is a common English word), and here capitals are a style (a headline"
                      " in title case, or an office or body named by a common compound), so the other version may"
                      " say the same in common words of its own.")

# A headline capitalises (nearly) all its content words; an ordinary sentence with many names
# still writes its common nouns and verbs in lower case.
_TITLE_SHARE = 0.8
_TITLE_MIN_WORDS = 3


def capitals_only(sentence: ParsedSentence, first: int, end: int, label: str) -> bool:
    """Is the span tokens[first:end] (its tagger label ``label``) a name by style capitals alone?"""
    if label != "PROPN":
        return False
    words = [t.text for t in sentence.tokens[first:end] if t.text[:1].isupper()]
    if not words or not all(w.isalpha() and wordnet.common_word(w.lower()) and not wordnet.named_places(w)
                            for w in words):
        return False
    return title_case(sentence) or _in_common_compound(sentence, first, end)


def title_case(sentence: ParsedSentence) -> bool:
    """Is the sentence written in title case (a headline): nearly every content word after the first
    capitalised?"""
    words = [t for t in sentence.tokens[1:] if t.text.isalpha() and not t.is_stop]
    if len(words) < _TITLE_MIN_WORDS:
        return False
    return sum(t.text[:1].isupper() for t in words) >= _TITLE_SHARE * len(words)


def _in_common_compound(sentence: ParsedSentence, first: int, end: int) -> bool:
    """Does the span lie inside a run of capitalised words of which two or more in a row, the span
    among them, make a compound WordNet writes in lower case in some sense ("Prime Minister":
    "prime_minister", a common noun)?"""
    toks = sentence.tokens
    a, b = first, end
    while a > 0 and toks[a - 1].text[:1].isupper() and toks[a - 1].text.isalpha():
        a -= 1
    while b < len(toks) and toks[b].text[:1].isupper() and toks[b].text.isalpha():
        b += 1
    db = wordnet.wordnet()
    for i in range(a, first + 1):
        for j in range(max(end, i + 2), b + 1):
            lemma = "_".join(t.text.lower() for t in toks[i:j])
            if any(w[:1].islower() and w.lower() == lemma
                   for sid in db.synsets(lemma, "n") for w in wordnet.lemmas_as_written(sid)):
                return True
    return False
