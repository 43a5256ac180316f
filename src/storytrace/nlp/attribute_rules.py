"""spaCy's attribute ruler with its one-token patterns looked up per distinct token instead of matched.

The attribute ruler (POS and morphology from the fine tag, a few lemma and POS exceptions) runs on
every extracted doc (models.add_lemmas), and its generic Matcher tries all of en_core_web_sm's 179
patterns at every token: 13% of the spaCy pass's CPU (0.60 CPU-s for 927 paragraphs, 41k tokens,
against 4.41 for tagging, parsing and NER). All but seven of those patterns are one token long and
read only the token's fine tag, lower-cased form, dependency label and whether it is a space, so
whether such a pattern matches a token depends on those four values alone: the set of matching
patterns is worked out once per distinct (tag, lower, dep, is_space) and kept. The longer patterns
still go through spaCy's Matcher (holding those seven only), and the matches are sorted and applied
as ``AttributeRuler.__call__`` sorts and applies them: the doc ends up the same (a rule whose index
falls outside its match is left to the ruler itself, which raises).

Only the predicates spaCy documents for token patterns that these rules use are evaluated here, with
spaCy's meaning: a plain value (equality), ``IN``, ``NOT_IN``, ``REGEX`` (``re.search`` on the string).
A ruler with any other one-token pattern (another attribute, another predicate, an operator) is run
as spaCy runs it.
"""
from __future__ import annotations

import re
import weakref

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.tokens._retokenize import set_token_attrs

__all__ = ["FastAttributeRuler", "fast_ruler"]

_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")  # the columns of the lookup key, in this order
_COLUMNS = [TAG, LOWER, DEP, IS_SPACE]
# distinct (tag, lower, dep, is_space) kept, ~300 bytes each: a worker's few thousand articles meet some
# tens of thousands; past this the table starts again (answers are the same, only recomputed)
MAX_KEPT = 20_000


def _named_lowers(value) -> tuple[set[str], list[str]]:
    """The lower-cased forms a LOWER predicate names, and its regular expressions."""
    if isinstance(value, str):
        return {value}, []
    (op, arg), = value.items()
    return (set(arg), []) if op in ("IN", "NOT_IN") else (set(), [arg])


def _predicate(attr: str, value):
    """A test on the token's value of ``attr`` (a string, or a bool for IS_SPACE), or None if not handled."""
    if attr == "IS_SPACE":
        return (lambda v, want=bool(value): v == want) if isinstance(value, bool) else None
    if isinstance(value, str):
        return lambda v, want=value: v == want
    if isinstance(value, dict) and len(value) == 1:
        (op, arg), = value.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(x, str) for x in arg):
            members = frozenset(arg)
            return (lambda v: v in members) if op == "IN" else (lambda v: v not in members)
        if op == "REGEX" and isinstance(arg, str):
            return lambda v, rx=re.compile(arg): bool(rx.search(v))
    return None


def _token_test(token_pattern: dict):
    """One token's pattern as a test on (tag, lower, dep, is_space), or None if not handled."""
    tests = []
    for attr, value in token_pattern.items():
        if attr not in _ATTRS:
            return None
        test = _predicate(attr, value)
        if test is None:
            return None
        tests.append((_ATTRS.index(attr), test))
    return lambda values: all(test(values[i]) for i, test in tests)


