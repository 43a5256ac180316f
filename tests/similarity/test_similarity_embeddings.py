"""The sentence embedder: normalised rows, the cache, clear errors (real MiniLM model)."""
import numpy as np
import pytest

from storytrace.config import Config
from storytrace.similarity.embeddings import Embedder


@pytest.fixture(scope="module")
def embedder():
    return Embedder(Config())


def test_rows_are_normalised_and_paraphrases_are_closer(embedder):
    v = embedder.encode([
        "The prime minister welcomed the trade agreement on Wednesday.",
        "On Wednesday the premier hailed the trade deal.",
        "Heavy rain flooded the football stadium overnight.",
    ])
    assert v.dtype == np.float32 and v.shape[0] == 3
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert v[0] @ v[1] > v[0] @ v[2] + 0.2


def test_each_distinct_sentence_is_encoded_once(embedder):
    before = embedder.encoded_count
    a = embedder.encode(["A cached sentence about harbours.", "A cached sentence about harbours.", "Another one."])
    b = embedder.encode(["Another one.", "A cached sentence about harbours."])
    assert embedder.encoded_count - before == 2
    assert np.array_equal(a[2], b[0]) and np.array_equal(a[0], b[1])
    assert embedder.encode([]).shape[0] == 0


def test_a_sentences_vector_does_not_depend_on_what_it_is_encoded_with():
    # Fresh embedders (empty caches): the same sentence alone, among longer and shorter ones, and
    # in other batch sizes. Padding it to a longer neighbour used to move its vector by ~1e-3,
    # so `--workers` and incremental runs could differ from one process in rare threshold cases.
    target = "The port authority said the ferry would resume service on Friday morning."
    others = [
        "Officials confirmed that the long-awaited bridge repairs, delayed twice by winter storms, are finished.",
        "Rain fell.",
        "A spokesman declined to comment on the dispute between the two unions over night shifts.",
    ]
    alone = Embedder(Config()).encode([target])[0]
    mixed = Embedder(Config()).encode([*others, target])[-1]
    small_batches = Embedder(Config(batch_size=1)).encode([others[0], target, others[1]])[1]
    assert np.array_equal(alone, mixed) and np.array_equal(alone, small_batches)


def test_lru_cache_is_bounded():
    small = Embedder(Config(), cache_size=2)
    small._encode_uncached = lambda sents: np.eye(4, dtype=np.float32)[: len(sents)]
    small.encode(["a", "b", "c"])
    assert len(small._cache) == 2


def test_cached_vectors_are_copies_not_views_of_their_batch():
    # a row view would keep its whole batch array alive in the cache after the other rows are evicted
    emb = Embedder(Config(), cache_size=10)
    emb._encode_uncached = lambda sents: np.eye(8, dtype=np.float32)[: len(sents)]
    emb.encode(["a", "b", "c"])
    assert all(v.base is None and v.flags.owndata for v in emb._cache.values())


def test_prefetch_stops_at_half_the_cache():
    """Prefetching more than the cache holds would evict the first vectors before they are used."""
    from types import SimpleNamespace

    from storytrace.similarity.embeddings import prefetch_embeddings

    emb = Embedder(Config(), cache_size=10)
    encoded: list[str] = []
    emb._encode_uncached = lambda sents: encoded.extend(sents) or np.eye(64, dtype=np.float32)[: len(sents)]
    article = lambda n: SimpleNamespace(title="", sentences=[SimpleNamespace(text=f"s{n} {i}") for i in range(4)])  # noqa: E731
    prefetch_embeddings([[article(1), article(2)], [article(3), article(4)]], emb)
    assert encoded == ["s1 0", "s1 1", "s1 2", "s1 3", "s2 0"] and len(emb._cache) == 5


def test_missing_model_path_is_one_clear_error(tmp_path):
    bad = Embedder(Config(embedding_model=str(tmp_path / "no-such-model")))
    with pytest.raises(ValueError, match="no-such-model"):
        bad.encode(["x"])


