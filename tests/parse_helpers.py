"""Counting what spaCy parses: each article must be parsed once on every path (issue 16.2)."""
from __future__ import annotations

import spacy.language


# A short story and a version with one changed figure and one flipped negation (written for these tests).
ORIGINAL = (
    "Harbour council approves bridge repairs\n\n"
    "The harbour council voted on Tuesday to close the old bridge for six weeks of repairs, "
    "the mayor, Ines Calloway, said on Tuesday evening at the town hall.\n\n"
    "The repairs will cost 4.2 million euros, paid from the port fund, and the ferry will run "
    "every hour while the bridge is closed. Residents did not object at the meeting."
)
CHANGED = ORIGINAL.replace("six weeks", "nine weeks").replace("did not object", "objected")


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
