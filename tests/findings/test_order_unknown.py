"""Findings on a pair whose order nothing showed (lineage marks the edge "direction unknown"): the
explanation says the versions differ instead of saying which one changed the other
(findings/__init__.say_order_unknown). A symmetric type (another figure, another name) keeps its
severity: one of the two versions is wrong whichever came first. A directed type (an addition one
way round is an omission the other: registry.directed_types) reads one way round only, so it says
what each version has, gives the detector's reading as one reading, and is at most medium
(severity.doubt_order: it lacks Signal.KNOWN_ORDER)."""
from __future__ import annotations

import pytest

from storytrace.findings import ONE_READING, ORDER_UNKNOWN_LEAD, registry, say_order_unknown
from storytrace.findings.severity import NOT_HIGH, Reason, Signal, lower_to_medium
from storytrace.lineage import DIRECTION_UNKNOWN_NOTE
from storytrace.model import Edge, Finding


def _edge(known: bool) -> Edge:
    lines = ["aligned one to one"]
    if not known:
        lines.insert(0, DIRECTION_UNKNOWN_NOTE.format(source="a", derived="b"))
    return Edge("a", "b", "translation", 0.5, 0.9, 0.9, lines)


def _finding(type: str, derived_value: str, source_value: str, explanation: str, article="b", source="a") -> Finding:
    return Finding(id="f", type=type, severity="high", article=article, against=[source],
                   claim="The terminal will cost 400 million euros.", claim_span=(0, 41),
                   derived_value=derived_value, source_article=source,
                   source_text="The terminal will cost 40 million euros.", source_span=(0, 40),
                   source_value=source_value, explanation=explanation, confidence=0.9)


def test_a_changed_number_between_unordered_versions_reads_as_a_difference():
    f = _finding("number_change", "400 million", "40 million",
                 'The number changed: the source says "40 million", this version says "400 million".')
    say_order_unknown([f], [_edge(known=False)])
    assert f.explanation == (ORDER_UNKNOWN_LEAD + 'The number differs: the other version says "40 million", '
                             'this version says "400 million".')
    assert (f.type, f.severity) == ("number_change", "high")


def test_an_omission_between_unordered_versions_may_be_an_addition_the_other_way_round():
    f = _finding("omission", "(missing)", "if the regional government signs off",
                 'The source makes this conditional ("if the source signs off"); this version drops the condition.')
    say_order_unknown([f], [_edge(known=False)])
    assert f.explanation.startswith("The versions differ here: the other version has \u201cif the regional "
                                    "government signs off\u201d and this one does not; which came first is not "
                                    "known, so this one may have dropped it or the other added it. " + ONE_READING
                                    # the detector's words name the other side plainly; quoted article words stay
                                    + 'The other version makes this conditional ("if the source signs off"); '
                                    "this version drops the condition.")
    # "dropped" holds one way round only: not high, and the record says what it lacks
    assert (f.type, f.severity, f.severity_reason) == ("omission", "medium", Reason.LACKS_SIGNAL.value)
    assert f.lacks == [Signal.KNOWN_ORDER.value]
    assert f.explanation[f.note_at:] == (NOT_HIGH + " which version came first is not known, so this reading may be"
                                         " the wrong way round: what it calls dropped here may be an addition in"
                                         " the other version.")


def test_an_addition_between_unordered_versions_may_be_an_omission_the_other_way_round():
    f = _finding("unsupported_addition", "1968", "", 'The number "1968" appears nowhere in the source.')
    say_order_unknown([f], [_edge(known=False)])
    assert f.explanation.startswith(
        "The versions differ here: this version has \u201c1968\u201d and the other does not; which came first is "
        "not known, so this one may have added it or the other dropped it. " + ONE_READING
        + 'The number "1968" appears nowhere in the other version.')
    assert "what it calls added here may be an omission by the other version." in f.explanation
    assert (f.severity, f.lacks) == ("medium", [Signal.KNOWN_ORDER.value])


def test_a_medium_addition_between_unordered_versions_records_the_missing_order_and_stays_medium():
    """Read the other way round it is an omission, medium too: the doubt is what it lacks for high."""
    f = _finding("unsupported_addition", "1968", "", 'The number "1968" appears nowhere in the source.')
    f.severity = "medium"
    say_order_unknown([f], [_edge(known=False)])
    assert f.severity == "medium" and Signal.KNOWN_ORDER.value in f.lacks and f.note_at == -1
    assert NOT_HIGH not in f.explanation


