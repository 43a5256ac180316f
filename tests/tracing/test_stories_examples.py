"""Story clustering on the example corpus and on generated planted stories."""
from storytrace.config import Config
from storytrace.stories.build import build_stories, story_id


def test_example_corpus_forms_the_expected_stories(example_articles, expected, embedder):
    stories = build_stories(list(example_articles.values()), embedder, Config())
    assert sorted(sorted(s.article_ids) for s in stories) == sorted(sorted(g) for g in expected["stories"])
    main = stories[0]
    assert len(main.article_ids) == len(expected["stories"][0])
    assert main.title == example_articles["original"].title  # the most central version's title
    assert main.id == story_id(main.article_ids[0]) and main.id.startswith("story-")


def test_story_ids_are_stable_when_the_input_order_changes(example_articles, embedder):
    articles = list(example_articles.values())
    a = build_stories(articles, embedder, Config())
    b = build_stories(articles[::-1], embedder, Config())
    assert [(s.id, s.article_ids) for s in a] == [(s.id, s.article_ids) for s in b]


def test_publication_window_keeps_a_late_copy_apart(example_articles, embedder):
    import copy
    from datetime import timedelta

    late = copy.deepcopy(example_articles["copy"])
    late.id = "copy-a-year-later"
    late.published = late.published + timedelta(days=365)
    stories = build_stories([example_articles["original"], late], embedder, Config(story_window_days=30))
    assert len(stories) == 2
    stories = build_stories([example_articles["original"], late], embedder, Config(story_window_days=400))
    assert len(stories) == 1


def test_generated_stories_come_together_and_other_events_stay_apart(generator, embedder):
    generated = generator.generate(160, seed=11)
    articles = generator.to_articles(generated)
    truth = {g.id: g.story for g in generated}
    stories = build_stories(articles, embedder, Config())
    precision, recall = generator.pairwise_scores(truth, [s.article_ids for s in stories])
    assert precision >= 0.9
    assert recall >= 0.8
    assert sorted(a for s in stories for a in s.article_ids) == sorted(truth)


def test_no_articles_no_stories(embedder):
    assert build_stories([], embedder, Config()) == []