def test_encoding_uses_one_torch_thread_by_default(embedder):
    # More threads spin-wait on each other (bench/bench_threads.py): one per process unless asked.
    import torch

    embedder.encode(["One thread is enough for a sentence encoder on a shared machine."])
    assert Config().torch_threads == 1
    assert torch.get_num_threads() == 1


@pytest.mark.parametrize("precision", ["fp32", "bf16"])
def test_plain_encoder_gives_the_same_vectors_as_sentence_transformers(precision):
    # MiniLM is loaded without sentence-transformers (cheaper imports); its vectors must not change.
    from sentence_transformers import SentenceTransformer

    from storytrace.similarity.embeddings import resolve_model_path
    from storytrace.similarity.plain_encoder import MeanPoolingEncoder

    sentences = ["The port reopened on Tuesday after a four-day strike.",
                 "Dock workers ended their strike and the harbour opened again.",
                 "Le port a rouvert mardi."]
    embedder = Embedder(Config(), precision=precision)
    assert isinstance(embedder.model, MeanPoolingEncoder)
    plain = embedder.encode(sentences)
    reference = Embedder(Config(), precision=precision)
    reference._model = SentenceTransformer(resolve_model_path("minilm"), device="cpu").eval()
    reference._use_bf16 = embedder._use_bf16
    assert np.array_equal(plain, reference.encode(sentences))


def _encode_text_in_batches(embedder: Embedder, sentences: list[str], size: int, out: np.ndarray) -> None:
    """The text path (the model tokenises each batch itself) in the batches the embedder runs: the
    same-length groups, cut and filled up as storytrace.batch_shapes says."""
    from storytrace.batch_shapes import chunks, fixed_batch
    from storytrace.similarity.embeddings import _same_length_groups, _token_ids

    ids = _token_ids(embedder.model, sentences)
    for group in _same_length_groups(ids):
        for rows, real in chunks(group, size, len(ids[group[0]]), fixed_batch(embedder._use_bf16)):
            out[rows[:real]] = embedder.model.encode([sentences[i] for i in rows], batch_size=len(rows))[:real]


@pytest.mark.parametrize("precision", ["fp32", "bf16"])
def test_each_sentence_is_tokenised_once_and_gets_the_vector_of_its_text(precision):
    """The embedder tokenises the sentences once to group them by length; the plain encoder then takes
    those ids (a same-length batch needs no padding) instead of tokenising each batch again, and the
    vectors are those of the text path, bit for bit (several batches of one length, other lengths)."""
    from storytrace.similarity.plain_encoder import MeanPoolingEncoder

    sentences = [f"The harbour council met on day {i} to vote on the bridge repairs." for i in range(7)]
    sentences += ["Short one.", "Dock workers ended their strike and the harbour opened again.", "Short two."]
    embedder = Embedder(Config(batch_size=3), precision=precision)
    model = embedder.model
    assert isinstance(model, MeanPoolingEncoder) and model.takes_token_ids
    calls: list[int] = []
    tokenizer = model.tokenizer

    class Counting:
        def __getattr__(self, name):
            return getattr(tokenizer, name)

        def __call__(self, texts, **kwargs):
            calls.append(len(texts))
            return tokenizer(texts, **kwargs)

    model.tokenizer = Counting()
    try:
        vectors = embedder.encode(sentences)
    finally:
        model.tokenizer = tokenizer
    assert calls == [len(sentences)], "one tokenizer call for the whole batch"
    import contextlib

    import torch

    from storytrace.similarity.embeddings import normalise_rows

    by_text = np.empty_like(vectors)
    autocast = torch.autocast("cpu", dtype=torch.bfloat16) if embedder._use_bf16 else contextlib.nullcontext()
    with autocast, torch.inference_mode():  # the text path, in the batches the embedder ran
        _encode_text_in_batches(embedder, sentences, 3, by_text)
    assert np.array_equal(vectors, normalise_rows(by_text))


