"""Invariants of the findings a fact-checker relies on, as properties over generated texts:
a copy changes nothing, values quoted by a finding are in the sentences it shows, and debris
(captions, credits, republisher and translator lines, reproduction notices, comment forms) is
never compared as story text but kept, with its kind, in the cleaning record."""
from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .helpers import pair_findings, prepare

_SETTINGS = settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

PARAGRAPHS = [
    "A fire broke out at the harbour in Porto Vela on Monday, destroying two fishing boats, the port authority said.",
    '"We will rebuild this harbour stronger than before," said Maria Lopez, the harbour master.',
    "Investigators from the regional police will visit the site on Tuesday, and a report is due in March.",
    "The harbour handled 1.2 million tonnes of fish last year, according to the fisheries ministry.",
    "Tom Reyes, the mayor, said the town council would meet on Friday. \"Nobody was hurt,\" he added.",
]
DEBRIS = [
    ("Photo taken on Feb. 7, 2024 shows the harbour at dawn.", "caption"),
    ("Photo: Jane Smith/AFP", "photo_credit"),
    ("Source: Porto Vela port authority", "chart_caption"),
    ("This article was originally published by The Harbour Gazette.", "republisher"),
    ("Translated by Ana Ruiz.", "translator"),
    ("Unauthorised reproduction is prohibited.", "reproduction_notice"),
    ("Your email address will not be published. Required fields are marked *", "comment_form"),
]

paragraph_lists = st.lists(st.sampled_from(PARAGRAPHS), min_size=1, max_size=4, unique=True)


@_SETTINGS
@given(paragraphs=paragraph_lists)
def test_an_identical_copy_changes_nothing(extractor, paragraphs):
    text = "\n\n".join(paragraphs) + "\n"
    assert pair_findings(extractor, text, text) == []


@_SETTINGS
@given(paragraphs=paragraph_lists, debris=st.lists(st.sampled_from(DEBRIS), min_size=1, max_size=3, unique=True),
       data=st.data())
def test_debris_is_never_a_story_sentence_and_is_kept_with_its_kind(extractor, paragraphs, debris, data):
    lines = list(paragraphs)
    for line, _ in debris:
        lines.insert(data.draw(st.integers(1, len(lines))), line)  # a first line would be read as the title
    with_debris = prepare(extractor, "\n\n".join(lines) + "\n", "d")
    sentences = " ".join(s.text for s in with_debris.sentences)
    for line, kind in debris:
        assert line not in sentences
        assert any(r.kind == kind and line in r.text for r in with_debris.removals), (kind, with_debris.removals)
    # and the story text compared with its clean version yields nothing
    assert pair_findings(extractor, "\n\n".join(paragraphs) + "\n", "\n\n".join(lines) + "\n") == []


def test_a_translator_line_is_removed_but_still_credits_the_translator(extractor):
    article = prepare(extractor, PARAGRAPHS[0] + "\n\nTranslated by Ana Ruiz.\n", "t")
    assert "Ana Ruiz" not in " ".join(s.text for s in article.sentences)
    assert [(a.kind, a.target) for a in article.attributions] == [("translation_by", "Ana Ruiz")]


# Pairs with real changes, so that the value invariants are checked on findings that exist.
CHANGES = [
    ("The storm killed 12 people in Porto Vela on Monday.", "The storm killed 15 people in Porto Vela on Monday."),
    ("The council approved the harbour plan on Monday.", "The council did not approve the harbour plan on Monday."),
    ("The summit will open on July 20 in Vienna.", "The summit will open on July 21 in Vienna."),
    ('"The farmers have lost their harvest," said Maria Lopez, the minister.',
     '"The teachers have lost their harvest," said Maria Lopez, the minister.'),
    ("Maria Lopez, the harbour master, said the port would reopen.", "Tom Reyes, the harbour master, said the port would reopen."),
]


def _words(value: str) -> list[str]:
    return re.findall(r"\w+", value.casefold())


