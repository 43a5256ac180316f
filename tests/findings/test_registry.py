"""The detector registry: its views agree with each other and with the outputs, and a detector
registered from outside runs in both entry points (and stops running once unregistered)."""
from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

from .helpers import prepare
from storytrace.findings import detect_findings, registry
from storytrace.findings.common import make_finding
from storytrace.findings.pairwise import detect_pair
from storytrace.model import Article, Finding, Sentence, Story
from storytrace.outputs.claimreview import RATING_NAMES, TYPE_RATING


def test_every_type_has_a_default_severity_and_every_emitted_type_is_declared():
    types = registry.finding_types()
    assert len(types) == len(set(types)) > 0
    assert set(registry.default_severity()) == set(types)
    assert set(registry.default_severity().values()) <= {"high", "medium", "low"}
    assert registry.strict_types() <= set(types)
    assert registry.undeclared_types() == {}


def test_type_order_is_the_order_the_outputs_rate_and_name_types_in():
    # claimreview names every type, in the order the report ranks them
    assert tuple(RATING_NAMES) == registry.finding_types()
    assert set(TYPE_RATING) == set(registry.finding_types())


def test_only_clear_changes_of_who_what_how_much_when_are_strict():
    assert registry.strict_types() == {"entity_swap", "number_change", "date_change", "negation_flip",
                                       "quote_change", "attribution_change", "role_change"}


def test_detectors_run_in_their_historical_order():
    assert [d.name for d in registry.detectors("pair")] == [
        "entities", "roles", "numbers", "attributes", "polarity", "quotes", "attributions", "omissions", "modifiers",
        "crosslingual"]
    assert [d.name for d in registry.detectors() if d.scope != "pair"] == ["consensus", "consensus names", "internal contradictions", "stance"]


def _detector_modules() -> list[str]:
    import storytrace.findings.detectors as package

    return [f"{package.__name__}.{m.name}" for m in pkgutil.iter_modules(package.__path__)]


def test_every_detector_module_registers_and_no_helper_does():
    registered = {d.run.__module__ for d in registry.detectors()}
    modules = _detector_modules()
    assert modules and set(modules) == registered
    for name in modules:
        source = inspect.getsource(importlib.import_module(name))
        assert "@detector(" in source, name


def test_a_second_owner_of_a_type_is_refused():
    with pytest.raises(registry.RegistryError, match="entity_swap"):
        registry.detector("copycat", scope="pair", types=("entity_swap",), severity={"entity_swap": "low"},
                          rank={"entity_swap": 999})(lambda ctx: [])
    assert "copycat" not in [d.name for d in registry.detectors()]


@pytest.fixture
def marker_detector():
    """A pair detector of a new type: every derived sentence naming the invented town of Zorblax."""

    @registry.detector("zorblax", scope="pair", types=("zorblax_mention",),
                       severity={"zorblax_mention": "low"}, rank={"zorblax_mention": 1000})
    def detect_zorblax(ctx) -> list[Finding]:
        return [make_finding(ctx, "zorblax_mention", s, "Zorblax", None, "", "Names Zorblax.", 0.9)
                for s in ctx.der.sentences if "Zorblax" in s.text]

    yield detect_zorblax
    if "zorblax" in [d.name for d in registry.detectors()]:
        registry.unregister("zorblax")


def test_a_registered_pair_detector_runs_in_detect_pair(extractor, marker_detector):
    source = prepare(extractor, "The mayor opened the new bridge on Monday.", "s")
    derived = prepare(extractor, "The mayor of Zorblax opened the new bridge on Monday.", "d")
    found = detect_pair(source, derived)
    assert [(f.type, f.severity, f.derived_value) for f in found if f.type == "zorblax_mention"] == [
        ("zorblax_mention", "low", "Zorblax")]
    assert registry.finding_types()[-1] == "zorblax_mention"
    registry.unregister("zorblax")
    assert all(f.type != "zorblax_mention" for f in detect_pair(source, derived))
    assert "zorblax_mention" not in registry.finding_types()


def _article(article_id: str, text: str) -> Article:
    art = Article(id=article_id, source_path=f"{article_id}.txt", original_text=text, text=text)
    art.sentences.append(Sentence(0, 0, len(text), text))
    return art


def test_a_registered_story_detector_runs_in_detect_findings():
    def detect_short_story(story: Story, members: dict[str, Article]) -> list[Finding]:
        first = next(iter(members.values()))
        return [Finding(id="", type="short_story", severity="low", article=first.id, against=[],
                        claim=first.text, claim_span=(0, len(first.text)), derived_value=str(len(members)),
                        source_article="", source_text="", source_span=None, source_value="",
                        explanation="A story of two versions.", confidence=0.5)]

    a = _article("a", "The ferry to the island was cancelled.")
    b = _article("b", "Storms cancelled the island ferry.")
    story = Story("s1", "Ferry", ["a", "b"], [], [])
    registry.detector("short story", scope="story", types=("short_story",), severity={"short_story": "low"},
                      rank={"short_story": 1000})(detect_short_story)
    try:
        found = detect_findings(story, {"a": a, "b": b})
        assert [(f.id, f.type, f.derived_value) for f in found] == [("s1-f1", "short_story", "2")]
    finally:
        registry.unregister("short story")
    assert detect_findings(story, {"a": a, "b": b}) == []
