"""A release as the output files hold it: the contract's JSON object in plain types (dicts,
lists, strings, numbers), its headline row, its rows of every table, and all its bytes of every
file (:func:`render_release`).

Compiled by mypyc at install (``setup.py``): this is work done for every release. orjson
writes a dict several times faster than the same record as a dataclass (which it reads field
by field through the class's field table), so the JSON files are written from the plain
object; building it here costs less than the difference (README, Speed).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, fields
from operator import attrgetter
from typing import Any, Final

import orjson

from pipeline import index
from pipeline.csvtext import csv_field, csv_short_text, csv_text, csv_utf8
from pipeline.grids import Cell, keyed_cells, named_cells
from pipeline.model import (
    ABSENT_UNLESS_SET,
    DateMention,
    Entity,
    NumberMention,
    Quote,
    Release,
    Score,
    Section,
    Source,
)

TABLES: Final[dict[str, type]] = {
    "sections": Section,
    "scores": Score,
    "quotes": Quote,
    "dates": DateMention,
    "numbers": NumberMention,
}
RELEASE_COLUMNS: Final = (
    "release_id",
    "source_path",
    "format",
    "encoding",
    "sha256",
    "title",
    "standfirst",
    "published",
    "scale",
    "overall_score",
    "n_sections",
    "n_scores",
    "n_quotes",
    "n_dates",
    "n_numbers",
    "n_warnings",
    "warnings",
    "n_review",
    "review",
)


def field_names(cls: type) -> tuple[str, ...]:
    """A record class's fields, in definition order (the order of the files' keys and columns)."""
    return tuple(f.name for f in fields(cls))


ITEM_FIELDS: Final = {name: field_names(cls) for name, cls in TABLES.items()}
# Field values as one tuple per record (attrgetter runs in C: this is per item of every table).
_ITEM_VALUES: Final = {name: attrgetter(*names) for name, names in ITEM_FIELDS.items()}

# The release object's keys: the contract's version first, then every field of ``Release`` in
# definition order (what release_dict writes; tests/test_export.py holds the two together).
RELEASE_KEYS: Final = ("contract", *(f for f in field_names(Release) if f != "contract"))


# One function per record class, each key written out: several times faster than a generic
# loop over the class's fields (tests/test_export.py holds each to its class's fields).
def _source(s: Source) -> dict[str, Any]:
    return {
        "path": s.path,
        "sha256": s.sha256,
        "bytes": s.bytes,
        "encoding": s.encoding,
        "format": s.format,
    }


def _section(s: Section) -> dict[str, Any]:
    return {
        "kind": s.kind,
        "text": s.text,
        "start": s.start,
        "end": s.end,
        "quote_index": s.quote_index,
        "boilerplate": s.boilerplate,
    }


def _score(s: Score) -> dict[str, Any]:
    return {
        "criterion": s.criterion,
        "score": s.score,
        "score_value": s.score_value,
        "scale": s.scale,
        "start": s.start,
        "end": s.end,
        "table": s.table,
        "qualifier": s.qualifier,
    }


def _quote(q: Quote) -> dict[str, Any]:
    return {
        "text": q.text,
        "speaker": q.speaker,
        "role": q.role,
        "paragraphs": q.paragraphs,
        "start": q.start,
        "end": q.end,
        "speaker_as_written": q.speaker_as_written,
        "attribution": q.attribution,
    }


def _date(d: DateMention) -> dict[str, Any]:
    return {
        "text": d.text,
        "start_date": d.start_date,
        "end_date": d.end_date,
        "granularity": d.granularity,
        "start": d.start,
        "end": d.end,
        "year_inferred": d.year_inferred,
        "part_start_date": d.part_start_date,
        "part_end_date": d.part_end_date,
    }


def _number(n: NumberMention) -> dict[str, Any]:
    return {
        "text": n.text,
        "value": n.value,
        "unit": n.unit,
        "kind": n.kind,
        "start": n.start,
        "end": n.end,
    }


def _entity(e: Entity) -> dict[str, Any]:
    return {"label": e.label, "text": e.text, "start": e.start, "end": e.end}


def release_dict(release: Release) -> dict[str, Any]:
    """The contract's release object in plain JSON types (dicts and lists), keys in the order
    the files have them; ``entities`` is left out while it is None (``ABSENT_UNLESS_SET``)."""
    out: dict[str, Any] = {
        "contract": release.contract,
        "release_id": release.release_id,
        "source": _source(release.source),
        "text": release.text,
        "title": release.title,
        "standfirst": release.standfirst,
        "sections": [_section(s) for s in release.sections],
        "scores": [_score(s) for s in release.scores],
        "quotes": [_quote(q) for q in release.quotes],
        "dates": [_date(d) for d in release.dates],
        "numbers": [_number(n) for n in release.numbers],
        "warnings": list(release.warnings),
        "metadata": dict(release.metadata),
        "review": list(release.review),
    }
    if release.entities is not None:
        out["entities"] = [_entity(e) for e in release.entities]
    return out


Facts = tuple[str | None, str | None, str | None]  # published, scale, overall_score


def headline(release: Release) -> dict[str, Any]:
    """One spreadsheet row of headline facts and counts for a release."""
    published, scale, overall = headline_facts(release)
    return {
        "release_id": release.release_id,
        "source_path": release.source.path,
        "format": release.source.format,
        "encoding": release.source.encoding,
        "sha256": release.source.sha256,
        "title": release.title,
        "standfirst": release.standfirst,
        "published": published,
        "scale": scale,
        "overall_score": overall,
        "n_sections": len(release.sections),
        "n_scores": len(release.scores),
        "n_quotes": len(release.quotes),
        "n_dates": len(release.dates),
        "n_numbers": len(release.numbers),
        "n_warnings": len(release.warnings),
        "warnings": "; ".join(release.warnings) or None,
        "n_review": len(release.review),
        "review": " ".join(release.review) or None,
    }


def headline_facts(release: Release) -> Facts:
    """The headline row's facts that are not a field: the day published (the first day date
    in the title or metadata), the rating scales and the overall grade."""
    meta_spans = [(s.start, s.end) for s in release.sections if s.kind in ("metadata", "title")]
    published = next(
        (
            d.start_date
            for d in release.dates
            if d.granularity == "day" and any(a <= d.start < b for a, b in meta_spans)
        ),
        None,
    )
    overall = next(
        (s.score for s in release.scores if s.criterion.casefold().startswith("overall")), None
    )
    scales = sorted({s.scale for s in release.scores if s.scale})
    return published, ";".join(scales) or None, overall


def table_rows(release: Release) -> dict[str, list[list[Any]]]:
    """The release's row of ``releases.csv`` (its :func:`headline`) and its rows of every
    table where it has rows, as values: what the workbook writes, and what
    :func:`table_lines` writes as CSV."""
    head = headline(release)
    rows = {"releases": [[head[c] for c in RELEASE_COLUMNS]]}
    rid = release.release_id
    for name in TABLES:
        items = getattr(release, name)
        if items:
            values = _ITEM_VALUES[name]
            rows[name] = [[rid, *values(item)] for item in items]
    return rows


def table_lines(release: Release, facts: Facts) -> dict[str, bytes]:
    """The release's CSV lines (UTF-8) of ``releases.csv`` and of every table where it has
    rows (``facts``: its :func:`headline_facts`): ``csv_lines`` of :func:`table_rows`, made by
    one function per table that writes a row's fields out by hand (several times faster than
    formatting each value by its type; short texts' fields are remembered, see
    :func:`pipeline.csvtext.csv_short_text`; tests/test_speed_tricks.py holds them to
    ``csv_lines``)."""
    rid = csv_text(release.release_id)
    lines = {"releases": _release_line(release, facts).encode()}
    if release.sections:
        lines["sections"] = _section_lines(rid, release.sections)
    if release.scores:
        lines["scores"] = "".join([_score_line(rid, s) for s in release.scores]).encode()
    if release.quotes:
        lines["quotes"] = "".join([_quote_line(rid, q) for q in release.quotes]).encode()
    if release.dates:
        lines["dates"] = "".join([_date_line(rid, d) for d in release.dates]).encode()
    if release.numbers:
        lines["numbers"] = "".join([_number_line(rid, n) for n in release.numbers]).encode()
    return lines


def _opt_text(value: str | None) -> str:
    return "" if value is None else csv_short_text(value)


def _opt_int(value: int | None) -> str:
    return "" if value is None else str(value)


def _bool(value: bool) -> str:
    return "true" if value else "false"


# One CSV line per record class, each field written out (``rid``: the release id's field);
# the fields of short texts, most of them met before, are looked up (csv_short_text).
def _release_line(release: Release, facts: Facts) -> str:
    published, scale, overall = facts
    source = release.source
    return (
        f"{csv_text(release.release_id)},{csv_text(source.path)},{csv_short_text(source.format)},"
        f"{csv_short_text(source.encoding)},{csv_text(source.sha256)},"
        f"{_opt_text(release.title)},{_opt_text(release.standfirst)},{_opt_text(published)},"
        f"{_opt_text(scale)},{_opt_text(overall)},{len(release.sections)},{len(release.scores)},"
        f"{len(release.quotes)},{len(release.dates)},{len(release.numbers)},"
        f"{len(release.warnings)},{csv_text('; '.join(release.warnings))},"
        f"{len(release.review)},{csv_text(' '.join(release.review))}\n"
    )


def _section_lines(rid: str, sections: Sequence[Section]) -> bytes:
    """The sections' CSV lines (UTF-8), each text's field made from the text's own UTF-8
    bytes (:func:`pipeline.csvtext.csv_utf8`; ``render_release`` writes the JSON first):
    the sections' texts are most of a release's CSV bytes."""
    head = f"{rid},".encode()
    parts = []
    for s in sections:
        parts.append(head)
        parts.append(f"{csv_short_text(s.kind)},".encode())
        parts.append(csv_utf8(s.text))
        parts.append(
            f",{s.start},{s.end},{_opt_int(s.quote_index)},{_bool(s.boilerplate)}\n".encode()
        )
    return b"".join(parts)


def _score_line(rid: str, s: Score) -> str:
    return (
        f"{rid},{csv_short_text(s.criterion)},{csv_short_text(s.score)},{_opt_int(s.score_value)},"
        f"{_opt_text(s.scale)},{s.start},{s.end},{s.table},{_opt_text(s.qualifier)}\n"
    )


def _quote_line(rid: str, q: Quote) -> str:
    return (
        f"{rid},{csv_text(q.text)},{_opt_text(q.speaker)},{_opt_text(q.role)},{q.paragraphs},"
        f"{q.start},{q.end},{_opt_text(q.speaker_as_written)},{_opt_text(q.attribution)}\n"
    )


def _date_line(rid: str, d: DateMention) -> str:
    return (
        f"{rid},{csv_short_text(d.text)},{_opt_text(d.start_date)},{_opt_text(d.end_date)},"
        f"{_opt_text(d.granularity)},{d.start},{d.end},{_bool(d.year_inferred)},"
        f"{_opt_text(d.part_start_date)},{_opt_text(d.part_end_date)}\n"
    )


def _number_line(rid: str, n: NumberMention) -> str:
    return (
        f"{rid},{csv_short_text(n.text)},{csv_field(n.value)},{_opt_text(n.unit)},{csv_short_text(n.kind)},"
        f"{n.start},{n.end}\n"
    )


# Up to this many items, a release is written from its plain object (release_dict): much
# faster to write; beyond it (a release of 500,000 numbers, say), a dict per item would weigh
# several times what the items themselves do.
_DICTS_UP_TO = 20_000
_JSONL: Final = orjson.OPT_APPEND_NEWLINE
_JSON_FILE: Final = orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE
_INDEXED_TABLES: Final = ("releases", *TABLES)  # the CSV files, in the order the index has them


def release_json(release: Release) -> dict[str, Any]:
    """The release object with its items left as dataclasses, which orjson writes field by
    field in definition order: the same bytes as :func:`release_dict` gives, slower, but
    without a dict per item (for a release with more than ``_DICTS_UP_TO`` items)."""
    d = {key: getattr(release, key) for key in RELEASE_KEYS}
    for key in ABSENT_UNLESS_SET:
        if d[key] is None:
            del d[key]
    return d


@dataclass(slots=True)
class Rendered:
    """One release's share of every output file, as bytes ready to write, and what the
    ratings grids need of it: made where the release is extracted (in a worker with
    ``--jobs``), then written by :meth:`pipeline.export.OutputWriter.add_rendered` or packed
    with others by :func:`pipeline.chunks.pack_chunk`. Not frozen (nothing changes one after
    it is made): a frozen class compiled by mypyc cannot be unpickled."""

    release_id: str
    jsonl: bytes  # its releases.jsonl line
    json: bytes  # its json/<release_id>.json file
    lines: dict[str, bytes]  # table name -> its CSV lines (tables where it has rows)
    counts: dict[str, int]  # table name -> its rows (the same tables)
    rows: dict[str, list[list[Any]]] | None  # the same rows as values, for the workbook
    index: bytes  # its line of the output's index (``.index.jsonl``)
    grid_head: list[Any]  # its GRID_KEYS values, for the ratings grids
    cells: list[Cell]  # its grid cells (column key, grade, rank), one per ratings row
    columns: list[tuple[str, str]]  # each cell's column: (key, name as first written)


def render_release(release: Release, *, rows: bool = False) -> Rendered:
    """Everything the output files hold of ``release``, made without writing (so a worker
    process can make it); ``rows`` keeps the rows for the workbook too."""
    rid = release.release_id
    items = [len(getattr(release, name)) for name in TABLES]  # each table's rows
    d = release_dict(release) if sum(items) <= _DICTS_UP_TO else release_json(release)
    jsonl = orjson.dumps(d, option=_JSONL)
    facts = headline_facts(release)
    lines = table_lines(release, facts)
    counts = {name: n for name, n in zip(TABLES, items, strict=True) if n}
    counts["releases"] = 1
    published, scale, _ = facts
    head: list[Any] = [rid, release.title, published, scale]  # GRID_KEYS
    scores = [(rid, s.criterion, s.score, s.score_value, s.table) for s in release.scores]
    named = named_cells(scores)
    cells, columns = keyed_cells(named)
    sizes = [len(jsonl), *[len(lines.get(name, b"")) for name in _INDEXED_TABLES]]
    return Rendered(
        release_id=rid,
        jsonl=jsonl,
        json=orjson.dumps(d, option=_JSON_FILE),
        lines=lines,
        counts=counts,
        rows=table_rows(release) if rows else None,
        index=index.release_line(rid, sizes, items, head, named),
        grid_head=head,
        cells=cells,
        columns=columns,
    )


_TEXT: Final = json.encoder.encode_basestring  # (in C) json.dumps(text, ensure_ascii=False)


def entry_text(entry: dict[str, Any]) -> str:
    """An input's manifest entry as ``json.dumps(entry, ensure_ascii=False, indent=2)``
    writes it, indented to sit in the manifest's ``inputs`` list. Made by hand when its values
    are text, whole numbers, booleans or null, as they are: json's indenting encoder is
    written in Python, and took a tenth of an incremental run over 10,000 inputs."""
    parts = []
    for key, value in entry.items():
        text = _scalar_json(value)
        if text is None or type(key) is not str:
            return json.dumps(entry, ensure_ascii=False, indent=2).replace("\n", "\n    ")
        parts.append(f"      {_TEXT(key)}: {text}")
    return "{\n" + ",\n".join(parts) + "\n    }" if parts else "{}"


def _scalar_json(value: Any) -> str | None:
    """What ``json.dumps(value, ensure_ascii=False)`` gives for a text, a whole number, a
    boolean or null; None for any other value."""
    kind = type(value)
    if kind is str:
        return _TEXT(value)
    if kind is int:
        return str(value)
    if kind is bool:
        return "true" if value else "false"
    return "null" if value is None else None
