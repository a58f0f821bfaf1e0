"""spaCy pipeline components: each calls one pure extractor and keeps its records on the Doc.

Records (frozen dataclasses) are stored in ``doc.user_data["pipeline.<key>"]``. For spaCy
users, the optional ``release_spans`` component (``nlp.add_pipe("release_spans")``) mirrors
them as span groups ``doc.spans[key]``, labelled with the section kind or the key; spans are
token-aligned, so one may be a little wider than its record, which keeps the exact offsets.
It is not in the default pipeline: building span groups costs more than all the extractors.
Reader hints (HTML blocks and table cells) arrive in ``doc.user_data["pipeline.hints"]``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Span as SpacySpan
from spacy.tokens import SpanGroup

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


def text_of(doc: Doc) -> str:
    """The Doc's text, kept once: ``Doc.text`` re-joins every token on each access."""
    text = doc.user_data.get(KEY_PREFIX + "text")
    if text is None:
        text = doc.user_data[KEY_PREFIX + "text"] = doc.text
    return str(text)


def get(doc: Doc, key: str) -> Any:
    """The records an earlier component stored under ``key`` (``[]`` when none)."""
    return doc.user_data.get(KEY_PREFIX + key, [])


def put(doc: Doc, key: str, items: Sequence[Any]) -> None:
    """Store records on the Doc."""
    doc.user_data[KEY_PREFIX + key] = list(items)


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
        put(doc, "paragraphs", split_paragraphs(text_of(doc), hints.get("blocks", ())))
        return doc


@Language.factory("release_scores")
class Scores(_Component):
    """Find the ratings table rows; carve each table into a paragraph of its own."""

    def __call__(self, doc: Doc) -> Doc:
        hints = doc.user_data.get(KEY_PREFIX + HINTS, {})
        scores = find_scores(text_of(doc), hints.get("tables", ()))
        put(doc, "scores", scores)
        paragraphs = carve(
            text_of(doc), get(doc, "paragraphs"), table_regions(text_of(doc), scores)
        )
        put(doc, "paragraphs", paragraphs)
        return doc


@Language.factory("release_quotes")
class Quotes(_Component):
    """Find quotations with their speakers and roles."""

    def __call__(self, doc: Doc) -> Doc:
        put(doc, "quotes", find_quotes(text_of(doc), get(doc, "paragraphs")))
        return doc


def _boilerplate(doc: Doc) -> list[Span]:
    return [p for p in get(doc, "paragraphs") if p.tag == "boilerplate"]


@Language.factory("release_dates")
class Dates(_Component):
    """Find date expressions (site boilerplate is skipped)."""

    def __call__(self, doc: Doc) -> Doc:
        put(doc, "dates", _outside(find_dates(text_of(doc)), _boilerplate(doc)))
        return doc


@Language.factory("release_numbers")
class Numbers(_Component):
    """Find quantities that are not part of a date (site boilerplate is skipped)."""

    def __call__(self, doc: Doc) -> Doc:
        numbers = find_numbers(text_of(doc), get(doc, "dates"))
        put(doc, "numbers", _outside(numbers, _boilerplate(doc)))
        return doc


@Language.factory("release_sections")
class Sections(_Component):
    """Give every paragraph its section kind (title, standfirst, body, quote, table, ...)."""

    def __call__(self, doc: Doc) -> Doc:
        sections = classify_sections(
            text_of(doc),
            get(doc, "paragraphs"),
            get(doc, "scores"),
            get(doc, "quotes"),
            get(doc, "dates"),
        )
        doc.user_data[KEY_PREFIX + "sections"] = sections
        return doc


SPAN_KEYS = ("sections", "scores", "quotes", "dates", "numbers")


@Language.factory("release_spans")
class Spans(_Component):
    """Mirror the records as span groups ``doc.spans[key]`` (optional; for spaCy users)."""

    def __call__(self, doc: Doc) -> Doc:
        starts = doc.to_array("IDX").tolist() if len(doc) else []
        for key in SPAN_KEYS:
            spans = []
            for item in get(doc, key):
                if not starts:
                    break
                first = max(bisect_right(starts, item.start) - 1, 0)
                last = min(max(bisect_left(starts, item.end), first + 1), len(doc))
                label = item.kind if key == "sections" else key
                spans.append(SpacySpan(doc, first, last, label=label))
            doc.spans[key] = SpanGroup(doc, name=key, spans=spans)
        return doc
