"""Counting what spaCy parses: each article must be parsed once on every path (issue 16.2)."""
from __future__ import annotations

import spacy.language


def count_parsed(monkeypatch) -> list[str]:
    """Patch spaCy's ``Language.pipe``; the returned list receives every text given to it from outside
    (its pipe calls itself inside, which is not counted)."""
    piped: list[str] = []
    real_pipe = spacy.language.Language.pipe
    inside: list[int] = []

    def counting_pipe(self, texts, *args, **kwargs):
        if inside:
            yield from real_pipe(self, texts, *args, **kwargs)
            return

        def each():
            for item in texts:
                piped.append(item[0] if kwargs.get("as_tuples") else item)
                yield item
        inside.append(1)
        try:
            yield from real_pipe(self, each(), *args, **kwargs)
        finally:
            inside.pop()

    monkeypatch.setattr(spacy.language.Language, "pipe", counting_pipe)
    return piped
