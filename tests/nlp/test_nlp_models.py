"""Loading the spaCy pipeline: cached, lean, and a clear fallback for a bad model name."""
import warnings

from storytrace.nlp.models import load_spacy


def test_default_pipeline_loads_once_without_unused_components():
    nlp = load_spacy()
    assert load_spacy() is nlp
    assert "lemmatizer" not in nlp.pipe_names and "attribute_ruler" not in nlp.pipe_names
    assert {"parser", "ner", "tagger"} <= set(nlp.pipe_names)


def test_unknown_model_falls_back_with_a_warning(tmp_path):
    missing = str(tmp_path / "no-such-model")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        nlp = load_spacy(missing)
    assert "ner" in nlp.pipe_names
    assert any("no-such-model" in str(w.message) for w in caught)
