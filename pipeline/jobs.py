"""``--jobs N``: worker processes read, extract and write; the parent keeps the input order.

Inputs go to the workers in chunks, and only a few chunks per worker are in flight at once,
so memory stays flat however many inputs there are. A worker does the whole of one input's
work (:func:`pipeline.core.extract_input`, with ``prepare`` making the files' bytes) and a
failing input is refused there, costing only itself. With :class:`pipeline.core.Chunks` (as
``pipeline extract`` runs), the worker then packs its chunk: it writes each release's JSON
file itself and joins the rest of the chunk's bytes, which the parent writes with one call
per file, in input order (:mod:`pipeline.chunks`). What the parent does per release is then
a small fraction of what a worker does, and two workers come close to twice as fast as one.

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

import ctypes
import itertools
import multiprocessing
import os
import pickle
import signal
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing.connection import wait
from typing import TYPE_CHECKING, Any

from pipeline.errors import PipelineError

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.context import ForkContext, SpawnContext
    from multiprocessing.process import BaseProcess
    from multiprocessing.queues import SimpleQueue

    from pipeline.core import Chunks, Outcome, Steps
    from pipeline.inputs import Input, ReleaseIds

_Chunk = tuple[int, int]  # the inputs at positions start to stop
CHUNK = 32  # inputs per chunk at most: little work per chunk, yet an even share per worker
IN_FLIGHT = 4  # chunks per worker waiting or running at once
_PR_SET_PDEATHSIG = 1


@dataclass(frozen=True, slots=True)
class _Work:
    """What a worker is given once, when it starts: its inputs and what to do with them."""

    inputs: Sequence[Input]
    ids: ReleaseIds
    steps: Steps
    pack: Callable[[list[Any], list[dict[str, Any]]], Any] | None


_work_given: _Work | None = None  # set once in each worker, when it starts


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


def _start_worker(work: _Work, parent: int) -> None:
    global _work_given
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what a Ctrl-C does
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent ends its workers with it
    _work_given = work


def _extract_chunk(chunk: _Chunk) -> tuple[list[Outcome], Any]:
    """The chunk's outcomes, and with ``pack`` its payload (each input's result and entry
    then None: the payload carries them)."""
    from pipeline.core import Outcome, extract_input

    assert _work_given is not None
    work = _work_given
    done = [extract_input(work.inputs[at], work.ids.at(at), work.steps) for at in range(*chunk)]
    if work.pack is None:
        return done, None
    entries = [o.entry for o in done if o.entry is not None]  # each of them, made here
    payload = work.pack([o.result for o in done if o.error is None], entries)
    # The same two objects stand for every release written: pickled once each per chunk.
    written = {False: Outcome(None), True: Outcome(None, warned=True)}
    handed = [written[o.warned] if o.error is None else Outcome(None, error=o.error) for o in done]
    return handed, payload


def _context() -> ForkContext | SpawnContext:
    # fork: the workers start at once with everything loaded (a --model too); spawn where
    # the OS has no fork.
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def in_workers(
    inputs: Sequence[Input],
    runs: Sequence[range],
    ids: ReleaseIds,
    steps: Steps,
    jobs: int,
    chunks: Chunks | None = None,
) -> Iterator[Outcome]:
    """The outcome of every input at the positions ``runs`` cover, in order, from ``jobs``
    worker processes (0: one per core), in chunks that never span two runs. With
    ``chunks``, each chunk's payload is written just before its first outcome is handed on.
    Closing the iterator early (an error, a stop) ends the workers.

    Raises:
        WorkerDied: a worker ended with work undone (killed, say).
    """
    jobs = jobs or cores()
    size = max(1, min(CHUNK, sum(map(len, runs)) // (jobs * IN_FLIGHT)))
    # A chunk is named by its place in the inputs, which the workers were given when they
    # started: a few bytes to send, so that sending one never waits.
    places = [(at, min(at + size, run.stop)) for run in runs for at in run[::size]]
    jobs = min(jobs, len(places))  # no worker without work
    tasks = enumerate(places)
    ctx = _context()
    todo: SimpleQueue[Any] = ctx.SimpleQueue()  # (number, chunk), or None: stop
    work = _Work(inputs, ids, steps, None if chunks is None else chunks.pack)
    workers: list[tuple[BaseProcess, Connection]] = []
    ending = False
    try:
        for _ in range(jobs):
            mine, theirs = ctx.Pipe(duplex=False)
            args = (todo, theirs, work, os.getpid())
            worker = ctx.Process(target=_worker, args=args, daemon=True)
            worker.start()
            theirs.close()
            workers.append((worker, mine))
        sent = 0
        for task in itertools.islice(tasks, jobs * IN_FLIGHT):
            todo.put(task)
            sent += 1
        arrived: dict[int, tuple[list[Outcome], Any]] = {}  # results ahead of their turn
        for number in itertools.count():
            if number == sent:
                break
            while number not in arrived:
                arrived.update(_receive(workers))
            done, payload = arrived.pop(number)
            following = next(tasks, None)
            if following is not None:
                todo.put(following)
                sent += 1
            elif number + 1 == sent:  # every result is in: the workers end on their own
                for _ in workers:
                    todo.put(None)
                ending = True
            if chunks is not None:
                chunks.write(payload)
            yield from done
    finally:  # the end, an error, a stop, or the iterator closed early
        for process, _ in workers:
            if not ending and process.exitcode is None:
                process.terminate()
        for process, conn in workers:
            process.join()
            conn.close()
        todo.close()


class WorkerDied(PipelineError):
    """A worker process ended with work undone (killed, say: the run stops)."""


class InWorker(Exception):
    """Where an error raised in a worker came from: its traceback there."""

    def __str__(self) -> str:
        return "\n" + str(self.args[0])


def _receive(workers: list[tuple[BaseProcess, Connection]]) -> dict[int, tuple[list[Outcome], Any]]:
    """The results that have come in (waiting for one): chunk number -> result."""
    conns = {conn: process for process, conn in workers}
    ready = wait([*conns, *(process.sentinel for process, _ in workers)])
    found = {}
    for conn, process in conns.items():
        if conn not in ready:
            continue
        try:
            number, result, error = conn.recv()
        except EOFError:
            raise _died(process) from None
        if error is not None:
            exc, trace = error
            raise exc from InWorker(trace)
        found[number] = result
    if not found:  # only a worker's end is ready
        raise _died(next(p for p, _ in workers if p.sentinel in ready))
    return found


def _died(process: BaseProcess) -> WorkerDied:
    process.join()
    code = process.exitcode or 0
    how = f"by signal {-code} ({signal.strsignal(-code)})" if code < 0 else f"with status {code}"
    return WorkerDied(
        f"a worker process was ended {how} with work undone, and the run stopped; run again "
        "(with fewer --jobs if memory is short)"
    )


def _worker(todo: SimpleQueue[Any], results: Connection, work: _Work, parent: int) -> None:
    """A worker: chunks in, results out, until told to stop (or the parent is gone)."""
    _start_worker(work, parent)
    while (task := todo.get()) is not None:
        number, chunk = task
        try:
            results.send((number, _extract_chunk(chunk), None))
        except Exception as exc:  # the run stops: the parent raises it, with its traceback
            trace = "".join(traceback.format_exception(exc))
            try:
                pickle.dumps(exc)
            except Exception:  # sent as what it says
                exc = RuntimeError(f"{type(exc).__name__}: {exc}")
            results.send((number, None, (exc, trace)))
