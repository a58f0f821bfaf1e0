"""The pipeline's named exceptions; the CLI turns each into one line at the boundary."""

from __future__ import annotations

__all__ = ["GoldError", "InputError", "ModelError", "PipelineError"]


class PipelineError(Exception):
    """Base: a problem the CLI reports in one line."""


class InputError(PipelineError):
    """One input refused: it is missing, unreadable, too large, empty or not text.

    ``path`` is the path as shown to the user, ``code`` a short slug (``missing``,
    ``not-a-file``, ``loop``, ``unreadable``, ``too-large``, ``empty``, ``binary``) that the
    manifest and tests can rely on, and ``str(error)`` is one line that names the file, says
    what is wrong and, where useful, what to do.
    """

    def __init__(self, path: str, code: str, detail: str) -> None:
        self.path = path
        self.code = code
        self.detail = detail
        super().__init__(f"{_printable(path)}: {detail}")

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str, str]]:
        # Rebuilt from its fields when a worker process (--jobs) hands it back.
        return (InputError, (self.path, self.code, self.detail))


def _printable(path: str) -> str:
    # A file name may hold a newline or other control character; the message must stay on
    # one line, so such names are shown escaped.
    if path.isprintable():
        return path
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in path)


class ModelError(PipelineError):
    """A spaCy model named with --model is not installed or cannot be loaded."""


class GoldError(PipelineError):
    """A gold annotation file or a releases file cannot be read for scoring."""