@pytest.mark.parametrize("precision", ["fp32", "bf16"])
def test_token_id_path_matches_the_text_path_on_empty_long_and_foreign_sentences(precision):
    """The ids the grouping computed stand for what the tokenizer builds from the text on the edge
    cases too: an empty sentence (special tokens only), sentences cut at max_seq_length (two of
    different lengths land in one group), accents, CJK, guillemets and emoji."""
    import contextlib

    import torch

    from storytrace.similarity.embeddings import normalise_rows

    embedder = Embedder(Config(batch_size=2), precision=precision)
    model = embedder.model
    long_words = " ".join(f"word{i}" for i in range(2 * model.max_seq_length))
    sentences = ["", long_words, long_words + " and more words at the end", "   ",
                 "\u00abNous ne c\u00e9derons pas\u00bb, a dit le maire de S\u00e3o Paulo \U0001f600.",
                 "\u5e02\u957f\u8bf4\uff1a\u300c\u6211\u4eec\u4e0d\u4f1a\u8ba9\u6b65\u300d"]
    vectors = embedder.encode(sentences)
    assert model.takes_token_ids
    by_text = np.empty_like(vectors)
    autocast = torch.autocast("cpu", dtype=torch.bfloat16) if embedder._use_bf16 else contextlib.nullcontext()
    with autocast, torch.inference_mode():  # the text path, in the same batches (a batch's size moves the last bits)
        _encode_text_in_batches(embedder, sentences, 2, by_text)
    assert np.array_equal(vectors, normalise_rows(by_text))
    assert np.array_equal(vectors[1], vectors[2])  # both cut to the same first max_seq_length tokens


def test_other_pooling_layouts_still_go_through_sentence_transformers(tmp_path):
    import json
    import shutil

    from storytrace.similarity.embeddings import resolve_model_path
    from storytrace.similarity.plain_encoder import plain_layout

    source = resolve_model_path("minilm")
    assert plain_layout(source) == (256, True)
    model = tmp_path / "cls-model"
    shutil.copytree(source, model)
    pooling = model / "1_Pooling" / "config.json"
    settings = json.loads(pooling.read_text())
    pooling.write_text(json.dumps({**settings, "pooling_mode_mean_tokens": False, "pooling_mode_cls_token": True}))
    assert plain_layout(model) is None
    assert plain_layout(tmp_path / "missing") is None


KERNEL_SCRIPT = r"""
import json, os
import numpy as np
from storytrace.config import Config
from storytrace.similarity.embeddings import KERNEL_CACHE_CAPACITY, Embedder

assert "LRU_CACHE_CAPACITY" not in os.environ and "ONEDNN_PRIMITIVE_CACHE_CAPACITY" not in os.environ
e = Embedder(Config(quiet=True, torch_threads=1))
target = "The port authority said the ferry would resume service on Friday morning."
first = e.encode([target])[0]
# more sentence lengths than the caches keep: each length is a batch of its own, a shape of its own
words = "harbour council bridge repairs mayor residents fund weeks ferry".split()
e.encode([" ".join(words[k % len(words)] for k in range(n)) + "." for n in range(2, KERNEL_CACHE_CAPACITY + 40)])
e._cache.clear()
again = e.encode([target])[0]
print(json.dumps([os.environ["LRU_CACHE_CAPACITY"], os.environ["ONEDNN_PRIMITIVE_CACHE_CAPACITY"],
                  KERNEL_CACHE_CAPACITY, bool(np.array_equal(first, again))]))
"""


