"""``--jobs N``: the same files as one process, a failing input costing only itself, and every
stop (Ctrl-C, SIGTERM, SIGKILL) keeping the README's promises with no worker left running."""

from __future__ import annotations

import dataclasses
import itertools
import json
import os
import select
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import core, export
from pipeline.cli import app
from pipeline.read import read_file

from .conftest import FAIL_MARK, FIXTURES, SEED, tree_hashes
from .test_core import TEXT

ROOT = Path(__file__).resolve().parents[1]
SEED_FILE = next(SEED.glob("*.txt"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every known release, several times over."""
    folder = tmp_path_factory.mktemp("corpus")
    sources = [SEED_FILE, *sorted(FIXTURES.iterdir())]
    for i in range(3 * len(sources)):
        source = sources[i % len(sources)]
        shutil.copy(source, folder / f"r{i:03d}{source.suffix}")
    return folder


@pytest.mark.parametrize("jobs", ["2", "3", "0"])
def test_jobs_write_the_same_files_as_one_process(tmp_path: Path, corpus: Path, jobs: str) -> None:
    from typer.testing import CliRunner

    runner = CliRunner()
    refused = tmp_path / "refused"
    refused.mkdir()
    (refused / "empty.txt").write_bytes(b"")
    inputs = [str(corpus), str(refused)]
    for name, n in [("one", "1"), ("many", jobs)]:
        result = runner.invoke(
            app, ["extract", *inputs, "-o", str(tmp_path / name), "-j", n, "--xlsx", "-q"]
        )
        assert result.exit_code == 1  # the empty input
        assert result.stderr.count("error: ") == 1
    one, many = tree_hashes(tmp_path / "one"), tree_hashes(tmp_path / "many")
    del one["manifest.json"], many["manifest.json"]  # they differ in their timestamps only
    assert one == many
    manifests = [
        json.loads((tmp_path / name / "manifest.json").read_text("utf-8"))
        for name in ("one", "many")
    ]
    for m in manifests:
        del m["started_at"], m["finished_at"]
    assert manifests[0] == manifests[1]


def test_with_jobs_only_the_workers_load_the_extractors(tmp_path: Path, corpus: Path) -> None:
    # They load them while the parent finds the inputs; the parent has no use for them.
    code = (
        "import sys; from pathlib import Path; from pipeline import core; "
        "core.extract_to([Path(sys.argv[1])], Path(sys.argv[2]), jobs=2); "
        "print('pipeline.extract' in sys.modules)"
    )
    argv = [sys.executable, "-c", code, str(corpus), str(tmp_path / "out")]
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, check=True)
    assert done.stdout == "False\n"
    assert len(list((tmp_path / "out" / "json").iterdir())) == len(list(corpus.iterdir()))


def test_given_files_no_more_workers_start_than_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The command starts its workers before it finds the inputs; given files only, it knows
    # there are at most that many (given one, it extracts it itself).
    from typer.testing import CliRunner

    from pipeline import jobs

    started: list[int] = []
    init = jobs.Workers.__init__

    def counting(self: jobs.Workers, n: int, annotate: object = None) -> None:
        started.append(n)
        init(self, n, annotate)  # type: ignore[arg-type]

    monkeypatch.setattr(jobs.Workers, "__init__", counting)
    files = [tmp_path / f"r{i}.txt" for i in range(3)]
    for file in files:
        file.write_text(TEXT, encoding="utf-8")
    for given, out, written in [(files, "a", 3), (files[:1], "b", 1), ([tmp_path], "c", 3)]:
        args = ["extract", *map(str, given), "-o", str(tmp_path / "out" / out), "-j", "8", "-q"]
        assert CliRunner().invoke(app, args).exit_code == 0
        assert len(list((tmp_path / "out" / out / "json").iterdir())) == written
    assert started == [3, 8]  # none for one file; for a folder, as many as asked for


@pytest.mark.parametrize(
    ("failing", "reason"),
    [("second worker", "Resource temporarily unavailable"), ("queue", "Too many open files")],
)
def test_workers_that_cannot_start_are_one_line(
    tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch, failing: str, reason: str
) -> None:
    # A limit on processes or open files reached: the second worker cannot be forked, or
    # the queue of chunks cannot be made. A worker already started is ended, and the command
    # says so in one line, with nothing written.
    import multiprocessing.context
    import multiprocessing.process

    from typer.testing import CliRunner

    from pipeline import jobs

    start = multiprocessing.process.BaseProcess.start
    started: list[multiprocessing.process.BaseProcess] = []

    def second_fails(self: multiprocessing.process.BaseProcess) -> None:
        if started:
            raise BlockingIOError(11, reason)
        start(self)
        started.append(self)

    def no_queue(self: object) -> None:
        raise OSError(24, reason)

    def no_fork() -> int:  # in the first worker, which forks the others (Linux)
        raise BlockingIOError(11, reason)

    if failing == "queue":
        monkeypatch.setattr(multiprocessing.context.BaseContext, "SimpleQueue", no_queue)
    else:
        monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", second_fails)
        monkeypatch.setattr(jobs, "_fork", no_fork)
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["extract", str(corpus), "-o", str(out), "-j", "2", "-q"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: cannot start 2 worker processes ({reason}); run with fewer --jobs\n"
    )
    assert not out.exists()
    ended = [] if failing == "queue" else [-signal.SIGTERM]  # the first worker, if any
    assert [p.exitcode for p in started] == ended


@pytest.mark.parametrize(("files", "jobs"), [(1, 2), (2, 3)])
def test_workers_with_no_work_end_and_the_rest_is_written(
    tmp_path: Path, files: int, jobs: int
) -> None:
    # The workers start before the inputs are found: one input is extracted here, and a
    # worker with no chunk to take is told to end.
    import multiprocessing

    for i in range(files):
        (tmp_path / f"r{i}.txt").write_text(TEXT, encoding="utf-8")
    report = core.run([tmp_path], jobs=jobs)
    assert [r.release_id for r in report.releases] == [f"r{i}" for i in range(files)]
    assert multiprocessing.active_children() == []


@pytest.mark.usefixtures("quotes_fail_on_mark")  # set before the workers are forked
def test_a_failing_input_costs_only_itself_in_a_worker(tmp_path: Path) -> None:
    for i in range(12):
        extra = FAIL_MARK if i % 4 == 1 else ""
        (tmp_path / f"r{i:02d}.txt").write_text(TEXT + extra, encoding="utf-8")
    report = core.run([tmp_path], jobs=2)
    assert [r.release_id for r in report.releases] == [f"r{i:02d}" for i in range(12) if i % 4 != 1]
    assert [(e.path.rsplit("/", 1)[-1], e.code) for e in report.errors] == [
        ("r01.txt", "internal"),
        ("r05.txt", "internal"),
        ("r09.txt", "internal"),
    ]
    statuses = [e["status"] for e in report.manifest["inputs"]]
    assert statuses == ["error" if i % 4 == 1 else "ok" for i in range(12)]


def test_chunks_between_reused_releases_keep_the_input_order(
    tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """--incremental: inputs to extract again lie between reused ones, one or several in a
    row; the workers' chunks of them go in their places."""
    from pipeline import jobs

    monkeypatch.setattr(jobs, "IN_FLIGHT", 1)  # chunks of up to 6 of the 12 inputs
    inputs = tmp_path / "inputs"
    shutil.copytree(corpus, inputs)
    out = tmp_path / "out"
    core.extract_to([inputs], out, jobs=2)
    files = sorted(inputs.iterdir())
    for at in [0, 1, 2, 7, 20, 21, 22, 23, 24, 40, len(files) - 1]:
        files[at].write_bytes(files[at].read_bytes() + b"\nInspectors read 7 more files.\n")
    (inputs / "r010b.txt").write_text(TEXT, encoding="utf-8")  # a new input among reused ones
    again = core.extract_to([inputs], out, incremental=True, jobs=2)
    assert again.reused == again.extracted - 12
    full = tmp_path / "full"
    core.extract_to([inputs], full)
    one, many = tree_hashes(full), tree_hashes(out)
    del one["manifest.json"], many["manifest.json"]  # they differ in their timestamps only
    assert one == many
    manifests = [json.loads((f / "manifest.json").read_text("utf-8")) for f in (full, out)]
    for m in manifests:
        del m["started_at"], m["finished_at"]
    assert manifests[0] == manifests[1]


@pytest.mark.usefixtures("quotes_fail_on_mark")
def test_with_debug_an_error_in_a_worker_is_raised_with_its_traceback(tmp_path: Path) -> None:
    from pipeline.jobs import InWorker

    for i in range(6):
        (tmp_path / f"r{i}.txt").write_text(TEXT + (FAIL_MARK if i == 4 else ""), "utf-8")
    with pytest.raises(RuntimeError, match="extractor broke") as caught:
        core.extract_to([tmp_path], tmp_path / "out", jobs=2, debug=True)
    assert isinstance(caught.value.__cause__, InWorker)
    assert "breaks_on_mark" in str(caught.value.__cause__)  # where it was raised
    assert not (tmp_path / "out").exists()


def test_a_run_stopped_ends_its_given_workers_before_its_folder_is_removed(
    tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The workers write into the output's temporary folder: a run stopped on an error or a
    # signal must end them before the writer removes that folder, even when the caller
    # started them (as `pipeline extract` does), or a worker still writing leaves it behind.
    from pipeline.jobs import Workers

    events: list[str] = []
    close_workers, close_writer = Workers.close, export.OutputWriter.close

    def workers_closed(self: Workers) -> None:
        events.append("workers")
        close_workers(self)

    def writer_closed(self: export.OutputWriter) -> None:
        events.append("writer")
        close_writer(self)

    def stop(done: int, total: int) -> None:
        if done == 5:
            raise KeyboardInterrupt  # as a signal handler's exception would arrive

    monkeypatch.setattr(Workers, "close", workers_closed)
    monkeypatch.setattr(export.OutputWriter, "close", writer_closed)
    out = tmp_path / "out"
    with Workers(2) as workers, pytest.raises(KeyboardInterrupt):
        core.extract_to([corpus], out, jobs=2, workers=workers, on_progress=stop)
    assert events[:2] == ["workers", "writer"]
    assert not out.exists()
    assert not list(tmp_path.glob(".out.tmp-*"))


def test_a_worker_refuses_an_unsafe_or_repeated_release_id(tmp_path: Path) -> None:
    from pipeline.chunks import pack_chunk
    from pipeline.errors import PipelineError

    (tmp_path / "json").mkdir()
    release = core.extract_document(read_file(SEED_FILE), "seed")
    pack_chunk([export.render_release(release)], folder=str(tmp_path))
    for rid in ["seed", "../seed", ".."]:  # already written; outside the folder; no name
        rendered = export.render_release(dataclasses.replace(release, release_id=rid))
        with pytest.raises(PipelineError, match="unsafe as a file name or not unique"):
            pack_chunk([rendered], folder=str(tmp_path))
    assert sorted(p.name for p in tmp_path.rglob("*.json")) == ["seed.json"]


# --- stops: the run pauses at a known point (tests/paused_run.py), then is signalled ---------


@pytest.fixture
def previous_output(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    report = core.run([SEED])
    export.write_outputs(out, report.releases, [], report.manifest)
    return out


def start(corpus: Path, out: Path, phase: str) -> subprocess.Popen[str]:
    # A session of its own: a Ctrl-C at a terminal goes to the whole process group.
    # "writing" pauses before the workbook, so it needs one.
    options = ["-j", "2", *(["--xlsx"] if phase == "writing" else [])]
    return subprocess.Popen(
        [sys.executable, "-m", "tests.paused_run", phase, str(corpus), "-o", str(out), *options],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def paused(corpus: Path, out: Path, phase: str) -> tuple[subprocess.Popen[str], list[int]]:
    """A run of ``corpus`` into ``out`` (:func:`start`) at its pause, and its worker processes
    there: two while extracting; none left once every release is written."""
    proc = start(corpus, out, phase)
    assert proc.stderr is not None
    line = proc.stderr.readline()
    assert line == "paused\n", line + proc.stderr.read()
    workers = descendants(proc.pid)
    assert len(workers) == (2 if phase == "extracting" else 0), workers
    return proc, workers


def descendants(pid: int) -> list[int]:
    """The processes under ``pid``, children first (on Linux the first worker forks the
    others: they are its children)."""
    children = [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    return children + [d for child in children for d in descendants(child)]


def assert_gone(pids: list[int]) -> None:
    """Each worker has ended (waiting on its exit, never a fixed time)."""
    for pid in pids:
        try:
            fd = os.pidfd_open(pid)
        except ProcessLookupError:
            continue
        try:
            ready, _, _ = select.select([fd], [], [], 60)
            assert ready, f"worker {pid} still running"
        finally:
            os.close(fd)


needs_linux = pytest.mark.skipif(
    not sys.platform.startswith("linux") or not hasattr(os, "pidfd_open"),
    reason="finds the workers through /proc and waits on them with pidfd_open (Linux)",
)


@needs_linux
@pytest.mark.parametrize(
    ("stop", "phase"),
    [("ctrl-c", "extracting"), ("sigterm", "extracting"), ("ctrl-c", "writing")],
)
def test_ctrl_c_and_sigterm_stop_every_worker_cleanly(
    corpus: Path, previous_output: Path, stop: str, phase: str
) -> None:
    before = tree_hashes(previous_output)
    proc, workers = paused(corpus, previous_output, phase)
    if stop == "ctrl-c":
        os.killpg(proc.pid, signal.SIGINT)  # as a terminal does: the workers get it too
    else:
        proc.send_signal(signal.SIGTERM)
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr
    assert stderr.splitlines() == [
        f"error: interrupted; {previous_output.as_posix()}/ is left as it was"
    ]
    assert stdout == ""
    assert tree_hashes(previous_output) == before
    assert not list(previous_output.parent.glob(".out.tmp-*"))
    assert_gone(workers)


@needs_linux
def test_sigkill_leaves_the_previous_output_and_no_worker(
    corpus: Path, previous_output: Path
) -> None:
    before = tree_hashes(previous_output)
    proc, workers = paused(corpus, previous_output, "extracting")
    proc.kill()
    proc.communicate(timeout=120)
    assert_gone(workers)
    assert tree_hashes(previous_output) == before
    export.recover(previous_output)  # what the next run does first
    assert not list(previous_output.parent.glob(".out.tmp-*"))


@needs_linux
@pytest.mark.parametrize("killed", [0, 1])  # the first worker, or the one it forked
def test_a_worker_killed_stops_the_run_and_leaves_the_previous_output(
    corpus: Path, previous_output: Path, killed: int
) -> None:
    before = tree_hashes(previous_output)
    proc, workers = paused(corpus, previous_output, "extracting")
    os.kill(workers[killed], signal.SIGKILL)  # as the kernel's out-of-memory killer would
    assert_gone(workers[killed : killed + 1])
    stdout, stderr = proc.communicate(timeout=120)  # no hang on the work it had
    assert stdout == ""
    assert proc.returncode == 2, stderr
    assert stderr.splitlines() == [
        "error: a worker process was ended by signal 9 (Killed) with work undone, and the run "
        "stopped; run again (with fewer --jobs if memory is short)"
    ]
    assert tree_hashes(previous_output) == before
    assert not list(previous_output.parent.glob(".out.tmp-*"))
    assert_gone(workers)


@pytest.mark.parametrize("ahead", [1, 3])
def test_grid_lines_made_as_chunks_come_in_are_those_of_one_process(
    tmp_path: Path, corpus: Path, ahead: int
) -> None:
    # Chunks of one to three releases, so that later chunks add grid columns: the lines made
    # before then gain their empty fields at the end. A chunk naming only columns the worker
    # was told of has its lines made by the worker, the others by the writer; with ``ahead``
    # chunks packed before the first of them is placed, as a busy worker does, the worker is
    # told of some columns twice.
    from pipeline.chunks import close_files, pack_chunk, place_chunk

    releases = core.run([corpus]).releases  # each release three times: columns met again
    rendered = [export.render_release(r) for r in releases]
    manifest = {"tool": "pipeline", "inputs": []}
    with export.OutputWriter(tmp_path / "one") as writer:
        for r in rendered:
            writer.add_rendered(r)
        writer.finish([], manifest)
    widths, made_by = [], []
    with export.OutputWriter(tmp_path / "many") as writer:
        sizes = itertools.cycle([1, 3, 2])
        starts = list(itertools.accumulate(itertools.islice(sizes, len(rendered)), initial=0))
        spans = [(a, b) for a, b in itertools.pairwise(starts) if a < len(rendered)]
        packed = []
        for number, (a, b) in enumerate(spans):
            packed.append(pack_chunk(rendered[a:b], folder=str(writer.tmp)))
            if len(packed) == ahead or number == len(spans) - 1:
                for chunk in packed:
                    place_chunk(writer.add_chunk(chunk), folder=str(writer.tmp))
                    widths.append(len(writer._columns.spelling))
                    made_by.append("worker" if chunk.lines_width is not None else "writer")
                packed = []
        close_files()
        writer.finish([], manifest)
    assert len(set(widths)) > 3  # columns were added after the first chunks' lines were made
    assert {"worker", "writer"} <= set(made_by)
    assert tree_hashes(tmp_path / "one") == tree_hashes(tmp_path / "many")


def test_jobs_write_the_same_grids_as_one_process_without_a_workbook(
    tmp_path: Path, corpus: Path
) -> None:
    for name, jobs in [("one", 1), ("many", 2)]:
        core.extract_to([corpus], tmp_path / name, jobs=jobs)
    one, many = tree_hashes(tmp_path / "one"), tree_hashes(tmp_path / "many")
    del one["manifest.json"], many["manifest.json"]  # they differ in their timestamps only
    assert one == many


def test_workers_started_by_spawn_write_the_same_files(
    tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Where the OS has no fork, a worker is given its work pickled: what it needs to pack and
    # place its chunks, never the parent's writer.
    import multiprocessing

    from pipeline import jobs

    monkeypatch.setattr(jobs, "_context", lambda: multiprocessing.get_context("spawn"))
    for name, n in [("one", 1), ("many", 2)]:
        core.extract_to([corpus], tmp_path / name, jobs=n, xlsx=True)
    one, many = tree_hashes(tmp_path / "one"), tree_hashes(tmp_path / "many")
    del one["manifest.json"], many["manifest.json"]  # they differ in their timestamps only
    assert one == many


@pytest.mark.parametrize(
    "cells",
    [
        [("b", "Good {1}", 2), ("a", "=Outstanding", None), ("c", '"Requires" work', 3)],
        [("c", "Good", 2), ("c", "Repeated {0}", 1), ("a", "Fair, mostly", 1)],
        [],
    ],
)
def test_a_grid_line_filled_into_its_shape_is_the_line_grid_lines_makes(
    cells: list[tuple[str, str, int | None]],
) -> None:
    # The shape is a str.format template: braces in the fields must come out as written.
    from pipeline.chunks import grid_row
    from pipeline.csvtext import grid_lines

    head = ["rel-{0}", "Title {} with, a comma", None, "four-point"]
    positions = {"a": 0, "x": 1, "b": 2, "c": 3, "y": 4}
    row = grid_row(head, cells)
    shape = export._line_format(row.keys, positions, len(positions))
    made = shape.format(row.head, *row.grades), shape.format(row.head, *row.ranks)
    assert made == grid_lines(head, cells, positions)


# --- started by the console script before its command line (pipeline.launch) ---------------


@pytest.mark.parametrize(
    ("argv", "asked"),
    [
        (["extract", "raw", "--jobs", "2"], 2),
        (["extract", "-j", "3", "raw"], 3),
        (["extract", "raw", "--jobs=4"], 4),
        (["extract", "raw", "-j2"], 2),
        (["extract", "raw", "-j", "0"], 0),  # one per core
        (["extract", "raw", "-j", "2", "-j", "3"], 3),  # the last, as the parser takes it
        (["extract", "raw", "--jobs", "1"], None),
        (["extract", "raw"], None),
        (["extract", "raw", "--jobs"], None),
        (["extract", "raw", "--jobs", "two"], None),
        (["extract", "raw", "--jobs", "-2"], None),
        (["extract", "raw", "--jobs", "²"], None),
        (["extract", "raw", "-j", "2", "--model", "en_core_web_sm"], None),
        (["extract", "raw", "-j", "2", "--model=en_core_web_sm"], None),
        (["extract", "-", "-j", "2"], None),
        (["extract", "-j", "2", "--help"], None),
        (["extract", "--", "-j", "2"], None),  # a file named -j
        (["diff", "a", "b", "-j", "2"], None),
        ([], None),
    ],
)
def test_the_console_script_reads_jobs_ahead_of_the_parser(argv: list[str], asked: int) -> None:
    from pipeline.launch import jobs_asked

    assert jobs_asked(argv) == asked


@pytest.mark.parametrize(("given", "jobs"), [("folder", "2"), ("folder", "3"), ("one file", "2")])
def test_workers_started_before_the_command_line_write_the_same_files(
    tmp_path: Path, corpus: Path, given: str, jobs: str
) -> None:
    # The console script starts them before the command line is loaded; the command takes
    # them when it asks for as many, and otherwise ends them (one file: extracted here).
    inputs = [str(corpus)] if given == "folder" else [str(next(corpus.iterdir()))]
    for name, n in [("one", "1"), ("many", jobs)]:
        argv = [sys.executable, "-m", "pipeline", "extract", *inputs, "-o", str(tmp_path / name)]
        done = subprocess.run([*argv, "-j", n, "-q"], cwd=ROOT, capture_output=True, text=True)
        assert (done.returncode, done.stderr) == (0, "")
    one, many = tree_hashes(tmp_path / "one"), tree_hashes(tmp_path / "many")
    del one["manifest.json"], many["manifest.json"]
    assert one == many


def test_workers_started_before_a_usage_error_end_with_it(tmp_path: Path, corpus: Path) -> None:
    # The run returns once every process that holds its stderr has ended: the workers too.
    argv = [sys.executable, "-m", "pipeline", "extract", str(corpus), "-j", "2", "--no-such"]
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 2
    assert "No such option: --no-such" in done.stderr
