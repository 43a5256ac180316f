"""Lineage on generated clusters: copies, summaries and independent reports of planted events."""
from collections import defaultdict

from storytrace.align import align_story
from storytrace.lineage import infer_lineage

# The generator's "translation" keeps most words (a synonym swap), so a rewrite is also right.
ACCEPTED = {
    "copy": {"verbatim_copy"},
    "summary": {"summary"},
    "translation": {"translation", "rewrite"},
    "independent": {"independent", "shared_source"},
}


def test_generated_versions_get_their_relation_from_the_original(generator, embedder):
    generated = generator.generate(60, seed=4)
    articles = generator.to_articles(generated)
    stories = defaultdict(list)
    for g, a in zip(generated, articles):
        stories[g.story].append(a)
    checked = 0
    for members in stories.values():
        if len(members) < 3:
            continue
        edges = infer_lineage(members, align_story(members, embedder))
        original = next(a.id for a in members if a.id.endswith("-original"))
        for e in edges:
            kind = e.derived.rsplit("-", 1)[1]
            assert e.source == original, (e.source, e.derived)
            assert e.relation in ACCEPTED[kind], (e.derived, e.relation, e.evidence)
            assert 0.0 <= e.confidence <= 1.0 and e.evidence
            checked += 1
        assert {e.derived for e in edges} == {a.id for a in members} - {original}
        if checked >= 10:
            break
    assert checked >= 10