def test_the_encoders_kernel_caches_are_bounded_and_a_kernel_built_again_gives_the_same_vector():
    """oneDNN keeps a compiled kernel per input shape (1,024 per cache by default), and unpadded
    batches meet a new shape nearly every call, so a long-running worker's heap grew with every
    group. Loading the encoder bounds both caches (unless the environment sets them); a sentence
    encoded after its kernel was evicted gets the very same vector. In a fresh process: the sizes
    are read when the first kernel is built."""
    import json
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("LRU_CACHE_CAPACITY", "ONEDNN_PRIMITIVE_CACHE_CAPACITY")}
    done = subprocess.run([sys.executable, "-c", KERNEL_SCRIPT], capture_output=True, text=True, env=env,
                          timeout=600, check=True)
    lru, onednn, capacity, same = json.loads(done.stdout.strip().splitlines()[-1])
    assert lru == onednn == str(capacity) and capacity <= 256
    assert same


_EDGE_SENTENCES = ["The port reopened on Tuesday after a four-day strike.", "Short one.", "", "   ",
                   "Dock workers ended their strike and the harbour opened again.",
                   "\u00abNous ne c\u00e9derons pas\u00bb, a dit le maire de S\u00e3o Paulo \U0001f600.",
                   "\u5e02\u957f\u8bf4\uff1a\u300c\u6211\u4eec\u4e0d\u4f1a\u8ba9\u6b65\u300d",
                   "NA\u00cfVE caf\u00e9 \u2014 \u201cquoted\u201d\u00a0text\u200b\u2026 tab\there \x07",
                   " ".join(f"word{i}" for i in range(600))]


@pytest.mark.parametrize("precision", ["fp32", "bf16"])
def test_minilm_read_without_transformers_gives_transformers_vectors_bit_for_bit(precision):
    """MiniLM is a plain BERT: its tokenizer.json and safetensors are read straight into plain torch
    modules that run BertModel's forward op for op. Token ids, padded features and vectors (the id path
    of the embedder and padded batches of two sizes) are those of the model transformers builds."""
    import contextlib

    import torch

    from storytrace.similarity.embeddings import _token_ids, resolve_model_path
    from storytrace.similarity.plain_encoder import MeanPoolingEncoder, plain_layout

    path = resolve_model_path("minilm")
    plain = Embedder(Config(batch_size=3), precision=precision)
    assert plain.model.backend == "torch"
    reference = Embedder(Config(batch_size=3), precision=precision)
    reference._model = MeanPoolingEncoder(path, *plain_layout(path), transformers=True)
    reference._use_bf16 = plain._use_bf16
    assert reference.model.backend == "transformers"
    assert _token_ids(plain.model, _EDGE_SENTENCES) == _token_ids(reference.model, _EDGE_SENTENCES)
    features = [m.tokenizer(_EDGE_SENTENCES, padding=True, truncation=True, max_length=256, return_tensors="pt")
                for m in (plain.model, reference.model)]
    assert all(torch.equal(features[0][k], features[1][k]) for k in features[1])
    assert np.array_equal(plain.encode(_EDGE_SENTENCES), reference.encode(_EDGE_SENTENCES))
    autocast = torch.autocast("cpu", dtype=torch.bfloat16) if plain._use_bf16 else contextlib.nullcontext()
    with autocast, torch.inference_mode():
        for batch_size in (4, 32):  # padded batches: the attention mask is used
            assert np.array_equal(plain.model.encode(_EDGE_SENTENCES, batch_size=batch_size),
                                  reference.model.encode(_EDGE_SENTENCES, batch_size=batch_size))


