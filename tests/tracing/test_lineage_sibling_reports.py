"""Lineage: independent reports of one event share its facts, its names and figures, a lead that says who
did what, and the words of the speaker they both quote; a derived text shares its source's wording beyond
those, over several sentences. Two reports of one event must not read as a translation, summary or rewrite
of each other (issue 17: ECB+ sibling reports shown as copies), while a close rewrite stays derived."""
import pytest

from storytrace.lineage import DERIVED_RELATIONS, PairMeasures, classify
from storytrace.model import Article

ANNOUNCEMENT = (
    "Comedian Rosa Lind will host this year's Film Awards, the academy announced on Monday. "
    "Lind previously hosted the show in 2009 and earned a nomination for her work. "
    "\"I am thrilled to be hosting the awards for the second time, and this time I will bring snacks for everyone,\" "
    "Lind said in a statement. "
    "\"We are delighted to have Rosa Lind back as the host of the biggest night of the year,\" producers Tim Gale "
    "and Ross Dean said. "
    "The ceremony will take place on March 2 in Los Angeles."
)
# Another outlet's report of the same announcement: its own lead and background (the same facts in other
# words), the same two statements quoted.
SIBLING = (
    "The academy has picked talk show star Rosa Lind to present the Film Awards. "
    "Lind, who was nominated after hosting the 2009 ceremony, returns for a second turn. "
    "\"I am thrilled to be hosting the awards for the second time, and this time I will bring snacks for everyone,\" "
    "Lind said. "
    "\"We are delighted to have Rosa Lind back as the host of the biggest night of the year,\" producers Gale and "
    "Dean said."
)
# A rewrite of ANNOUNCEMENT: every sentence kept in turn, lightly reworded.
REWRITE = (
    "Comedian Rosa Lind will host the Film Awards this year, the academy said on Monday. "
    "Lind hosted the show before, in 2009, and was nominated for her work. "
    "\"I am thrilled to be hosting the awards for the second time, and this time I will bring snacks for everyone,\" "
    "Lind said in a statement. "
    "\"We are delighted to have Rosa Lind back as the host of the biggest night of the year,\" producers Tim Gale "
    "and Ross Dean said. "
    "The ceremony will be held on March 2 in Los Angeles."
)
# Two one-sentence briefs of one appointment by two outlets.
BRIEF_A = ("Dr. Jane Holt, a cardiologist and the network's chief health reporter, has been offered the post of "
           "health secretary by President-elect Mark Dunn, officials said on Tuesday.")
BRIEF_B = ("President-elect Mark Dunn has asked cardiologist Jane Holt, the network's chief health correspondent, "
           "to serve as the country's health secretary, sources said.")


@pytest.fixture(scope="module")
def lineage_of():
    from storytrace.align import align_story
    from storytrace.config import Config
    from storytrace.lineage import infer_lineage
    from storytrace.pipeline import Pipeline

    pipeline = Pipeline(Config(quiet=True))

    def run(a: str, b: str):
        arts = [pipeline.prepare(Article(id=i, source_path="", original_text=t, language="en")) for i, t in (("a", a), ("b", b))]
        edges = infer_lineage(arts, align_story(arts, pipeline.embedder))
        assert len(edges) == 1
        return edges[0]

    return run


def test_two_reports_that_quote_one_statement_alike_are_not_derived(lineage_of):
    # Outside the two quotations, SIBLING's lead and background tell ANNOUNCEMENT's facts in their own
    # words: no sentence of its own prose keeps the other's wording.
    assert lineage_of(ANNOUNCEMENT, SIBLING).relation not in DERIVED_RELATIONS


def test_a_close_rewrite_of_every_sentence_stays_derived(lineage_of):
    assert lineage_of(ANNOUNCEMENT, REWRITE).relation in DERIVED_RELATIONS


def test_two_one_sentence_briefs_of_one_event_are_not_a_translation(lineage_of):
    # One sentence that says who did what is what any two reports of one event share.
    assert lineage_of(BRIEF_A, BRIEF_B).relation not in DERIVED_RELATIONS


def _measures(*, prose: float | None, close: int | None, containment: float = 0.9, mean: float = 0.85,
              reused: float = 0.0) -> PairMeasures:
    a = Article(id="a", source_path="", original_text="")
    b = Article(id="b", source_path="", original_text="")
    return PairMeasures(a, b, coverage=0.9, containment=containment, verbatim_derived=reused, verbatim_source=reused,
                        mean_score=mean, in_order=1.0, sentence_ratio=1.0, length_ratio=0.95, passages=0,
                        one_to_one=1.0, fused=0, verbatim_unquoted=reused, prose_containment=prose, close_pairs=close)


def test_facts_told_in_other_words_around_shared_quotes_are_no_derived_text():
    # 90% of b has a partner, but only the quoted statements closely: a fifth of b's own prose.
    assert classify(_measures(prose=0.2, close=2)).relation == "independent"
    # The same measures where b's own prose is kept closely: a translation-like rewrite.
    assert classify(_measures(prose=0.9, close=4)).relation in ("translation", "rewrite")
    assert classify(_measures(prose=None, close=None)).relation == "translation"  # not measured: as before


def test_one_close_sentence_without_reused_prose_is_no_derivation():
    assert classify(_measures(prose=1.0, close=1)).relation == "independent"
    # With reused prose (a wire lead taken word for word) one sentence does show it.
    assert classify(_measures(prose=1.0, close=1, reused=0.6, containment=1.0)).relation in DERIVED_RELATIONS


def test_wire_passages_shared_word_for_word_around_each_reports_own_prose_are_a_common_source():
    # A fifth of b is verbatim from a outside quotes (a court record, a wire paragraph); its own lead
    # and background tell the same facts in other words: no summary of a, a common text.
    m = _measures(prose=0.35, close=4, containment=0.82, mean=0.74, reused=0.24)
    m.coverage, m.length_ratio = 0.34, 0.57
    assert classify(m).relation == "shared_source"
    # Each about half its own, and half of each kept closely around the shared passages.
    m = _measures(prose=0.49, close=6, containment=0.57, mean=0.88, reused=0.28)
    m.coverage, m.length_ratio = 0.59, 0.85
    assert classify(m).relation == "shared_source"
