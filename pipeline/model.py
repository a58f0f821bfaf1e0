"""Typed records: what the extractors return and what the exporter writes.

Every item carries ``start``/``end``, Python string indices into ``Release.text``, and for
items with a ``text`` field the invariant ``release.text[start:end] == item.text`` holds.

The records are values: they compare and hash by their fields, and nothing in the package
changes one after it is made (``dataclasses.replace`` makes a changed copy). They are not
``frozen``: a frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``,
three times the cost of a plain one, and a release makes dozens of records (about 7% of the
main job's instructions; README, Speed).
"""

from __future__ import annotations

from dataclasses import dataclass, field

CONTRACT_VERSION = "1"

SECTION_KINDS = (
    "title",
    "standfirst",
    "metadata",
    "heading",
    "body",
    "quote",
    "table",
    "background",
)


@dataclass(slots=True, unsafe_hash=True)
class Span:
    """A stretch of ``text`` with a tag, as found by the reader (HTML blocks, table cells)."""

    start: int
    end: int
    tag: str = ""


@dataclass(slots=True, unsafe_hash=True)
class Source:
    path: str
    sha256: str
    bytes: int
    encoding: str
    format: str  # "text", "markdown" or "html"


@dataclass(slots=True, unsafe_hash=True)
class Section:
    kind: str
    text: str
    start: int
    end: int
    # Added fields (the contract allows additions): which quotation a `quote` paragraph
    # belongs to, and whether a `metadata` paragraph is site boilerplate.
    quote_index: int | None = None
    boilerplate: bool = False


@dataclass(slots=True, unsafe_hash=True)
class Score:
    criterion: str
    score: str
    score_value: int | None
    scale: str | None
    start: int
    end: int
    table: int = 0  # which ratings table of the release (0, 1, ...)
    # Added field: the header of the grade's column, as written, for a row with several grade
    # columns (the criterion then ends with it in brackets); None for a single-grade row.
    qualifier: str | None = None


@dataclass(slots=True, unsafe_hash=True)
class Quote:
    text: str
    speaker: str | None
    role: str | None
    paragraphs: int
    start: int
    end: int
    speaker_as_written: str | None = None
    attribution: str | None = None  # the attribution words as written, if any


@dataclass(slots=True, unsafe_hash=True)
class DateMention:
    text: str
    start_date: str | None
    end_date: str | None
    granularity: str | None  # "day", "month", "year" or "financial_year"
    start: int
    end: int
    # Added field: the expression gives no year ("5 April"), so the release's own year was
    # used (or, when the release states none, the dates are null). The caller warns.
    year_inferred: bool = False
    # Added fields: for a part of a year (``the end of 2019``, ``early 2019``, ``mid-2020``),
    # the months it points at; start_date/end_date keep the whole year, as the gold
    # annotations read it. Null for every other date.
    part_start_date: str | None = None
    part_end_date: str | None = None


@dataclass(slots=True, unsafe_hash=True)
class NumberMention:
    text: str
    value: int | float | None
    unit: str | None
    kind: str  # "cardinal", "percent", "money" or "fraction"
    start: int
    end: int


@dataclass(slots=True, unsafe_hash=True)
class Entity:
    """A named entity found by a trained spaCy pipeline (``--model``): its label as the
    model gives it (``PERSON``, ``ORG``, ``GPE``, ...)."""

    label: str
    text: str
    start: int
    end: int


@dataclass(slots=True, unsafe_hash=True)
class Release:
    release_id: str
    source: Source
    text: str
    title: str | None
    standfirst: str | None
    sections: tuple[Section, ...]
    scores: tuple[Score, ...]
    quotes: tuple[Quote, ...]
    dates: tuple[DateMention, ...]
    numbers: tuple[NumberMention, ...]
    warnings: tuple[str, ...]
    metadata: dict[str, str] = field(default_factory=dict)
    contract: str = CONTRACT_VERSION
    # Added field: codes of the reasons a person should check this release (``no-title``,
    # ``quote-no-speaker``, ...; see ``record.REVIEW``), empty when nothing needs a look.
    review: tuple[str, ...] = ()
    # Added field, only with --model (None otherwise, and then not written at all).
    entities: tuple[Entity, ...] | None = None


# Release fields written only when set (not null but absent otherwise), so that the output
# without the option that sets them is what it always was. Export, schema and the reader of
# earlier outputs all take this one list.
ABSENT_UNLESS_SET = frozenset({"entities"})
