"""What every field and column means, in one table, and the schemas derived from it.

The JSON Schema of a release record (``pipeline schema``), the Table Schemas of the CSV files
(``datapackage.json``, see :mod:`pipeline.datapackage`) and the workbook's contents sheet are
all built from the dataclasses in :mod:`pipeline.model` plus :data:`DESCRIPTIONS`: a field
added to a dataclass without a description makes :func:`release_schema` raise (and the tests
fail), so no field goes undescribed.
"""

from __future__ import annotations

import ast
import dataclasses
import sys
import types
import typing
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from pipeline.model import (
    ABSENT_UNLESS_SET,
    CONTRACT_VERSION,
    SECTION_KINDS,
    DateMention,
    NumberMention,
    Quote,
    Release,
    Score,
    Section,
)

__all__ = [
    "COLUMN_DESCRIPTIONS",
    "COLUMN_TYPES",
    "CONSTRAINTS",
    "DESCRIPTIONS",
    "GRIDS",
    "ITEM_CLASSES",
    "TABLE_DESCRIPTIONS",
    "describe",
    "field_type",
    "item_columns",
    "release_schema",
    "table_columns",
]

# Every field of every record class, as "Class.field": one line a user understands.
DESCRIPTIONS: dict[str, str] = {
    "Release.contract": "version of the output contract this record follows",
    "Release.release_id": "the input file's stem, made safe as a file name; unique in a run",
    "Release.source": "where the release came from: path, hash, size, encoding and format",
    "Release.text": "the release as the extractor saw it; every start/end indexes this text",
    "Release.title": "the headline, or null when the release has none",
    "Release.standfirst": "the one-line summary under the headline, or null",
    "Release.sections": "every non-blank paragraph, in order, exactly once",
    "Release.scores": "the ratings table rows, in table order",
    "Release.quotes": "every quotation, with its speaker and role",
    "Release.dates": "every date expression, with the ISO dates it covers",
    "Release.numbers": "every quantity that is not part of a date",
    "Release.warnings": "what the extractor could not find or was unsure of",
    "Release.entities": "with --model only (absent otherwise): the named entities the "
    "trained spaCy pipeline found",
    "Entity.label": "the entity's label as the model gives it (PERSON, ORG, GPE, ...)",
    "Entity.text": "the entity as written (text[start:end])",
    "Entity.start": "offset of the entity's first character in text",
    "Entity.end": "offset just after the entity's last character in text",
    "Release.metadata": "a web page's metadata block (label -> value), e.g. date_of_publication",
    "Release.review": "codes of the reasons a person should check the release (no-title, "
    "title-after-furniture, title-label-cut, title-in-run-on-text, unknown-scale, "
    "quote-no-speaker, page-text-small, page-fallback, page-cut, text-repaired); empty when "
    "nothing needs a look",
    "Source.path": "the input path as given, '/'-separated",
    "Source.sha256": "SHA-256 of the input's raw bytes",
    "Source.bytes": "size of the input in bytes",
    "Source.encoding": "the text encoding detected",
    "Source.format": "how the input was read: text, markdown or html",
    "Section.kind": "what the paragraph is: " + ", ".join(SECTION_KINDS),
    "Section.text": "the paragraph as written (text[start:end])",
    "Section.start": "offset of the paragraph's first character in text",
    "Section.end": "offset just after the paragraph's last character in text",
    "Section.quote_index": "for a quote paragraph, which quotation (0, 1, ...) it belongs to",
    "Section.boilerplate": "true for a metadata paragraph that is site boilerplate",
    "Score.criterion": "the row's label as written, white space collapsed",
    "Score.score": "the grade as written (e.g. Good)",
    "Score.score_value": "the grade's rank on its scale, higher is better; null when unknown",
    "Score.scale": "the rating scale the table's grades belong to (e.g. hmcpsi); null if none",
    "Score.start": "offset of the row's first character in text",
    "Score.end": "offset just after the row's last character in text",
    "Score.table": "which ratings table of the release the row is in (0, 1, ...)",
    "Score.qualifier": "the header of the grade's column in a row with several grade columns",
    "Quote.text": "the quoted words without quote marks, paragraphs joined by a blank line",
    "Quote.speaker": "the person quoted, or null when no speaker is attributed",
    "Quote.role": "the speaker's title as written, or null",
    "Quote.paragraphs": "how many paragraphs the quotation runs over",
    "Quote.start": "offset of the quotation's first character in text",
    "Quote.end": "offset just after the quotation's last character in text",
    "Quote.speaker_as_written": "the speaker's name as the attribution writes it",
    "Quote.attribution": "the attribution words as written (e.g. said Jane Doe)",
    "DateMention.text": "the date expression as written (text[start:end])",
    "DateMention.start_date": "first day the expression covers (YYYY-MM-DD)",
    "DateMention.end_date": "last day the expression covers (YYYY-MM-DD)",
    "DateMention.granularity": "day, month, year or financial_year",
    "DateMention.start": "offset of the expression's first character in text",
    "DateMention.end": "offset just after the expression's last character in text",
    "DateMention.year_inferred": "true when no year is written and the release's own was used",
    "DateMention.part_start_date": "for a part of a year (the end of 2019), the first day of "
    "the months it points at; null otherwise",
    "DateMention.part_end_date": "for a part of a year, the last day of the months it points at",
    "NumberMention.text": "the quantity as written (text[start:end])",
    "NumberMention.value": "its value (17 for 17 per cent, 1100000000 for £1.1 billion)",
    "NumberMention.unit": "what is counted, as written, ending with its head noun; for money "
    "the currency's ISO 4217 code (GBP, EUR, USD, ...)",
    "NumberMention.kind": "cardinal, percent, money, fraction or ratio (1:4: the first term "
    "over the second)",
    "NumberMention.start": "offset of the quantity's first character in text",
    "NumberMention.end": "offset just after the quantity's last character in text",
}

