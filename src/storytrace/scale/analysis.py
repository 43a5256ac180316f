"""Analysis of one block: stories, then alignment, lineage and findings per story.

The single-machine pipeline and the Spark job both call ``analyze_block``: the same articles in
a block give the same stories, ids, lineage and findings whichever path ran them.
"""
from __future__ import annotations

from storytrace.config import Config
from storytrace.model import Article, Story
from storytrace.scale.incremental import assign_story_ids


def analyze_block(
    articles: list[Article], embedder, config: Config,
    previous: dict[str, str] | None = None, taken: set[str] | None = None,
) -> list[Story]:
    """Stories of one block with alignments, lineage and findings (``previous``: see assign_story_ids)."""
    from storytrace.align import align_story
    from storytrace.findings import detect_findings
    from storytrace.lineage import infer_lineage
    from storytrace.stories import build_stories

    articles = sorted(articles, key=lambda a: a.id)  # the same block gives the same input order
    stories = single_story(articles[0]) if len(articles) == 1 else build_stories(articles, embedder, config)
    assign_story_ids(stories, previous, taken)  # before findings: finding ids contain the story id
    by_id = {a.id: a for a in articles}
    for story in stories:
        members = [by_id[i] for i in story.article_ids]
        story.alignments = align_story(members, embedder)
        story.lineage = infer_lineage(members, story.alignments)
        story.findings = detect_findings(story, by_id, config)
    return stories


def single_story(article: Article) -> list[Story]:
    """What build_stories gives for one article, without encoding its lead to compare it with nothing.

    Most blocks of a large corpus are one article; tests check this equals build_stories([article]).
    """
    from storytrace.stories import NO_CANDIDATE, story_id

    title = article.title or (article.sentences[0].text if article.sentences else article.id)
    return [Story(id=story_id(article.id), title=title, article_ids=[article.id], note=NO_CANDIDATE)]


def prefetch_embeddings(blocks: list[list[Article]], embedder, max_sentences: int = 4096) -> None:
    """Encode the titles and sentences of several multi-article blocks in big batches.

    The embedder caches by sentence hash, so build_stories and align then find them ready:
    one batch of thousands instead of hundreds of calls of a few sentences (several times faster).
    Stops at half the cache: beyond it the first vectors would be evicted before they are used.
    """
    texts: list[str] = []
    for block in blocks:
        if len(block) < 2:
            continue
        for a in block:
            if a.title:
                texts.append(a.title)
            texts.extend(s.text for s in a.sentences)
    cache_size = getattr(embedder, "cache_size", None)
    if cache_size:
        del texts[cache_size // 2 :]
    for start in range(0, len(texts), max_sentences):
        embedder.encode(texts[start : start + max_sentences])


def story_order(story: Story) -> tuple[int, str]:
    """Largest stories first, then by id (report order, the same in every path)."""
    return (-len(story.article_ids), story.id)