class FastAttributeRuler:
    """Applies ``ruler`` (a spaCy AttributeRuler) to a doc; see the module docstring."""

    def __init__(self, ruler, single: list[tuple[int, int, list]], longer: list[tuple[int, list]],
                 named: set[str], regexes: list[str]):
        from spacy.matcher import Matcher

        self._named = frozenset(named)  # lower-cased forms some rule's LOWER test names
        self._regexes = [re.compile(rx) for rx in regexes]
        self._lowers: dict[int, bool] = {}
        # the ruler's own lists (``add`` appends to them; models.py makes a new lookup when it does); no
        # reference back to the ruler, which can then be freed with its pipeline (models._RULERS is weak)
        self._indices, self._attrs = ruler.indices, ruler.attrs
        self._ruler = weakref.ref(ruler)
        self.strings = ruler.vocab.strings
        self._single = single  # (attribute id, match key, tests of the alternatives)
        self._matcher = None
        firsts = [_token_test(alt[0]) if alt else None for _, alternatives in longer for alt in alternatives]
        self._first_tests_known = all(test is not None for test in firsts)
        self._first_tests = [test for test in firsts if test is not None] if self._first_tests_known else []
        if longer:
            self._matcher = Matcher(ruler.vocab, validate=False)
            for attr_id, alternatives in longer:
                self._matcher.add(str(attr_id), alternatives)
        self._found: dict[tuple[int, int, int, int], tuple[tuple[tuple[int, int], ...], bool]] = {}

    def __call__(self, doc):
        matches = []
        found = self._found
        may_start_longer = False
        lowers = self._lowers
        for i, (tag, lower, dep, is_space) in enumerate(doc.to_array(_COLUMNS).tolist()):
            named = lowers.get(lower)
            if named is None:
                if len(lowers) >= MAX_KEPT:
                    lowers.clear()
                named = lowers[lower] = self._names(lower)
            # a form no rule names (nor matches by a regular expression) passes or fails every rule's
            # LOWER test as every other such form does: those tokens share one entry, keyed by -1
            key = (tag, lower if named else -1, dep, is_space)
            kept = found.get(key)
            if kept is None:
                if len(found) >= MAX_KEPT:
                    found.clear()
                kept = found[key] = self._matching(tag, lower, dep, is_space)
            hits, starts = kept
            may_start_longer = may_start_longer or starts
            for attr_id, match_key in hits:
                matches.append((attr_id, match_key, i, i + 1))
        # a longer pattern can only match from a token its first token's pattern matches
        if self._matcher is not None and (may_start_longer or not self._first_tests_known):
            matches.extend((int(self.strings[m_id]), m_id, s, e)
                           for m_id, s, e in self._matcher(doc, allow_missing=True, as_spans=False))
        matches.sort()  # by attribute id: later rules have precedence (AttributeRuler.match)
        targets = self._targets(matches)
        if targets is None:  # an index outside its match: spaCy's ruler raises, through its error handler
            return self._ruler()(doc)
        for at, attrs in targets:
            set_token_attrs(doc[at], attrs)
        return doc

    def _targets(self, matches) -> list[tuple[int, dict]] | None:
        """As AttributeRuler.set_annotations: each match's token (its rule's index in the span; a negative
        one counts from the span's end) and attributes, in order; None if an index falls outside its span."""
        targets = []
        for attr_id, _, start, end in matches:
            index = self._indices[attr_id]
            at = start + index if index >= 0 else end + index
            if not start <= at < end:
                return None
            targets.append((at, self._attrs[attr_id]))
        return targets

    def _names(self, lower: int) -> bool:
        """Whether some rule names this lower-cased form or matches it by a regular expression."""
        text = self.strings[lower] if lower else ""
        return text in self._named or any(rx.search(text) for rx in self._regexes)

    def _matching(self, tag: int, lower: int, dep: int, is_space: int) -> tuple[tuple[tuple[int, int], ...], bool]:
        """The one-token rules that match a token of these values, and whether a longer rule may start there."""
        values = (self.strings[tag] if tag else "", self.strings[lower] if lower else "",
                  self.strings[dep] if dep else "", bool(is_space))
        hits = tuple((attr_id, match_key) for attr_id, match_key, tests in self._single
                     if any(test(values) for test in tests))
        return hits, any(test(values) for test in self._first_tests)


def fast_ruler(ruler) -> FastAttributeRuler | None:
    """The lookup version of ``ruler``, or None when one of its one-token patterns is not handled here."""
    single, longer = [], []
    named: set[str] = set()
    regexes: list[str] = []
    for attr_id, rule in enumerate(ruler.patterns):
        for alt in rule["patterns"]:
            if alt and "LOWER" in alt[0] and _predicate("LOWER", alt[0]["LOWER"]) is not None:
                names, rxs = _named_lowers(alt[0]["LOWER"])
                named |= names
                regexes += rxs
        alternatives = rule["patterns"]
        if all(len(alt) == 1 for alt in alternatives):
            tests = [_token_test(alt[0]) for alt in alternatives]
            if any(test is None for test in tests) or rule["index"] not in (0, -1):
                return None
            single.append((attr_id, ruler.vocab.strings.add(str(attr_id)), tests))
        else:
            longer.append((attr_id, alternatives))
    return FastAttributeRuler(ruler, single, longer, named, regexes)