# Columns that are not dataclass fields: releases.csv, errors.csv and the grids.
COLUMN_DESCRIPTIONS: dict[str, str] = {
    "release_id": "the release's id (see releases.csv)",
    "source_path": "the input path as given",
    "format": "how the input was read: text, markdown or html",
    "encoding": "the text encoding detected",
    "sha256": "SHA-256 of the input's raw bytes",
    "title": "the headline",
    "standfirst": "the one-line summary under the headline",
    "published": "the day-precise date in the release's dateline or metadata",
    "scale": "the rating scale(s) of its ratings tables, ';'-separated",
    "overall_score": "the grade of a criterion that starts with 'Overall'",
    "n_sections": "number of sections",
    "n_scores": "number of ratings rows",
    "n_quotes": "number of quotations",
    "n_dates": "number of date expressions",
    "n_numbers": "number of quantities",
    "n_warnings": "number of warnings",
    "warnings": "the warnings, '; '-separated",
    "n_review": "number of review reasons",
    "review": "the review reasons' codes, space-separated",
    "path": "the refused input's path as given",
    "code": "why it was refused: missing, not-a-file, loop, unreadable, too-large, empty, "
    "binary or internal",
    "message": "the refusal in words, naming the fix",
}

# Table Schema types of the columns that are not dataclass fields (default: string).
COLUMN_TYPES: dict[str, str] = {
    "published": "date",
    **{
        f"n_{t}": "integer"
        for t in ("sections", "scores", "quotes", "dates", "numbers", "warnings", "review")
    },
}

TABLE_DESCRIPTIONS: dict[str, str] = {
    "releases": "one row per release: source, title, standfirst, headline facts and counts",
    "sections": "one row per paragraph of each release",
    "scores": "one row per ratings-table row (criterion and grade) of each release",
    "quotes": "one row per quotation, with speaker and role",
    "dates": "one row per date expression, with the ISO dates it covers",
    "numbers": "one row per quantity, with value, unit and kind",
    "errors": "one row per refused input",
    "scores_wide": "the ratings grid: one row per release, one column per criterion, "
    "cells holding the grade as written",
    "scores_wide_value": "the same grid holding each grade's rank on its scale (higher is "
    "better), for averaging and colouring",
}

# Extra JSON Schema keywords for some fields; Table Schema takes "format": "date" as its type.
_SHA256 = "^[0-9a-f]{64}$"
_ISO_DAY = r"^\d{4}-\d{2}-\d{2}$"
CONSTRAINTS: dict[str, dict[str, Any]] = {
    "Release.contract": {"const": CONTRACT_VERSION},
    "Source.sha256": {"pattern": _SHA256},
    "Source.format": {"enum": ["text", "markdown", "html"]},
    "Section.kind": {"enum": list(SECTION_KINDS)},
    "DateMention.start_date": {"format": "date", "pattern": _ISO_DAY},
    "DateMention.end_date": {"format": "date", "pattern": _ISO_DAY},
    "DateMention.granularity": {"enum": ["day", "month", "year", "financial_year", None]},
    "NumberMention.kind": {"enum": ["cardinal", "percent", "money", "fraction", "ratio"]},
}

_SCALARS: dict[Any, str] = {str: "string", int: "integer", float: "number", bool: "boolean"}
ITEM_CLASSES: dict[str, type] = {
    "sections": Section,
    "scores": Score,
    "quotes": Quote,
    "dates": DateMention,
    "numbers": NumberMention,
}


def describe(cls: type, name: str) -> str:
    """The description of field ``name`` of ``cls``.

    Raises:
        KeyError: the field has no entry in :data:`DESCRIPTIONS` (add one).
    """
    key = f"{cls.__name__}.{name}"
    if key not in DESCRIPTIONS:
        raise KeyError(f"{key} has no description: add one to pipeline.schema.DESCRIPTIONS")
    return DESCRIPTIONS[key]


