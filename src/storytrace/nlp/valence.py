"""Word valence (how positive or negative a word is) from the VADER lexicon.

The file ``vader_lexicon.txt`` ships inside the PyPI package ``vaderSentiment==3.3.2`` (MIT
licence, C.J. Hutto): 7,500 words rated by ten people from -4 (most negative) to +4. Only that
file is read; the package's code is never imported. Why valence: a translation may use any
wording, but it does not turn "greeted" into "disregarded" or "successful" into "futile"; a word
swapped for one of clearly opposite valence, in the same slot, reverses the claim.
"""
from __future__ import annotations

import importlib.util
from functools import lru_cache
from pathlib import Path

# A word counts as clearly positive or negative from this mean rating on (the scale is -4..4;
# 1.0 is "somewhat", where raters agree on the direction).
CLEAR = 1.0


def lexicon_path() -> Path:
    """vaderSentiment/vader_lexicon.txt inside the installed package, found without importing it."""
    spec = importlib.util.find_spec("vaderSentiment")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("VADER lexicon not installed: pip install vaderSentiment==3.3.2 (see pyproject.toml)")
    for location in spec.submodule_search_locations:
        path = Path(location) / "vader_lexicon.txt"
        if path.exists():
            return path
    raise RuntimeError("the installed `vaderSentiment` package has no vader_lexicon.txt")


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, float]:
    out: dict[str, float] = {}
    for line in lexicon_path().read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) >= 2:
            try:
                out[fields[0].lower()] = float(fields[1])
            except ValueError:
                continue
    return out


def valence(*forms: str) -> float | None:
    """The rating of the first of ``forms`` (a word as written, then its lemma) the lexicon has."""
    lex = _lexicon()
    for f in forms:
        v = lex.get(f.lower())
        if v is not None:
            return v
    return None


def opposite_valence(a: tuple[str, ...], b: tuple[str, ...], clear: float = CLEAR) -> bool:
    """One word clearly positive and the other clearly negative (each given as its forms)."""
    va, vb = valence(*a), valence(*b)
    return va is not None and vb is not None and va * vb < 0 and min(abs(va), abs(vb)) >= clear
