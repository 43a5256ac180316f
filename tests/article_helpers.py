"""Hand-made articles for tests: sentences laid end to end, or a text with the person mentions a tagger gave it."""
from __future__ import annotations

from datetime import date

from storytrace.model import Article, Mention, Sentence


def sentences_article(aid: str, sentences: list[str], published: date | None) -> Article:
    """An article whose text is ``sentences``, one space after each, split where they were given."""
    text, spans = "", []
    for s in sentences:
        spans.append((len(text), len(text) + len(s)))
        text += s + " "
    return Article(id=aid, source_path="", original_text=text, text=text, published=published,
                   sentences=[Sentence(i, a, b, text[a:b]) for i, (a, b) in enumerate(spans)])


def mentioned(text: str, found: list[tuple[str, str]]) -> Article:
    """An article with the person mentions a tagger gave it: (as written, the name it links to)."""
    a = Article(id="x", source_path="x", original_text=text, text=text, language="en")
    at = 0
    for written, name in found:
        at = text.index(written, at)
        a.mentions.append(Mention("person", written, at, at + len(written), 0, name))
        at += len(written)
    return a
