"""``--jobs N``: worker processes read, extract and write; the parent keeps the input order.

Inputs go to the workers in chunks, and only a few chunks per worker are in flight at once,
so memory stays flat however many inputs there are. A worker does the whole of one input's
work (:func:`pipeline.core.extract_input`, with ``prepare`` making the files' bytes) and a
failing input is refused there, costing only itself. With :class:`pipeline.core.Chunks` (as
``pipeline extract`` runs), the worker then packs its chunk: it writes each release's JSON
file itself and joins the rest of the chunk's bytes, which the parent writes with one call
per file, in input order (:mod:`pipeline.chunks`). What the parent does per release is then
a small fraction of what a worker does, and two workers come close to twice as fast as one.

Stopping: the workers ignore Ctrl-C (the terminal sends it to them too) and leave the stop
to the parent, which ends them (SIGTERM) before it removes its temporary folder; and on
Linux each worker is killed by the kernel the moment the parent dies, even by SIGKILL
(``PR_SET_PDEATHSIG``), so that no worker outlives the run.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult

    from pipeline.core import Chunks, Outcome, Steps
    from pipeline.inputs import Input

_Batch = list[tuple["Input", str]]
CHUNK = 32  # inputs per task at most: few messages, yet an even share for each worker
IN_FLIGHT = 4  # chunks per worker waiting or running at once
_PR_SET_PDEATHSIG = 1

_steps: Steps | None = None  # the worker's steps, set once when it starts
_pack: Callable[[list[Any]], Any] | None = None  # the worker's Chunks.pack, if any


def cores() -> int:
    """The cores this process may run on (what ``--jobs 0`` asks for)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _die_with_parent(parent: int) -> None:
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the line above took effect
        os._exit(1)


def _start_worker(steps: Steps, pack: Callable[[list[Any]], Any] | None, parent: int) -> None:
    global _steps, _pack
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what a Ctrl-C does
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent ends its workers with it
    _steps, _pack = steps, pack


def _extract_chunk(chunk: _Batch) -> tuple[list[Outcome], Any]:
    """The chunk's outcomes, and with ``_pack`` its payload (each release's result None)."""
    from pipeline.core import extract_input

    assert _steps is not None
    done = [extract_input(item, release_id, _steps) for item, release_id in chunk]
    if _pack is None:
        return done, None
    payload = _pack([o.result for o in done if o.error is None])
    return [o if o.error is not None else replace(o, result=None) for o in done], payload


def _context() -> multiprocessing.context.BaseContext:
    # fork: the workers start at once with everything loaded (a --model too); spawn where
    # the OS has no fork.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def in_workers(
    runs: Sequence[Sequence[Input]],
    ids: dict[str, str],
    steps: Steps,
    jobs: int,
    chunks: Chunks | None = None,
) -> Iterator[Outcome]:
    """Every input's outcome, in input order, from ``jobs`` worker processes (0: one per
    core); ``runs``: the inputs in runs of consecutive ones, which no chunk spans. With
    ``chunks``, each chunk's payload is written just before its first outcome is handed on.
    Closing the iterator early (an error, a stop) ends the workers."""
    jobs = jobs or cores()
    size = max(1, min(CHUNK, sum(map(len, runs)) // (jobs * IN_FLIGHT)))
    tasks = (
        [(item, ids[item.shown]) for item in run[i : i + size]]
        for run in runs
        for i in range(0, len(run), size)
    )
    pack = None if chunks is None else chunks.pack
    pool = _context().Pool(jobs, initializer=_start_worker, initargs=(steps, pack, os.getpid()))

    def hand_on(result: AsyncResult[tuple[list[Outcome], Any]]) -> list[Outcome]:
        done, payload = result.get()
        if chunks is not None:
            chunks.write(payload)
        return done

    pending: deque[AsyncResult[tuple[list[Outcome], Any]]] = deque()
    closed = False
    try:
        for task in tasks:
            pending.append(pool.apply_async(_extract_chunk, (task,)))
            if len(pending) >= jobs * IN_FLIGHT:
                yield from hand_on(pending.popleft())
        while pending:
            done = hand_on(pending.popleft())
            if not pending:  # every result is in: the workers end on their own
                pool.close()
                closed = True
            yield from done
    except BaseException:  # an error, a stop, or the iterator closed early
        if not closed:
            pool.terminate()
        raise
    finally:
        pool.join()
