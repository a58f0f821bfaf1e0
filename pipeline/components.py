"""spaCy pipeline components: each calls one pure extractor and keeps its records on the Doc.

Records (frozen dataclasses) are stored in ``doc.user_data["pipeline.<key>"]``; for spaCy users
the same items are also a span group ``doc.spans[key]`` (token-aligned, so a span may be a
little wider than the record's exact characters, which the record keeps).
Reader hints (HTML blocks and table cells) arrive in ``doc.user_data["pipeline.hints"]``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from spacy.language import Language

from pipeline.extract.dates import find_dates
from pipeline.extract.numbers import find_numbers
from pipeline.extract.quotes import find_quotes
from pipeline.extract.scores import find_scores, table_regions
from pipeline.extract.sections import carve, classify_sections, split_paragraphs
from pipeline.model import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

KEY_PREFIX = "pipeline."
HINTS = "hints"
COMPONENTS = (
    "release_paragraphs",
    "release_scores",
    "release_quotes",
    "release_dates",
    "release_numbers",
    "release_sections",
)


def get(doc: Doc, key: str) -> Any:
    """The records an earlier component stored under ``key`` (``[]`` when none)."""
    return doc.user_data.get(KEY_PREFIX + key, [])


def put(doc: Doc, key: str, items: Sequence[Any], label: str | None = None) -> None:
    """Store records on the Doc and mirror them as a span group for spaCy users."""
    doc.user_data[KEY_PREFIX + key] = list(items)
    spans = []
    for item in items:
        span = doc.char_span(item.start, item.end, label=label or key, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.spans[key] = spans


def _outside(items: Sequence[Any], blocked: Sequence[Span]) -> list[Any]:
    return [i for i in items if not any(b.start <= i.start < b.end for b in blocked)]


class _Component:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name


@Language.factory("release_paragraphs")
class Paragraphs(_Component):
    """Split the text into paragraphs (``doc.spans["paragraphs"]``)."""

    def __call__(self, doc: Doc) -> Doc:
        hints = doc.user_data.get(KEY_PREFIX + HINTS, {})
        put(doc, "paragraphs", split_paragraphs(doc.text, hints.get("blocks", ())))
        return doc


@Language.factory("release_scores")
class Scores(_Component):
    """Find the ratings table rows; carve each table into a paragraph of its own."""

    def __call__(self, doc: Doc) -> Doc:
        hints = doc.user_data.get(KEY_PREFIX + HINTS, {})
        scores = find_scores(doc.text, hints.get("tables", ()))
        put(doc, "scores", scores)
        paragraphs = carve(doc.text, get(doc, "paragraphs"), table_regions(doc.text, scores))
        put(doc, "paragraphs", paragraphs)
        return doc


@Language.factory("release_quotes")
class Quotes(_Component):
    """Find quotations with their speakers and roles."""

    def __call__(self, doc: Doc) -> Doc:
        put(doc, "quotes", find_quotes(doc.text, get(doc, "paragraphs")))
        return doc


def _boilerplate(doc: Doc) -> list[Span]:
    return [p for p in get(doc, "paragraphs") if p.tag == "boilerplate"]


@Language.factory("release_dates")
class Dates(_Component):
    """Find date expressions (site boilerplate is skipped)."""

    def __call__(self, doc: Doc) -> Doc:
        put(doc, "dates", _outside(find_dates(doc.text), _boilerplate(doc)))
        return doc


@Language.factory("release_numbers")
class Numbers(_Component):
    """Find quantities that are not part of a date (site boilerplate is skipped)."""

    def __call__(self, doc: Doc) -> Doc:
        numbers = find_numbers(doc.text, get(doc, "dates"))
        put(doc, "numbers", _outside(numbers, _boilerplate(doc)))
        return doc


@Language.factory("release_sections")
class Sections(_Component):
    """Give every paragraph its section kind (title, standfirst, body, quote, table, ...)."""

    def __call__(self, doc: Doc) -> Doc:
        sections = classify_sections(
            doc.text,
            get(doc, "paragraphs"),
            get(doc, "scores"),
            get(doc, "quotes"),
            get(doc, "dates"),
        )
        doc.user_data[KEY_PREFIX + "sections"] = sections
        doc.spans["sections"] = [
            sp
            for s in sections
            if (sp := doc.char_span(s.start, s.end, label=s.kind, alignment_mode="expand"))
        ]
        return doc
