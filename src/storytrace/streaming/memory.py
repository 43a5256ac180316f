"""Handing a process's freed memory back to the system, for the run's own process and its workers.

Kept apart from workers.py because step 1 (reading.py) needs it too, and workers.py imports reading.py.
"""
from __future__ import annotations


def release_freed_memory() -> bool:
    """Collect cycles and hand the heap's free pages back to the system (glibc's malloc_trim).

    A group leaves many freed small blocks scattered over the heap; glibc keeps those pages mapped, so
    a worker's resident size only grows from group to group. Trimming frees whole free pages only and
    changes no data. Returns whether the trim ran (False off glibc)."""
    import ctypes
    import gc

    gc.collect()
    try:
        return bool(ctypes.CDLL("libc.so.6").malloc_trim(0)) or True
    except (OSError, AttributeError):
        return False
