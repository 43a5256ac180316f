"""`storytrace compare`: the JSON lines contract, malformed lines, exit codes."""
from __future__ import annotations

import json

import pytest

from storytrace.compare import compare_file, read_pairs

PAIRS = [
    {"id": "same", "source": "Japan agreed to open its market to European cheese.",
     "derived": "Japan agreed to open its market to cheese from Europe.", "label": "ignored"},
    {"id": "flip", "source": "Japan agreed to open its market to European cheese.",
     "derived": "Japan refused to open its market to European cheese."},
    {"id": "number", "source": "The deal covers trade worth $210bn a year.",
     "derived": "The deal covers trade worth $120bn a year."},
]


def _write(path, lines):
    path.write_text("".join(line if isinstance(line, str) else json.dumps(line) + "\n" for line in lines))


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("compare")
    pairs, out = tmp / "pairs.jsonl", tmp / "out.jsonl"
    _write(pairs, [PAIRS[0], "{not json\n", PAIRS[1], {"id": "x", "source": "only a source"}, "\n", PAIRS[2]])
    code = compare_file(pairs, out, quiet=True)
    return code, [json.loads(line) for line in out.read_text().splitlines()]


def test_every_good_line_gets_one_output_line_in_order(run):
    code, results = run
    assert [r["id"] for r in results] == ["same", "flip", "number"]
    for r in results:
        assert set(r) == {"id", "consistent", "score", "findings"}
        assert isinstance(r["consistent"], bool) and 0.0 <= r["score"] <= 1.0


def test_decisions_and_findings(run):
    _, results = run
    by_id = {r["id"]: r for r in results}
    assert by_id["same"]["consistent"] and by_id["same"]["score"] == 1.0
    assert not by_id["flip"]["consistent"] and by_id["flip"]["score"] < 0.5
    assert [f["type"] for f in by_id["flip"]["findings"]] == ["negation_flip"]
    finding = by_id["number"]["findings"][0]
    assert finding["type"] == "number_change" and finding["severity"] == "high"
    assert finding["source_value"].endswith("210bn") and finding["derived_value"].endswith("120bn")
    # report.json's finding fields, spans into the original texts
    derived = PAIRS[2]["derived"]
    start, end = finding["claim_span"]
    assert derived[start:end].strip() == finding["claim"]


def test_malformed_lines_are_reported_with_file_and_line(tmp_path, capsys):
    pairs = tmp_path / "p.jsonl"
    _write(pairs, [PAIRS[0], "{not json\n", {"id": "x", "source": "only a source"}, "[1, 2]\n"])
    code = compare_file(pairs, tmp_path / "o.jsonl", quiet=True)
    err = capsys.readouterr().err.splitlines()
    assert code == 1
    assert f"{pairs}:2: not valid JSON" in err[0]
    assert f"{pairs}:3: missing or empty text field(s): derived" in err[1]
    assert f"{pairs}:4:" in err[2]
    assert all("Traceback" not in line for line in err)


def test_missing_input_file_is_one_line_error(tmp_path, capsys):
    assert compare_file(tmp_path / "absent.jsonl", tmp_path / "o.jsonl", quiet=True) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "absent.jsonl" in err


def test_bad_nli_model_path_is_one_line_error(tmp_path, capsys):
    from storytrace.config import Config

    pairs = tmp_path / "p.jsonl"
    _write(pairs, [PAIRS[0]])
    code = compare_file(pairs, tmp_path / "o.jsonl", quiet=True, config=Config(nli_model=str(tmp_path / "no-model")))
    assert code == 2 and "no-model" in capsys.readouterr().err


def test_read_pairs_uses_line_number_when_id_missing(tmp_path):
    pairs = tmp_path / "p.jsonl"
    _write(pairs, [{"source": "a b", "derived": "a b"}])
    (item,) = list(read_pairs(pairs))
    assert item.id == "1"


def test_a_pair_in_two_languages_is_aligned_and_its_changed_figure_found(tmp_path):
    # A short Chinese rendering of a longer English text: without the aligner no sentence would be paired.
    source = ("The storm made landfall near the port of Valdora on Sunday night. Winds of up to 160 kilometres "
              "an hour tore roofs off hundreds of homes. The regional governor said three people had died.")
    derived = "风暴周日晚间在瓦尔多拉港附近登陆。时速高达260公里的大风掀翻了数百座房屋的屋顶。地区州长说，已有三人死亡。"
    pairs, out = tmp_path / "pairs.jsonl", tmp_path / "out.jsonl"
    _write(pairs, [{"id": "zh", "source": source, "derived": derived}])
    assert compare_file(pairs, out, quiet=True) == 0
    result = json.loads(out.read_text())
    assert [(f["type"], f["source_value"], f["derived_value"]) for f in result["findings"]] == [
        ("number_change", "160 kilometres", "260公里")]
    assert not result["consistent"]
