"""findings/verify.py: the verifier's check on findings and its unsupported-sentence findings,
with a stand-in verifier (the shipped model is tested in test_verifier_model.py)."""
from __future__ import annotations

import storytrace.findings.verify as verify
from storytrace.config import Config
from storytrace.findings import detect_findings
from storytrace.model import AlignedPair, Alignment, Article, Edge, Finding, Sentence, Story


class Fixed:
    """Scores each pair by the first rule whose words all occur in the hypothesis."""

    def __init__(self, rules: dict[str, float], default: float = 0.5):
        self.rules, self.default, self.seen = rules, default, []

    def score(self, pairs):
        self.seen.extend(pairs)
        return [next((v for k, v in self.rules.items() if k in h), self.default) for _, h in pairs]


def article(article_id: str, sentences: list[str]) -> Article:
    text, spans, pos = "", [], 0
    for i, s in enumerate(sentences):
        spans.append(Sentence(index=i, start=pos, end=pos + len(s), text=s))
        text += s + " "
        pos = len(text)
    return Article(id=article_id, source_path="", original_text=text, text=text, sentences=spans)


SOURCE = article("src", ["The council met on Monday.", "It voted to close the harbour bridge for repairs.",
                         "Work starts in June."])
DERIVED = article("der", ["The council voted to shut the harbour bridge for repairs.",
                          "The mayor resigned in protest."])


def finding(kind: str, severity: str, claim: Sentence, source: Sentence) -> Finding:
    return Finding(id="x", type=kind, severity=severity, article="der", against=["src"], claim=claim.text,
                   claim_span=(claim.start, claim.end), derived_value="shut", source_article="src",
                   source_text=source.text, source_span=(source.start, source.end), source_value="close",
                   explanation="A word changed.", confidence=0.9)


def test_a_finding_judged_supported_is_downgraded_and_says_so():
    f = finding("negation_flip", "high", DERIVED.sentences[0], SOURCE.sentences[1])
    verify.verify_findings([f], {"src": SOURCE}, Fixed({"shut": 0.97}), entailed_above=0.9)
    assert f.severity == "low"
    assert "P(supported) = 0.97" in f.explanation and "downgraded" in f.explanation


def test_a_finding_judged_unsupported_keeps_its_severity_and_shows_the_score():
    f = finding("negation_flip", "medium", DERIVED.sentences[0], SOURCE.sentences[1])
    verify.verify_findings([f], {"src": SOURCE}, Fixed({"shut": 0.04}), entailed_above=0.9)
    assert f.severity == "medium" and f.explanation.endswith("Verifier: P(supported) = 0.04.")


def test_low_findings_are_left_alone_and_an_omission_is_checked_the_other_way_round():
    low = finding("entity_swap", "low", DERIVED.sentences[0], SOURCE.sentences[1])
    omission = finding("omission", "medium", DERIVED.sentences[0], SOURCE.sentences[1])
    verifier = Fixed({})
    scores = verify.score_findings([low, omission], {"src": SOURCE}, verifier)
    assert scores[0] is None and scores[1] == 0.5
    # premise: the derived sentence; hypothesis: the source sentence whose content may be gone
    assert verifier.seen[-1] == (DERIVED.sentences[0].text, SOURCE.sentences[1].text)


def story() -> Story:
    al = Alignment(source="src", derived="der", pairs=[AlignedPair(source=[1], derived=[0], score=0.9),
                                                       AlignedPair(source=[2], derived=[1], score=0.4)])
    edge = Edge(source="src", derived="der", relation="summary", confidence=0.9, coverage=0.5,
                containment=0.8, evidence=[])
    return Story(id="s1", title="t", article_ids=["src", "der"], alignments=[al], lineage=[edge])


def test_unsupported_sentence_of_a_summary_becomes_a_medium_finding():
    found = verify.unsupported_sentences(story(), {"src": SOURCE, "der": DERIVED},
                                         Fixed({"mayor": 0.02}, default=0.8), unsupported_below=0.1)
    assert [(f.type, f.severity, f.claim) for f in found] == [
        ("unsupported_addition", "medium", "The mayor resigned in protest.")]
    assert "P(supported) = 0.02" in found[0].explanation


