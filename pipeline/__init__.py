"""pipeline: UK inspectorate press releases -> analysis-ready records.

Library API (the CLI is a thin layer over it)::

    import pipeline
    release = pipeline.extract_text(text)             # -> pipeline.Release
    release = pipeline.extract_file("raw/x.txt")      # reads, decodes, reduces HTML

The main path runs on the text alone: no tokenizer, no model.
"""

from __future__ import annotations

from pathlib import Path

from pipeline import native

native.install()  # before any compiled module is imported: see pipeline/native.py

from pipeline.model import (  # noqa: E402 (after the finder is in place)
    DateMention,
    NumberMention,
    Quote,
    Release,
    Score,
    Section,
    Source,
)

__version__ = "0.1.0"
__all__ = [
    "DateMention",
    "NumberMention",
    "Quote",
    "Release",
    "Score",
    "Section",
    "Source",
    "extract_file",
    "extract_text",
]


def extract_text(text: str, *, release_id: str = "release", fmt: str = "text") -> Release:
    """Extract a release from a string.

    Args:
        text: the release (plain text or markdown; pass ``fmt="html"`` for a web page).
        release_id: the id to give the record.
        fmt: ``"text"``, ``"markdown"`` or ``"html"``.

    Returns:
        The :class:`Release`; every item's ``start``/``end`` index ``release.text``.
    """
    from pipeline.core import extract_document
    from pipeline.read import read_text

    suffix = {"html": ".html", "markdown": ".md"}.get(fmt, ".txt")
    return extract_document(read_text(text, f"{release_id}{suffix}"), release_id)


def extract_file(path: str | Path, *, release_id: str | None = None) -> Release:
    """Read, decode and extract one release file (``.txt``, ``.md``, ``.html``).

    Raises:
        pipeline.errors.InputError: the file is missing, empty, binary or too large.
    """
    from pipeline.core import extract_document
    from pipeline.inputs import Input, release_ids
    from pipeline.read import read_file

    p = Path(path)
    rid = release_id or release_ids([Input(p, p.as_posix())])[p.as_posix()]
    return extract_document(read_file(p), rid)
