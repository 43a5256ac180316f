"""Stand-ins for the pipeline with the real readers and no models: the web tests check the app's
plumbing (limits, storage, re-analysis, escaping); the analysis itself is tested with the real pipeline."""
from __future__ import annotations

import re

from storytrace.model import Article, Report, Sentence, Story


class SimplePipeline:
    """The real readers; sentences split on end punctuation; one story of every article, no findings."""

    def read(self, paths):
        from storytrace.ingest import read_paths

        return read_paths(paths)

    def run(self, articles: list[Article]) -> Report:
        for a in articles:
            a.text = a.original_text
            a.sentences = [Sentence(i, m.start(), m.end(), m.group()) for i, m in
                           enumerate(re.finditer(r"[^.!?\n]+[.!?]?", a.text)) if m.group().strip()]
        return Report("test", list(articles), [Story("story-all", "All articles", [a.id for a in articles])])


class ReadersOnly:
    """The real readers; the text as read, no sentences; one story of everything."""

    def read(self, paths):
        from storytrace.ingest import read_paths

        return read_paths(paths)

    def run(self, articles):
        for a in articles:
            a.text = a.original_text
        return Report("test", list(articles), [Story("story-all", "All", [a.id for a in articles])])
