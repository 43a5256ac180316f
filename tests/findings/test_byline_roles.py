"""A byline credits the writer: "(Reporter Li Jing)" after a dateline. Its job word is no office the
story claims, and two renderings of one dateline name the job as they please ("Reporter",
"Correspondent", "Journalist"). A title in the story itself stays compared."""
from __future__ import annotations

import pytest

from .helpers import pair_findings


def _roles(findings):
    return [f for f in findings if f.type == "role_change" and f.severity != "low"]


@pytest.mark.parametrize("word", ["Correspondent", "Journalist"])
def test_a_bylines_job_word_is_no_role_change(extractor, word):
    source = "Chinanews.com, Beijing, February 11 (Reporter Li Jing) -- Exports rose by 8.6% last year, the report shows."
    derived = f"Chinanews.com, Beijing, Feb. 11 ({word} Li Jing) -- Exports rose by 8.6% last year, the report shows."
    assert _roles(pair_findings(extractor, source, derived, [([0], [0])])) == []


def test_a_title_in_the_story_is_still_compared(extractor):
    found = _roles(pair_findings(extractor, "The bridge was opened by Mayor Anna Berg (Reporter Li Jing).",
                                 "The bridge was opened by Governor Anna Berg (Reporter Li Jing).", [([0], [0])]))
    assert found, "Mayor / Governor"
