"""Texts written in capitals: a wire item, a teletype bulletin, a page that shouts.

Case is how a reader (and every reader built here) tells a name from a word: "Bountiful" in a sentence is
a town, "bountiful" an adjective. A text in capitals keeps its words and loses that. What still reads:
- its words, in lower case: an encoder trained on mixed-case text takes "ARRESTED" for rarer pieces than
  "arrested", so the document of one event in capitals lies far from the same words in lower case;
- its names, by the dictionary: a word the dictionary does not know as a common word ("RCMP",
  "BLACKMORE", "OLER") is a name; one it does ("POLICE", "ARRESTED", "OPAL"), or a function word
  it has no entry for ("AGAINST", "COULD"), is not read as one.
"""
from __future__ import annotations

import re
from functools import lru_cache

SAMPLE = 5000  # characters looked at: enough to tell how a text is cased
MIN_LETTERS = 20  # fewer letters than this (a code, a figure) is no text in capitals


def written_in_capitals(text: str) -> bool:
    """Most of the text's letters are capitals (more than half of the first SAMPLE characters')."""
    letters = [c for c in text[:SAMPLE] if c.isalpha() and (c.isupper() or c.islower())]
    return len(letters) >= MIN_LETTERS and sum(c.isupper() for c in letters) > len(letters) / 2


@lru_cache(maxsize=1 << 14)
def name_in_capitals(word: str) -> bool:
    """In a text in capitals, is ``word`` a name? When it is no function word and the dictionary does not
    know it as a common word."""
    from storytrace.nlp import wordnet  # on first use: the database is read once per process

    lower = re.sub(r"['’]s$", "", word.lower())  # "PROVINCE'S" is "province"
    return lower not in _function_words() and not wordnet.common_word(lower)


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """spaCy's English stop words (read from its file, without importing spaCy)."""
    from storytrace.nlp.models import english_stop_words

    return english_stop_words()
