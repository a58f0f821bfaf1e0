"""``--jobs N``: worker processes read, extract and write; the parent keeps the input order.

Inputs go to the workers in chunks, and only a few chunks per worker are in flight at once,
so memory stays flat however many inputs there are. A worker does the whole of its chunk's
work (:func:`pipeline.core.extract_inputs`, with ``prepare`` making the files' bytes) and a
failing input is refused there, costing only itself. With :class:`pipeline.core.Chunks` (as
``pipeline extract`` runs), the worker then packs its chunk: it writes each release's JSON
file itself and holds the rest of the chunk's bytes; when the chunk's turn comes, in input
order, the parent tells it where in each file they go, and it writes them there
(:mod:`pipeline.chunks`). What the parent does per release is then a small fraction of what
a worker does, and two workers come close to twice as fast as one. A worker ends once it has
written all it holds, and says so: the run waits for that before its output is finished.

The workers are started first (:class:`Workers`; the console script starts them before it
loads the command line, :func:`start_early`): they load the extractors while the parent
loads the rest and finds the inputs, and the parent never loads the extractors at all. With
fork on Linux, the first worker loads them and then forks the others
(:func:`_first_worker`): their patterns are compiled once, not once per worker, while the
parent is busy with its own start, so that every worker has its first chunk sooner. The
parent stands for a worker that is not its own child by a pidfd (:class:`_Forked`).

The workers take chunks from one queue (a worker never waits while there is work) and each
sends its results on its own pipe; the parent waits on those pipes and on the workers' ends,
with no threads of its own (``multiprocessing.Pool``'s threads took more of the parent's time
than its own work, and a Pool waits for ever on a worker that was killed).

Stopping: the workers ignore Ctrl-C (the terminal sends it to them too) and leave the stop
to the parent, which ends them (SIGTERM) before it removes its temporary folder; and on
Linux each worker is killed by the kernel the moment the parent dies, even by SIGKILL
(``PR_SET_PDEATHSIG``; a worker forked by the first dies with the first, which waits for it
before it ends), so that no worker outlives the run. A worker that ends with work
undone (the kernel's out-of-memory killer, say) stops the run: :class:`WorkerDied`.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import itertools
import multiprocessing
import os
import pickle
import select
import signal
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from multiprocessing.connection import wait
from multiprocessing.reduction import ForkingPickler
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.errors import PipelineError

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.context import ForkContext, SpawnContext
    from multiprocessing.process import BaseProcess
    from multiprocessing.queues import SimpleQueue

    from pipeline.core import Chunks, Outcome, Steps
    from pipeline.inputs import Input, ReleaseIds
    from pipeline.model import Release

_Chunk = tuple[int, int]  # the inputs at positions start to stop
# A worker's pipes: its results (reading end, writing end), where its parts go (the same).
_Ends = tuple["Connection", "Connection", "Connection", "Connection"]
CHUNK = 32  # inputs per chunk at most: little work per chunk, yet an even share per worker
IN_FLIGHT = 4  # chunks per worker waiting or running at once
_PR_SET_PDEATHSIG = 1


@dataclass(frozen=True, slots=True)
class _Work:
    """What a worker does, given once the parent has found the inputs (pickled: a few bytes
    besides the inputs; a ``--model``'s ``annotate`` is the worker's own, given at its start)."""

    steps: Steps
    # With chunks, how to pack one and place its parts (not how the parent takes them).
    pack: Callable[[list[Any], list[dict[str, Any]]], Any] | None
    place: Callable[[Any], None] | None
    inputs: Sequence[Input]
    ids: ReleaseIds


_work_given: _Work | None = None  # set once in each worker, when its inputs come


def cores() -> int:
    """The cores this process may run on (what ``--jobs 0`` asks for)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _die_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)  # the process's own symbols: libc's
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)


_STOPS = {signal.SIGINT, signal.SIGTERM}
_CAN_HOLD = hasattr(signal, "pthread_sigmask")  # not on Windows, which has no such signals


@contextlib.contextmanager
def _stops_held() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM while workers are forked; each arrives once let go. A worker
    ended before it set its own handlers would run the parent's, which raise in a copy of
    the parent's command. A worker lets them go when its handlers are set."""
    if not _CAN_HOLD:
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _STOPS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _start_worker(parent: int) -> None:
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what a Ctrl-C does
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent ends its workers with it
    if _CAN_HOLD:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPS)  # held while it was forked


