"""The ``pipeline`` console script: a clean stop on Ctrl-C from its first moment, and a
quick end.

Loading the command line (typer, click) takes a few tenths of a second; a Ctrl-C or SIGTERM
then would print Python's traceback. Until the command sets its own handlers, the one set
here answers with the command's usual line and exit status 130. Nothing heavy is imported
before it is set.

``pipeline extract --jobs N`` starts its workers here, before the command line is loaded
(:func:`jobs_asked`, :func:`pipeline.jobs.start_early`).

Once the command is done, the process ends without the interpreter's tear-down (:func:`_end`).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import signal
import sys
from typing import NoReturn


def _stop(signum: int, frame: object) -> None:
    sys.stderr.write("error: interrupted\n")
    raise SystemExit(130)


def main() -> None:
    """Console entry point."""
    for sig in (signal.SIGINT, signal.SIGTERM):
        if signal.getsignal(sig) is not signal.SIG_IGN:  # kept ignored under nohup
            signal.signal(sig, _stop)
    try:
        _start_workers(sys.argv[1:])
        from pipeline.cli import main as cli_main

        cli_main()
    except SystemExit as exc:
        _end(exc.code)
    _end(0)  # (typer always ends with SystemExit; a library caller's main may return)


def _start_workers(argv: list[str]) -> None:
    """``pipeline extract --jobs N``: start the workers before the command line is loaded, so
    that they load the extractors while it loads (see :mod:`pipeline.jobs`); the command takes
    them if it asks for as many (else it ends them and starts its own)."""
    jobs = jobs_asked(argv)
    if jobs is None:
        return
    from pipeline import jobs as workers

    workers.start_early(jobs)


def jobs_asked(argv: list[str]) -> int | None:
    """The ``--jobs`` of ``pipeline extract`` (0 for one per core), read ahead of the command
    line's parser, where it is plain and more than one worker may be wanted: None for any other
    command, ``--jobs 1`` or none, a value that is no number, ``--help``, ``--model`` (loaded
    before the workers are forked, so that they have it) and standard input (``-``, extracted
    here). The parser has the last word: the command takes the workers only if it asks for
    as many."""
    if argv[:1] != ["extract"]:
        return None
    jobs = None
    args = iter(argv[1:])
    for arg in args:
        if arg in ("--help", "--model", "-") or arg.startswith("--model="):
            return None
        if arg == "--":
            break
        if arg in ("--jobs", "-j"):
            jobs = next(args, "")
        elif arg.startswith("--jobs="):
            jobs = arg.removeprefix("--jobs=")
        elif arg.startswith("-j"):
            jobs = arg.removeprefix("-j")
    if jobs is None or not jobs.isascii() or not jobs.isdigit() or int(jobs) == 1:
        return None
    return int(jobs)


def _end(code: object) -> NoReturn:
    """End the process with ``code`` as ``SystemExit`` would, but without the interpreter's
    tear-down: freeing every loaded module's objects one by one takes about 0.04 s, a sixth of
    a run over one release (``benchmarks/jobs_cpu.py`` shows it after the output is written).
    What a normal end does that can be seen is done first: the ``atexit`` functions run and
    the standard streams are flushed. Every file the command writes is closed by then."""
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # a message: printed, status 1
        sys.stderr.write(f"{code}\n")
        status = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe (`| head`) or stream
            stream.flush()
    os._exit(status)
