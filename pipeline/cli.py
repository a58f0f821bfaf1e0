"""The command line: parse options, call the library, report in one line per problem.

Heavy packages (openpyxl for --xlsx, spaCy for --model) are imported inside the commands so that
``--help`` is fast.
"""

from __future__ import annotations

import json
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from pipeline.errors import PipelineError

if TYPE_CHECKING:
    from pipeline.core import RunReport
    from pipeline.jobs import Workers
    from pipeline.model import Release
    from pipeline.progress import ProgressBar

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
STDIN = Path("-")  # `pipeline extract -`: one release from standard input


class StdinFormat(str, Enum):
    """How `pipeline extract -` prints the record."""

    json = "json"
    jsonl = "jsonl"


def _line(message: object) -> str:
    return "error: " + " ".join(str(message).splitlines())


def _say(message: object) -> None:
    """Every problem the CLI reports goes through here: one line on stderr."""
    typer.echo(_line(message), err=True)


def _debug_trace(debug: bool) -> None:
    """With --debug, the traceback of the exception being handled, before the one line (the
    exit status stays 2: an internal error is never "some input refused")."""
    if debug:
        traceback.print_exc()


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


@contextmanager
def _workers(
    jobs: int, paths: list[Path], annotate: Callable[[Release], Release] | None
) -> Iterator[Workers | None]:
    """With ``--jobs``, the worker processes, started before anything else is loaded: they
    load the extractors while this process loads the rest and finds the inputs. Given only
    files, no more than there are files (each worker needs an input)."""
    if jobs != 1:
        from pipeline.jobs import cores

        jobs = jobs or cores()
        if all(path.is_file() for path in paths):
            jobs = min(jobs, len(paths))
    if "pipeline.jobs" in sys.modules:  # the console script may have started them already
        from pipeline.jobs import take_early

        early = take_early(jobs, annotate)
    else:
        early = None
    if jobs == 1:
        yield None
        return
    from pipeline.jobs import Workers

    with early or Workers(jobs, annotate) as workers:
        yield workers


