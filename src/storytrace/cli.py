"""The command line: a thin layer over the Python API (storytrace.analyze and friends)."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from storytrace.config import Config

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
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Processes that extract and analyse stories (each loads the models, ~1 GB)."),
    fast: bool = typer.Option(False, "--fast", help="Skip extracting articles that no other article resembles (no internal-contradiction check for them)."),
    verifier_pairs: bool = typer.Option(Config.verifier_pairs, "--verifier-pairs/--no-verifier-pairs", help="Judge each derived sentence against its best supporting source chunk with the sentence-pair verifier."),
    verifier_findings: bool = typer.Option(Config.verifier_findings, "--verifier-findings/--no-verifier-findings", help="Show the verifier's score on medium/high findings; downgrade those it judges supported."),
    verifier_weights: str = typer.Option("", "--verifier-weights", help="Verifier weights folder (default: the ones shipped in the package)."),
) -> None:
    """Group articles into stories, trace which came from which, and list what each version changed.

    Articles stream into the store (OUT/storytrace.db, or --db) one transaction each; an article
    already there with the same content is not analysed again, so a killed run resumes and a
    rerun changes nothing. With --db the store keeps its other articles (an incremental run:
    only the stories the new articles join are recomputed); without it, the store holds exactly
    the PATHs given.
    """
    from storytrace import __version__
    from storytrace.config import Config
    from storytrace.pipeline import Pipeline
    from storytrace.scale.report_files import write_from_store

    missing = [p for p in paths if not p.exists()]
    for p in missing:
        _err(f"error: {p}: no such file or folder")
    existing = [p for p in paths if p.exists()]
    if not existing:
        raise typer.Exit(EXIT_FAILED)
    config = Config(
        spacy_model=spacy_model, embedding_model=embedding_model, quiet=quiet,
        max_file_bytes=max(1, int(max_file_mb * 1024 * 1024)),
        verifier_pairs=verifier_pairs, verifier_findings=verifier_findings, verifier_weights=verifier_weights,
    )
    db_path = db if db is not None else out / "storytrace.db"
    try:
        out.mkdir(parents=True, exist_ok=True)
        run = Pipeline(config).run_into_store(existing, db_path, keep_others=db is not None, workers=workers, fast=fast)
        for e in run.errors:
            _err(str(e))
        files = write_from_store(db_path, out, __version__, run.errors)
    except (OSError, ValueError, RuntimeError) as exc:  # unwritable folder, --db not a store, model missing
        _err(f"error: {exc}")
        raise typer.Exit(EXIT_FAILED) from None
    if not quiet:
        _err(
            f"{run.articles_read} articles read ({run.articles_extracted} analysed, {run.articles_skipped} unchanged"
            + (f", {run.articles_deferred} alone and not extracted" if run.articles_deferred else "") + "), "
            f"{run.blocks_recomputed} of {run.blocks} blocks recomputed -> {files['html']}"
        )
    if run.articles_read == 0:
        raise typer.Exit(EXIT_FAILED)
    if missing or any(e.fatal for e in run.errors):
        raise typer.Exit(EXIT_INPUT_ERRORS)


@app.command()
def compare(
    pairs: Path = typer.Option(..., "--pairs", help="JSON lines with id, source, derived."),
    out: Path = typer.Option(..., "--out", help="JSON lines: id, consistent, score, findings."),
    quiet: bool = typer.Option(False, "--quiet", "-q"),
    verifier_pairs: bool = typer.Option(Config.verifier_pairs, "--verifier-pairs/--no-verifier-pairs", help="Judge each derived sentence against its best supporting source chunk with the sentence-pair verifier."),
    verifier_findings: bool = typer.Option(Config.verifier_findings, "--verifier-findings/--no-verifier-findings", help="Show the verifier's score on medium/high findings; downgrade those it judges supported."),
    verifier_weights: str = typer.Option("", "--verifier-weights", help="Verifier weights folder (default: the ones shipped in the package)."),
) -> None:
    """Check each derived text against its source: consistent or not, a score, and the findings."""
    from storytrace.compare import compare_file
    from storytrace.config import Config

    config = Config(verifier_pairs=verifier_pairs, verifier_findings=verifier_findings, verifier_weights=verifier_weights)
    raise typer.Exit(compare_file(pairs, out, quiet=quiet, config=config))


@app.command()
def serve(
    db: Path = typer.Argument(..., help="A store written by `storytrace analyze`."),
    host: str = typer.Option("127.0.0.1", help="Interface to bind; loopback unless told otherwise."),
    port: int = typer.Option(8765),
) -> None:
    """Serve the web interface over a store."""
    from storytrace.web.app import run

    run(db, host=host, port=port)


@app.command("spark-analyze")
def spark_analyze(
    input: str = typer.Argument(..., help="JSON lines (a file, folder or glob) or Parquet; local path or cluster URI."),
    out: Path = typer.Option(..., "--out", "-o", help="Folder for report.json and tables/*.parquet."),
    master: Optional[str] = typer.Option(None, "--master", help="Spark master (default: spark-submit's, else local[*])."),
    spacy_model: str = typer.Option("en_core_web_sm", help="spaCy pipeline name or path."),
    embedding_model: str = typer.Option("minilm", help="sentence-transformers model path ('minilm': the packaged one)."),
) -> None:
    """Run the same stages as a PySpark job (LSH band join, connected components, per-block analysis)."""
    import os

    from storytrace.config import Config

    try:
        from storytrace.spark.job import run_job, spark_session
    except ImportError as exc:
        _err(f"error: spark-analyze needs pyspark (pip install 'storytrace[spark]'): {exc}")
        raise typer.Exit(EXIT_FAILED) from None
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # local workers use this interpreter
    config = Config(spacy_model=spacy_model, embedding_model=embedding_model, quiet=True)
    try:
        spark = spark_session(master)
        report = run_job(spark, input, out, config)
    except Exception as exc:  # a Spark or input failure: one line, not a JVM stack
        _err(f"error: {input}: {type(exc).__name__}: {str(exc).strip().splitlines()[0] if str(exc).strip() else ''}")
        raise typer.Exit(EXIT_FAILED) from None
    for e in report["errors"]:
        _err(e)
    _err(f"{len(report['articles'])} articles, {len(report['stories'])} stories -> {out / 'report.json'}")
    if not report["articles"]:
        raise typer.Exit(EXIT_FAILED)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
