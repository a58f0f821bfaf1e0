"""A progress bar on stderr for long runs: files done / total, releases per second, time left.

Shown only on a terminal (never in a log or a CI job), only once a run has lasted
:data:`SHOW_AFTER` seconds (a short run stays as quiet as before), and removed when the run
ends, so the summary line is the last thing left. rich (which typer brings) draws it; the
command line imports this module only when it will show a bar.
"""

from __future__ import annotations

import os
import time
from typing import IO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text

SHOW_AFTER = 1.0
# Seconds before the bar appears; tests set 0 to see it at once, without waiting.
SHOW_AFTER_VARIABLE = "PIPELINE_PROGRESS_AFTER"


class RateColumn(ProgressColumn):
    """Releases per second, once there is a rate to show."""

    def render(self, task: Task) -> Text:
        speed = task.speed
        return Text("" if speed is None else f"{speed:,.1f} releases/s")


class ProgressBar:
    """Call with (done, total) after each input; use as a context manager. The caller
    decides whether to show one at all (a terminal, no ``--quiet``)."""

    def __init__(self, stream: IO[str], after: float | None = None) -> None:
        self.stream = stream
        if after is None:
            try:
                after = float(os.environ.get(SHOW_AFTER_VARIABLE, SHOW_AFTER))
            except ValueError:
                after = SHOW_AFTER
        self.after = after
        self.started = time.monotonic()
        self._bar: Progress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> ProgressBar:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def __call__(self, done: int, total: int) -> None:
        if self._bar is None or self._task is None:
            if time.monotonic() - self.started < self.after:
                return
            self._bar = Progress(
                TextColumn("extracting"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("files"),
                RateColumn(),
                TimeRemainingColumn(),
                console=Console(file=self.stream),
                transient=True,  # the summary line is what stays
                redirect_stdout=False,
                redirect_stderr=False,
            )
            self._bar.start()
            self._task = self._bar.add_task("extract", total=total)
        self._bar.update(self._task, completed=done, total=total)

    def echo(self, line: str) -> None:
        """Print ``line`` on the stream, above the bar while it is shown."""
        if self._bar is None:
            self.stream.write(line + "\n")
            self.stream.flush()
        else:
            self._bar.console.print(line, markup=False, highlight=False, emoji=False)