def test_a_symmetric_finding_between_unordered_versions_keeps_its_severity_and_record():
    for kind in ("number_change", "entity_swap", "negation_flip", "quote_change", "attribution_change"):
        f = _finding(kind, "400 million", "40 million", "The source says otherwise.")
        say_order_unknown([f], [_edge(known=False)])
        assert f.severity == "high" and not f.lacks and ONE_READING not in f.explanation, kind


def test_the_registry_says_which_types_read_one_way_round():
    """An addition and an omission turn into each other with the order; a changed figure, name,
    negation, quote, speaker or role is a difference whichever version came first."""
    assert registry.directed_types() == {"omission", "unsupported_addition"}
    for kind in ("entity_swap", "name_variant", "role_change", "number_change", "date_change", "quote_change",
                 "attribution_change", "negation_flip"):
        assert not registry.type_info(kind).directed, kind


def test_a_directed_addition_on_an_ordered_edge_is_untouched():
    text = 'The number "1968" appears nowhere in the source.'
    f = _finding("unsupported_addition", "1968", "", text)
    say_order_unknown([f], [_edge(known=True)])
    assert (f.explanation, f.severity, f.lacks) == (text, "high", None)


def test_the_edge_is_found_whichever_way_round_the_finding_reads():
    f = _finding("number_change", "40 million", "400 million", "The source says otherwise.", article="a", source="b")
    say_order_unknown([f], [_edge(known=False)])
    assert f.explanation.startswith(ORDER_UNKNOWN_LEAD)


def test_a_finding_on_an_ordered_edge_keeps_its_explanation():
    text = 'The number changed: the source says "40 million", this version says "400 million".'
    f = _finding("number_change", "400 million", "40 million", text)
    say_order_unknown([f], [_edge(known=True)])
    assert f.explanation == text


def test_the_severity_note_keeps_its_place_and_the_rewording_is_done_once():
    f = _finding("number_change", "400 million", "40 million", "The number changed: the source says 40 million.")
    lower_to_medium(f, Signal.ONE_TO_ONE, "the source sentence is rendered by two sentences.")
    say_order_unknown([f], [_edge(known=False)])
    assert f.explanation[f.note_at:].startswith(NOT_HIGH)
    assert "the other version's sentence is rendered" in f.explanation[f.note_at:]
    once = f.explanation
    say_order_unknown([f], [_edge(known=False)])
    assert f.explanation == once and f.severity == "medium"


FERRY = [
    "The Linden Bay harbour council approved a new ferry terminal on Tuesday, its chair Maria Okonkwo said.",
    "The terminal will cost {cost} million euros and should open in 2028.",
    "Okonkwo said the terminal would carry 1,200 passengers a day.",
    "Local fishermen have objected to the plan, saying it will take space from their boats.",
]


def _text(cost: int, day: str | None) -> str:
    head = f"Date: {day}\n" if day else ""
    return head + "Harbour council approves new ferry terminal\n\n" + "\n".join(FERRY).format(cost=cost) + "\n"


@pytest.mark.parametrize("dated", [False, True])
def test_the_pipeline_words_a_finding_by_what_the_lineage_knows(tmp_path, dated):
    """Two same-day versions that differ in one figure: nothing shows which came first, and the
    finding says the versions differ; a day apart, the later one changed the figure."""
    from storytrace.lineage import direction_unknown
    from storytrace.pipeline import analyze

    (tmp_path / "a.txt").write_text(_text(40, "2025-03-04" if dated else None))
    (tmp_path / "b.txt").write_text(_text(400, "2025-03-05" if dated else None))
    story = next(s for s in analyze([tmp_path / "a.txt", tmp_path / "b.txt"]).stories if len(s.article_ids) == 2)
    (edge,) = story.lineage
    (f,) = [f for f in story.findings if f.type == "number_change"]
    assert direction_unknown(edge) is not dated
    assert f.explanation.startswith(ORDER_UNKNOWN_LEAD) is not dated
    assert ("the other version says" in f.explanation) is not dated
    assert f.severity == "high"


_HAAS = ("The Linden Bay harbour council approved a new ferry terminal on Tuesday, its chair Maria Okonkwo said,"
         " after a vote led by councillor Pieter Haas.")