def test_loading_minilm_imports_no_transformers():
    """transformers' import and auto classes cost ~2 CPU-s a process; MiniLM needs neither."""
    import subprocess
    import sys

    code = ("import sys; from storytrace.config import Config; from storytrace.similarity.embeddings import Embedder; "
            "e = Embedder(Config()); e.encode(['A harbour reopened.']); "
            "print(e.model.backend, 'transformers' in sys.modules, 'sentence_transformers' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["torch", "False", "False"]


def test_a_bert_of_another_layout_goes_through_transformers(tmp_path):
    import json
    import shutil

    from storytrace.similarity.embeddings import resolve_model_path
    from storytrace.similarity.plain_encoder import torch_bert_config

    source = resolve_model_path("minilm")
    assert torch_bert_config(source) is not None
    model = tmp_path / "relative-positions"
    shutil.copytree(source, model)
    config = json.loads((model / "config.json").read_text())
    (model / "config.json").write_text(json.dumps({**config, "position_embedding_type": "relative_key"}))
    assert torch_bert_config(model) is None
    (model / "config.json").write_text(json.dumps({**config, "hidden_act": "gelu_new"}))
    assert torch_bert_config(model) is None
    (model / "config.json").write_text(json.dumps(config))
    (model / "tokenizer.json").unlink()
    assert torch_bert_config(model) is None


def _minilm_copy(tmp_path, name: str):
    import shutil

    from storytrace.similarity.embeddings import resolve_model_path

    model = tmp_path / name
    shutil.copytree(resolve_model_path("minilm"), model)
    return model


@pytest.mark.parametrize("setting", [{"do_lower_case": False}, {"strip_accents": False}])
def test_a_tokenizer_config_that_overrides_tokenizer_json_goes_through_transformers(tmp_path, setting):
    """transformers' BertTokenizer lower-cases and strips accents as tokenizer_config.json says, whatever
    tokenizer.json's normaliser does; the plain reader reads tokenizer.json alone. Where the two files
    disagree the plain reader would give other token ids (vectors 0.2 apart), so transformers reads it."""
    import json

    import torch

    from storytrace.similarity.plain_encoder import MeanPoolingEncoder, plain_layout, torch_bert_config

    model = _minilm_copy(tmp_path, "overridden")
    settings = json.loads((model / "tokenizer_config.json").read_text())
    (model / "tokenizer_config.json").write_text(json.dumps({**settings, **setting}))
    assert torch_bert_config(model) is None
    encoder = MeanPoolingEncoder(model, *plain_layout(model))
    reference = MeanPoolingEncoder(model, *plain_layout(model), transformers=True)
    assert encoder.backend == "transformers"
    sentences = ["Caf\u00e9 Na\u00efve: THE Mayor said so."]
    with torch.inference_mode():
        assert np.array_equal(encoder.encode(sentences), reference.encode(sentences))


@pytest.mark.parametrize("damage", ["a list", "no hidden_size"])
def test_a_damaged_config_json_is_one_clear_error(tmp_path, damage):
    """A config.json that is not an object, or lacks a size, is reported as the model folder that cannot be
    loaded (a ValueError the command line turns into one line, exit 2), not a KeyError's traceback."""
    import json

    model = _minilm_copy(tmp_path, "damaged")
    config = json.loads((model / "config.json").read_text())
    config.pop("hidden_size")
    (model / "config.json").write_text(json.dumps([1, 2] if damage == "a list" else config))
    with pytest.raises(ValueError, match="damaged: cannot load"):
        Embedder(Config(embedding_model=str(model))).encode(["A harbour reopened."])


def test_a_config_that_leaves_sizes_to_bert_defaults_still_loads(tmp_path):
    """BertConfig defaults type_vocab_size (2) and layer_norm_eps (1e-12); a config.json without them is a
    valid BERT, which transformers reads when the plain reader cannot."""
    import json

    model = _minilm_copy(tmp_path, "defaults")
    config = json.loads((model / "config.json").read_text())
    assert config["type_vocab_size"] == 2 and config["layer_norm_eps"] == 1e-12
    del config["type_vocab_size"], config["layer_norm_eps"]
    (model / "config.json").write_text(json.dumps(config))
    vectors = Embedder(Config(embedding_model=str(model))).encode(["A harbour reopened."])
    assert vectors.shape == (1, 384)


def test_weights_the_plain_reader_turns_down_load_quietly(tmp_path):
    """fp16 weights: the plain reader finds out only when it opens them, and transformers reads the
    model; its "Loading weights" bar must not reach stderr (analyze --quiet)."""
    import subprocess
    import sys

    from safetensors.torch import load_file, save_file

    model = _minilm_copy(tmp_path, "half")
    weights = load_file(str(model / "model.safetensors"))
    save_file({k: v.half() if v.is_floating_point() else v for k, v in weights.items()}, str(model / "model.safetensors"))
    code = ("from storytrace.config import Config; from storytrace.similarity.embeddings import Embedder; "
            f"e = Embedder(Config(embedding_model={str(model)!r})); print(e.model.backend)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.split() == ["transformers"], done.stderr
    assert "Loading weights" not in done.stderr, done.stderr


def _same_length_sentences(embedder: Embedder, target: str, wanted: int) -> list[str]:
    """Sentences of exactly the target's length in the model's tokens (a batch of one length is
    never padded: only the number of sentences in it can move a vector)."""
    from storytrace.similarity.embeddings import _token_ids

    length = len(_token_ids(embedder.model, [target])[0])
    nouns = ["ferry", "bus", "train", "truck", "boat", "ship", "plane", "van", "car", "tram"]
    places = ["port", "station", "square", "airport", "bridge", "market", "school", "harbour"]
    times = ["noon", "dawn", "dusk", "midnight", "nine", "ten", "six", "eight"]
    pool = [f"The {n} left the {p} at {t} on Friday." for n in nouns for p in places for t in times]
    same = [s for s, ids in zip(pool, _token_ids(embedder.model, pool)) if len(ids) == length and s != target]
    assert len(same) >= wanted, "not enough same-length sentences for the test"
    return same[:wanted]


@pytest.mark.parametrize("precision", ["auto", "fp32"])
def test_a_vector_does_not_depend_on_how_many_same_length_sentences_share_its_batch(precision):
    # Same-length sentences share a batch unpadded; on CPUs with AMX tiles oneDNN's bf16 kernels gave a
    # row other bits in batches of 24, 32 or 64 rows, so a vector depended on how many sentences of its
    # length the run happened to have (storytrace.bf16_batches).
    target = "The ferry left the port at noon on Friday."
    probe = Embedder(Config(), precision=precision)
    others = _same_length_sentences(probe, target, 70)
    alone = Embedder(Config(), precision=precision).encode([target])[0]
    for n, at in [(2, 1), (17, 0), (24, 12), (33, 32), (64, 40)]:
        batch = others[: n - 1]
        batch.insert(at, target)
        vector = Embedder(Config(), precision=precision).encode(batch)[at]
        assert np.array_equal(vector, alone), f"batch of {n}, at {at}"


def test_linear_weights_kept_in_bf16_give_the_vectors_autocast_gave():
    # Under bf16 the plain encoder's linear weights are cast once at load (autocast cast them again on
    # every call in inference mode); the values are the ones autocast made, so no vector moves.
    import torch

    from storytrace.similarity.embeddings import _keep_linear_weights_in_bf16

    sentences = ["The ferry left the port at noon on Friday.", "Rain fell.",
                 "A spokesman declined to comment on the dispute between the two unions over night shifts.", ""]
    kept = Embedder(Config(), precision="bf16")
    assert {m.weight.dtype for m in kept.model._model.modules() if isinstance(m, torch.nn.Linear)} == {torch.bfloat16}
    cast_each_call = Embedder(Config(), precision="bf16")
    cast_each_call._model = kept._load.__func__(cast_each_call)  # a second model, then back to fp32 weights
    for m in cast_each_call._model._model.modules():
        if isinstance(m, torch.nn.Linear):
            m.to(torch.float32)
    assert {m.weight.dtype for m in cast_each_call.model._model.modules() if isinstance(m, torch.nn.Linear)} == {torch.float32}
    assert np.array_equal(kept.encode(sentences), cast_each_call.encode(sentences))
    _keep_linear_weights_in_bf16(object())  # another kind of model is left as it is
