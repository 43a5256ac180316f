"""Writes one benchmark's section into bench/RESULTS.md, replacing that section if it is there."""
from __future__ import annotations

from pathlib import Path

RESULTS = Path(__file__).with_name("RESULTS.md")
HEADER = "# Benchmark results\n\nEach section: the command that produced it, when, and on what machine.\n"


def replace_section(heading: str, section: str, path: Path = RESULTS) -> Path:
    """``section`` starts with ``heading`` (a "## ..." line); other sections are left as they are."""
    text = path.read_text(encoding="utf-8") if path.exists() else HEADER
    if heading in text:
        start = text.index(heading)
        nxt = text.find("\n## ", start + len(heading))
        text = text[:start] + section.rstrip("\n") + "\n" + (text[nxt:] if nxt != -1 else "")
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}")
    return path
