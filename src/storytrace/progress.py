"""A progress bar on stderr for the long stages, or nothing when the run is quiet."""
from __future__ import annotations

from contextlib import contextmanager


@contextmanager
def progress_bar(quiet: bool):
    """A rich progress bar on stderr, or a no-op when quiet or not a terminal-friendly run."""
    if quiet:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    progress = Progress(
        TextColumn("{task.description:<10}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=False,
    )
    with progress:
        yield progress
