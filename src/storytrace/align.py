"""Sentence alignment between two versions of a story, and verbatim reuse passages.

The aligner is a Bertalign-style dynamic program over a combined sentence score (embedding
cosine, content-word overlap, shared mentions). Moves: 1-0 and 0-1 (a sentence with no partner),
1-1 (translation, rewrite), 2-1 / 3-1 (a summary sentence fusing several source sentences) and
1-2 (a long source sentence split in two). A group of sentences is scored through the
length-weighted mean of its sentence vectors, which is what a mean-pooled encoder gives for the
concatenation. The path is monotonic; sentences it leaves over on both sides are then matched
one-to-one by an assignment with a higher bar, so moved paragraphs still find their partners.

Reuse passages are found passim-style: word 5-grams shared by both texts are anchors, anchors on
the same diagonal with small gaps are chained into maximal passages.

The building blocks live in sentence_align.py; this module aligns articles and stories, and sends
versions in two languages to crosslingual.py (which uses the same building blocks).
"""
from __future__ import annotations

import re

from storytrace.model import AlignedPair, Alignment, Article, ReusePassage, Story, publication_order
from storytrace.sentence_align import (  # noqa: F401  (re-exported: align.py is where callers look)
    ANCHOR_WORDS, MATCH_BASE, MIN_PAIR_SCORE, STOP_WORDS, AlignParams, SentenceAlignment, SentenceSide,
    align_sentences, align_sides, article_alignment, article_text, content_terms, mention_key, mentions_by_sentence,
    reuse_passages, score_matrix,
)


def align_pair(source: Article, derived: Article, embedder) -> Alignment:
    """Sentence alignment and reuse passages of ``derived`` against ``source``.

    Versions in two languages are aligned by the multilingual aligner (crosslingual.py); the
    one-language path below is unchanged by it.
    """
    if languages_differ(source, derived):
        from storytrace.crosslingual import align_across_languages

        return align_across_languages(source, derived)
    return article_alignment(source, derived, align_sides(_side(source, embedder), _side(derived, embedder)))


def _side(article: Article, embedder) -> SentenceSide:
    return SentenceSide.build([s.text for s in article.sentences], embedder, mentions_by_sentence(article))


def primary_language(code: str) -> str:
    """"zh-Hans" -> "zh"; "" and "und" (undetermined) stay unknown."""
    code = (code or "").strip().lower().replace("_", "-").split("-")[0]
    return "" if code in ("", "und", "xx") else code


_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_ANY_LETTER = re.compile(r"[^\W\d_]")
SURE_SAME_SCRIPT_LETTERS = 200  # below this, two Latin-script texts in "different languages" may be a misreading


def _latin(text: str) -> bool:
    letters = len(_ANY_LETTER.findall(text))
    return letters == 0 or len(_LATIN_LETTER.findall(text)) >= 0.5 * letters


def languages_differ(a: Article, b: Article) -> bool:
    """Both languages are known and differ: the sentences must be compared across languages.

    Texts in two writing systems (English and Chinese) differ whatever their length. Two texts in
    Latin letters differ only when both are long enough for a sure identification: a short English
    sentence full of names ("cristiano ronaldo and iker casillas") is sometimes read as Italian.
    """
    la, lb = primary_language(a.language), primary_language(b.language)
    if not (la and lb and la != lb):
        return False
    ta, tb = article_text(a), article_text(b)
    if _latin(ta) and _latin(tb):
        return min(len(_ANY_LETTER.findall(ta)), len(_ANY_LETTER.findall(tb))) >= SURE_SAME_SCRIPT_LETTERS
    return True


def align_story(articles: list[Article], embedder) -> list[Alignment]:
    """Align every pair of a story, the earlier article as source (lineage may flip the direction)."""
    ordered = sorted(articles, key=publication_order)
    sides: dict[int, SentenceSide] = {}  # each article's sentence features, built once for all its pairs

    def side(k: int) -> SentenceSide:
        if k not in sides:
            sides[k] = _side(ordered[k], embedder)
        return sides[k]

    out = []
    for i in range(len(ordered)):
        for j in range(i + 1, len(ordered)):
            source, derived = ordered[i], ordered[j]
            if languages_differ(source, derived):
                out.append(align_pair(source, derived, embedder))
            else:
                out.append(article_alignment(source, derived, align_sides(side(i), side(j))))
    return out


def oriented_alignment(story: Story, source: str, derived: str) -> Alignment | None:
    """The alignment of source -> derived, flipped when the aligner stored it the other way round."""
    for al in story.alignments:
        if al.source == source and al.derived == derived:
            return al
    for al in story.alignments:
        if al.source == derived and al.derived == source:
            return Alignment(
                source=source,
                derived=derived,
                pairs=[AlignedPair(source=p.derived, derived=p.source, score=p.score) for p in al.pairs],
                unaligned_source=list(al.unaligned_derived),
                unaligned_derived=list(al.unaligned_source),
                reuse=[
                    ReusePassage(source_start=r.derived_start, source_end=r.derived_end,
                            derived_start=r.source_start, derived_end=r.source_end)
                    for r in al.reuse
                ],
            )
    return None
