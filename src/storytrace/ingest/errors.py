"""The exception readers raise for a problem with a whole file (turned into one InputError line)."""
from __future__ import annotations


class InputProblem(Exception):
    """A file that cannot be read at all: the message is the problem, shown after the file name."""
