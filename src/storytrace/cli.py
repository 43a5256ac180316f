"""The command line: a thin layer over the Python API (storytrace.analyze and friends)."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Show how a news story changed as it travelled between outlets, languages and rewrites.",
)

# Exit codes: 0 everything analysed; 1 some input could not be read (the rest was analysed);
# 2 bad usage or nothing could be analysed.
EXIT_OK, EXIT_INPUT_ERRORS, EXIT_FAILED = 0, 1, 2


def _err(msg: str) -> None:
    print(msg, file=sys.stderr)


@app.command()
def analyze(
    paths: list[Path] = typer.Argument(..., help="Files or folders (searched recursively)."),
    out: Path = typer.Option(Path("storytrace-report"), "--out", "-o", help="Folder for the report files."),
    db: Optional[Path] = typer.Option(None, "--db", help="SQLite store to add to (default: OUT/storytrace.db)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    spacy_model: str = typer.Option("en_core_web_sm", help="spaCy pipeline name or path."),
    embedding_model: str = typer.Option("minilm", help="sentence-transformers model path ('minilm': the packaged one)."),
    max_file_mb: float = typer.Option(50.0, "--max-file-mb", help="Refuse input files (or inflated .gz) larger than this, in MiB."),
) -> None:
    """Group articles into stories, trace which came from which, and list what each version changed."""
    from storytrace.config import Config
    from storytrace.outputs import write_outputs
    from storytrace.pipeline import analyze as run_analysis

    missing = [p for p in paths if not p.exists()]
    for p in missing:
        _err(f"error: {p}: no such file or folder")
    existing = [p for p in paths if p.exists()]
    if not existing:
        raise typer.Exit(EXIT_FAILED)
    config = Config(
        spacy_model=spacy_model, embedding_model=embedding_model, quiet=quiet,
        max_file_bytes=max(1, int(max_file_mb * 1024 * 1024)),
    )
    report = run_analysis(existing, config)
    for e in report.errors:
        _err(str(e))
    try:
        files = write_outputs(report, out, db)
    except (OSError, ValueError) as exc:  # an unwritable folder, or --db that is not a storytrace store
        _err(f"error: cannot write the report: {exc}")
        raise typer.Exit(EXIT_FAILED) from None
    if not quiet:
        n_findings = len(report.findings)
        _err(
            f"{len(report.articles)} articles, {len(report.stories)} stories, {n_findings} findings -> {files['html']}"
        )
    if not report.articles:
        raise typer.Exit(EXIT_FAILED)
    if missing or any(e.fatal for e in report.errors):
        raise typer.Exit(EXIT_INPUT_ERRORS)


@app.command()
def compare(
    pairs: Path = typer.Option(..., "--pairs", help="JSON lines with id, source, derived."),
    out: Path = typer.Option(..., "--out", help="JSON lines: id, consistent, score, findings."),
    quiet: bool = typer.Option(False, "--quiet", "-q"),
) -> None:
    """Check each derived text against its source: consistent or not, a score, and the findings."""
    from storytrace.compare import compare_file

    raise typer.Exit(compare_file(pairs, out, quiet=quiet))


@app.command()
def serve(
    db: Path = typer.Argument(..., help="A store written by `storytrace analyze`."),
    host: str = typer.Option("127.0.0.1", help="Interface to bind; loopback unless told otherwise."),
    port: int = typer.Option(8765),
) -> None:
    """Serve the web interface over a store."""
    from storytrace.web.app import run

    run(db, host=host, port=port)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
