"""Runs ``pipeline extract`` with a pause at a known point, so that a test can signal or kill
a run in a state it knows rather than guess how long a run takes.

    python -m tests.paused_run extracting|writing ARGS...

``extracting``: after the third release (with ``--jobs``, the first chunk of releases) is
written into the temporary folder; ``writing``: after every release and table is written,
before the workbook. At the pause it prints ``paused`` on stderr and waits for its standard
input to close.
"""

from __future__ import annotations

import sys
from typing import Any

from pipeline import export
from pipeline.launch import main


def _pause() -> None:
    sys.stderr.write("paused\n")
    sys.stderr.flush()
    sys.stdin.read()


def _pause_after(n: int, method: Any) -> Any:
    calls = 0

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        result = method(*args, **kwargs)
        calls += 1
        if calls == n:
            _pause()
        return result

    return wrapped


if __name__ == "__main__":
    phase = sys.argv.pop(1)
    if phase == "extracting":
        export.OutputWriter.add_rendered = _pause_after(3, export.OutputWriter.add_rendered)  # type: ignore[method-assign]
        # With --jobs, releases come in chunks: the first is written.
        export.OutputWriter.add_chunk = _pause_after(1, export.OutputWriter.add_chunk)  # type: ignore[method-assign]
    else:
        workbook = export._workbook

        def _paused_workbook(*args: Any, **kwargs: Any) -> None:
            _pause()
            workbook(*args, **kwargs)

        export._workbook = _paused_workbook
    sys.argv = ["pipeline", "extract", *sys.argv[1:]]
    main()