def _extract_chunk(chunk: _Chunk) -> tuple[list[Outcome], Any]:
    """The chunk's outcomes, and with ``chunks`` its packed payload (each input's result and
    entry then None: the payload carries them)."""
    from pipeline.core import Outcome, extract_inputs

    work = _work_given
    assert work is not None
    done = extract_inputs([(work.inputs[at], work.ids.at(at)) for at in range(*chunk)], work.steps)
    if work.pack is None:
        return done, None
    entries = [o.entry for o in done if o.entry is not None]  # each of them, made here
    payload = work.pack([o.result for o in done if o.error is None], entries)
    # The same two objects stand for every release written: pickled once each per chunk.
    written = {False: Outcome(None), True: Outcome(None, warned=True)}
    handed = [written[o.warned] if o.error is None else Outcome(None, error=o.error) for o in done]
    return handed, payload


def _forks_others(ctx: ForkContext | SpawnContext) -> bool:
    """Whether the first worker forks the others (:func:`_first_worker`): with fork, on Linux,
    where the parent can stand for a process that is not its child by a pidfd."""
    return (
        ctx.get_start_method() == "fork"
        and sys.platform.startswith("linux")
        and hasattr(os, "pidfd_open")
        and hasattr(signal, "pidfd_send_signal")
    )


def _context() -> ForkContext | SpawnContext:
    # fork: the workers start at once with what the parent loaded (a --model too); spawn
    # where the OS has no fork.
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


