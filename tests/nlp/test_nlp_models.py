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


# -- spaCy without torch (issue 22.3) ------------------------------------------------------------
import json  # noqa: E402
import os  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

from storytrace.nlp.models import needs_no_torch  # noqa: E402

_PARSE = r"""
import json, sys
if sys.argv[1] == "torch-first":
    import torch  # what every process did before: thinc imported torch with spaCy
from storytrace.nlp.models import add_lemmas, load_spacy
nlp = load_spacy()
torch_after_spacy = "torch" in sys.modules
doc = add_lemmas(nlp, nlp("The harbour council voted on Tuesday to close the old bridge, the mayor, Ines Calloway, said."))
rows = [[t.text, t.lemma_, t.pos_, t.tag_, t.dep_, t.head.i, t.ent_type_, t.ent_iob_] for t in doc]
import torch  # the sentence encoder still imports it when a story needs it
print(json.dumps({"torch_after_spacy": torch_after_spacy, "rows": rows, "torch_works": float(torch.ones(2).sum())}))
"""


def _parse_in_fresh_process(mode: str) -> dict:
    src = str(Path(__file__).resolve().parents[2] / "src")
    env = {**os.environ, "PYTHONPATH": src, "OMP_NUM_THREADS": "1"}
    done = subprocess.run([sys.executable, "-c", _PARSE, mode], env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def test_spacy_loads_without_torch_and_parses_as_with_it():
    lean, usual = _parse_in_fresh_process("lean"), _parse_in_fresh_process("torch-first")
    assert lean["torch_after_spacy"] is False and usual["torch_after_spacy"] is True
    assert lean["rows"] == usual["rows"] and len(lean["rows"]) > 15
    assert lean["torch_works"] == 2.0


def _pipeline_folder(tmp_path: Path, architecture: str) -> str:
    folder = tmp_path / architecture.replace(".", "_")
    folder.mkdir()
    (folder / "config.cfg").write_text(f'[components.tok2vec.model]\n@architectures = "{architecture}"\n', encoding="utf-8")
    return str(folder)


def test_only_a_pipeline_known_to_need_no_torch_is_loaded_without_it(tmp_path):
    assert needs_no_torch("en_core_web_sm")  # the default (or its PyPI re-upload): CNN models
    assert needs_no_torch(_pipeline_folder(tmp_path, "spacy.Tok2Vec.v2"))
    assert not needs_no_torch(_pipeline_folder(tmp_path, "spacy-transformers.TransformerModel.v3"))
    assert not needs_no_torch(_pipeline_folder(tmp_path, "spacy.PyTorchLSTM.v1"))
    assert not needs_no_torch(str(tmp_path / "no-such-pipeline"))  # unknown: torch is imported as usual
    assert not needs_no_torch("no_such_package_anywhere")


def test_importing_the_stages_loads_neither_spacy_nor_torch():
    code = (
        "import sys\n"
        "import storytrace.cli, storytrace.pipeline, storytrace.align, storytrace.compare, storytrace.findings\n"
        "import storytrace.streaming.runner, storytrace.stories.signature, storytrace.outputs.from_store\n"
        "from storytrace.nlp.models import english_stop_words\n"
        "words = english_stop_words()\n"
        "print(sorted(m for m in ('spacy', 'thinc', 'torch') if m in sys.modules), len(words))\n"
    )
    src = str(Path(__file__).resolve().parents[2] / "src")
    done = subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONPATH": src}, capture_output=True,
                          text=True, check=True)
    loaded, count = done.stdout.strip().rsplit(" ", 1)
    assert loaded == "[]" and int(count) > 300


def test_the_stop_words_read_without_spacy_are_spacys():
    from spacy.lang.en.stop_words import STOP_WORDS

    from storytrace.align import STOP_WORDS as align_stop_words

    assert align_stop_words == frozenset(STOP_WORDS) and {"the", "n't", "’ll"} <= align_stop_words


# -- add_lemmas' lemmatizer: spaCy's rule lemmatizer over a lemma index held as sets -------------

