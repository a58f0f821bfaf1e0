"""The command line: parse options, call the library, report in one line per problem.

Heavy packages (pandas, openpyxl, spaCy for --model) are imported inside the commands so that
``--help`` is fast.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from pipeline.errors import PipelineError

if TYPE_CHECKING:
    from pipeline.model import Release

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    help=(
        "Turn UK inspectorate press releases into analysis-ready CSV and JSON.\n\n"
        "Example: pipeline extract raw --out output"
    ),
)

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


def _say(message: object) -> None:
    """Every problem the CLI reports goes through here: one line on stderr."""
    typer.echo("error: " + " ".join(str(message).splitlines()), err=True)


def _fail(message: object, code: int = 2) -> NoReturn:
    _say(message)
    raise typer.Exit(code)


class _Stopped(BaseException):
    """Ctrl-C or SIGTERM. Not a KeyboardInterrupt, which typer turns into a silent exit 130;
    a BaseException, so that no ``except Exception`` (one input's failure) swallows it."""


def _stop(signum: int, frame: object) -> None:
    raise _Stopped


@contextmanager
def _stoppable() -> Iterator[None]:
    """Turn SIGINT and SIGTERM into :class:`_Stopped` while the block runs (in the main
    thread, and not where the signal is ignored, as for a job started with nohup)."""
    previous = {}
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGINT, signal.SIGTERM):
            if signal.getsignal(sig) is not signal.SIG_IGN:
                previous[sig] = signal.signal(sig, _stop)
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _annotator(model: str | None) -> Callable[[Release], Release] | None:
    """``--model``'s entities (spaCy is imported only when it is asked for)."""
    if model is None:
        return None
    from pipeline.spacy_components import EntityAnnotator

    return EntityAnnotator(model)


@app.command()
def extract(
    inputs: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Release files or folders (searched recursively for .txt, .md, .html, .htm). "
            "Default: ./raw",
            show_default=False,
        ),
    ] = None,
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Output folder, replaced as a whole at the end.")
    ] = Path("output"),
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", min=1, help="Refuse input files larger than this.")
    ] = DEFAULT_MAX_BYTES,
    model: Annotated[
        str | None,
        typer.Option(
            "--model",
            help="A trained spaCy pipeline (installed package name or folder): each record "
            "gains its entities, and a quotation whose speaker is not a PERSON entity a warning.",
        ),
    ] = None,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs", "-j", min=0, help="Worker processes (0: one per core); same files as 1."
        ),
    ] = 1,
    xlsx: Annotated[
        bool, typer.Option("--xlsx", help="Also write releases.xlsx, one sheet per table.")
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks for unexpected errors.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary line.")] = False,
) -> None:
    """Extract every release in INPUTS into the contract files in --out.

    Writes releases.jsonl, json/<release_id>.json, releases.csv, sections.csv, scores.csv,
    quotes.csv, dates.csv, numbers.csv, errors.csv and manifest.json. A refused input is one
    line on stderr and a row in errors.csv; the exit status is then 1, after every other input
    is written. The previous output stays intact until the new one is complete.

    Example: pipeline extract raw ../more/releases --out output --xlsx
    """
    paths = inputs or [Path("raw")]
    with _stoppable():
        try:
            from pipeline import core, export

            export.check_out(out)
            result = core.extract_to(
                paths,
                out,
                max_bytes=max_bytes,
                xlsx=xlsx,
                on_error=_say,
                debug=debug,
                jobs=jobs,
                annotate=_annotator(model),
            )
        except _Stopped:
            _fail(f"interrupted; {out.as_posix()}/ is left as it was", 130)
        except PipelineError as exc:
            _fail(exc)
        except OSError as exc:
            if debug:
                raise
            _fail(f"cannot write {out.as_posix()}/: {exc.strerror or exc}")
        except Exception as exc:
            if debug:
                raise
            _fail(f"unexpected {type(exc).__name__}: {exc}; run again with --debug and report it")
    if not quiet:
        typer.echo(
            f"extracted {result.extracted} release(s) into {out.as_posix()}/"
            f" ({len(result.errors)} refused, {result.with_warnings} with warnings)"
        )
    if result.errors:
        raise typer.Exit(1)


@app.command()
def score(
    releases: Annotated[Path, typer.Argument(help="A releases.jsonl written by extract.")],
    gold: Annotated[Path, typer.Argument(help="Gold annotations (a JSON list of cases).")],
    minimum: Annotated[
        list[str] | None,
        typer.Option(
            "--min",
            help="FIELD=VALUE: exit 1 when the field's F1 (or accuracy) is below VALUE. "
            "Repeatable.",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    misses: Annotated[bool, typer.Option("--misses/--no-misses", help="List every miss.")] = True,
) -> None:
    """Score extracted releases against gold annotations: precision, recall and F1 per field.

    Fields: title, scores, quotes, dates, numbers (F1); quote_role, quote_paragraphs,
    number_unit and provenance (accuracy).

    Example: pipeline score output/releases.jsonl gold.json --min scores=0.97 --min provenance=1
    """
    from pipeline import scoring

    try:
        thresholds = scoring.parse_thresholds(minimum or [])
        result = scoring.score_files(releases, gold)
    except PipelineError as exc:
        _fail(exc)
    failed = scoring.failures(result, thresholds)
    typer.echo(scoring.render(result, as_json=as_json, misses=misses, failed=failed))
    for line in failed:
        typer.echo(f"below threshold: {line}", err=True)
    if failed:
        raise typer.Exit(1)


def main() -> None:
    """Console entry point."""
    try:
        with _stoppable():
            app()
    except _Stopped:  # Ctrl-C outside a command's own handler
        _say("interrupted")
        sys.exit(130)
