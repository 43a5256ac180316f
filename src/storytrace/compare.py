"""`storytrace compare`: pairs in, consistency decisions out (STUB until the findings work lands)."""
from __future__ import annotations

from pathlib import Path


def compare_file(pairs: Path, out: Path, quiet: bool = False) -> int:
    raise NotImplementedError("compare lands with the findings engine (issue 4)")