def test_detect_findings_runs_the_verifier_only_when_the_config_asks(monkeypatch):
    fake = Fixed({"mayor": 0.02}, default=0.8)
    monkeypatch.setattr(verify, "load_verifier", lambda weights="", bf16=False: fake)
    articles = {"src": SOURCE, "der": DERIVED}
    without = detect_findings(story(), articles)
    assert not fake.seen and not any("P(supported)" in f.explanation for f in without)
    off = detect_findings(story(), articles, Config(verifier_pairs=False, verifier_findings=False, verifier_severity=False))
    assert not fake.seen and len(off) == len(without)
    on = detect_findings(story(), articles, Config(verifier_pairs=True, verifier_findings=True))
    assert any(f.type == "unsupported_addition" and f.claim == "The mayor resigned in protest." for f in on)
    assert fake.seen


def test_analyze_block_hands_its_config_to_the_findings(monkeypatch):
    import storytrace.findings as findings_pkg
    from storytrace.pipeline import Pipeline, analyze_block

    seen = []
    monkeypatch.setattr(findings_pkg, "detect_findings",
                        lambda story, by_id, config=None, parser=None, nli=None, encoder=None, contexts=None:
                        seen.append((config, parser)) or [])
    engine = Pipeline(Config(verifier_findings=False))
    analyze_block([SOURCE], engine)
    assert seen == [(engine.config, engine.parser)]
    assert engine._embedder is None  # a one-article block never loads the sentence encoder


def test_a_sentence_copied_word_for_word_is_not_sent_to_the_verifier():
    copy = article("der", ["It voted to close the harbour bridge for repairs.", "The mayor resigned in protest."])
    fake = Fixed({}, default=0.0)
    found = verify.unsupported_sentences(story(), {"src": SOURCE, "der": copy}, fake, unsupported_below=0.1)
    assert [h for _, h in fake.seen] == ["The mayor resigned in protest."]
    assert [f.claim for f in found] == ["The mayor resigned in protest."]


def test_the_model_loads_only_when_a_finding_or_a_derived_edge_needs_it(monkeypatch):
    loads = []
    monkeypatch.setattr(verify, "load_verifier", lambda weights="", bf16=False: loads.append(weights) or Fixed({}))
    config = Config(verifier_pairs=True, verifier_findings=True)
    members = {"src": SOURCE, "der": DERIVED}
    independent = story()
    independent.lineage = [Edge(e.source, e.derived, "independent", e.confidence, e.coverage, e.containment)
                           for e in independent.lineage]
    low = [finding("name_variant", "low", DERIVED.sentences[0], SOURCE.sentences[1])]
    assert verify.check_story(independent, members, low, config) == low and not loads
    verify.check_story(story(), members, low, config)  # a summary edge: its sentences are judged
    assert len(loads) == 1
    high = [finding("negation_flip", "high", DERIVED.sentences[0], SOURCE.sentences[1])]
    verify.check_story(independent, members, high, Config(verifier_findings=True))  # a finding to check
    assert len(loads) == 2


class Directed:
    """Scores (premise, hypothesis) by the first rule (premise word, hypothesis word) both found."""

    def __init__(self, rules: dict[tuple[str, str], float], default: float = 0.5):
        self.rules, self.default, self.seen = rules, default, []

    def score(self, pairs):
        self.seen.extend(pairs)
        return [next((v for (pw, hw), v in self.rules.items() if pw in p and hw in h), self.default) for p, h in pairs]


def test_second_signal_lowers_a_high_finding_whose_sentences_say_the_same_thing_both_ways():
    f = finding("antonym_flip", "high", DERIVED.sentences[0], SOURCE.sentences[1])  # "shut" for "close"
    scorer = Directed({("close", "shut"): 0.96, ("shut", "close"): 0.93})
    verify.weigh_with_verifier([f], scorer, high_above=0.9)
    assert f.severity == "medium"
    assert "saying the same thing" in f.explanation and "0.93" in f.explanation and "lowered to medium" in f.explanation
    assert {(SOURCE.sentences[1].text, DERIVED.sentences[0].text), (DERIVED.sentences[0].text, SOURCE.sentences[1].text)} == set(scorer.seen)


