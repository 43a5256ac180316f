"""The command line: a thin layer over the Python API (storytrace.analyze and friends)."""
from __future__ import annotations

import dataclasses
import errno
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Optional

import typer

from storytrace import model_loads
from storytrace.model import InputError, one_line, quoted_name
from storytrace.config import Config, SettingError, apply_settings, config_field, default_of, settings_help

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,  # plain help, as click writes it: examples keep their indentation
    help="Show how a news story changed as it travelled between outlets, languages and rewrites.",
)

# typer 0.29 writes an argument's Python type beside its name in help ("PATH... <list[Path]>") and
# braces in the usage line ("{PATHS}..."); the metavar already says it in words, as datasette's
# and spaCy's help do: "Usage: storytrace analyze [OPTIONS] PATH...".
typer.core.TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]
typer.core.TyperArgument._usage_display_name = lambda self: (  # type: ignore[method-assign]
    (self.display_name_raw if self.required else f"[{self.display_name_raw}]") + ("..." if self.nargs != 1 else "")
)

# typer has no repeatable option of two values; `--setting NAME VALUE` is one (datasette's is too): the
# option is declared as a pair and made repeatable here, its value a list of (name, value) pairs.
_typer_get_param = typer.main._get_param


def _get_param(param):  # type: ignore[no-untyped-def]
    option = _typer_get_param(param)
    if option.name == "setting":
        option.multiple = True
        option.process_value = lambda ctx, value: [tuple(v) for v in value or ()] or None
    return option


typer.main._get_param = _get_param  # type: ignore[assignment]


