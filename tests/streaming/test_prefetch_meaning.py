"""A group's meaning checks (findings/meaning.py) are encoded in one batch before its findings.

Asked pair by pair, the meaning signal's texts ("the claim without the word") came a few at a time,
each length a model call of its own: several times the cost of a sentence in a big batch. A worker now
aligns every block of its group, encodes all the texts their findings will ask for at once, and only
then detects; the findings ask the encoder for nothing new, and are the findings of each block
analysed alone (a vector depends on its text only)."""
from __future__ import annotations

import copy
import datetime

import pytest

from storytrace.config import Config
from storytrace.model import Article
from storytrace.outputs.json_report import story_to_dict
from storytrace.pipeline import Pipeline, analyze_block, finish_block, prefetch_meaning, prepare_block

# Two stories, each a report and a version that slips in a word changing what a sentence claims.
HIKERS = (
    "Two hikers rescued in the northern forest\n\n"
    "Two hikers were found in the forest on Sunday, the mountain rescue service said. "
    "They had been missing since Friday evening after a storm cut the trail.\n\n"
    "A helicopter carried both to the hospital in Veldon, where doctors examined them."
)
HIKERS_VERSION = HIKERS.replace("Two hikers were found in the forest", "Two hikers were found injured in the forest")
LAB = (
    "Institute publishes study of damaged cells\n\n"
    "Researchers studied DNA in the damaged cells of mice, the Varno institute said on Monday. "
    "The study took four years and was paid for by a national grant.\n\n"
    "The team will present its results at a conference in Lisbon in May."
)
LAB_VERSION = LAB.replace("Researchers studied DNA in the damaged cells", "Researchers studied DNA repair in the damaged cells")


def _blocks() -> list[list[Article]]:
    from storytrace.ingest.clean import clean_article

    blocks = []
    for prefix, first, second in (("h", HIKERS, HIKERS_VERSION), ("l", LAB, LAB_VERSION)):
        block = []
        for n, (text, day) in enumerate(((first, 7), (second, 9))):
            a = Article(id=f"{prefix}{n}", source_path="", original_text=text, published=datetime.date(2024, 5, day))
            clean_article(a)
            block.append(a)
        blocks.append(block)
    return blocks


def _prepared(engine: Pipeline) -> list:
    """The two blocks extracted and prepared by ``engine`` (one story of two versions each)."""
    blocks = _blocks()
    for block in blocks:
        for a in block:
            engine.extractor.process(a)
    return [prepare_block(block, engine, previous={}, taken=set()) for block in blocks]


def _each_block_alone() -> list[tuple[list, Pipeline, list]]:
    """Each block analysed by a fresh engine with no prefetch: (block, engine, stories)."""
    out = []
    for block in _blocks():
        fresh = Pipeline(Config(quiet=True))
        for a in block:
            fresh.extractor.process(a)
        out.append((block, fresh, finish_block(prepare_block(copy.deepcopy(block), fresh, previous={}, taken=set()), fresh)))
    return out


@pytest.mark.slow
def test_a_groups_meaning_texts_are_encoded_in_one_batch_and_move_no_finding():
    engine = Pipeline(Config(quiet=True))
    prepared = _prepared(engine)
    assert all(len(p.stories) == 1 and p.stories[0].lineage for p in prepared), "each block: one story of two"
    calls: list[list[str]] = []
    real = engine.embedder._encode_uncached
    engine.embedder._encode_uncached = lambda texts: calls.append(list(texts)) or real(texts)
    prefetch_meaning(prepared, engine)
    assert len(calls) == 1, "one batch for the whole group"
    batched = [finish_block(p, engine) for p in prepared]
    assert len(calls) == 1, "the findings asked the encoder for nothing new"
    added = {f.derived_value for stories in batched for s in stories for f in s.findings if f.type == "unsupported_addition"}
    assert {"injured", "repair"} <= added, "the test needs meaning checks that fire"
    # each block alone, by a fresh engine, its checks encoded pair by pair (no prefetch): the same findings
    for (block, fresh, alone), stories in zip(_each_block_alone(), batched):
        assert [story_to_dict(s) for s in alone] == [story_to_dict(s) for s in stories]
        assert [story_to_dict(s) for s in analyze_block(copy.deepcopy(block), fresh, previous={}, taken=set())] \
            == [story_to_dict(s) for s in stories]


@pytest.mark.slow
def test_the_modifiers_cheap_checks_run_once_per_pair_and_the_findings_do_not_move(monkeypatch):
    """The prefetch needs the modifiers' candidates (their meaning texts) before detection, which asked for
    them again on a context of its own: the pair's context, candidates included, is now built once and
    handed to detection. Same findings as detection alone (no prefetch, nothing handed over)."""
    from storytrace.findings.detectors import modifiers_cmp

    engine = Pipeline(Config(quiet=True))
    prepared = _prepared(engine)
    runs: list[str] = []
    real = modifiers_cmp._detect_qualifiers
    monkeypatch.setattr(modifiers_cmp, "_detect_qualifiers", lambda ctx: runs.append(ctx.derived.id) or real(ctx))
    prefetch_meaning(prepared, engine)
    edges = sum(len(s.lineage) for p in prepared for s in p.stories)
    assert len(runs) == edges == 2, "the prefetch ran the checks once per edge"
    batched = [finish_block(p, engine) for p in prepared]
    assert len(runs) == edges, "detection reused the prefetch's contexts: no check ran again"
    assert all(not p.contexts for p in prepared), "finish_block takes the contexts it used"
    for (_, _, alone), stories in zip(_each_block_alone(), batched):
        assert [story_to_dict(s) for s in alone] == [story_to_dict(s) for s in stories]


@pytest.mark.slow
def test_a_context_of_another_pair_is_not_reused():
    """detect_pair takes a handed-over context only when it is of this very pair: another derived
    version's context (its own parses and alignment) would report that version's changes."""
    from storytrace.align import oriented_alignment
    from storytrace.findings.pairwise import detect_pair, meaning_texts

    engine = Pipeline(Config(quiet=True))
    (h0, h1), (l0, l1) = _blocks()
    for a in (h0, h1, l0, l1):
        engine.extractor.process(a)
    hikers, lab = (prepare_block(b, engine, previous={}, taken=set()).stories[0] for b in ([h0, h1], [l0, l1]))
    kept: dict = {}
    meaning_texts(l0, l1, oriented_alignment(lab, "l0", "l1"), parser=engine.parser, encoder=engine.embedder, keep=kept)
    wrong = kept[("l0", "l1")]
    alignment = oriented_alignment(hikers, "h0", "h1")
    own = detect_pair(h0, h1, alignment, parser=engine.parser, encoder=engine.embedder)
    handed = detect_pair(h0, h1, alignment, parser=engine.parser, encoder=engine.embedder, context=wrong)
    assert [f.derived_value for f in handed] == [f.derived_value for f in own]
    assert "injured" in {f.derived_value for f in handed} and "repair" not in {f.derived_value for f in handed}
