"""Entry point for spark-submit: ``spark-submit .../storytrace/spark_submit.py INPUT --out DIR``.

It sits beside cli.py, not in spark/, because it launches the CLI: spark/ stays below the front ends."""
from __future__ import annotations

import sys


def main() -> None:
    from storytrace.cli import app

    app(["spark-analyze", *sys.argv[1:]])


if __name__ == "__main__":
    main()