def _version(value: bool) -> None:
    if value:
        from storytrace.version import __version__

        print(f"storytrace {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Show how a news story changed as it travelled between outlets, languages and rewrites."""


def _option(name: str, *flags: str) -> typer.models.OptionInfo:
    """The option of Config field ``name``: its default, help and metavar come from config.py."""
    meta = config_field(name).metadata
    return typer.Option(default_of(name), *flags, help=meta["help"], metavar=meta["metavar"] or None)


def _help_settings(value: bool) -> None:
    if value:
        print(settings_help())
        raise typer.Exit()


_SETTING_HELP = "Set any setting (repeatable): --setting story_window_days 7. --help-settings lists them."


def _setting_option() -> typer.models.OptionInfo:
    return typer.Option(None, "--setting", metavar="NAME VALUE", help=_SETTING_HELP)


def _help_settings_option() -> typer.models.OptionInfo:
    return typer.Option(False, "--help-settings", callback=_help_settings, is_eager=True,
                        help="List the settings with their help and defaults, and exit.")


def _with_settings(config: Config, settings: Optional[list[tuple[str, str]]]) -> Config:
    """``config`` with the --setting pairs applied; a bad name or value is a usage error (status 2)."""
    try:
        return apply_settings(config, list(settings or []))
    except SettingError as exc:
        raise typer.BadParameter(str(exc), param_hint="'--setting'") from None


def _at_least_one(value: int) -> int:
    if value < 1:
        raise typer.BadParameter("must be 1 or more")
    return value

# Exit codes (README, "Exit status"): 0 everything analysed; 1 some input could not be read (the
# rest was analysed); 2 bad usage, nothing could be analysed, or a model could not be loaded;
# 3 the store or the report files could not be read or written (damaged, read-only, disk full).
EXIT_OK, EXIT_INPUT_ERRORS, EXIT_FAILED, EXIT_STORE = 0, 1, 2, 3
_STORAGE_ERRNOS = frozenset((errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EPERM, errno.EDQUOT))


def _err(msg: str) -> None:
    print(msg, file=sys.stderr)


@contextmanager
def _store_failures(db_path: Path, writing_reports: Path | None = None) -> Iterator[None]:
    """One line and exit status 3 for a store or report-file failure; 2 for what else stops a run."""
    from storytrace.store.errors import StoreError, as_store_error

    try:
        yield
    except typer.Exit:  # an inner failure already said its line
        raise
    except StoreError as exc:
        _err(f"error: {one_line(str(exc))}")
        raise typer.Exit(EXIT_STORE) from None
    except sqlite3.Error as exc:
        _err(f"error: {one_line(str(as_store_error(quoted_name(str(db_path)), exc)))}")
        raise typer.Exit(EXIT_STORE) from None
    except OSError as exc:
        if writing_reports is not None or exc.errno in _STORAGE_ERRNOS:
            where = quoted_name(str(exc.filename or writing_reports or db_path))
            _err(f"error: {where}: cannot write ({exc.strerror or exc})")
            raise typer.Exit(EXIT_STORE) from None
        _err(f"error: {one_line(str(exc))}")  # a model path that does not exist
        raise typer.Exit(EXIT_FAILED) from None
    except (ValueError, RuntimeError) as exc:  # a model that cannot be loaded
        _err(f"error: {one_line(str(exc))}")
        raise typer.Exit(EXIT_FAILED) from None


@app.command()
def analyze(
    paths: list[Path] = typer.Argument(..., metavar="PATH", help="Files or folders (folders are searched recursively)."),
    out: Path = typer.Option(Path("storytrace-report"), "--out", "-o", metavar="DIR", help="Folder for the report files."),
    db: Optional[Path] = typer.Option(None, "--db", metavar="STORE", help="SQLite store to add to (default: DIR/storytrace.db)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no summary."),
    spacy_model: str = _option("spacy_model", "--spacy-model"),
    embedding_model: str = _option("embedding_model", "--embedding-model"),
    max_file_mb: float = typer.Option(default_of("max_file_bytes") / 2**20, "--max-file-mb", metavar="MIB", help="Refuse input files (or inflated .gz) larger than this, in MiB."),
    workers: int = typer.Option(1, "--workers", "-w", metavar="N", callback=_at_least_one, help="Processes that extract and analyse stories (each loads the models, ~1 GB)."),
    fast: bool = typer.Option(False, "--fast", help="Skip extracting articles that no other article resembles (no internal-contradiction check for them)."),
    follow_links: bool = _option("follow_links", "--follow-links"),
    publisher: str = typer.Option("", "--publisher", metavar="NAME", help="The organisation named as author of claimreview.jsonld's reviews."),
    publish_unreviewed: bool = typer.Option(False, "--publish-unreviewed", help="Also put high findings nobody has reviewed yet in claimreview.jsonld, marked Unreviewed."),
    review_url: str = typer.Option("", "--review-url", metavar="URL", help="Base URL of the published reviews: each review's url is URL/FINDING-ID."),
    replace: bool = typer.Option(False, "--replace", help="With --db: a different text under a stored article's id replaces it (by default both are kept, the new one under an id of its own)."),
    meta: Optional[Path] = typer.Option(None, "--meta", metavar="FILE", help="CSV (id,title,outlet,author,published,url,language) whose fields win over what is read or inferred."),
    verifier_pairs: bool = _option("verifier_pairs", "--verifier-pairs"),
    verifier_findings: bool = _option("verifier_findings", "--verifier-findings"),
    verifier_weights: str = _option("verifier_weights", "--verifier-weights"),
    setting: Optional[tuple[str, str]] = _setting_option(),
    help_settings: bool = _help_settings_option(),
) -> None:
    """Group articles into stories, trace which came from which, and list what each version changed.

    Articles stream into the store (DIR/storytrace.db, or --db) one transaction each; an article
    already there with the same content is not analysed again, so a killed run resumes and a
    rerun changes nothing. With --db the store keeps its other articles (an incremental run:
    only the stories the new articles join are recomputed); without it, the store holds exactly
    the PATHs given.

    Examples:

        storytrace analyze articles/ --out report

        storytrace analyze today/ --db report/storytrace.db --out report-today

        storytrace analyze crawl.warc.gz feeds/ --out big --workers 2 --fast

        storytrace analyze articles/ --out report --setting story_window_days 7
    """
    model_loads.enable()  # this process exits when the run ends: freeze the models it loads
    from storytrace.version import __version__
    from storytrace.pipeline import Pipeline
    from storytrace.streaming.runner import run_into_store
    from storytrace.outputs.from_store import write_from_store
    from storytrace.outputs.claimreview import Publishing
    from storytrace.store.lock import store_lock

    if str(out) == "-":
        raise typer.BadParameter("analyze writes several files (report.html, report.json, ...): give a folder", param_hint="'--out'")
    config = _with_settings(Config(
        spacy_model=spacy_model, embedding_model=embedding_model, quiet=quiet,
        max_file_bytes=max(1, int(max_file_mb * 1024 * 1024)), follow_links=follow_links,
        meta_file=str(meta or ""),
        verifier_pairs=verifier_pairs, verifier_findings=verifier_findings, verifier_weights=verifier_weights,
    ), setting)
    missing = [p for p in paths if not p.exists()]
    for p in missing:
        _err(str(InputError(str(p), "no such file or folder")))
    existing = [p for p in paths if p.exists()]
    if not existing:
        raise typer.Exit(EXIT_FAILED)
    if meta is not None:
        from storytrace.ingest.overrides import load_meta_csv

        try:
            load_meta_csv(meta)  # a bad file is one clear error before anything is read
        except (OSError, ValueError) as exc:
            _err(f"error: {exc}" if isinstance(exc, ValueError) else f"error: {meta}: {exc.strerror or exc}")
            raise typer.Exit(EXIT_FAILED) from None
    db_path = db if db is not None else out / "storytrace.db"
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        _err(f"error: {quoted_name(str(out))}: cannot create the report folder ({exc.strerror or exc})")
        raise typer.Exit(EXIT_STORE) from None
    # One run at a time per store, from reading the inputs to writing the reports (store/lock.py).
    with _store_failures(db_path), store_lock(db_path, on_wait=_err):
        run = run_into_store(Pipeline(config), existing, db_path, keep_others=db is not None, workers=workers, fast=fast, replace=replace)
        for e in run.errors:
            _err(str(e))
        with _store_failures(db_path, writing_reports=out):
            files = write_from_store(db_path, out, __version__, run.errors, Publishing(publisher, review_url, publish_unreviewed))
        # counted while this run still holds the store, as the reports were written
        summary = "" if quiet else _summary(db_path, [InputError(str(p), "no such file or folder") for p in missing] + run.errors)
    if not quiet:
        _err(
            f"{run.articles_read} articles read ({run.articles_extracted} analysed, {run.articles_skipped} unchanged"
            + (f", {run.articles_deferred} alone and not extracted" if run.articles_deferred else "") + "), "
            f"{run.blocks_recomputed} of {run.blocks} blocks recomputed -> {files['html']}"
        )
        _err(summary)
    if run.articles_read == 0:
        raise typer.Exit(EXIT_FAILED)
    if missing or any(e.fatal for e in run.errors):
        raise typer.Exit(EXIT_INPUT_ERRORS)


def _summary(db_path: Path, errors: list[InputError]) -> str:
    """One line: what the store holds now and what went wrong in this run.

    Read through a writer's connection, as the reports are (this run owns the store): a read-only
    connection cannot checkpoint a WAL store when it closes, and left storytrace.db-wal and -shm behind."""
    from storytrace.store import database as store_mod

    with store_mod.Store(db_path) as s:
        articles, stories = store_mod.article_count(s), store_mod.story_count(s, listed_only=True)
        by_severity = dict(s.conn.execute("SELECT severity, count(*) FROM findings GROUP BY severity").fetchall())
        unordered = _unordered_findings(s.conn)
    findings = sum(by_severity.values())
    failed = sum(e.fatal for e in errors)
    warned = len(errors) - failed
    def n(count: int, word: str, plural: str = "") -> str:
        return f"{count} {word if count == 1 else (plural or word + 's')}"

    return (f"{n(articles, 'article')}, {n(stories, 'story', 'stories')} with more than one version or a finding, "
            f"{n(findings, 'finding')} ({by_severity.get('high', 0)} high, {by_severity.get('medium', 0)} medium, "
            f"{by_severity.get('low', 0)} low{_unordered_note(unordered)}), {n(failed, 'error')}, {n(warned, 'warning')}")


def _unordered_findings(conn) -> int:
    """How many stored findings compare two versions whose order nothing showed (lineage marks the
    edge "direction unknown"; findings.finding_order_unknown, counted in SQL)."""
    from storytrace.findings import story_wide_types
    from storytrace.lineage import DIRECTION_UNKNOWN

    story_wide = sorted(story_wide_types())
    marks = ",".join("?" * len(story_wide)) or "''"
    return conn.execute(
        "SELECT count(DISTINCT f.rowid) FROM findings f JOIN lineage l ON l.story_id = f.story_id"
        " AND ((l.source_article_id = f.source_article_id AND l.derived_article_id = f.article_id)"
        " OR (l.source_article_id = f.article_id AND l.derived_article_id = f.source_article_id))"
        " WHERE f.source_article_id != f.article_id AND l.evidence LIKE ?"
        f" AND f.type NOT IN ({marks})",
        [f'["{DIRECTION_UNKNOWN}%', *story_wide]).fetchone()[0]  # evidence is stored as a JSON list


def _unordered_note(count: int) -> str:
    if not count:
        return ""
    return f"; {count} of them between two versions whose order is not known"


@app.command()
def compare(
    source: Optional[Path] = typer.Argument(None, metavar="SOURCE", help="The source text (a file, or - for standard input)."),
    derived: Optional[Path] = typer.Argument(None, metavar="DERIVED", help="The text derived from it (a file, or -)."),
    pairs: Optional[Path] = typer.Option(None, "--pairs", metavar="FILE", help="JSON lines, each with id, source and derived, instead of two files."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", metavar="FILE", help="With --pairs: JSON lines of id, consistent, score, findings (- or none: standard output)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    verifier_pairs: bool = _option("verifier_pairs", "--verifier-pairs"),
    verifier_findings: bool = _option("verifier_findings", "--verifier-findings"),
    verifier_weights: str = _option("verifier_weights", "--verifier-weights"),
    setting: Optional[tuple[str, str]] = _setting_option(),
    help_settings: bool = _help_settings_option(),
) -> None:
    """Check a derived text against its source: consistent or not, a score, and the findings.

    Two files give a verdict to read; --pairs checks many pairs and writes JSON lines. A malformed
    line is one error naming the file and line; the other lines are checked (exit status 1).

    Examples:

        storytrace compare original.txt summary.txt

        pbpaste | storytrace compare original.txt -

        storytrace compare --pairs pairs.jsonl --out results.jsonl

        storytrace compare original.txt summary.txt --setting spacy_model en_core_web_md
    """
    model_loads.enable()
    from storytrace.compare import compare_file

    config = _with_settings(Config(quiet=quiet, verifier_pairs=verifier_pairs, verifier_findings=verifier_findings,
                                   verifier_weights=verifier_weights), setting)
    if pairs is not None:
        if source is not None:
            raise typer.BadParameter("give either SOURCE DERIVED or --pairs, not both", param_hint="SOURCE")
        raise typer.Exit(compare_file(pairs, out if out is not None else Path("-"), quiet=quiet, config=config))
    if source is None or derived is None:
        raise typer.BadParameter("give two texts (SOURCE DERIVED) or --pairs FILE", param_hint="SOURCE")
    if str(source) == "-" and str(derived) == "-":
        raise typer.BadParameter("only one of SOURCE and DERIVED can be standard input", param_hint="SOURCE")
    raise typer.Exit(_compare_two(source, derived, config))


def _read_text_arg(path: Path, max_bytes: int) -> str:
    """The story to compare: a file read as analyze reads it (by its format), standard input as a .txt file."""
    from storytrace.ingest import article_from_text, read_story_text, story_text

    if str(path) == "-":
        text = sys.stdin.read()
        return story_text(article_from_text(text)) if text.strip() else text
    return read_story_text(path, max_bytes)


def _compare_two(source: Path, derived: Path, config: Config) -> int:
    """Compare two texts and print a verdict a person reads: consistent or not, then each finding."""
    from storytrace.compare import Comparer, PairInput
    from storytrace.ingest.errors import InputProblem

    texts = []
    for path in (source, derived):
        try:
            text = _read_text_arg(path, config.max_file_bytes)
        except (InputProblem, OSError) as exc:
            _err(str(InputError("standard input" if str(path) == "-" else str(path), str(getattr(exc, "strerror", None) or exc))))
            return EXIT_FAILED
        if not text.strip():
            _err(str(InputError("standard input" if str(path) == "-" else str(path), "empty")))
            return EXIT_FAILED
        texts.append(text)
    [result] = Comparer(dataclasses.replace(config, quiet=True)).compare([PairInput("pair", texts[0], texts[1])])
    verdict = "consistent" if result.consistent else "NOT consistent"
    print(f"{verdict} with the source (score {result.score:.2f}; 1 = fully supported), "
          f"{len(result.findings)} finding{'s' if len(result.findings) != 1 else ''}")
    for f in result.findings:
        change = f": {f.source_value!r} -> {f.derived_value!r}" if f.source_value or f.derived_value else ""
        print(f"  {f.severity:6} {f.type}{change}")
        print(f"         {one_line(f.explanation)}")
        if f.claim:
            print(f"         derived: {one_line(f.claim.strip())[:300]}")
    return EXIT_OK


@app.command()
def serve(
    db: Path = typer.Argument(..., metavar="STORE", help="A store written by `storytrace analyze`."),
    host: str = typer.Option("127.0.0.1", metavar="HOST", help="Interface to bind; loopback unless told otherwise."),
    port: int = typer.Option(8765, metavar="PORT", help="Port to listen on."),
    setting: Optional[tuple[str, str]] = _setting_option(),
    help_settings: bool = _help_settings_option(),
) -> None:
    """Serve the web interface over a store: read stories, add articles, use the JSON API.

    Examples:

        storytrace serve report/storytrace.db

        storytrace serve report/storytrace.db --port 9000

        storytrace serve report/storytrace.db --setting story_window_days 7
    """
    from storytrace.web.app import run

    config = _with_settings(Config(quiet=True), setting)  # the models and thresholds of added articles' analysis
    run(db, host=host, port=port, config=config)


@app.command("spark-analyze")
def spark_analyze(
    input: str = typer.Argument(..., metavar="INPUT", help="JSON lines (a file, folder or glob) or Parquet; local path or cluster URI."),
    out: Path = typer.Option(..., "--out", "-o", metavar="DIR", help="Folder for report.json and tables/*.parquet."),
    master: Optional[str] = typer.Option(None, "--master", metavar="URL", help="Spark master (default: spark-submit's, else local[*])."),
    spacy_model: str = _option("spacy_model", "--spacy-model"),
    embedding_model: str = _option("embedding_model", "--embedding-model"),
    setting: Optional[tuple[str, str]] = _setting_option(),
    help_settings: bool = _help_settings_option(),
) -> None:
    """Run the same stages as a PySpark job (LSH band join, connected components, per-block analysis).

    Examples:

        storytrace spark-analyze corpus.jsonl --out out --master 'local[2]'

        storytrace spark-analyze 'hdfs:///crawls/news/*.jsonl' --out /shared/storytrace-out
    """
    import os

    config = _with_settings(Config(spacy_model=spacy_model, embedding_model=embedding_model, quiet=True), setting)
    try:
        from storytrace.spark.job import run_job, spark_session
    except ImportError as exc:
        _err(f"error: spark-analyze needs pyspark (pip install 'storytrace[spark]'): {exc}")
        raise typer.Exit(EXIT_FAILED) from None
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # local workers use this interpreter
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
    try:
        app()
    except SystemExit as exc:
        if _runs_as_the_program(sys._getframe(1)):
            model_loads.exit_without_teardown(exc.code)
        raise


def _runs_as_the_program(caller) -> bool:
    """Is main() the program itself: called by the top-level code of the script the interpreter was
    started with (the console script bin/storytrace, `python -m storytrace.cli`)? Only then may the
    process end without its teardown. A program that calls main() from its own code (a task runner,
    a notebook cell, a wrapper that catches SystemExit) gets the normal exit and carries on."""
    import os

    main_module = sys.modules.get("__main__")
    if caller is None or caller.f_code.co_name != "<module>" or not sys.argv \
            or caller.f_globals is not getattr(main_module, "__dict__", None):
        return False
    return os.path.realpath(caller.f_code.co_filename) == os.path.realpath(sys.argv[0])


if __name__ == "__main__":
    main()
