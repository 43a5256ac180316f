"""The optional NLI backend loads a local model by path and scores pairs; no download."""
from __future__ import annotations

import pytest

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")

from storytrace.findings.nli import NLILoadError, NLIScorer, _label_indices  # noqa: E402


@pytest.fixture(scope="module")
def tiny_model_dir(tmp_path_factory):
    """A randomly initialised 2-layer BERT classifier with its own word-piece vocabulary."""
    from transformers import BertConfig, BertForSequenceClassification, BertTokenizerFast

    path = tmp_path_factory.mktemp("tiny-nli")
    words = "the a minister agreed refused to open market japan cheese talks said not".split()
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + words
    (path / "vocab.txt").write_text("\n".join(vocab) + "\n")
    tokenizer = BertTokenizerFast(vocab_file=str(path / "vocab.txt"), do_lower_case=True)
    torch.manual_seed(0)
    config = BertConfig(vocab_size=len(vocab), hidden_size=16, num_hidden_layers=2, num_attention_heads=2,
                        intermediate_size=32, max_position_embeddings=64, num_labels=3,
                        id2label={0: "CONTRADICTION", 1: "NEUTRAL", 2: "ENTAILMENT"},
                        label2id={"CONTRADICTION": 0, "NEUTRAL": 1, "ENTAILMENT": 2})
    BertForSequenceClassification(config).save_pretrained(path)
    tokenizer.save_pretrained(path)
    return path


def test_scores_are_probabilities_in_label_order(tiny_model_dir):
    scorer = NLIScorer(tiny_model_dir, batch_size=2)
    assert scorer.labels == {"contradiction": 0, "neutral": 1, "entailment": 2}
    pairs = [("japan agreed to open the market", "japan refused to open the market"),
             ("the minister said", "the minister said"),
             ("cheese talks", "not cheese talks")]
    scores = scorer.score(pairs)
    assert len(scores) == 3
    for s in scores:
        assert s.entailment + s.neutral + s.contradiction == pytest.approx(1.0, abs=1e-5)
    # Same input, same output (eval mode, no dropout); different inputs, different outputs.
    again = scorer.score(pairs[:1])[0]
    assert again.entailment == pytest.approx(scores[0].entailment, abs=1e-6)
    assert scores[0] != scores[1]


def test_missing_model_is_one_line_error(tmp_path):
    with pytest.raises(NLILoadError) as err:
        NLIScorer(tmp_path / "nope")
    assert "\n" not in str(err.value) and "nope" in str(err.value)
    (tmp_path / "empty").mkdir()
    with pytest.raises(NLILoadError):
        NLIScorer(tmp_path / "empty")


def test_unnamed_labels_fall_back_to_mnli_order():
    assert _label_indices({0: "LABEL_0", 1: "LABEL_1", 2: "LABEL_2"}, 3)["entailment"] == 2
    assert _label_indices({0: "entailment", 1: "not_entailment"}, 2)["entailment"] == 0
