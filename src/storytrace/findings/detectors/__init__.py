"""The detectors: every module here declares its detector with ``@detector`` (findings/registry.py).

Importing this package registers them all; the order of the imports below is the order they run
in (pair detectors on each lineage edge, then the story-wide ones), so findings and their ids stay
stable. The helpers they share (parsing, lexicons, slots, merging, severity) live in findings/.

Adding a detector: a module here whose function (``ctx -> findings`` for scope "pair") carries
``@detector(name, scope=..., types=(...emitted...), severity={new_type: default}, rank={new_type: n},
strict=(...))``, and one import of it below, at the place in the run order it should take.
"""
# Each import runs a module's @detector; keep this order (tests/findings/test_registry.py checks it).
from storytrace.findings.detectors import entities_cmp, roles_cmp, numbers_cmp, attributes_cmp  # noqa: F401,I001
from storytrace.findings.detectors import polarity, quotes_cmp, attribution_cmp, omissions, modifiers_cmp  # noqa: F401
from storytrace.findings.detectors import crosslingual_cmp  # noqa: F401 - the only one run across languages
from storytrace.findings.detectors import consensus, consensus_names, contradiction, stance  # noqa: F401
