"""Typed records: what the extractors return and what the exporter writes.

Every item carries ``start``/``end``, Python string indices into ``Release.text``, and for
items with a ``text`` field the invariant ``release.text[start:end] == item.text`` holds.

The records are values: they compare and hash by their fields, and nothing in the package
changes one after it is made (``dataclasses.replace`` makes a changed copy). They are not
``frozen``: a frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``,
three times the cost of a plain one, and a release makes dozens of records (about 7% of the
main job's instructions; README, Speed).

The classes made many times per release write their ``__init__`` out: the dataclass would
make one in Python, which the compiled build (setup.py) calls with an argument tuple and a
keyword dict, about 2.5 K instructions a record; mypyc compiles a written one into a direct
call, about 0.4 K. Each is the one the dataclass would make, parameter for parameter
(``tests/test_schema.py``); ``Release``, made once a release, keeps the dataclass's. A
compiled class calls a written ``__init__`` from ``__new__`` too, so each also says how
pickle (``--jobs``) makes it again: by its ``__init__``, from its fields in order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

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

    def __init__(self, start: int, end: int, tag: str = "") -> None:
        self.start = start
        self.end = end
        self.tag = tag

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return type(self), (self.start, self.end, self.tag)


@dataclass(slots=True, unsafe_hash=True)
class Source:
    path: str
    sha256: str
    bytes: int
    encoding: str
    format: str  # "text", "markdown" or "html"

    def __init__(self, path: str, sha256: str, bytes: int, encoding: str, format: str) -> None:
        self.path = path
        self.sha256 = sha256
        self.bytes = bytes
        self.encoding = encoding
        self.format = format

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return type(self), (self.path, self.sha256, self.bytes, self.encoding, self.format)


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

    def __init__(
        self,
        kind: str,
        text: str,
        start: int,
        end: int,
        quote_index: int | None = None,
        boilerplate: bool = False,
    ) -> None:
        self.kind = kind
        self.text = text
        self.start = start
        self.end = end
        self.quote_index = quote_index
        self.boilerplate = boilerplate

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return type(self), (
            self.kind,
            self.text,
            self.start,
            self.end,
            self.quote_index,
            self.boilerplate,
        )


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

    def __init__(
        self,
        criterion: str,
        score: str,
        score_value: int | None,
        scale: str | None,
        start: int,
        end: int,
        table: int = 0,
        qualifier: str | None = None,
    ) -> None:
        self.criterion = criterion
        self.score = score
        self.score_value = score_value
        self.scale = scale
        self.start = start
        self.end = end
        self.table = table
        self.qualifier = qualifier

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return type(self), (
            self.criterion,
            self.score,
            self.score_value,
            self.scale,
            self.start,
            self.end,
            self.table,
            self.qualifier,
        )


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

    def __init__(
        self,
        text: str,
        speaker: str | None,
        role: str | None,
        paragraphs: int,
        start: int,
        end: int,
        speaker_as_written: str | None = None,
        attribution: str | None = None,
    ) -> None:
        self.text = text
        self.speaker = speaker
        self.role = role
        self.paragraphs = paragraphs
        self.start = start
        self.end = end
        self.speaker_as_written = speaker_as_written
        self.attribution = attribution

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return type(self), (
            self.text,
            self.speaker,
            self.role,
            self.paragraphs,
            self.start,
            self.end,
            self.speaker_as_written,
            self.attribution,
        )


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

    def __init__(
        self,
        text: str,
        start_date: str | None,
        end_date: str | None,
        granularity: str | None,
        start: int,
        end: int,
        year_inferred: bool = False,
        part_start_date: str | None = None,
        part_end_date: str | None = None,
    ) -> None:
        self.text = text
        self.start_date = start_date
        self.end_date = end_date
        self.granularity = granularity
        self.start = start
        self.end = end
        self.year_inferred = year_inferred
        self.part_start_date = part_start_date
        self.part_end_date = part_end_date

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return type(self), (
            self.text,
            self.start_date,
            self.end_date,
            self.granularity,
            self.start,
            self.end,
            self.year_inferred,
            self.part_start_date,
            self.part_end_date,
        )


@dataclass(slots=True, unsafe_hash=True)
class NumberMention:
    text: str
    value: int | float | None
    unit: str | None
    kind: str  # "cardinal", "percent", "money", "fraction" or "ratio"
    start: int
    end: int

    def __init__(
        self,
        text: str,
        value: int | float | None,
        unit: str | None,
        kind: str,
        start: int,
        end: int,
    ) -> None:
        self.text = text
        self.value = value
        self.unit = unit
        self.kind = kind
        self.start = start
        self.end = end

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return type(self), (self.text, self.value, self.unit, self.kind, self.start, self.end)


@dataclass(slots=True, unsafe_hash=True)
class Entity:
    """A named entity found by a trained spaCy pipeline (``--model``): its label as the
    model gives it (``PERSON``, ``ORG``, ``GPE``, ...)."""

    label: str
    text: str
    start: int
    end: int

    def __init__(self, label: str, text: str, start: int, end: int) -> None:
        self.label = label
        self.text = text
        self.start = start
        self.end = end

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return type(self), (self.label, self.text, self.start, self.end)


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
