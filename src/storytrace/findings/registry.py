"""The detector registry: the one place where finding types and detectors are declared.

As spaCy's ``Language.factory`` declares a component where it is defined, each detector
declares itself with ``@detector(...)``: its name, its scope, the finding types it may emit,
and, for the types it owns, their default severity, whether they survive on edges between
independent reports (``strict``) and their rank in the report order. Everything else is a view:

- ``finding_types()``: every type, in rank order (the tie-break of the report order);
- ``default_severity()``: type -> severity a finding gets when its detector does not set one;
- ``strict_types()``: the types kept on ``independent``/``shared_source`` edges;
- ``directed_types()``: the types whose meaning turns round with the order of the two versions (an
  addition read one way round is an omission the other): on a pair whose order is unknown such a
  finding says what each version has, gives the detector's reading as one reading and is at most
  medium (findings.say_order_unknown); every other type is a difference either way round;
- ``detectors(scope)``: the detectors to run, in the order they registered.

Detectors register when ``storytrace.findings`` is imported (findings/detectors/__init__.py
imports every detector module, in run order). This module imports nothing of findings, so any
layer may read the views without an import cycle.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Literal, TypeVar

from storytrace.model import Finding, Severity

# pair: called with a findings.common.PairContext (one lineage edge source -> derived);
# story: called with (story, members) once per story;
# article: called with (article, other members) once per article of a story.
Scope = Literal["pair", "story", "article"]
SCOPES: tuple[Scope, ...] = ("pair", "story", "article")
_SEVERITIES = ("high", "medium", "low")

Run = TypeVar("Run", bound=Callable[..., list[Finding]])


@dataclass(frozen=True)
class FindingType:
    name: str
    severity: Severity  # default, when the detector does not set one
    strict: bool  # kept on edges between independent reports (a clear change of who/what/how much/when)
    rank: int  # report order among findings of one sentence
    owner: str  # the detector that declared it
    # Means something only once the order of the two versions is known: "added without support" read
    # the other way round is "dropped" (omission <-> unsupported_addition). A symmetric type (another
    # figure, another name, a negation) says one of the two versions is wrong whichever came first.
    directed: bool = False


@dataclass(frozen=True)
class Detector:
    name: str
    scope: Scope
    run: Callable[..., list[Finding]]
    types: tuple[str, ...]  # every type it may emit (declared here or by another detector)
    # Reads any language (compares values, not words): the only kind run between versions in two
    # languages, where the English detectors would read Chinese or Japanese as noise.
    multilingual: bool = False


class RegistryError(ValueError):
    """A declaration that contradicts another one: fails at import, not in a report."""


_detectors: dict[str, Detector] = {}
_types: dict[str, FindingType] = {}
_views: dict[str, object] = {}  # cached views, cleared on every change


def detector(
    name: str,
    *,
    scope: Scope,
    types: Iterable[str],
    severity: Mapping[str, Severity] | None = None,
    strict: Iterable[str] = (),
    rank: Mapping[str, int] | None = None,
    multilingual: bool = False,
    directed: Iterable[str] = (),
) -> Callable[[Run], Run]:
    """Register the decorated function as detector ``name``.

    ``types`` lists what it may emit; ``severity`` declares the types it owns (each type is owned by
    exactly one detector), ``rank`` gives each owned type its place in the report order and
    ``strict`` names the owned types that count on edges between independent reports.
    ``multilingual`` marks a pair detector that also runs between versions in two languages.
    ``directed`` names the owned types whose meaning turns round with the order of the two versions
    (``FindingType.directed``).
    """

    def register(run: Run) -> Run:
        _register(name, scope, run, tuple(types), dict(severity or {}), frozenset(strict), dict(rank or {}),
                  multilingual, frozenset(directed))
        return run

    return register


def _register(name: str, scope: Scope, run: Callable[..., list[Finding]], types: tuple[str, ...],
              severity: dict[str, Severity], strict: frozenset[str], rank: dict[str, int],
              multilingual: bool = False, directed: frozenset[str] = frozenset()) -> None:
    if name in _detectors:
        raise RegistryError(f"detector {name!r} is registered twice")
    if scope not in SCOPES:
        raise RegistryError(f"detector {name!r}: scope {scope!r} is not one of {', '.join(SCOPES)}")
    if not types:
        raise RegistryError(f"detector {name!r} declares no finding types")
    if set(severity) != set(rank) or not set(severity) <= set(types) or not strict <= set(severity) \
            or not directed <= set(severity):
        raise RegistryError(f"detector {name!r}: severity, rank, strict and directed must cover the same owned types, "
                            f"all among its types")
    if directed and scope != "pair":
        raise RegistryError(f"detector {name!r}: only a pair detector's types can depend on the order of a pair")
    taken_ranks = {t.rank: t.name for t in _types.values()}
    for kind in severity:
        if kind in _types:
            raise RegistryError(f"finding type {kind!r} is declared by {_types[kind].owner!r} and {name!r}")
        if severity[kind] not in _SEVERITIES:
            raise RegistryError(f"finding type {kind!r}: severity {severity[kind]!r} is not one of {_SEVERITIES}")
        if rank[kind] in taken_ranks:
            raise RegistryError(f"finding type {kind!r}: rank {rank[kind]} is taken by {taken_ranks[rank[kind]]!r}")
        taken_ranks[rank[kind]] = kind
    for kind in severity:
        _types[kind] = FindingType(kind, severity[kind], kind in strict, rank[kind], name, kind in directed)
    _detectors[name] = Detector(name, scope, run, types, multilingual)
    _views.clear()


def unregister(name: str) -> None:
    """Remove detector ``name`` and the types it owns (tests register their own and clean up)."""
    _detectors.pop(name)
    for kind in [k for k, t in _types.items() if t.owner == name]:
        del _types[kind]
    _views.clear()


def detectors(scope: Scope | None = None) -> tuple[Detector, ...]:
    """The registered detectors (of one scope), in registration order = run order."""
    return tuple(d for d in _detectors.values() if scope is None or d.scope == scope)


def finding_types() -> tuple[str, ...]:
    """Every declared finding type, in rank order."""
    if "types" not in _views:
        _views["types"] = tuple(sorted(_types, key=lambda k: _types[k].rank))
    return _views["types"]  # type: ignore[return-value]


def default_severity() -> dict[str, Severity]:
    if "severity" not in _views:
        _views["severity"] = {k: _types[k].severity for k in finding_types()}
    return _views["severity"]  # type: ignore[return-value]


def strict_types() -> frozenset[str]:
    if "strict" not in _views:
        _views["strict"] = frozenset(k for k, t in _types.items() if t.strict)
    return _views["strict"]  # type: ignore[return-value]


def directed_types() -> frozenset[str]:
    if "directed" not in _views:
        _views["directed"] = frozenset(k for k, t in _types.items() if t.directed)
    return _views["directed"]  # type: ignore[return-value]


def type_info(kind: str) -> FindingType:
    return _types[kind]


def undeclared_types() -> dict[str, list[str]]:
    """Types some detector says it emits that no detector declares: detector -> types (a test keeps this empty)."""
    missing: dict[str, list[str]] = {}
    for d in _detectors.values():
        for kind in d.types:
            if kind not in _types:
                missing.setdefault(d.name, []).append(kind)
    return missing
