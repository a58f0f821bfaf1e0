"""``--jobs N``: worker processes read and extract; the parent writes, in input order.

Inputs go to the workers in small batches, and only a few batches per worker are in flight
at once, so memory stays flat however many inputs there are. A worker does the whole of one
input's work (:func:`pipeline.core.extract_input`, with ``prepare`` making the files' bytes)
and a failing input is refused there, costing only itself.

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
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult

    from pipeline.core import Outcome, Steps
    from pipeline.inputs import Input

_Batch = list[tuple["Input", str]]
BATCH = 16  # inputs per task at most: few messages, yet an even share for each worker
IN_FLIGHT = 4  # batches per worker waiting or running at once
_PR_SET_PDEATHSIG = 1

_steps: Steps | None = None  # the worker's steps, set once when it starts


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


def _start_worker(steps: Steps, parent: int) -> None:
    global _steps
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what a Ctrl-C does
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent ends its workers with it
    _steps = steps


def _extract_batch(batch: _Batch) -> list[Outcome]:
    from pipeline.core import extract_input

    assert _steps is not None
    return [extract_input(item, release_id, _steps) for item, release_id in batch]


def _context() -> multiprocessing.context.BaseContext:
    # fork: the workers start at once with everything loaded (a --model too); spawn where
    # the OS has no fork.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def in_workers(
    inputs: Sequence[Input], ids: Mapping[str, str], steps: Steps, jobs: int
) -> Iterator[Outcome]:
    """Every input's outcome, in input order, from ``jobs`` worker processes (0: one per
    core). Closing the iterator early (an error, a stop) ends the workers."""
    jobs = jobs or cores()
    size = max(1, min(BATCH, len(inputs) // (jobs * IN_FLIGHT)))
    batches = [
        [(item, ids[item.shown]) for item in inputs[i : i + size]]
        for i in range(0, len(inputs), size)
    ]
    pool = _context().Pool(jobs, initializer=_start_worker, initargs=(steps, os.getpid()))
    try:
        pending: deque[AsyncResult[list[Outcome]]] = deque()
        for batch in batches:
            pending.append(pool.apply_async(_extract_batch, (batch,)))
            if len(pending) >= jobs * IN_FLIGHT:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
        pool.close()
    except BaseException:  # an error, a stop, or the iterator closed early
        pool.terminate()
        raise
    finally:
        pool.join()