@_SETTINGS
@given(pair=st.sampled_from(CHANGES), extra=st.lists(st.sampled_from(PARAGRAPHS), max_size=2, unique=True))
def test_values_and_quoted_words_occur_in_the_sentences_shown(extractor, pair, extra):
    source = prepare(extractor, "\n\n".join([pair[0], *extra]) + "\n", "s")
    derived = prepare(extractor, "\n\n".join([pair[1], *extra]) + "\n", "d")
    # Each sentence renders the source sentence in its place, as the aligner pairs them in `compare`.
    assert len(source.sentences) == len(derived.sentences)
    findings = pair_findings(extractor, source, derived, [([i], [i]) for i in range(len(source.sentences))])
    assert findings, pair
    for f in findings:
        claim, shown = f.claim.casefold(), f.source_text.casefold()
        if not f.derived_value.startswith("("):
            assert all(w in _words(claim) for w in _words(f.derived_value)), f
        if f.source_value and not f.source_value.startswith("(") and shown:
            assert all(w in _words(shown) for w in _words(f.source_value)), f
        for quoted in re.findall(r'"([^"]+)"', f.explanation.split(" Supporting evidence:")[0]):
            words = _words(quoted)
            assert all(w in _words(claim) or w in _words(shown) for w in words), (quoted, f)


def test_findings_compare_only_sentences_the_reading_view_pairs(extractor):
    """The reading view shows each derived sentence beside the source sentence the aligner paired
    it with; a finding on a one-to-one sentence may not compare it with another source sentence
    that merely shares its words."""
    source = ("Rescuers said the storm killed 12 people in the harbour town of Porto Vela. "
              "The mayor said on Monday that the storm had killed 15 people in Porto Vela and the villages nearby.")
    derived = ("The storm killed 14 people in the harbour town of Porto Vela, rescuers said. "
               "On Monday the mayor said 15 people had been killed by the storm in Porto Vela and the nearby villages.")
    s, d = prepare(extractor, source, "s"), prepare(extractor, derived, "d")
    findings = pair_findings(extractor, s, d, [([0], [0]), ([1], [1])])
    assert [f for f in findings if f.derived_value == "14"], findings  # the real change is still found
    for f in findings:
        if f.source_span and f.claim_span[0] == d.sentences[0].start:
            assert f.source_span[0] == s.sentences[0].start, f


def test_the_same_article_read_through_four_formats_is_a_verbatim_copy_with_no_finding(tmp_path):
    """txt, md, html and jsonl of one article: one story, verbatim copies, no finding at all."""
    import json

    import storytrace

    title = "Harbour fire destroys two fishing boats in Porto Vela"
    body = PARAGRAPHS[:4]
    (tmp_path / "a.txt").write_text(title + "\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")
    (tmp_path / "b.md").write_text(f"# {title}\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")
    html_body = "".join(f"<p>{p.replace('&', '&amp;')}</p>" for p in body)
    (tmp_path / "c.html").write_text(f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
                                     f"{html_body}</article></body></html>", encoding="utf-8")
    (tmp_path / "d.jsonl").write_text(json.dumps({"id": "d", "title": title, "text": "\n\n".join(body)}) + "\n",
                                      encoding="utf-8")
    report = storytrace.analyze([tmp_path], quiet=True)
    stories = [s for s in report.stories if len(s.article_ids) > 1]
    assert len(stories) == 1 and len(stories[0].article_ids) == 4, [s.article_ids for s in report.stories]
    assert {e.relation for e in stories[0].lineage} == {"verbatim_copy"}, stories[0].lineage
    assert report.findings == [], report.findings


def test_a_person_put_in_another_persons_place_is_a_swap_even_when_both_are_named_elsewhere(extractor):
    """A one-to-one rendering that gives the harbour master's words to the mayor swaps a person,
    whatever other sentences of both versions say about the two of them."""
    rest = [PARAGRAPHS[4], PARAGRAPHS[1]]  # the mayor, and the harbour master quoted, in both versions
    source = prepare(extractor, "\n\n".join([CHANGES[4][0], *rest]) + "\n", "s")
    derived = prepare(extractor, "\n\n".join([CHANGES[4][1], *rest]) + "\n", "d")
    findings = pair_findings(extractor, source, derived, [([i], [i]) for i in range(len(source.sentences))])
    assert [(f.type, f.derived_value, f.source_value) for f in findings] == [("entity_swap", "Tom Reyes", "Maria Lopez")]
