"""Entry point for spark-submit: ``spark-submit .../storytrace/spark/submit.py INPUT --out DIR``."""
from __future__ import annotations

import sys


def main() -> None:
    from storytrace.cli import app

    app(["spark-analyze", *sys.argv[1:]])


if __name__ == "__main__":
    main()
