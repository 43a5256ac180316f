"""Is a name written with its syllables run together in one version and spaced in the other?

A romanised name is cut into words by convention, not by its letters: a Chinese given name is written
"Menrui" or "Men Rui", a Korean one "Sunhee" or "Sun Hee". ``names.cut_differently`` answers this for
two whole names; but the tagger reads the two forms differently (the spaced form a PERSON, the joined
one an untyped word, or the spaced form cut into two units, "Men" and "Rui"), so the whole names are
often not what the detectors compare. Here the question is asked of the words around a name: do the
capitalised words next to each other in one version, run together, make a capitalised word of the other
version (or the other way round)? No letter differs, so no other person or thing is named, unless the
tagger reads the two as things of different kinds (a person's name against a body's), or one form is
only a piece of a longer name ("Chongyang" of "Chongyang Q&A", a column, rendered as "Chong Yang asked":
the longer name names something else, and only whole names are compared).
"""
from __future__ import annotations

from storytrace.findings.text import NameForms, ParsedArticle, ParsedSentence, word_key

# Pieces a joined name is cut into: a syllable or two each; more is a phrase, not one name.
_MOST_PIECES = 4
# A run-together name shorter than this may be an ordinary word made by chance ("Mr" + "S").
_SHORTEST = 5


def _name_word(text: str) -> bool:
    return text[:1].isupper() and text.isalpha()


def _runs(sentence: ParsedSentence) -> list[tuple[int, int]]:
    """(first, end) of each run of capitalised alphabetic tokens next to each other."""
    runs, first = [], None
    for i, t in enumerate(sentence.tokens + [None]):
        if t is not None and _name_word(t.text):
            first = i if first is None else first
        elif first is not None:
            runs.append((first, i))
            first = None
    return runs


def _joined(sentence: ParsedSentence, first: int, end: int) -> str:
    return "".join(word_key(t.text) for t in sentence.tokens[first:end])


# The tagger's kinds, grouped as the slots group them: a person, a body, a place.
_KIND = {"PERSON": "person", "ORG": "group", "GPE": "place", "LOC": "place", "FAC": "place", "NORP": "place"}


def _kinds(sentence: ParsedSentence, first: int, end: int) -> frozenset[str]:
    return frozenset(_KIND[t.ent_type] for t in sentence.tokens[first:end] if t.ent_type in _KIND)


def _alike(a: frozenset[str], b: frozenset[str]) -> bool:
    """May two spans name one thing by their kinds? Yes when either has none or they share one: the same
    letters read as a body's name and as a person's ("Heng Yuan said" / "Mr. Hengyuan said") are two things."""
    return not a or not b or bool(a & b)


def _whole(spans: list[tuple[str, int, int]], first: int, end: int) -> bool:
    """Is [first, end) no piece of a longer tagged name: every entity span it overlaps lies inside it?
    "Chongyang" of a name "Chongyang Q&A" (a column) is a piece: that name names something else."""
    return all(first <= a and b <= end for _, a, b in spans if a < end and first < b)


def name_forms(article: ParsedArticle) -> tuple[NameForms, NameForms]:
    """(the article's capitalised words, the words its runs of 2 to 4 capitalised words make when run
    together), as word keys, each with the kinds it is tagged with; once per article."""
    if article.views.name_cut_forms is None:
        single: dict[str, set[frozenset[str]]] = {}
        joined: dict[str, set[frozenset[str]]] = {}
        for s in article.sentences:
            spans = s.entities()
            for first, end in _runs(s):
                for i in range(first, end):
                    if _whole(spans, i, i + 1):
                        single.setdefault(word_key(s.tokens[i].text), set()).add(_kinds(s, i, i + 1))
                    for j in range(i + 2, min(end, i + _MOST_PIECES) + 1):
                        key = _joined(s, i, j)
                        if len(key) >= _SHORTEST and _whole(spans, i, j):
                            joined.setdefault(key, set()).add(_kinds(s, i, j))
        article.views.name_cut_forms = (single, joined)
    return article.views.name_cut_forms


def _written(key: str, kinds: frozenset[str], forms: NameForms) -> bool:
    return len(key) >= _SHORTEST and any(_alike(kinds, k) for k in forms.get(key, ()))


def cut_otherwise(sentence: ParsedSentence, first: int, end: int, other: ParsedArticle) -> bool:
    """Does ``other`` write the name at tokens [first, end) of ``sentence`` cut into words another way:
    the name's words (with capitalised words right beside it, which the tagger may have left out of it:
    "Rui" of "Men Rui") run together as one word of ``other`` ("Menrui"), or the name run together
    made of words ``other`` writes side by side ("Men Rui" for "Menrui")?"""
    toks = sentence.tokens
    if first >= end or not all(_name_word(t.text) for t in toks[first:end]):
        return False
    single, joined = name_forms(other)
    spans = sentence.entities()
    if end - first == 1 and _whole(spans, first, end) and _written(_joined(sentence, first, end), _kinds(sentence, first, end), joined):
        return True  # "Menrui" here, "Men Rui" there (a name of words is asked below: the same cut is no other cut)
    lo, hi = first, end  # the capitalised words around the name
    while lo > 0 and _name_word(toks[lo - 1].text):
        lo -= 1
    while hi < len(toks) and _name_word(toks[hi].text):
        hi += 1
    for i in range(lo, first + 1):
        for j in range(max(end, i + 2), min(hi, i + _MOST_PIECES) + 1):
            if _whole(spans, i, j) and _written(_joined(sentence, i, j), _kinds(sentence, i, j), single):
                return True  # "Men Rui" (or "Men" of it) here, "Menrui" there
    return False