@pytest.mark.parametrize("dated", [False, True])
def test_a_qualifier_only_one_undated_version_has_lacks_the_known_order(tmp_path, dated):
    """"at least 1,200" against "1,200": one way round the qualifier was dropped (an omission);
    the other way round it was added. Undated, nothing shows which: the finding says so and lacks
    the known order (at most medium)."""
    from storytrace.pipeline import analyze

    def text(qualified: bool, day: str) -> str:
        lines = list(FERRY)
        if qualified:
            lines[2] = lines[2].replace("carry 1,200", "carry at least 1,200")
        head = f"Date: {day}\n" if dated else ""
        return head + "Harbour council approves new ferry terminal\n\n" + "\n".join(lines).format(cost=40) + "\n"

    (tmp_path / "a.txt").write_text(text(True, "2025-03-04"))
    (tmp_path / "b.txt").write_text(text(False, "2025-03-05"))
    story = next(s for s in analyze([tmp_path / "a.txt", tmp_path / "b.txt"]).stories if len(s.article_ids) == 2)
    (f,) = [f for f in story.findings if "at least" in f.source_value]
    assert f.type == "omission"
    assert f.severity == "medium"
    assert (Signal.KNOWN_ORDER.value in f.lacks) is not dated
    assert (ONE_READING in f.explanation) is not dated


@pytest.mark.parametrize("dated", [False, True])
@pytest.mark.parametrize("named_in", ["a", "b"])
def test_a_name_only_one_version_has_is_one_finding_read_by_what_the_lineage_knows(tmp_path, dated, named_in):
    """One version names a councillor the other does not. A day apart, the later version added or
    dropped him. Undated, nothing shows which: the change is one finding (never an addition on one
    side and an omission on the other), it says what each version has, and it lacks the known order."""
    import json

    from storytrace.lineage import direction_unknown
    from storytrace.outputs.json_report import report_to_dict
    from storytrace.pipeline import analyze

    def text(named: bool, day: str) -> str:
        lines = [_HAAS if named else FERRY[0], *FERRY[1:]]
        head = f"Date: {day}\n" if dated else ""
        return head + "Harbour council approves new ferry terminal\n\n" + "\n".join(lines).format(cost=40) + "\n"

    (tmp_path / "a.txt").write_text(text(named_in == "a", "2025-03-04"))
    (tmp_path / "b.txt").write_text(text(named_in == "b", "2025-03-05"))
    result = analyze([tmp_path / "a.txt", tmp_path / "b.txt"])
    story = next(s for s in result.stories if len(s.article_ids) == 2)
    (edge,) = story.lineage
    assert direction_unknown(edge) is not dated
    found = [f for f in story.findings if "Pieter Haas" in (f.derived_value, f.source_value)]
    assert len(found) == 1
    (f,) = found
    assert f.type == ("omission" if named_in == "a" else "unsupported_addition")
    assert f.severity == "medium"
    assert (Signal.KNOWN_ORDER.value in f.lacks) is not dated
    assert (ONE_READING in f.explanation) is not dated
    if not dated:
        has, lacks = ("the other version", "this one") if named_in == "a" else ("this version", "the other")
        assert f.explanation.startswith(f"The versions differ here: {has} has \u201cPieter Haas\u201d and {lacks} does not")
    report = json.loads(json.dumps(report_to_dict(result), default=str))
    (shown,) = [g for s in report["stories"] for g in s["findings"] if g["id"] == f.id]
    assert shown["direction_known"] is dated and shown["severity"] == "medium"
    assert (Signal.KNOWN_ORDER.value in shown["lacks"]) is not dated


def test_the_severity_line_names_the_missing_order():
    from storytrace.severity_basis import why_severity

    f = _finding("unsupported_addition", "1968", "", 'The number "1968" appears nowhere in the source.')
    say_order_unknown([f], [_edge(known=False)])
    assert f.severity == "medium" and why_severity(f).endswith("missing for high: which version came first is known.")


def test_a_symmetric_change_between_unordered_versions_says_the_versions_differ():
    f = _finding("quote_change", "fear", "hope",
                 'The quotation was changed: the source quote has "hope", this version "fear" (the words "changed: it").')
    say_order_unknown([f], [_edge(known=False)])
    assert f.explanation == (ORDER_UNKNOWN_LEAD + 'The quotation differs: the other version\'s quote has "hope", '
                             'this version "fear" (the words "changed: it").')


def test_a_medium_settled_by_its_detector_names_the_missing_order_in_its_severity_line():
    """A medium addition its detector's rule settled keeps that rule as its reason; on an unordered
    edge it also lacks the known order, and the one-line reason says so (it said only the rule)."""
    from storytrace.findings.severity import ensure_recorded
    from storytrace.severity_basis import why_severity

    f = _finding("unsupported_addition", "1968", "", 'The number "1968" appears nowhere in the source.')
    f.severity = "medium"
    ensure_recorded(f)
    assert why_severity(f).startswith("its detector's rule") and "missing" not in why_severity(f)
    say_order_unknown([f], [_edge(known=False)])
    assert f.severity == "medium"
    assert why_severity(f) == ("its detector's rule for this kind of finding (signals: the change itself);"
                               " missing for high: which version came first is known.")
