"""``python -m storytrace``: the same program as the ``storytrace`` command (for a venv whose bin/ is not
on PATH, or to pick the interpreter explicitly)."""
from storytrace.cli import main

if __name__ == "__main__":
    main()