class Workers:
    """``jobs`` worker processes (0: one per core), started as early as the command can: each
    loads the extractors (which the parent never needs) while the parent loads the rest and
    finds the inputs, then is given its work (:meth:`outcomes`). ``annotate`` (``--model``'s)
    is given at the start, so that a forked worker has the parent's loaded model. :meth:`close`
    ends any still running.
    """

    def __init__(self, jobs: int, annotate: Callable[[Release], Release] | None = None) -> None:
        self.annotate = annotate
        ctx = _context()
        self._started: list[_Worker] = []
        self._pids: Connection | None = None  # with workers forked by the first, their pids
        jobs = jobs or cores()
        try:
            self._todo: SimpleQueue[Any] = ctx.SimpleQueue()  # (number, chunk), or None: stop
        except OSError as exc:  # no pipe to be had (a limit reached, say)
            raise _cannot_start(jobs, exc) from exc
        try:
            with _stops_held():
                # Each worker's ends: its results (reading, writing), where its parts go (the
                # same).
                ends = [(*ctx.Pipe(duplex=False), *ctx.Pipe(duplex=False)) for _ in range(jobs)]
                if jobs > 1 and _forks_others(ctx):
                    self._start_from_first(ctx, ends)
                else:
                    for results, sending, told, telling in ends:
                        args = (self._todo, sending, told, annotate, os.getpid())
                        process = ctx.Process(target=_worker, args=args, daemon=True)
                        process.start()
                        sending.close()  # the worker's ends
                        told.close()
                        self._started.append(_Worker(process, results, telling))
        except OSError as exc:  # no process or pipe to be had
            self.close()
            raise _cannot_start(jobs, exc) from exc
        except BaseException:
            self.close()
            raise

    def _start_from_first(self, ctx: ForkContext | SpawnContext, ends: list[_Ends]) -> None:
        # The first worker loads the extractors, then forks the others (see _first_worker).
        self._pids, telling_pids = ctx.Pipe(duplex=False)
        worker_ends = [(sending, told) for _, sending, told, _ in ends]
        args = (self._todo, worker_ends, telling_pids, self.annotate, os.getpid())
        first = ctx.Process(target=_first_worker, args=args, daemon=True)
        try:
            first.start()
        except BaseException:
            for results, _, _, telling in ends:
                results.close()
                telling.close()
            raise
        finally:
            telling_pids.close()
            for _, sending, told, _ in ends:
                sending.close()
                told.close()
        for at, (results, _, _, telling) in enumerate(ends):
            process = first if at == 0 else _Forked()
            self._started.append(_Worker(process, results, telling))

    def _forked(self) -> None:
        """Wait until the first worker has forked the others, and take their pids.

        Raises:
            PipelineError: one could not be forked (a limit on processes reached, say).
            WorkerDied: the first worker ended before.
        """
        assert self._pids is not None
        for worker in self._started[1:]:
            assert isinstance(worker.process, _Forked)
            try:
                pid = self._pids.recv()
            except EOFError:
                raise _died(self._started[0].process) from None
            if isinstance(pid, OSError):
                raise _cannot_start(len(self._started), pid)
            try:
                worker.process.attach(pid)
            except ProcessLookupError:
                raise _died(worker.process) from None

    @property
    def count(self) -> int:
        """How many were started."""
        return len(self._started)

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def outcomes(
        self,
        inputs: Sequence[Input],
        runs: Sequence[range],
        ids: ReleaseIds,
        steps: Steps,
        chunks: Chunks | None = None,
    ) -> Iterator[Outcome]:
        """The outcome of every input at the positions ``runs`` cover, in order, in chunks
        that never span two runs, each input done by ``steps`` (whose ``annotate`` must be
        the workers' own). With ``chunks``, a worker packs each chunk and places its parts
        (see :class:`pipeline.core.Chunks`): each chunk's payload is taken (``chunks.write``)
        and its worker told where its parts go just before its first outcome is handed on;
        the last chunk's outcomes wait until every worker has written all it holds. Without,
        each outcome comes whole. Called once.

        Raises:
            WorkerDied: a worker ended with work undone (killed, say).
        """
        if steps.annotate is not self.annotate:
            raise ValueError("the workers were started with another annotate")
        pack, place = (None, None) if chunks is None else (chunks.pack, chunks.place)
        work = _Work(replace(steps, annotate=None), pack, place, inputs, ids)
        size = max(1, min(CHUNK, sum(map(len, runs)) // (len(self._started) * IN_FLIGHT)))
        # A chunk is named by its place in the inputs, which the workers were given: a few
        # bytes to send, so that sending one never waits.
        places = [(at, min(at + size, run.stop)) for run in runs for at in run[::size]]
        workers = self._started[: len(places)]  # no worker without work
        given = ForkingPickler.dumps(work)  # pickled once for them all
        if self._pids is not None:
            self._forked()
        for worker in self._started:
            _tell(worker, given if worker in workers else ForkingPickler.dumps(None))  # it ends
        tasks = enumerate(places)
        todo = self._todo
        sent = 0
        for task in itertools.islice(tasks, len(workers) * IN_FLIGHT):
            todo.put(task)
            sent += 1
        arrived: dict[int, tuple[_Worker, tuple[list[Outcome], Any]]] = {}  # ahead of their turn
        for number in itertools.count():
            if number == sent:
                break
            while number not in arrived:
                arrived.update(_receive(workers))
            worker, (done, payload) = arrived.pop(number)
            following = next(tasks, None)
            if following is not None:
                todo.put(following)
                sent += 1
            last = following is None and number + 1 == sent
            if last:  # every result is in: the workers end on their own
                for _ in workers:
                    todo.put(None)
            if chunks is not None:
                _tell(worker, ForkingPickler.dumps(chunks.write(payload)))
            if last:
                while not all(w.finished for w in workers):
                    _receive(workers)  # each writes what it holds, then says so
                for ended in self._started:  # each ends on its own, now or told to at the start
                    ended.process.join()
            yield from done

    def close(self) -> None:
        """End every worker still running (a finished one ends on its own) and wait for it:
        at the end, on an error, or on a stop. Workers forked by the first die with it: those
        whose pids had not yet come are waited for once it has ended."""
        for worker in self._started:
            if not worker.finished and worker.process.exitcode is None:
                worker.process.terminate()
        if self._started:
            self._started[0].process.join()
        if self._pids is not None:
            with contextlib.suppress(EOFError, OSError):  # every pid sent before it ended
                for worker in self._started[1:]:
                    assert isinstance(worker.process, _Forked)
                    if worker.process.pid is None:
                        found = self._pids.recv()
                        if not isinstance(found, OSError):
                            worker.process.attach(found)
            self._pids.close()
        for worker in self._started:
            worker.process.join()
            worker.results.close()
            worker.placements.close()
            if isinstance(worker.process, _Forked):
                worker.process.close()
        self._todo.close()


_early: Workers | None = None  # started by the console script before its command line


def start_early(jobs: int) -> None:
    """Start ``jobs`` workers (0: one per core) for :func:`take_early` (the console script,
    before the command line is loaded: see :func:`pipeline.launch.jobs_asked`). Workers that
    cannot start are left to the command, which says so."""
    global _early
    with contextlib.suppress(PipelineError):
        _early = Workers(jobs)
    atexit.register(discard_early)  # a command that never took them: a usage error, say


def take_early(jobs: int, annotate: Callable[[Release], Release] | None) -> Workers | None:
    """The workers :func:`start_early` started, if the command wants ``jobs`` > 1 of them
    (after ``--jobs 0`` and the files given are counted) with no ``annotate``; else None,
    and any are ended."""
    global _early
    early, _early = _early, None
    if early is not None and (jobs == 1 or early.count != jobs or annotate is not None):
        early.close()
        return None
    return early


def discard_early() -> None:
    """End the workers :func:`start_early` started that no command took."""
    take_early(1, None)


def _cannot_start(jobs: int, exc: OSError) -> PipelineError:
    return PipelineError(
        f"cannot start {jobs} worker processes ({exc.strerror or exc}); run with fewer --jobs"
    )


class _Forked:
    """A worker forked by the first (:func:`_first_worker`), as the parent sees it: what
    :class:`Workers` uses of a ``Process``. It is not the parent's child: once its pid has
    come, a pidfd stands for it, waited on and signalled with no risk of another process
    having taken the pid, and its exit status is read from ``/proc`` (the first worker
    collects it only when it ends itself)."""

    def __init__(self) -> None:
        self.pid: int | None = None
        self._fd: int | None = None

    def attach(self, pid: int) -> None:
        """Stand for the worker of ``pid``.

        Raises:
            ProcessLookupError: it has ended already, and been collected.
        """
        self.pid = pid
        self._fd = os.pidfd_open(pid)

    @property
    def sentinel(self) -> int:
        """Ready to read once it has ended."""
        assert self._fd is not None
        return self._fd

    @property
    def exitcode(self) -> int | None:
        """None while it runs (or before its pid came); else as ``Process.exitcode``."""
        if self.pid is None or (self._fd is not None and not _ready(self._fd)):
            return None
        return _exit_status(self.pid)

    def terminate(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(ProcessLookupError):
                signal.pidfd_send_signal(self._fd, signal.SIGTERM)

    def join(self) -> None:
        if self._fd is not None:
            _ready(self._fd, None)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def _ready(fd: int, timeout: float | None = 0) -> bool:
    return bool(select.select([fd], [], [], timeout)[0])


def _exit_status(pid: int) -> int:
    """The status of an ended process not yet collected, as ``Process.exitcode`` gives it
    (minus the signal that ended it); 0 once it has been collected (ended as it should)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_bytes()
        status = int(stat.rsplit(b")", 1)[1].split()[49])  # field 52: exit_code
    except (OSError, IndexError, ValueError):
        return 0
    return -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)


@dataclass(slots=True)
class _Worker:
    """A worker process, the pipe it sends results on, and the one it is told on where the
    parts of its chunks go; ``finished`` once it said it wrote them all (it then ends)."""

    process: BaseProcess | _Forked
    results: Connection
    placements: Connection
    finished: bool = False


class WorkerDied(PipelineError):
    """A worker process ended with work undone (killed, say: the run stops)."""


class InWorker(Exception):
    """Where an error raised in a worker came from: its traceback there."""

    def __str__(self) -> str:
        return "\n" + str(self.args[0])


def _receive(workers: list[_Worker]) -> dict[int, tuple[_Worker, Any]]:
    """The results that have come in (waiting for one): chunk number -> the worker that sent
    it and its result. A worker's last word (it has written all it held) marks it finished.

    Raises:
        WorkerDied: a worker ended before its last word.
    """
    waiting = [w for w in workers if not w.finished]
    ready = wait([*(w.results for w in waiting), *(w.process.sentinel for w in waiting)])
    found = {}
    for worker in waiting:
        if worker.results not in ready:
            continue
        try:
            number, result, error = worker.results.recv()
        except EOFError:
            raise _died(worker.process) from None
        if error is not None:
            exc, trace = error
            raise exc from InWorker(trace)
        if number is None:
            worker.finished = True
        else:
            found[number] = worker, result
    if not any(w.results in ready for w in waiting):  # only a worker's end is ready
        raise _died(next(w.process for w in waiting if w.process.sentinel in ready))
    return found


def _tell(worker: _Worker, message: bytes | memoryview) -> None:
    """Tell a worker (``message`` pickled) its inputs, or where the parts of one of its chunks
    go.

    Raises:
        WorkerDied: the worker has ended (killed, say).
    """
    try:
        worker.placements.send_bytes(message)
    except BrokenPipeError:
        # It may have said why it ended (a failed write, say) after results not yet read.
        with contextlib.suppress(EOFError):  # killed: it said nothing more
            while worker.results.poll():
                error = worker.results.recv()[2]
                if error is not None:
                    exc, trace = error
                    raise exc from InWorker(trace)
        raise _died(worker.process) from None


def _died(process: BaseProcess | _Forked) -> WorkerDied:
    process.join()
    code = process.exitcode or 0
    how = f"by signal {-code} ({signal.strsignal(-code)})" if code < 0 else f"with status {code}"
    return WorkerDied(
        f"a worker process was ended {how} with work undone, and the run stopped; run again "
        "(with fewer --jobs if memory is short)"
    )


def _worker(
    todo: SimpleQueue[Any],
    results: Connection,
    placements: Connection,
    annotate: Callable[[Release], Release] | None,
    parent: int,
) -> None:
    """A worker: it loads the extractors, is given its work (or None: it ends), then takes
    chunks and sends their results until told to stop (or the parent is gone); the parts of
    its chunks it holds are written where it is told, as it is told, and all of them before
    its last word (``number`` None)."""
    global _work_given
    _start_worker(parent)
    from pipeline import extract, record  # noqa: F401 (loaded while the parent finds the inputs)

    if (given := placements.recv()) is None:
        return
    _work_given = work = replace(given, steps=replace(given.steps, annotate=annotate))
    held = 0  # its chunks whose parts are not yet written
    number = None
    try:
        while (task := todo.get()) is not None:
            held -= _place(work, placements, wait=False)
            number, chunk = task
            results.send((number, _extract_chunk(chunk), None))
            held += work.place is not None
        number = None
        while held:
            held -= _place(work, placements, wait=True)
        if work.place is not None:
            from pipeline.chunks import close_files

            close_files()
        results.send((None, None, None))
    except Exception as exc:  # the run stops: the parent raises it, with its traceback
        trace = "".join(traceback.format_exception(exc))
        try:
            pickle.dumps(exc)
        except Exception:  # sent as what it says
            exc = RuntimeError(f"{type(exc).__name__}: {exc}")
        results.send((number, None, (exc, trace)))


def _fork() -> int:
    return os.fork()


def _first_worker(
    todo: SimpleQueue[Any],
    ends: list[tuple[Connection, Connection]],
    telling_pids: Connection,
    annotate: Callable[[Release], Release] | None,
    parent: int,
) -> None:
    """The first worker, where the others are forked from it (:func:`_forks_others`): it
    loads the extractors, forks each other worker (which so has them loaded: their patterns
    compiled once, not once each, while the parent loads the rest), tells the parent its pid
    (or why it could not be forked), then works as they do. Each dies with it
    (``PR_SET_PDEATHSIG``), so it waits for them before it ends."""
    _start_worker(parent)
    from pipeline import extract, record  # noqa: F401 (loaded once for every worker)

    first = os.getpid()
    forked = []
    for at in range(1, len(ends)):
        try:
            pid = _fork()
        except OSError as exc:
            telling_pids.send(exc)
            break
        if pid == 0:  # the worker forked
            status = 1
            try:
                telling_pids.close()
                for other, (sending, told) in enumerate(ends):
                    if other != at:
                        sending.close()
                        told.close()
                _worker(todo, *ends[at], annotate, first)
                status = 0
            finally:
                os._exit(status)  # never back into the first worker's code
        forked.append(pid)
        telling_pids.send(pid)
    telling_pids.close()
    for sending, told in ends[1:]:
        sending.close()
        told.close()
    try:
        _worker(todo, *ends[0], annotate, parent)
    finally:
        for pid in forked:
            os.waitpid(pid, 0)


def _place(work: _Work, placements: Connection, *, wait: bool) -> int:
    """Write the parts of the chunks whose places have come (waiting for one if ``wait``);
    how many chunks that was."""
    placed = 0
    while (wait and not placed) or placements.poll():
        assert work.place is not None
        work.place(placements.recv())
        placed += 1
    return placed
