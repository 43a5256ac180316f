"""The shipped verifier: loads offline from the package, fits the size limit, judges meaning."""
from __future__ import annotations

import pytest

from storytrace.verifier import Verifier, default_weights


@pytest.fixture(scope="module")
def verifier():
    return Verifier()


def test_shipped_weights_are_in_the_package_with_a_model_card_and_fit_60_mb():
    weights = default_weights()
    total = sum(p.stat().st_size for p in weights.iterdir())
    assert (weights / "model.safetensors").is_file() and total <= 60 * 1024 * 1024
    assert (weights.parent / "MODEL_CARD.md").is_file()


@pytest.mark.parametrize("premise, entailed, contradicted", [
    ("The city council voted on Tuesday to close the old harbour bridge for repairs until June.",
     "The council voted to close the harbour bridge for repairs.",
     "The council voted to keep the harbour bridge open."),
    ("Maria Lopez, the trade minister, said the talks with Canada had failed.",
     "The trade minister said the talks with Canada had failed.",
     "The trade minister said the talks with Canada had succeeded."),
    ("Floods destroyed 40 houses in the village of Brenno on Sunday.",
     "Floods destroyed houses in Brenno.",
     "Floods destroyed 400 houses in Brenno."),
    ("Anna Berg met the prime minister in Oslo on Friday.",
     "The prime minister met Anna Berg on Friday.",
     "The prime minister met Anna Berg in Stockholm on Friday."),
])
def test_an_entailed_sentence_scores_above_a_contradicted_one(verifier, premise, entailed, contradicted):
    supported, unsupported = verifier.score([(premise, entailed), (premise, contradicted)])
    assert supported > unsupported


def test_on_clear_cases_the_shipped_model_decides_on_its_own_side_of_one_half(verifier):
    premise = "The city council voted on Tuesday to close the old harbour bridge for repairs until June."
    kept, flipped, invented = verifier.score([
        (premise, "The council voted to close the harbour bridge for repairs."),
        (premise, "The council voted to keep the harbour bridge open."),
        (premise, "The mayor resigned after the vote, his office said.")])
    assert kept > 0.5 > max(flipped, invented)


PAIRS = [
    ("Floods destroyed 40 houses in the village of Brenno on Sunday.", "Floods destroyed 400 houses in Brenno."),
    ("Anna Berg met the prime minister in Oslo on Friday.", "The prime minister met Anna Berg on Friday."),
    # a premise longer than the 256 word pieces the verifier reads: cut from its end, as transformers does
    ("The harbour board met again. " * 60 + "It voted to close the bridge.", "The board voted to close the bridge."),
]


def test_the_plain_torch_network_scores_as_the_transformers_model_does(verifier):
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    path = default_weights()
    tokenizer = AutoTokenizer.from_pretrained(str(path), local_files_only=True)
    model = AutoModelForSequenceClassification.from_pretrained(str(path), local_files_only=True,
                                                               dtype=torch.float32).eval()
    enc = tokenizer([p for p, _ in PAIRS], [h for _, h in PAIRS], padding=True, truncation="only_first",
                    max_length=256, return_tensors="pt")
    with torch.inference_mode():
        expected = torch.sigmoid(model(**enc).logits.squeeze(-1)).tolist()
    assert Verifier(bf16=False).score(PAIRS) == pytest.approx(expected, abs=2e-4)
    assert Verifier(loader="transformers", bf16=False).score(PAIRS) == pytest.approx(expected, abs=2e-4)
    # bfloat16 products (the default where the CPU has them) stay within 0.02 of fp32
    assert Verifier(bf16=True).score(PAIRS) == pytest.approx(expected, abs=0.02)


def test_loading_the_shipped_verifier_does_not_import_transformers():
    import subprocess
    import sys

    code = ("import sys; from storytrace.verifier import Verifier; v = Verifier(); "
            "v.score([('Anna Berg met the minister.', 'Anna Berg met the minister.')]); "
            "print('transformers' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_weights_of_another_layout_go_through_transformers_and_bad_weights_name_the_folder(tmp_path):
    import json

    from storytrace.verifier import VerifierLoadError
    from storytrace.verifier.bert import LayoutError, read_config

    config = json.loads((default_weights() / "config.json").read_text(encoding="utf-8"))
    (tmp_path / "config.json").write_text(json.dumps({**config, "position_embedding_type": "relative_key"}))
    with pytest.raises(LayoutError):
        read_config(tmp_path)
    (tmp_path / "config.json").write_text(json.dumps(config))
    (tmp_path / "model.safetensors").write_bytes(b"not a safetensors file")
    with pytest.raises(LayoutError):  # no tokenizer.json: an older layout, left to transformers
        read_config(tmp_path)
    (tmp_path / "tokenizer.json").write_bytes((default_weights() / "tokenizer.json").read_bytes())
    with pytest.raises(VerifierLoadError, match=str(tmp_path)):
        Verifier(tmp_path)


def test_bfloat16_only_where_the_cpu_has_the_instructions(monkeypatch):
    import torch

    from storytrace.verifier.model import native_bf16

    monkeypatch.setattr(torch.cpu, "_is_avx512_bf16_supported", lambda: False)
    monkeypatch.setattr(torch.cpu, "_is_amx_tile_supported", lambda: False)
    assert native_bf16() is False
    monkeypatch.setattr(torch.cpu, "_is_amx_tile_supported", lambda: True)
    assert native_bf16() is True
    monkeypatch.delattr(torch.cpu, "_is_amx_tile_supported")
    monkeypatch.setattr(torch.cpu, "_is_avx512_bf16_supported", lambda: False)
    assert native_bf16() is False  # a torch without the check: fp32


def test_reports_use_full_precision_unless_bf16_is_asked_for(monkeypatch):
    # bfloat16 moves scores by up to 0.01: by default a report must not depend on the CPU it ran on.
    from storytrace.config import Config
    from storytrace.findings import verify
    from storytrace.verifier import model

    monkeypatch.setattr(model, "native_bf16", lambda: True)
    verify.load_verifier.cache_clear()
    try:
        assert verify.verifier_for(Config(verifier_findings=True)).bf16 is False
        assert verify.verifier_for(Config(verifier_findings=True, verifier_bf16=True)).bf16 is True
    finally:
        verify.load_verifier.cache_clear()
