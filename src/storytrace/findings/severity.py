"""High severity only where two independent signals agree.

A detector's own evidence is one signal (a value that differs, a name in a filled slot). A
second, independent one must back a high finding: the claim sentence renders exactly one source
sentence and nothing else renders it (the alignment leaves no doubt which sentence it changed),
or another detector saw the same change (merge.py folded it in as supporting evidence). Without
a second signal the finding is medium, and the explanation says why.

In a story, the other versions are a third view (``weigh_against_story``): a high change that
most of them make too is the source's oddity, not this version's, and is medium.
"""
from __future__ import annotations

import re

from storytrace.findings.common import PairContext, _shared_word_scores
from storytrace.model import Article, Finding, Story

_SUPPORT = " Supporting evidence:"
SETTLED = " High: two signals agree:"  # a detector that checks its own two signals says so (crosslingual_cmp)


def settle_severity(findings: list[Finding], ctx: PairContext) -> list[Finding]:
    by_start = {s.start: s for s in ctx.der.sentences}
    for f in findings:
        if f.severity != "high" or SETTLED in f.explanation:
            continue  # SETTLED: the detector itself named the two signals behind its high
        sentence = by_start.get(f.claim_span[0])
        one_to_one = sentence is not None and (ctx.is_one_to_one(sentence.index) if ctx.alignment.pairs
                                               else _clear_counterpart(sentence, ctx))
        corroborated = _SUPPORT in f.explanation
        if one_to_one and corroborated:
            f.explanation += " High: the sentence renders exactly one source sentence, and two detectors agree."
        elif one_to_one:
            f.explanation += " High: the sentence renders exactly one source sentence, so the change is certain to be in it."
        elif corroborated:
            f.explanation += " High: two detectors agree on this change."
        else:
            f.severity = "medium"
            f.explanation += (" Medium, not high: the sentence does not render exactly one source sentence, so which"
                              " source sentence it changed is less certain.")
    return findings


_CLEAR_SHARE = 0.6  # share of the sentence's content words its counterpart must have


def _clear_counterpart(sentence, ctx: PairContext) -> bool:
    """Without an aligner (pairs compared directly): one source sentence has most of this
    sentence's content words and no other comes close, so the counterpart is not in doubt."""
    scores = sorted((score for score, _ in _shared_word_scores(sentence, ctx.src)), reverse=True)
    return bool(scores) and scores[0] >= _CLEAR_SHARE and (len(scores) == 1 or scores[1] < _CLEAR_SHARE / 2)


# --------------------------------------------------------------------------------------------
# The story's other versions: a third view of the change.

_PLACEHOLDER = re.compile(r"^\(.*\)$")  # "(missing)", "(no negation)": no value to look for
SOURCE_IS_ODD = " Medium, not high: the story's other versions side with this version"


def _value_words(value: str) -> frozenset[str]:
    if _PLACEHOLDER.match(value.strip()):
        return frozenset()
    return frozenset(re.findall(r"\w+", value.casefold()))


def _renderings(story: Story, article: str, index: int) -> dict[str, list[int]]:
    """Other version -> its sentences the aligner paired with this article's sentence ``index``."""
    out: dict[str, list[int]] = {}
    for al in story.alignments:
        if al.derived == article:
            other, picked = al.source, [i for p in al.pairs if index in p.derived for i in p.source]
        elif al.source == article:
            other, picked = al.derived, [i for p in al.pairs if index in p.source for i in p.derived]
        else:
            continue
        if picked:
            out.setdefault(other, []).extend(picked)
    return out


def weigh_against_story(findings: list[Finding], story: Story, articles: dict[str, Article]) -> list[Finding]:
    """A high change found on one edge, read against the story's other versions.

    Independent versions of one text (translations by different systems, reports of one event)
    mostly agree with each other. When most of the other versions that render the claim sentence
    say what this version says, and fewer say what the source says, the source is the odd one out
    (it mistranslated or misspelt the value), not this version: the pair alone cannot tell, the
    story can. Such a finding is medium, and the explanation names the versions."""
    for f in findings:
        if f.severity != "high" or not f.source_article or f.source_article == f.article:
            continue
        said, source_said = _value_words(f.derived_value), _value_words(f.source_value)
        article = articles.get(f.article)
        sentence = article.sentence_at(f.claim_span[0]) if article else None
        if not said or not source_said or sentence is None:
            continue
        with_this, with_source, rendering = [], [], 0
        for other, indices in _renderings(story, f.article, sentence.index).items():
            if other in (f.article, f.source_article) or other not in articles:
                continue
            sentences = articles[other].sentences
            words = set(re.findall(r"\w+", " ".join(sentences[i].text for i in indices if i < len(sentences)).casefold()))
            rendering += 1
            if said <= words:
                with_this.append(other)
            if source_said <= words:
                with_source.append(other)
        if len(with_this) >= 2 and 2 * len(with_this) > rendering and len(with_this) > len(with_source):
            f.severity = "medium"
            f.explanation += (f"{SOURCE_IS_ODD}: {len(with_this)} of the {rendering} that render this sentence also say"
                              f" \"{f.derived_value}\" ({', '.join(with_this)}), {len(with_source)} say"
                              f" \"{f.source_value}\"; the source may be the one that changed it.")
    return findings
