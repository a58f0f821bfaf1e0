"""pipeline: UK inspectorate press releases -> analysis-ready records.

Library API (the CLI is a thin layer over it)::

    import pipeline
    release = pipeline.extract_text(text)             # -> pipeline.Release
    release = pipeline.extract_file("raw/x.txt")      # reads, decodes, reduces HTML

Heavy packages (spaCy) are imported on first use, so importing this package is cheap.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.model import DateMention, NumberMention, Quote, Release, Score, Section, Source

if TYPE_CHECKING:
    from spacy.language import Language

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
    "load",
]

_NLP: dict[str | None, Any] = {}


def load(model: str | None = None) -> Language:
    """The release pipeline (cached per model): blank English plus the release components."""
    if model not in _NLP:
        from pipeline.nlp import load as _load

        _NLP[model] = _load(model)
    return _NLP[model]  # type: ignore[no-any-return]


def extract_text(
    text: str, *, release_id: str = "release", fmt: str = "text", nlp: Language | None = None
) -> Release:
    """Extract a release from a string.

    Args:
        text: the release (plain text or markdown; pass ``fmt="html"`` for a web page).
        release_id: the id to give the record.
        fmt: ``"text"``, ``"markdown"`` or ``"html"``.
        nlp: a pipeline from :func:`load` (default: the blank English one).

    Returns:
        The :class:`Release`; every item's ``start``/``end`` index ``release.text``.
    """
    from pipeline.core import extract_document
    from pipeline.read import read_text

    suffix = {"html": ".html", "markdown": ".md"}.get(fmt, ".txt")
    document = read_text(text, f"{release_id}{suffix}")
    return extract_document(nlp or load(), document, release_id)


def extract_file(
    path: str | Path, *, release_id: str | None = None, nlp: Language | None = None
) -> Release:
    """Read, decode and extract one release file (``.txt``, ``.md``, ``.html``).

    Raises:
        pipeline.errors.InputError: the file is missing, empty, binary or too large.
    """
    from pipeline.core import Input, extract_document, release_ids
    from pipeline.read import read_file

    p = Path(path)
    rid = release_id or release_ids([Input(p, p.as_posix())])[p.as_posix()]
    return extract_document(nlp or load(), read_file(p), rid)
