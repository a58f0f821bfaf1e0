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

The workers are started first (:class:`Workers`; ``pipeline extract`` starts them before it
loads anything else): each loads the extractors while the parent loads the rest and finds
the inputs, and the parent never loads the extractors at all.

The workers take chunks from one queue (a worker never waits while there is work) and each
sends its results on its own pipe; the parent waits on those pipes and on the workers' ends,
with no threads of its own (``multiprocessing.Pool``'s threads took more of the parent's time
than its own work, and a Pool waits for ever on a worker that was killed).

Stopping: the workers ignore Ctrl-C (the terminal sends it to them too) and leave the stop
to the parent, which ends them (SIGTERM) before it removes its temporary folder; and on
Linux each worker is killed by the kernel the moment the parent dies, even by SIGKILL
(``PR_SET_PDEATHSIG``), so that no worker outlives the run. A worker that ends with work
undone (the kernel's out-of-memory killer, say) stops the run: :class:`WorkerDied`.
"""

from __future__ import annotations

import contextlib
import ctypes
import itertools
import multiprocessing
import os
import pickle
import signal
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from multiprocessing.connection import wait
from multiprocessing.reduction import ForkingPickler
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
        jobs = jobs or cores()
        try:
            self._todo: SimpleQueue[Any] = ctx.SimpleQueue()  # (number, chunk), or None: stop
        except OSError as exc:  # no pipe to be had (a limit reached, say)
            raise _cannot_start(jobs, exc) from exc
        try:
            with _stops_held():
                for _ in range(jobs):
                    results, sending = ctx.Pipe(duplex=False)  # (reading end, writing end)
                    told, telling = ctx.Pipe(duplex=False)
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
        at the end, on an error, or on a stop."""
        for worker in self._started:
            if not worker.finished and worker.process.exitcode is None:
                worker.process.terminate()
        for worker in self._started:
            worker.process.join()
            worker.results.close()
            worker.placements.close()
        self._todo.close()


def _cannot_start(jobs: int, exc: OSError) -> PipelineError:
    return PipelineError(
        f"cannot start {jobs} worker processes ({exc.strerror or exc}); run with fewer --jobs"
    )


@dataclass(slots=True)
class _Worker:
    """A worker process, the pipe it sends results on, and the one it is told on where the
    parts of its chunks go; ``finished`` once it said it wrote them all (it then ends)."""

    process: BaseProcess
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


def _died(process: BaseProcess) -> WorkerDied:
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


def _place(work: _Work, placements: Connection, *, wait: bool) -> int:
    """Write the parts of the chunks whose places have come (waiting for one if ``wait``);
    how many chunks that was."""
    placed = 0
    while (wait and not placed) or placements.poll():
        assert work.place is not None
        work.place(placements.recv())
        placed += 1
    return placed
