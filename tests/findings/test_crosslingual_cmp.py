"""Findings between an English report and its Chinese or Japanese translation (hand-written texts,
the real cleaner, extractor and multilingual aligner)."""
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .helpers import prepare
from storm_texts import CHINESE, ENGLISH_SENTENCES, JAPANESE
from storytrace.align import align_pair
from storytrace.findings import registry
from storytrace.findings.common import make_finding
from storytrace.findings.pairwise import detect_pair

ENGLISH = " ".join(ENGLISH_SENTENCES)


@pytest.fixture(scope="module")
def english(extractor):
    return prepare(extractor, ENGLISH, "en")


def _findings(extractor, english, sentences: list[str], language: str):
    derived = prepare(extractor, "".join(sentences), language)
    assert derived.language == language
    return detect_pair(english, derived, align_pair(english, derived, embedder=None)), derived


def test_a_faithful_chinese_translation_gets_no_finding(extractor, english):
    found, _ = _findings(extractor, english, CHINESE, "zh")
    assert found == []


def test_a_faithful_japanese_translation_gets_no_finding(extractor, english):
    found, _ = _findings(extractor, english, JAPANESE, "ja")
    assert found == []


def test_a_changed_figure_with_the_same_unit_in_a_sure_pair_is_high(extractor, english):
    changed = CHINESE[:1] + ["时速高达260公里的大风掀翻了数百座房屋的屋顶。"] + CHINESE[2:]
    found, derived = _findings(extractor, english, changed, "zh")
    assert [(f.type, f.severity, f.source_value, f.derived_value) for f in found] == [
        ("number_change", "high", "160 kilometres", "260公里")]
    f = found[0]
    assert f.claim == changed[1] and f.source_text == "Winds of up to 160 kilometres an hour tore roofs off hundreds of homes."
    assert "two signals agree" in f.explanation and "distances" in f.explanation
    assert derived.text[f.claim_span[0]:f.claim_span[1]] == f.claim


def test_a_changed_date_in_japanese_is_high(extractor, english):
    changed = JAPANESE[:4] + ["州内の学校は3月17日まで休校となる。"] + JAPANESE[5:]
    found, _ = _findings(extractor, english, changed, "ja")
    assert [(f.type, f.severity, f.source_value, f.derived_value) for f in found] == [
        ("date_change", "high", "March 14", "3月17日")]
    assert (found[0].signals, found[0].severity_reason) == (["detector", "one_to_one", "same_quantity"], "two_signals")


def test_a_changed_count_with_no_unit_on_either_side_is_medium_and_says_why(extractor, english):
    # "households" and 户 are not units this reader knows: one signal only
    changed = CHINESE[:3] + ["约6万户家庭的电力供应中断。"] + CHINESE[4:]
    found, _ = _findings(extractor, english, changed, "zh")
    assert [(f.type, f.severity, f.source_value, f.derived_value) for f in found] == [
        ("number_change", "medium", "40,000", "6万")]
    assert "Medium, not high" in found[0].explanation and "units do not say" in found[0].explanation
    assert (found[0].signals, found[0].lacks) == (["detector", "one_to_one"], ["same_quantity"])


def test_a_dropped_figure_is_a_low_omission(extractor, english):
    changed = CHINESE[:2] + ["地区州长玛尔塔·基罗加（Marta Quiroga）说，已有人死亡。"] + CHINESE[3:]
    found, _ = _findings(extractor, english, changed, "zh")
    assert [(f.type, f.severity, f.source_value, f.derived_value) for f in found] == [
        ("omission", "low", "three people", "(missing)")]


def test_a_figure_moved_into_the_next_sentence_is_no_change(extractor, english):
    # the translator folds the death toll into the next sentence: kept, not dropped
    changed = CHINESE[:2] + ["地区州长玛尔塔·基罗加（Marta Quiroga）说，有人死亡。", "死者共三人，约4万户家庭断电。"] + CHINESE[4:]
    found, _ = _findings(extractor, english, changed, "zh")
    assert [f for f in found if f.severity != "low"] == []


@pytest.fixture
def every_sentence_detector():
    """An English-only pair detector that flags every derived sentence."""

    @registry.detector("flag-all", scope="pair", types=("flagged",), severity={"flagged": "low"}, rank={"flagged": 1001})
    def flag_all(ctx):
        return [make_finding(ctx, "flagged", s, s.text[:5], None, "", "flag", 0.9) for s in ctx.der.sentences]

    yield flag_all
    registry.unregister("flag-all")


def test_only_multilingual_detectors_run_between_two_languages(extractor, english, every_sentence_detector):
    found, _ = _findings(extractor, english, CHINESE, "zh")
    assert not [f for f in found if f.type == "flagged"]
    other = prepare(extractor, ENGLISH.replace("Sunday", "Monday"), "en2")
    assert [f for f in detect_pair(english, other) if f.type == "flagged"]
    assert [d.name for d in registry.detectors("pair") if d.multilingual] == ["crosslingual"]


def test_a_latin_name_the_source_never_mentions_is_another_person_at_medium(extractor, english):
    changed = CHINESE[:2] + ["地区州长索菲亚·杜阿尔特（Sofia Duarte）说，已有三人死亡。"] + CHINESE[3:]
    found, _ = _findings(extractor, english, changed, "zh")
    assert [(f.type, f.severity, f.source_value, f.derived_value) for f in found] == [
        ("entity_swap", "medium", "Marta Quiroga", "Sofia Duarte")]
    assert "Medium, not high" in found[0].explanation
    assert (found[0].lacks, found[0].severity_reason) == (["same_slot"], "lacks_signal")


def test_a_latin_name_kept_beside_its_transliteration_is_no_change(extractor, english):
    found, _ = _findings(extractor, english, CHINESE, "zh")  # CHINESE[2] glosses Marta Quiroga in Latin letters
    assert not [f for f in found if f.type == "entity_swap"]


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(keep=st.lists(st.booleans(), min_size=6, max_size=6).filter(lambda k: sum(k) >= 3),
       change=st.sampled_from([None, ("160公里", "260公里"), ("4万户", "6万户"), ("3月14日", "3月17日"), ("三人", "五人")]))
def test_findings_across_languages_compare_only_sentences_shown_side_by_side(extractor, english, keep, change):
    sentences = [s for s, k in zip(CHINESE, keep) if k]
    if change:
        sentences = [s.replace(*change) for s in sentences]
    derived = prepare(extractor, "".join(sentences), "zh")
    alignment = align_pair(english, derived, embedder=None)
    shown = {(i, j) for p in alignment.pairs for i in p.source for j in p.derived}
    src_at = {s.start: s.index for s in english.sentences}
    der_at = {s.start: s.index for s in derived.sentences}
    for f in detect_pair(english, derived, alignment):
        assert (src_at[f.source_span[0]], der_at[f.claim_span[0]]) in shown
        assert f.source_value in f.source_text
        assert f.derived_value == "(missing)" or f.derived_value in f.claim
        assert f.severity != "high" or ("two signals agree" in f.explanation)