def _json_type(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if tp in _SCALARS:
        return {"type": _SCALARS[tp]}
    if origin in (typing.Union, types.UnionType):
        kinds = [a for a in args if a is not type(None)]
        names = {_SCALARS.get(a) for a in kinds}
        if names == {"integer", "number"}:
            names = {"number"}
        if None in names:
            raise TypeError(f"no JSON Schema type for {tp!r}")
        both = sorted(n for n in names if n is not None)
        return {"type": [*both, "null"] if type(None) in args else both}
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        return {"type": "array", "items": _json_type(args[0], defs)}
    if origin is dict:
        return {"type": "object", "additionalProperties": _json_type(args[1], defs)}
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        if tp.__name__ not in defs:
            defs[tp.__name__] = {}  # placeholder first: a class may refer to itself
            defs[tp.__name__] = _object_schema(tp, defs)
        return {"$ref": f"#/$defs/{tp.__name__}"}
    raise TypeError(f"no JSON Schema type for {tp!r}")


@cache
def field_types(cls: type) -> dict[str, Any]:
    """A record class's field types, read from its module's source as written.

    Not ``typing.get_type_hints``: compiled by mypyc (setup.py), a class keeps only the types
    mypyc can represent (an ``int | None`` field reads as ``type``); the source says what the
    field holds whichever way the module was imported."""
    module = sys.modules[cls.__module__]  # eval below reads the package's own source only
    node = _classes(cls.__module__).get(cls.__name__)
    if node is None:
        raise LookupError(f"no class {cls.__name__} in {module.__file__}")
    return {
        item.target.id: eval(ast.unparse(item.annotation), vars(module))
        for item in node.body
        if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name)
    }


@cache
def _classes(module_name: str) -> dict[str, ast.ClassDef]:
    """The classes of a module's source by name: parsed once for all its record classes."""
    module = sys.modules[module_name]
    source = Path(str(module.__file__)).with_name(module_name.rpartition(".")[2] + ".py")
    tree = ast.parse(source.read_text("utf-8"))
    return {node.name: node for node in tree.body if isinstance(node, ast.ClassDef)}


def _object_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    hints = field_types(cls)
    props: dict[str, Any] = {}
    optional = []
    for f in dataclasses.fields(cls):
        hint = hints[f.name]
        if cls is Release and f.name in ABSENT_UNLESS_SET:
            optional.append(f.name)
            (hint,) = (a for a in typing.get_args(hint) if a is not type(None))
        prop = {"description": describe(cls, f.name), **_json_type(hint, defs)}
        prop.update(CONSTRAINTS.get(f"{cls.__name__}.{f.name}", {}))
        props[f.name] = prop
    doc = (cls.__doc__ or "").strip().splitlines()
    schema: dict[str, Any] = {"type": "object"}
    if doc and not doc[0].startswith(f"{cls.__name__}("):  # not the dataclass's own signature
        schema["description"] = doc[0]
    required = [name for name in props if name not in optional]
    schema.update({"properties": props, "required": required, "additionalProperties": False})
    return schema


def release_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one release record, as in ``releases.jsonl`` and
    ``json/<release_id>.json``: every field required (``entities`` only with ``--model``),
    no other field allowed."""
    defs: dict[str, Any] = {}
    body = _object_schema(Release, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"pipeline release record (output contract {CONTRACT_VERSION})",
        "description": "One release extracted by `pipeline extract`: its sections, ratings "
        "table, quotations, dates and quantities, each with start/end offsets into text.",
        **{k: v for k, v in body.items() if k != "description"},
        "$defs": dict(sorted(defs.items())),
    }


def field_type(cls: type, name: str) -> str:
    """The Table Schema type of a dataclass field's CSV column (``date`` for ISO dates)."""
    key = f"{cls.__name__}.{name}"
    if CONSTRAINTS.get(key, {}).get("format") == "date":
        return "date"
    types_ = _json_type(field_types(cls)[name], {})["type"]
    named = [t for t in ([types_] if isinstance(types_, str) else types_) if t != "null"]
    return named[0] if len(named) == 1 else "string"


def item_columns(table: str) -> list[tuple[str, str, str]]:
    """(column, Table Schema type, description) for each column of an item table's CSV."""
    cls = ITEM_CLASSES[table]
    columns = [("release_id", "string", COLUMN_DESCRIPTIONS["release_id"])]
    for f in dataclasses.fields(cls):
        columns.append((f.name, field_type(cls, f.name), describe(cls, f.name)))
    return columns


GRIDS = ("scores_wide", "scores_wide_value")


def table_columns(table: str, header: Sequence[str]) -> list[tuple[str, str, str]]:
    """(column, Table Schema type, description) for each column of a CSV file.

    Args:
        table: the file's name without ``.csv`` (``releases``, ``scores``, ``scores_wide``...).
        header: its header row (the grids' criterion columns vary from run to run).
    """
    if table in ITEM_CLASSES:
        return item_columns(table)
    if table in GRIDS:
        fixed = {"release_id", "title", "published", "scale"}
        kind, what = (
            ("string", "the grade for '{}', as written")
            if table == "scores_wide"
            else ("integer", "the rank of the grade for '{}' on its scale (higher is better)")
        )
        return [
            (c, COLUMN_TYPES.get(c, "string"), COLUMN_DESCRIPTIONS[c])
            if c in fixed
            else (c, kind, what.format(c))
            for c in header
        ]
    return [(c, COLUMN_TYPES.get(c, "string"), COLUMN_DESCRIPTIONS[c]) for c in header]
