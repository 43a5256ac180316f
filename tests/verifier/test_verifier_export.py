"""verifier/export.py: the prebuilt examples of a GPU run (no benchmark rows, whole groups in the
validation slice, the same bytes on every run) and an import path that needs only torch & co."""
from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

from storytrace.verifier import export
from storytrace.verifier.data import MAX_PREMISE_CHARS

ARTICLES = [
    ("Maria Lopez, the mayor of Toledo, opened a new library on Monday. It holds 4,000 books and cost 2 million euros. "
     "Daniel Reyes, who chairs the council, said the library would open every day. The city had wanted a library "
     "for ten years. Schools in Toledo will bring pupils there in March."),
    ("Rain flooded two villages in the valley on Tuesday. The army sent 300 soldiers to help the farmers. "
     "Officials said the river was expected to fall by Friday. Nobody was hurt in Arlen, the police said. "
     "The roads to Brisk stayed closed for a week."),
]


def shared_folder(tmp_path: Path, premises: int = 60) -> Path:
    (tmp_path / "training").mkdir(parents=True)
    rows = []
    for n in range(premises):
        premise = f"The council of Town {n} voted to build {n + 2} bridges over the river."
        rows.append({"id": f"docnli-mnli-dev-{2 * n}", "premise": premise, "hypothesis": f"Town {n} will build bridges.", "entailed": True})
        rows.append({"id": f"docnli-fever-dev-{2 * n + 1}", "premise": premise, "hypothesis": f"Town {n} rejected the bridges.", "entailed": False})
    rows.append({"id": "docnli-mnli-dev-long", "premise": "word " * (MAX_PREMISE_CHARS // 4), "hypothesis": "Too long.", "entailed": False})
    with open(tmp_path / "training" / "nli_binary.jsonl", "w", encoding="utf-8") as handle:
        handle.writelines(json.dumps(r) + "\n" for r in rows)
    with open(tmp_path / "training" / "news_corpus.jsonl", "w", encoding="utf-8") as handle:
        handle.writelines(json.dumps({"id": f"ecbplus:test{n}", "text": text}) + "\n" for n, text in enumerate(ARTICLES))
    return tmp_path


@pytest.fixture(scope="module")
def nlp():
    from storytrace.nlp.models import load_spacy

    return load_spacy(full=True)


def rows(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def test_export_holds_every_short_nli_pair_and_both_labels_of_news_pairs(tmp_path, nlp):
    shared = shared_folder(tmp_path / "shared")
    out = tmp_path / "train.jsonl.gz"
    counts = export.export(out, shared=shared, nlp=nlp)
    got = rows(out)
    nli = [r for r in got if r["origin"].startswith("nli:")]
    assert len(nli) == 120 and not any(r["hypothesis"] == "Too long." for r in nli)  # the over-long premise is left out
    news = [r for r in got if r["origin"].startswith("synthetic:")]
    assert {r["label"] for r in news} == {0, 1}
    assert all(r["origin"].split(":")[0] in ("nli", "synthetic") for r in got)  # no benchmark source at all
    assert sum(counts.values()) == len(got)
    # a supported pair's hypothesis sits in its premise or is an edit of it; an unsupported one is not in it
    assert all(r["hypothesis"] not in r["premise"] for r in news if r["label"] == 0)


def test_export_writes_the_same_bytes_twice(tmp_path, nlp):
    shared = shared_folder(tmp_path / "shared")
    export.export(tmp_path / "a.jsonl.gz", shared=shared, nlp=nlp)
    export.export(tmp_path / "b.jsonl.gz", shared=shared, nlp=nlp)
    assert (tmp_path / "a.jsonl.gz").read_bytes() == (tmp_path / "b.jsonl.gz").read_bytes()


def test_validation_slice_takes_whole_premise_groups_and_about_its_share(tmp_path):
    shared = shared_folder(tmp_path / "shared", premises=400)
    grouped = export.nli_all(shared / "training" / "nli_binary.jsonl")
    split = {}
    for group, _ in grouped:
        split.setdefault(group, set()).add(export.is_validation(group, 13))
    assert all(len(sides) == 1 for sides in split.values())  # both hypotheses of a premise on one side
    share = sum(True in sides for sides in split.values()) / len(split)
    assert 0.02 < share < 0.09
    assert [export.is_validation(g, 13) for g in split] != [export.is_validation(g, 14) for g in split]


def test_read_examples_splits_train_and_validation_and_names_a_bad_file(tmp_path):
    path = tmp_path / "ex.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"premise": "p", "hypothesis": "h", "label": 1, "origin": "nli:mnli", "split": "train"}) + "\n")
        handle.write(json.dumps({"premise": "p2", "hypothesis": "h2", "label": 0, "origin": "synthetic:negation", "split": "val"}) + "\n")
    train, val = export.read_examples(path)
    assert [(e.premise, e.label) for e in train] == [("p", 1)] and [(e.origin, e.label) for e in val] == [("synthetic:negation", 0)]
    bad = tmp_path / "bad.jsonl.gz"
    bad.write_text("not gzip", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.jsonl.gz"):
        export.read_examples(bad)


def test_the_training_entry_point_imports_nothing_a_bare_gpu_machine_lacks():
    """The device has python with torch, transformers, safetensors, tokenizers and numpy only."""
    src = Path(export.__file__).resolve().parents[2]
    code = f"""
import sys, importlib.abc
ALLOWED = set(sys.stdlib_module_names) | {{"storytrace", "torch", "transformers", "safetensors", "numpy", "tokenizers"}}
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] not in ALLOWED:
            raise ImportError("not on the device: " + name)
        return None
sys.meta_path.insert(0, Block())
sys.path.insert(0, {str(src)!r})
import storytrace.verifier.train, storytrace.verifier.export
storytrace.verifier.train.parse_grid("5e-5:4,3e-5:2")
print("ok")
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]