def test_second_signal_keeps_high_when_the_claim_is_supported_only_one_way():
    # "Two roads were closed." is supported by the longer source sentence, but does not say all it says
    source = article("src", ["Two roads were closed and 40 people left their homes."]).sentences[0]
    claim = article("der", ["Two roads were closed."]).sentences[0]
    f = finding("omission", "high", claim, source)
    verify.weigh_with_verifier([f], Directed({("40 people", "Two roads"): 0.95, ("Two roads", "40 people"): 0.2}), high_above=0.9)
    assert f.severity == "high" and "also reads a change of meaning (P(supported) both ways = 0.20)" in f.explanation
    assert "lowered" not in f.explanation


def test_second_signal_leaves_medium_low_and_name_variants_unless_asked():
    scorer = Directed({}, default=0.99)
    medium = finding("number_change", "medium", DERIVED.sentences[0], SOURCE.sentences[1])
    low = finding("number_change", "low", DERIVED.sentences[0], SOURCE.sentences[1])
    variant = finding("name_variant", "high", DERIVED.sentences[0], SOURCE.sentences[1])
    verify.weigh_with_verifier([medium, low, variant], scorer, high_above=0.9)  # medium threshold 1.0: never
    assert (medium.severity, low.severity, variant.severity) == ("medium", "low", "high") and not scorer.seen
    verify.weigh_with_verifier([medium], scorer, high_above=0.9, medium_above=0.95)
    assert medium.severity == "low" and "lowered to low" in medium.explanation
    never = finding("number_change", "high", DERIVED.sentences[0], SOURCE.sentences[1])
    verify.weigh_with_verifier([never], Directed({}, default=1.0), high_above=1.0)
    assert never.severity == "high"


def test_check_story_applies_the_second_signal_only_when_the_config_asks(monkeypatch):
    scorer = Directed({}, default=0.97)
    monkeypatch.setattr(verify, "load_verifier", lambda weights="", bf16=False: scorer)
    members = {"src": SOURCE, "der": DERIVED}
    off = [finding("negation_flip", "high", DERIVED.sentences[0], SOURCE.sentences[1])]
    verify.check_story(story(), members, off, Config(verifier_severity=False))
    assert off[0].severity == "high" and not scorer.seen
    on = [finding("negation_flip", "high", DERIVED.sentences[0], SOURCE.sentences[1])]
    verify.check_story(story(), members, on, Config(verifier_severity=True, verifier_same_meaning_above=0.95))
    assert on[0].severity == "medium" and scorer.seen


def test_second_signal_leaves_a_finding_across_languages_alone():
    """The verifier reads English only: a Chinese source sentence against an English claim is not judged."""
    zh = article("src", ["议会周一投票决定关闭港口大桥进行维修。"])
    zh.language = "zh"
    en = article("der", ["The council voted on Monday to shut the harbour bridge for repairs."])
    en.language = "en"
    f = finding("date_change", "high", en.sentences[0], zh.sentences[0])
    scorer = Directed({}, default=0.99)
    verify.weigh_with_verifier([f], scorer, high_above=0.5, articles={"src": zh, "der": en})
    assert f.severity == "high" and not scorer.seen and "Second signal" not in f.explanation
    zh.language = "en"  # the same finding between two English sentences is judged
    verify.weigh_with_verifier([f], scorer, high_above=0.5, articles={"src": zh, "der": en})
    assert f.severity == "medium"


def test_the_second_signal_loads_the_model_only_for_a_high_finding(monkeypatch):
    loads = []
    monkeypatch.setattr(verify, "load_verifier", lambda weights="", bf16=False: loads.append(weights) or Directed({}, default=0.8))
    members = {"src": SOURCE, "der": DERIVED}
    on = Config(verifier_severity=True)
    medium = [finding("number_change", "medium", DERIVED.sentences[0], SOURCE.sentences[1])]
    verify.check_story(story(), members, medium, on)
    assert not loads and medium[0].severity == "medium"
    high = [finding("number_change", "high", DERIVED.sentences[0], SOURCE.sentences[1])]
    verify.check_story(story(), members, high, Config())  # off by default
    assert not loads and high[0].severity == "high"
    verify.check_story(story(), members, high, on)
    assert loads and high[0].severity == "medium"  # 0.8 both ways >= the default threshold 0.7
