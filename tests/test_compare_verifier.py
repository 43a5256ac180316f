"""`storytrace compare` with the shipped verifier: the pair score and verdict come from the
least supported derived sentence; findings show the verifier's score; both switch off."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from storytrace.compare import Comparer, PairInput
from storytrace.config import Config

SOURCE = ("Heavy rain flooded the Tessin valley on Sunday. Two roads were closed and 40 people left their homes. "
          "The regional government said the water would fall by Wednesday.")
PAIRS = [
    PairInput("faithful", SOURCE, "Rain flooded the Tessin valley on Sunday, and two roads were closed."),
    PairInput("invented", SOURCE, "The storm also destroyed the cathedral's bell tower, church officials said."),
    PairInput("number", SOURCE, "Heavy rain flooded the Tessin valley on Sunday, and 400 people left their homes."),
]


@pytest.fixture(scope="module")
def results():
    on = {r.id: r for r in Comparer(Config(quiet=True, verifier_pairs=True, verifier_findings=True)).compare(PAIRS)}
    off = {r.id: r for r in Comparer(Config(quiet=True, verifier_pairs=False, verifier_findings=False,
                                            verifier_severity=False)).compare(PAIRS)}
    return on, off


def test_the_verifier_scores_every_pair_and_the_score_never_exceeds_its_support(results):
    on, off = results
    for r in on.values():
        assert r.support is not None and 0.0 <= r.score <= r.support + 1e-9
    assert all(r.support is None for r in off.values())


def test_a_sentence_the_source_never_says_gets_less_support_and_the_threshold_decides(results):
    on, _ = results
    assert on["invented"].support < on["faithful"].support
    strict = {r.id: r for r in Comparer(Config(quiet=True, verifier_pairs=True,
                                               verifier_unsupported_below=0.3)).compare(PAIRS[:2])}
    assert not strict["invented"].consistent and strict["faithful"].consistent


def test_medium_and_high_findings_show_the_verifiers_score(results):
    on, off = results
    flagged = [f for f in on["number"].findings if f.type == "number_change"]
    assert flagged and all("P(supported)" in f.explanation for f in flagged)
    assert not any("P(supported)" in f.explanation for f in off["number"].findings)


def test_the_command_line_switches_the_verifier_on(tmp_path):
    from storytrace.cli import app

    pairs, out = tmp_path / "pairs.jsonl", tmp_path / "out.jsonl"
    pairs.write_text(json.dumps({"id": "number", "source": SOURCE, "derived": PAIRS[2].derived}) + "\n")
    result = CliRunner().invoke(app, ["compare", "--pairs", str(pairs), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    row = json.loads(out.read_text())
    assert row["findings"] and not any("P(supported)" in f["explanation"] for f in row["findings"])
    result = CliRunner().invoke(app, ["compare", "--pairs", str(pairs), "--out", str(out), "--quiet",
                                      "--verifier-pairs", "--verifier-findings"])
    assert result.exit_code == 0, result.output
    row = json.loads(out.read_text())
    assert any("P(supported)" in f["explanation"] for f in row["findings"])
    missing = CliRunner().invoke(app, ["compare", "--pairs", str(pairs), "--out", str(out), "--quiet",
                                       "--verifier-findings", "--verifier-weights", str(tmp_path / "nowhere")])
    assert missing.exit_code == 2


def test_the_second_signal_on_severity_uses_the_shipped_model_on_high_findings():
    """With the threshold at 0 every scored high finding is lowered, at 1 none: the wiring, with the real model."""
    # the whole source with one number changed: a high number_change
    number = [PairInput("number-in-place", SOURCE, SOURCE.replace("40 people", "400 people"))]
    off = next(iter(Comparer(Config(quiet=True, verifier_severity=False)).compare(number)))
    highs = [f for f in off.findings if f.severity == "high"]
    assert highs, [(f.type, f.severity) for f in off.findings]
    lowered = next(iter(Comparer(Config(quiet=True, verifier_severity=True, verifier_same_meaning_above=0.0)).compare(number)))
    kept = next(iter(Comparer(Config(quiet=True, verifier_severity=True, verifier_same_meaning_above=1.0)).compare(number)))
    for f in highs:
        low = next(g for g in lowered.findings if (g.type, g.claim, g.source_text) == (f.type, f.claim, f.source_text))
        same = next(g for g in kept.findings if (g.type, g.claim, g.source_text) == (f.type, f.claim, f.source_text))
        assert low.severity == "medium" and "lowered to medium" in low.explanation
        assert same.severity == "high" and "P(supported) both ways" in same.explanation
