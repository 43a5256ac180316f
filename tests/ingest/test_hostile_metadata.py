"""Issue 21.2: hostile metadata is one warning line for its file (or line), never a stopped run.

A YAML key that is not a string, a YAML alias bomb and JSON nested hundreds of levels deep in a
metadata field: each is bounded while reading (before any work grows with it), the rest of the
file and the other files are analysed.
"""
from __future__ import annotations

import json
import sqlite3

from fastapi.testclient import TestClient
from scale_helpers import cli

from storytrace.ingest import read_paths
from storytrace.model import Article, InputError

GOOD = "Ferry runs aground\n\nThe evening ferry ran aground near Holm island on Friday. All 80 passengers were taken off.\n"
NON_STRING_KEY = ("---\ntitle: Steel plant to close\nextra: {1: a, b: c}\n---\n"
                  "The Varde steel plant will close in June, its owner said, ending 400 jobs in the town.\n")


def alias_bomb(levels: int = 9) -> str:
    """The 'billion laughs' in YAML: each level lists the one before nine times (9**9 strings)."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, levels)]
    return "---\n" + "\n".join(lines) + f"\ntitle: *a{levels - 1}\n---\nThe town library reopened on Monday.\n"


def few_alias_bomb(levels: int = 20) -> str:
    """Only two aliases a level (under any alias count cap), still 2**20 values when expanded."""
    lines = ['b0: &b0 ["x"]'] + [f"b{i}: &b{i} [*b{i - 1}, *b{i - 1}]" for i in range(1, levels)]
    return "---\n" + "\n".join(lines) + f"\ntitle: *b{levels - 1}\n---\nForecasters issued a storm warning.\n"


def deep_json_lines(depth: int = 600) -> str:
    deep = "[" * depth + "]" * depth
    return (
        json.dumps({"id": "deep", "text": "The harbour master resigned on Tuesday."})[:-1] + f', "extra": {deep}}}\n'
        + json.dumps({"id": "after", "text": "The council approved the new bridge on Wednesday."}) + "\n"
    )


def _read(path):
    items = list(read_paths([path]))
    return [x for x in items if isinstance(x, Article)], [x for x in items if isinstance(x, InputError)]


def test_a_non_string_yaml_key_is_kept_as_text(tmp_path):
    f = tmp_path / "steel.md"
    f.write_text(NON_STRING_KEY)
    (a,), errs = _read(f)
    assert errs == [] and a.title == "Steel plant to close"
    a.metadata.pop("field_sources", None)  # where title etc. came from (issue 18), not the hostile field
    assert a.metadata == {"extra": {"1": "a", "b": "c"}}
    json.dumps(a.metadata, sort_keys=True)  # what the store does with it


def test_a_yaml_alias_bomb_is_refused_before_it_expands(tmp_path):
    for name, text in (("bomb.md", alias_bomb()), ("few.md", few_alias_bomb())):
        f = tmp_path / name
        f.write_text(text)
        (a,), (warning,) = _read(f)  # before the bound: 9**9 strings, minutes and gigabytes
        assert not warning.fatal and warning.path == str(f) and "metadata ignored" in warning.problem
        a.metadata.pop("field_sources", None)
        assert a.metadata == {} and a.original_text.endswith(".")


def test_deep_json_in_a_metadata_field_drops_that_field_only(tmp_path):
    f = tmp_path / "export.jsonl"
    f.write_text(deep_json_lines())
    found, errs = _read(f)
    assert [a.id for a in found] == ["deep", "after"], "the later line is still read"
    [warning] = errs
    assert (warning.path, warning.line, warning.fatal) == (str(f), 1, False)
    assert "'extra' dropped" in warning.problem and "nested" in warning.problem


def test_cli_run_with_every_hostile_file_writes_the_report(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD)
    (corpus / "steel.md").write_text(NON_STRING_KEY)
    (corpus / "bomb.md").write_text(alias_bomb())
    (corpus / "export.jsonl").write_text(deep_json_lines())
    done = cli("analyze", str(corpus), "--out", str(tmp_path / "out"), "--quiet")
    assert "Traceback" not in done.stderr and "recursion" not in done.stderr, done.stderr
    assert done.returncode == 0, done.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert sorted(a["id"] for a in report["articles"]) == ["after", "bomb", "deep", "good", "steel"]
    with sqlite3.connect(tmp_path / "out" / "storytrace.db") as conn:
        [(meta,)] = conn.execute("SELECT metadata FROM articles WHERE id = 'steel'")
    stored = json.loads(meta)
    stored.pop("field_sources", None)
    assert stored == {"extra": {"1": "a", "b": "c"}}


def test_web_upload_with_a_non_string_key_keeps_the_good_files(tmp_path):
    from pipeline_stubs import ReadersOnly

    from storytrace.store.database import Store
    from storytrace.web.app import create_app

    db = tmp_path / "store.db"
    Store(db).close()
    client = TestClient(create_app(db, pipeline_factory=ReadersOnly), base_url="http://127.0.0.1:8765")
    files = [("files", ("steel.md", NON_STRING_KEY.encode(), "text/markdown")), ("files", ("good.txt", GOOD.encode(), "text/plain"))]
    r = client.post("/articles", files=files, headers={"accept": "application/json"})
    assert r.status_code == 200, r.text
    assert sorted(r.json()["added"]) == ["good", "steel"]
