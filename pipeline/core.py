"""The main job, stage by stage: inputs -> read -> extract -> record -> export.

Inputs are read and extracted in batches, each stage over the whole batch before the next
(faster: see :func:`pipeline.extract.extract_each`), and one bad input never costs the others
their results. The stages live in their own modules; this one only sequences them.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from pipeline.errors import InputError
from pipeline.inputs import Input, ReleaseIds, find_inputs, release_ids
from pipeline.model import Release
from pipeline.read import DEFAULT_MAX_BYTES, Document, read_file

if TYPE_CHECKING:
    from pipeline.export import OutputWriter
    from pipeline.extract import Extraction
    from pipeline.incremental import Previous, Reused
    from pipeline.jobs import Workers


@dataclass(slots=True)
class RunReport:
    """What a run did: ``releases`` holds the records unless a ``sink`` took them."""

    releases: list[Release] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    manifest: dict[str, Any] = field(default_factory=dict)
    extracted: int = 0
    with_warnings: int = 0
    reused: int = 0  # with --incremental: releases taken from the previous output
    reuse_note: str = ""  # with --incremental: why nothing could be reused, if so


def extract_document(document: Document, release_id: str) -> Release:
    """The record of one read document: every extractor over its text, then the record."""
    # Imported here: with --jobs, only the workers load the extractors (see pipeline.jobs).
    from pipeline.extract import extract_all

    found = extract_all(document.text, document.blocks, document.tables)
    return _record(document, release_id, found)


def _record(document: Document, release_id: str, found: Extraction) -> Release:
    from pipeline.record import to_release

    return to_release(
        found,
        text=document.text,
        release_id=release_id,
        source=document.source,
        metadata=document.metadata,
        reader_warnings=document.warnings,
        reader_review=document.review,
    )


def _internal(shown: str, exc: Exception) -> InputError:
    # An exception's text may run over several lines; the message must stay on one.
    what = " ".join(f"{type(exc).__name__}: {exc}".split())
    if len(what) > 200:
        what = what[:199] + "…"
    return InputError(
        shown, "internal", f"extraction failed ({what}); run again with --debug and report it"
    )


def refused_entry(err: InputError, document: Document | None = None) -> dict[str, Any]:
    """The manifest entry of a refused input (with its hash and size once it was read)."""
    src = {} if document is None else _source_fields(document)
    return {"path": err.path, **src, "status": "error", "code": err.code, "message": err.detail}


def extracted_entry(shown: str, document: Document, release: Release) -> dict[str, Any]:
    """The manifest entry of an extracted input."""
    return {
        "path": shown,
        **_source_fields(document),
        "status": "ok",
        "message": "",
        "release_id": release.release_id,
        "warnings": len(release.warnings),
    }


def reused_entry(shown: str, reused: Reused) -> dict[str, Any]:
    """The manifest entry of an input whose earlier release was reused (the same as when it
    was extracted)."""
    return {
        "path": shown,
        "sha256": reused.sha256,
        "bytes": reused.bytes,
        "status": "ok",
        "message": "",
        "release_id": reused.release_id,
        "warnings": reused.warnings,
    }


def _source_fields(document: Document) -> dict[str, Any]:
    return {"sha256": document.source.sha256, "bytes": document.source.bytes}


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def record_options(max_bytes: int, model: str | None = None) -> dict[str, Any]:
    """What, besides an input's bytes, its record depends on (kept in the manifest, and
    compared by ``--incremental``): tool and contract version, a fingerprint of the package's
    code and data, and the options that change records."""
    from pipeline import __version__
    from pipeline.incremental import code_fingerprint
    from pipeline.model import CONTRACT_VERSION

    return {
        "version": __version__,
        "contract": CONTRACT_VERSION,
        "code_fingerprint": code_fingerprint(),
        "max_bytes": max_bytes,
        "model": model,  # in the manifest only when there is one (None reads as absent)
    }


# Progress: called with (inputs done, inputs in all) after each input.
OnProgress = Callable[[int, int], None]


class Reuse(Protocol):
    """Incremental runs: whether an input's earlier release can be taken as it is, and then
    taking it (see :class:`pipeline.incremental.Reuser`)."""

    def check(self, item: Input, release_id: str) -> Any:
        """What to take (None: extract the input again)."""

    def take(self, item: Input, found: Any) -> Reused:
        """Write the earlier release into the output; what the manifest needs of it."""


@dataclass(frozen=True, slots=True)
class Steps:
    """What is done to each input, in the process that extracts it.

    ``annotate`` adds to a release (``--model``'s entities, see
    :class:`pipeline.spacy_components.EntityAnnotator`); ``prepare`` turns it into what the
    sink takes (the files' bytes, :func:`pipeline.export.render_release`), so that a worker
    process does that work too.
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    debug: bool = False
    annotate: Callable[[Release], Release] | None = None
    prepare: Callable[[Release], Any] | None = None


@dataclass(frozen=True, slots=True)
class Chunks:
    """With ``jobs`` > 1, how a worker hands on its chunk of inputs (see :mod:`pipeline.jobs`):
    ``pack`` turns the chunk's prepared releases and every input's manifest entry into one
    payload, in the worker (writing what it can itself, holding the rest); ``write`` takes
    the payload here, in input order, when the chunk's first input comes up, and says where
    the rest goes; ``place`` writes it there, in the worker that holds it. Each input's own
    result and entry are then None."""

    pack: Callable[[list[Any], list[dict[str, Any]]], Any]
    write: Callable[[Any], Any]
    place: Callable[[Any], None]


@dataclass(frozen=True, slots=True)
class Outcome:
    """One input's result: its manifest entry, and its release (``prepare``'s result, when
    there is one; None when its chunk carried it, see :class:`Chunks`) or its refusal."""

    entry: dict[str, Any] | None  # None: written with its chunk (see :class:`Chunks`)
    result: Any = None
    error: InputError | None = None
    warned: bool = False

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        # Workers send thousands: by their fields, not by the dataclass's slot state, which
        # looks up the class's fields for each one (a third of the parent's work per chunk).
        return Outcome, (self.entry, self.result, self.error, self.warned)


def extract_inputs(items: Sequence[tuple[Input, str]], steps: Steps) -> list[Outcome]:
    """Read and extract each input (with its release id), stage by stage over all of them
    (see :func:`pipeline.extract.extract_each`); a refusal is returned, never raised (unless
    ``debug``), and costs only its own input."""
    from pipeline.extract import Task, extract_each

    done: list[Outcome | None] = []
    read: list[tuple[int, Input, str, Document]] = []
    for item, release_id in items:
        try:
            document = read_file(item.file, max_bytes=steps.max_bytes, shown=item.shown)
        except InputError as err:
            done.append(Outcome(refused_entry(err), error=err))
            continue
        read.append((len(done), item, release_id, document))
        done.append(None)
    found = extract_each([Task(d.text, d.blocks, d.tables) for _, _, _, d in read])
    releases: list[tuple[int, Input, Document, Release]] = []
    for (at, item, release_id, document), extraction in zip(read, found, strict=True):
        try:
            if isinstance(extraction, Exception):
                raise extraction
            release = _record(document, release_id, extraction)
            if steps.annotate is not None:
                release = steps.annotate(release)
        except Exception as exc:
            if steps.debug:
                raise
            failed = _internal(item.shown, exc)
            done[at] = Outcome(refused_entry(failed, document), error=failed)
            continue
        releases.append((at, item, document, release))
    for at, item, document, release in releases:
        result = release if steps.prepare is None else steps.prepare(release)
        entry = extracted_entry(item.shown, document, release)
        done[at] = Outcome(entry, result, warned=bool(release.warnings))
    return [outcome for outcome in done if outcome is not None]


# Inputs read and extracted together, stage by stage, in one process (see extract_inputs).
BATCH = 64


def outcomes(
    inputs: Sequence[Input],
    runs: Sequence[range],
    ids: ReleaseIds,
    steps: Steps,
    workers: Workers | None = None,
    chunks: Chunks | None = None,
) -> Generator[Outcome, None, None]:
    """The outcome of every input at the positions ``runs`` cover, in order: here, or in the
    ``workers``' processes, in chunks that never span two runs (see :mod:`pipeline.jobs`)."""
    if workers is None or sum(map(len, runs)) < 2:
        for run_ in runs:
            for first in range(run_.start, run_.stop, BATCH):
                batch = range(first, min(first + BATCH, run_.stop))
                yield from extract_inputs([(inputs[at], ids.at(at)) for at in batch], steps)
        return
    yield from workers.outcomes(inputs, runs, ids, steps, chunks)


@contextmanager
def _workers(
    jobs: int, annotate: Callable[[Release], Release] | None, given: Workers | None
) -> Iterator[Workers | None]:
    # The workers given (started by the caller), else with jobs > 1 the run's own, started
    # before the inputs are found (see pipeline.jobs). Given ones are ended here too when the
    # run stops on an error or a signal: they write into the output's temporary folder, which
    # the caller's writer then removes, so they must be gone first (a worker still writing
    # left the folder behind).
    if given is not None:
        try:
            yield given
        except BaseException:
            given.close()
            raise
        return
    if jobs == 1:
        yield None
        return
    from pipeline.jobs import Workers

    with Workers(jobs, annotate) as workers:
        yield workers


def run(
    paths: Sequence[Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_error: Callable[[InputError], None] | None = None,
    sink: Callable[[Any], None] | None = None,
    debug: bool = False,
    on_progress: OnProgress | None = None,
    reuse: Reuse | None = None,
    jobs: int = 1,
    annotate: Callable[[Release], Release] | None = None,
    prepare: Callable[[Release], Any] | None = None,
    model: str | None = None,
    on_entry: Callable[[dict[str, Any]], None] | None = None,
    chunks: Chunks | None = None,
    workers: Workers | None = None,
) -> RunReport:
    """Read and extract every input; refused inputs are reported, never raised.

    Args:
        paths: files and folders, as given.
        max_bytes: inputs larger than this are refused.
        on_error: called with each refusal as it happens (the CLI prints it).
        sink: called with each release as soon as it is extracted, in input order (the CLI
            writes it, see :class:`pipeline.export.OutputWriter`); the report then keeps
            counts, not records.
        debug: let unexpected exceptions propagate (with their traceback).
        on_progress: called after each input with the number done and the total.
        reuse: takes an input's earlier record when it need not be extracted again.
        jobs: worker processes that read and extract (1: none, all in this process).
        annotate: applied to each release after extraction (see :class:`Steps`).
        prepare: applied to each release before the sink gets it (see :class:`Steps`).
        model: the name of the model ``annotate`` runs, for the manifest.
        on_entry: called with each input's manifest entry, in path order, instead of keeping
            it (the writer spills them to a file: see
            :meth:`pipeline.export.OutputWriter.add_entry`; with ``chunks``, the chunk carries
            its inputs' entries); ``report.manifest["inputs"]`` then holds only the refusals
            met before any input was read.
        chunks: with ``jobs`` > 1, workers hand on chunks of releases, not each release.
        workers: the worker processes to use, started by the caller (who ends them; the run
            ends them first if it stops on an error), with ``annotate``; None: with ``jobs``
            > 1 the run starts its own.
    """
    started = now()
    options = record_options(max_bytes, model)  # before any input: the code that extracts them
    report = RunReport()
    entries: list[dict[str, Any]] = []
    found_refused: list[dict[str, Any]] = []  # refused while finding inputs (not in path order)
    add_entry = entries.append if on_entry is None else on_entry

    def refuse(err: InputError, entry: dict[str, Any] | None) -> None:
        report.errors.append(err)
        if entry is not None:  # None: written with its chunk
            add_entry(entry)
        if on_error:
            on_error(err)

    steps = Steps(max_bytes, debug, annotate, prepare)
    with _workers(jobs, annotate, workers) as pool:
        inputs, errors = find_inputs(paths)
        ids = release_ids(inputs)
        for err in errors:
            report.errors.append(err)
            found_refused.append(refused_entry(err))
            if on_error:
                on_error(err)
        # Unchanged inputs are found first, so that the others can go to the workers at once;
        # every input is then written in input order.
        earlier = {}
        if reuse is not None:
            for at, item in enumerate(inputs):
                found = reuse.check(item, ids.at(at))
                if found is not None:
                    earlier[item.shown] = found
        runs = _runs_to_extract(inputs, earlier)
        with closing(outcomes(inputs, runs, ids, steps, pool, chunks)) as results:
            for done, item in enumerate(inputs, 1):
                if reuse is not None and item.shown in earlier:
                    reused = reuse.take(item, earlier.pop(item.shown))
                    report.reused += 1
                    report.extracted += 1
                    report.with_warnings += bool(reused.warnings)
                    add_entry(reused_entry(item.shown, reused))
                else:
                    outcome = next(results)
                    if outcome.error is not None:
                        refuse(outcome.error, outcome.entry)
                    else:
                        if sink is None:
                            report.releases.append(outcome.result)
                        elif outcome.result is not None:  # None: written with its chunk
                            sink(outcome.result)
                        report.extracted += 1
                        report.with_warnings += outcome.warned
                        if outcome.entry is not None:  # None: written with its chunk
                            add_entry(outcome.entry)
                if on_progress:
                    on_progress(done, len(inputs))
    # A stable sort: refusals found before any input was read go first among equals. With
    # ``on_entry``, only they are left here (few: paths given that are missing, say); the
    # writer merges them with the entries it was handed, in the same order.
    entries = sorted(found_refused + entries, key=_path)
    report.manifest = {
        "tool": "pipeline",
        **{k: options[k] for k in ("version", "contract", "code_fingerprint")},
        **({"model": model} if model is not None else {}),
        "started_at": started,
        "finished_at": now(),
        "max_bytes": max_bytes,
        "inputs": entries,
    }
    return report


def _path(entry: dict[str, Any]) -> str:
    return str(entry["path"])


def _runs_to_extract(inputs: Sequence[Input], reused: dict[str, Any]) -> list[range]:
    # The positions of the inputs to extract, in runs between reused ones (a worker's chunk
    # never spans a reused input: its files are written together).
    if not reused:
        return [range(len(inputs))]
    runs, start = [], 0
    for at, item in enumerate(inputs):
        if item.shown in reused:
            runs.append(range(start, at))
            start = at + 1
    runs.append(range(start, len(inputs)))
    return [run_ for run_ in runs if run_]


def extract_to(
    paths: Sequence[Path],
    out: Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    xlsx: bool = False,
    on_error: Callable[[InputError], None] | None = None,
    debug: bool = False,
    on_progress: OnProgress | None = None,
    incremental: bool = False,
    jobs: int = 1,
    annotate: Callable[[Release], Release] | None = None,
    model: str | None = None,
    workers: Workers | None = None,
) -> RunReport:
    """The main job (``pipeline extract``): extract every input and write the contract files.

    Each release is written as soon as it is extracted, into a temporary folder that replaces
    ``out`` only once everything is written (see :class:`pipeline.export.OutputWriter`).
    The files' bytes are made where the release is extracted; with ``jobs`` > 1 a worker also
    writes each release's JSON file and its chunk's share of the other files, which this
    process copies in, in input order (see :mod:`pipeline.chunks`). With ``incremental``, the
    releases of unchanged inputs are taken from the output already in ``out`` (see
    :mod:`pipeline.incremental`); ``report.reused`` counts them. ``workers``: as for
    :func:`run` (``pipeline extract`` starts them before it loads anything else).

    Raises:
        PipelineError: ``out`` cannot be replaced (see :func:`pipeline.export.check_out`).
        OSError: the output could not be written; ``out`` is left as it was.
    """
    from pipeline import export

    previous, reuse_note = (
        _previous_output(out, record_options(max_bytes, model)) if incremental else (None, "")
    )
    processes = 1  # with --jobs, as many remove the output replaced (see export)
    if jobs != 1:
        from pipeline.jobs import cores

        processes = jobs or cores()
    with export.OutputWriter(out, xlsx=xlsx, processes=processes) as writer:
        report = run(
            paths,
            max_bytes=max_bytes,
            on_error=on_error,
            sink=writer.add_rendered,
            debug=debug,
            on_progress=on_progress,
            reuse=previous.reuser(writer) if previous else None,
            jobs=jobs,
            annotate=annotate,
            prepare=partial(export.render_release, rows=xlsx),
            model=model,
            on_entry=writer.add_entry,
            chunks=None if jobs == 1 else _chunks(writer),
            workers=workers,
        )
        report.reuse_note = reuse_note
        errors = [{"path": e.path, "code": e.code, "message": e.detail} for e in report.errors]
        writer.finish(errors, report.manifest)
    return report


def _chunks(writer: OutputWriter) -> Chunks:
    # Workers write each release's JSON file and a chunk's other bytes into the writer's folder.
    from pipeline.chunks import pack_chunk, place_chunk

    folder = str(writer.tmp)
    return Chunks(
        partial(pack_chunk, folder=folder), writer.add_chunk, partial(place_chunk, folder=folder)
    )


def _previous_output(out: Path, options: dict[str, Any]) -> tuple[Previous | None, str]:
    from pipeline.incremental import load_previous

    return load_previous(out, options)