_LEMMA_TEXTS = [
    "The ministers were running late; the children's mice ate the geese's bread, and prices fell sharply.",
    "She had been told that the bridges, closed since Monday, would reopen sooner than the better roads.",
    "Officials said 12 people died and dozens were injured when the buses collided near the stadiums.",
    "Gonna see the LOUDEST crowds ever? The fans cheered, booed, and went home happier.",
]


def test_add_lemmas_sets_the_lemmas_the_full_pipeline_sets():
    from storytrace.nlp.models import add_lemmas

    nlp, full = load_spacy(), load_spacy(full=True)
    for text in _LEMMA_TEXTS * 2:  # twice: the second pass goes through the caches
        mine, theirs = add_lemmas(nlp, nlp(text)), full(text)
        assert [(t.text, t.lemma_) for t in mine] == [(t.text, t.lemma_) for t in theirs]


def test_the_lemma_index_is_answered_as_sets():
    from storytrace.nlp import models

    nlp = load_spacy()
    lemmatizer = nlp.get_pipe("lemmatizer")
    models.add_lemmas(nlp, nlp("A first doc validates the tables."))
    lemmatizer.cache.clear()
    doc = models.add_lemmas(nlp, nlp("The geese were flying over closed bridges."))
    assert [t.lemma_ for t in doc][:5] == ["the", "goose", "be", "fly", "over"]
    index = models._LEMMATIZERS[lemmatizer][1].lookups.get_table("lemma_index", {})
    assert isinstance(index.get("noun"), frozenset) and "bridge" in index.get("noun")


def test_another_lemmatizer_mode_goes_to_the_component_itself():
    from storytrace.nlp import models

    class Lookup:
        mode = "lookup"

        def __call__(self, doc):
            doc.user_data["called"] = True
            return doc

    nlp = load_spacy()
    assert models._lemmatize(Lookup(), nlp.make_doc("Words.")).user_data["called"]


# review21: the stand-in answers only what spaCy 3.8.18's rule_lemmatize reads of its lemmatizer. A spaCy
# whose rule_lemmatize reads more (another attribute, an isinstance test, a list method on the index) could
# give other lemmas silently through the stand-in, or fall back to the slow path unseen: this fails first.
_RULE_LEMMATIZE_READS = {
    "orth", "pos", "morph", "key", "cache", "text", "pos_", "lower", "warnings", "warn", "Warnings", "W108",
    "is_base_form", "lookups", "get_table", "any", "get", "endswith", "len", "isalpha", "insert", "append",
    "list", "dict", "fromkeys", "extend",
}


def test_spacys_rule_lemmatize_reads_only_what_the_stand_in_was_written_for():
    from spacy.pipeline import Lemmatizer

    assert set(Lemmatizer.rule_lemmatize.__code__.co_names) == _RULE_LEMMATIZE_READS, \
        "spaCy's rule_lemmatize changed: check nlp/models.py's _SetIndexLemmatizer against it"


def test_an_error_in_the_stand_in_falls_back_to_the_component(monkeypatch):
    import weakref

    from storytrace.nlp import models

    class Broken:  # a stand-in without the lemmatizer's attributes: rule_lemmatize raises AttributeError
        def __init__(self, lemmatizer) -> None:
            pass

    nlp, full = load_spacy(), load_spacy(full=True)
    lemmatizer = nlp.get_pipe("lemmatizer")
    models.add_lemmas(nlp, nlp("A first doc validates the tables."))
    calls = []
    component_call = type(lemmatizer).__call__

    def counted(self, doc):
        calls.append(doc.text)
        return component_call(self, doc)

    monkeypatch.setattr(models, "_SetIndexLemmatizer", Broken)
    monkeypatch.setattr(models, "_LEMMATIZERS", weakref.WeakKeyDictionary())
    monkeypatch.setattr(type(lemmatizer), "__call__", counted)
    text = _LEMMA_TEXTS[0]
    doc = models.add_lemmas(nlp, nlp(text))
    assert calls == [text]
    assert [(t.text, t.lemma_) for t in doc] == [(t.text, t.lemma_) for t in full(text)]
