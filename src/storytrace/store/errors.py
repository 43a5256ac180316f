"""Store failures as one clear line: what went wrong with the SQLite file, in words a user can act on.

SQLite reports a damaged page, a full disk and a read-only folder as bare messages ("database disk
image is malformed", "attempt to write a readonly database"); the command line turns them into one
line naming the store and exits with its own status (3), distinct from unreadable inputs (1).
"""
from __future__ import annotations

import errno


class StoreError(ValueError):
    """The store cannot be opened, read or written (the message names it and says why)."""


def store_problem(exc: BaseException) -> str:
    """What ``exc`` (a sqlite3 error or an OSError about the store) means, as a short phrase."""
    msg = " ".join(str(exc).split())[:200]
    low = msg.lower()
    code = getattr(exc, "errno", None)
    if "not a database" in low or "file is encrypted" in low:
        return f"not a storytrace store ({msg})"
    if "malformed" in low or "corrupt" in low:
        return f"the store is damaged ({msg}); restore it from a copy, or analyse into a new store"
    if "readonly" in low or "read-only" in low or code in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"the store or its folder is read-only ({msg}); `storytrace serve` can still show it"
    if "disk is full" in low or "disk full" in low or code == errno.ENOSPC:
        return f"the disk is full ({msg}); nothing was lost, free some space and run again to resume"
    if "locked" in low or "busy" in low:
        return f"the store is locked by another process ({msg})"
    if "unable to open" in low:
        return f"cannot open the store ({msg}): its folder must exist and be writable"
    return f"store error ({msg})"


def as_store_error(path: object, exc: BaseException) -> StoreError:
    return StoreError(f"{path}: {store_problem(exc)}")