@app.command()
def extract(
    inputs: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Release files or folders (searched recursively for .txt, .md, .html, .htm). "
            "Default: ./raw",
            show_default=False,
            # An unreadable input is one refused input (code `unreadable`), not a usage error
            # that costs every other input its result: no check by the option parser.
            readable=False,
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
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No summary line and no progress bar.")
    ] = False,
    incremental: Annotated[
        bool,
        typer.Option(
            "--incremental",
            help="Take the releases whose files, tool version, code and options are unchanged "
            "from the output already in --out instead of extracting them again.",
        ),
    ] = False,
    output_format: Annotated[
        StdinFormat | None,
        typer.Option(
            "--format",
            help="With - (one release on standard input): print its record as pretty JSON "
            "(json, the default) or on one line (jsonl).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Extract every release in INPUTS into the contract files in --out.

    Writes releases.jsonl, json/<release_id>.json, releases.csv, sections.csv, scores.csv,
    quotes.csv, dates.csv, numbers.csv, errors.csv and manifest.json. A refused input is one
    line on stderr and a row in errors.csv; the exit status is then 1, after every other input
    is written. The previous output stays intact until the new one is complete.

    Example: pipeline extract raw ../more/releases --out output --xlsx

    Example: pipeline extract raw --incremental

    Example: cat release.txt | pipeline extract - --format jsonl
    """
    paths = inputs or [Path("raw")]
    if STDIN in paths:
        _extract_stdin(paths, max_bytes, output_format, debug)
        return
    if output_format is not None:
        _fail("--format applies to - (one release on standard input) only")
    with _stoppable():
        try:
            annotate = _annotator(model)
            with _workers(jobs, paths, annotate) as workers:
                from pipeline import core, export

                export.check_out(out)
                with _progress(quiet) as bar:  # the bar is gone before any message below
                    result = core.extract_to(
                        paths,
                        out,
                        max_bytes=max_bytes,
                        xlsx=xlsx,
                        on_error=_say if bar is None else lambda err: bar.echo(_line(err)),
                        debug=debug,
                        on_progress=bar,
                        incremental=incremental,
                        jobs=1 if workers is None else workers.count,
                        annotate=annotate,
                        model=model,
                        workers=workers,
                    )
        except _Stopped:
            _fail(f"interrupted; {out.as_posix()}/ is left as it was", 130)
        except PipelineError as exc:
            _fail(exc)
        except OSError as exc:
            _debug_trace(debug)
            _fail(f"cannot write {out.as_posix()}/: {export.write_problem(exc)}")
        except Exception as exc:
            _debug_trace(debug)
            _fail(f"unexpected {type(exc).__name__}: {exc}; run again with --debug and report it")
    if not quiet:
        reused = _reused(result) if incremental else ""
        typer.echo(
            f"extracted {result.extracted} release(s) into {out.as_posix()}/"
            f" ({reused}{len(result.errors)} refused, {result.with_warnings} with warnings)"
        )
    if result.errors:
        raise typer.Exit(1)


# --- progress, incremental runs, standard input (pieces of `extract`) -------------------------


@contextmanager
def _progress(quiet: bool) -> Iterator[ProgressBar | None]:
    """A progress bar on stderr when it is a terminal and --quiet is not given, else None."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from pipeline.progress import ProgressBar

    with ProgressBar(sys.stderr) as bar:
        yield bar


def _reused(result: RunReport) -> str:
    note = f": {result.reuse_note}" if result.reuse_note else ""
    return f"{result.reused} reused{note}; "


def _extract_stdin(
    paths: list[Path], max_bytes: int, output_format: StdinFormat | None, debug: bool
) -> None:
    """``pipeline extract -``: one release from standard input, its record on standard output.
    A refused input is one line on stderr and exit status 1, as for a file."""
    if len(paths) > 1:
        _fail("- (standard input) takes one release and cannot be mixed with other inputs")
    import orjson

    from pipeline.core import extract_document
    from pipeline.errors import InputError
    from pipeline.read import read_bytes
    from pipeline.render import release_dict

    data = sys.stdin.buffer.read(max_bytes + 1)
    try:
        if len(data) > max_bytes:
            raise InputError(
                "-", "too-large", f"standard input is larger than --max-bytes {max_bytes}"
            )
        release = extract_document(read_bytes(data, "-"), "stdin")
    except InputError as err:
        _fail(err, 1)
    except Exception as exc:
        if debug:
            raise
        _fail(f"-: unexpected {type(exc).__name__}: {exc}; run again with --debug", 1)
    option = orjson.OPT_APPEND_NEWLINE
    if output_format is not StdinFormat.jsonl:
        option |= orjson.OPT_INDENT_2
    sys.stdout.buffer.write(orjson.dumps(release_dict(release), option=option))
    sys.stdout.buffer.flush()


@app.command()
def schema() -> None:
    """Print the JSON Schema of one release record (a line of releases.jsonl, a json/ file).

    Every field is listed with its type and description.

    Example: pipeline schema > release.schema.json
    """
    from pipeline.schema import release_schema

    typer.echo(json.dumps(release_schema(), indent=2, ensure_ascii=False))


@app.command()
def score(
    releases: Annotated[
        Path, typer.Argument(help="A releases.jsonl written by extract.", readable=False)
    ],
    gold: Annotated[
        Path, typer.Argument(help="Gold annotations (a JSON list of cases).", readable=False)
    ],
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


@app.command()
def diff(
    old: Annotated[Path, typer.Argument(help="The output folder (or releases.jsonl) before.")],
    new: Annotated[Path, typer.Argument(help="The output folder (or releases.jsonl) after.")],
    fields: Annotated[
        list[str] | None,
        typer.Option(
            "--field",
            help="Compare only this field (title, sections, scores, quotes, dates, numbers, "
            "text, warnings, ...). Repeatable.",
        ),
    ] = None,
    releases: Annotated[
        list[str] | None,
        typer.Option("--release", help="Compare only this release_id. Repeatable."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Compare two extractions release by release: items added, removed and changed per field.

    Items are matched by field and offsets; a changed item shows each attribute old -> new.
    A summary per field follows. Exit status: 0 identical, 1 different, 2 unreadable input.

    Example: pipeline diff /tmp/before output --field scores --field quotes
    """
    from pipeline import diff as diffing

    try:
        result = diffing.compare_files(old, new, fields=fields, releases=releases)
    except PipelineError as exc:
        _fail(exc)
    typer.echo(diffing.render(result, as_json=as_json))
    if not result.identical:
        raise typer.Exit(1)


@app.command()
def review(
    output: Annotated[
        Path, typer.Argument(help="An output folder of extract (or its releases.jsonl).")
    ] = Path("output"),
    page: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="The page to write. Default: OUTPUT/review.html."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary line.")] = False,
) -> None:
    """Write review.html: every release's text with its items highlighted, and the ratings.

    One self-contained page, read offline: a sortable table of the releases, a grid of
    ratings (criterion by release, coloured by rank), and each text with its sections,
    scores, quotations, dates and numbers marked; hover or focus shows their values.

    Example: pipeline extract raw -o output && pipeline review output
    """
    from pipeline.review import write_review

    try:
        written = write_review(output, page)
    except PipelineError as exc:
        _fail(exc)
    except OSError as exc:
        _fail(f"{(page or output).as_posix()}: cannot write the page ({exc.strerror or exc})")
    if not quiet:
        typer.echo(f"wrote {written.as_posix()}")


def main() -> None:
    """Console entry point."""
    try:
        with _stoppable():
            app()
    except _Stopped:  # Ctrl-C outside a command's own handler
        _say("interrupted")
        sys.exit(130)
