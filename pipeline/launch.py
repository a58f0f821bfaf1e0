"""The ``pipeline`` console script: a clean stop on Ctrl-C from its first moment.

Loading the command line (typer, click) takes a few tenths of a second; a Ctrl-C or SIGTERM
then would print Python's traceback. Until the command sets its own handlers, the one set
here answers with the command's usual line and exit status 130. Nothing heavy is imported
before it is set.
"""

from __future__ import annotations

import signal
import sys


def _stop(signum: int, frame: object) -> None:
    sys.stderr.write("error: interrupted\n")
    raise SystemExit(130)


def main() -> None:
    """Console entry point."""
    for sig in (signal.SIGINT, signal.SIGTERM):
        if signal.getsignal(sig) is not signal.SIG_IGN:  # kept ignored under nohup
            signal.signal(sig, _stop)
    from pipeline.cli import main as cli_main

    cli_main()
