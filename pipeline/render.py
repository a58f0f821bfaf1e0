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
from pipeline.csvtext import (
    COMMA,
    LINE_END,
    Separator,
    csv_field,
    csv_utf8,
    int_piece,
    text_piece,
)
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
    overall = next((s.score for s in release.scores if is_overall(s.criterion)), None)
    scales = sorted({s.scale for s in release.scores if s.scale})
    return published, ";".join(scales) or None, overall


def is_overall(criterion: str) -> bool:
    """``criterion.casefold().startswith("overall")``, folding only its first seven
    characters (the criteria are a few dozen characters long): case folding maps each
    character on its own to one or more, so the first seven characters' folding begins
    with "overall" exactly when the whole criterion's does."""
    return criterion[:7].casefold().startswith("overall")


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
    one function per table that joins each row's fields as bytes, each with the comma or line
    break after it (several times faster than formatting each value by its type and encoding
    the lines; short texts' and small numbers' pieces are remembered, see
    :func:`pipeline.csvtext.text_piece`; tests/test_speed_tricks.py holds them to
    ``csv_lines``)."""
    rid = text_piece(release.release_id, COMMA)
    lines = {"releases": _release_line(rid, release, facts)}
    if release.sections:
        lines["sections"] = _section_lines(rid, release.sections)
    if release.scores:
        lines["scores"] = _score_lines(rid, release.scores)
    if release.quotes:
        lines["quotes"] = _quote_lines(rid, release.quotes)
    if release.dates:
        lines["dates"] = _date_lines(rid, release.dates)
    if release.numbers:
        lines["numbers"] = _number_lines(rid, release.numbers)
    return lines


def _opt_text(value: str | None, sep: Separator) -> bytes:
    """A text field's piece, or the empty field's (None) as ``csv_field`` writes it."""
    return sep.data if value is None else text_piece(value, sep)


def _value_comma(value: int | float | None) -> bytes:
    """A number field and its comma (``csv_field``: a whole number as Python writes it, a
    float by ``repr``, None empty): a number's value, a score's. Typed ``int | float``, as a
    number's value is: mypyc reads a ``float`` argument as a C double, and would write 10 as
    ``10.0``."""
    if value is None:
        return b","
    if type(value) is int:
        return int_piece(value, COMMA)
    return (csv_field(value) + ",").encode()


# One CSV line per record class, each field written out (``rid``: the release id's field and
# its comma); a table's lines are one join of their fields' pieces (pipeline.csvtext).
def _release_line(rid: bytes, release: Release, facts: Facts) -> bytes:
    published, scale, overall = facts
    source = release.source
    parts = [
        rid,
        csv_utf8(source.path),
        b",",
        text_piece(source.format, COMMA),
        text_piece(source.encoding, COMMA),
        csv_utf8(source.sha256),
        b",",
        _opt_text(release.title, COMMA),
        _opt_text(release.standfirst, COMMA),
        _opt_text(published, COMMA),
        _opt_text(scale, COMMA),
        _opt_text(overall, COMMA),
        int_piece(len(release.sections), COMMA),
        int_piece(len(release.scores), COMMA),
        int_piece(len(release.quotes), COMMA),
        int_piece(len(release.dates), COMMA),
        int_piece(len(release.numbers), COMMA),
        int_piece(len(release.warnings), COMMA),
        csv_utf8("; ".join(release.warnings)),
        b",",
        int_piece(len(release.review), COMMA),
        csv_utf8(" ".join(release.review)),
        b"\n",
    ]
    return b"".join(parts)


# A table's pieces are joined in runs of this many (or a few more: a line's pieces are added
# whole): a release of 500,000 numbers would otherwise hold millions of small pieces at once
# (several hundred times its text's size in memory).
_RUN: Final = 65_536


def _join_run(parts: list[bytes], runs: int) -> int:
    """Joins the pieces after the first ``runs`` items of ``parts`` (the runs joined before)
    into one run, in their place; returns how many runs ``parts`` begins with now. Each
    ``_..._lines`` function appends its lines' pieces to ``parts`` (a list's own ``append``)
    and calls this when ``_RUN`` of them follow the runs: ``b"".join(parts)`` is then the
    table's lines."""
    run = b"".join(parts[runs:])
    del parts[runs:]
    parts.append(run)
    return runs + 1


def _section_lines(rid: bytes, sections: Sequence[Section]) -> bytes:
    """The sections' CSV lines (UTF-8), each text's field made from the text's own UTF-8
    bytes (:func:`pipeline.csvtext.csv_utf8`; ``render_release`` writes the JSON first):
    the sections' texts are most of a release's CSV bytes."""
    parts: list[bytes] = []
    runs = 0  # the runs parts begins with (see _join_run)
    for s in sections:
        parts.append(rid)
        parts.append(text_piece(s.kind, COMMA))
        parts.append(csv_utf8(s.text))
        parts.append(b",")
        parts.append(int_piece(s.start, COMMA))
        parts.append(int_piece(s.end, COMMA))
        if s.quote_index is None:
            parts.append(b",true\n" if s.boilerplate else b",false\n")  # no quote_index
        else:
            parts.append(int_piece(s.quote_index, COMMA))
            parts.append(b"true\n" if s.boilerplate else b"false\n")
        if len(parts) - runs >= _RUN:
            runs = _join_run(parts, runs)
    return b"".join(parts)


def _score_lines(rid: bytes, scores: Sequence[Score]) -> bytes:
    parts: list[bytes] = []
    runs = 0  # the runs parts begins with (see _join_run)
    for s in scores:
        parts.append(rid)
        parts.append(text_piece(s.criterion, COMMA))
        parts.append(text_piece(s.score, COMMA))
        parts.append(_value_comma(s.score_value))
        parts.append(_opt_text(s.scale, COMMA))
        parts.append(int_piece(s.start, COMMA))
        parts.append(int_piece(s.end, COMMA))
        parts.append(int_piece(s.table, COMMA))
        parts.append(_opt_text(s.qualifier, LINE_END))
        if len(parts) - runs >= _RUN:
            runs = _join_run(parts, runs)
    return b"".join(parts)


def _quote_lines(rid: bytes, quotes: Sequence[Quote]) -> bytes:
    parts: list[bytes] = []
    runs = 0  # the runs parts begins with (see _join_run)
    for q in quotes:
        parts.append(rid)
        parts.append(csv_utf8(q.text))
        parts.append(b",")
        parts.append(_opt_text(q.speaker, COMMA))
        parts.append(_opt_text(q.role, COMMA))
        parts.append(int_piece(q.paragraphs, COMMA))
        parts.append(int_piece(q.start, COMMA))
        parts.append(int_piece(q.end, COMMA))
        parts.append(_opt_text(q.speaker_as_written, COMMA))
        parts.append(_opt_text(q.attribution, LINE_END))
        if len(parts) - runs >= _RUN:
            runs = _join_run(parts, runs)
    return b"".join(parts)


def _date_lines(rid: bytes, dates: Sequence[DateMention]) -> bytes:
    parts: list[bytes] = []
    runs = 0  # the runs parts begins with (see _join_run)
    for d in dates:
        parts.append(rid)
        parts.append(text_piece(d.text, COMMA))
        parts.append(_opt_text(d.start_date, COMMA))
        parts.append(_opt_text(d.end_date, COMMA))
        parts.append(_opt_text(d.granularity, COMMA))
        parts.append(int_piece(d.start, COMMA))
        parts.append(int_piece(d.end, COMMA))
        parts.append(b"true," if d.year_inferred else b"false,")
        parts.append(_opt_text(d.part_start_date, COMMA))
        parts.append(_opt_text(d.part_end_date, LINE_END))
        if len(parts) - runs >= _RUN:
            runs = _join_run(parts, runs)
    return b"".join(parts)


def _number_lines(rid: bytes, numbers: Sequence[NumberMention]) -> bytes:
    parts: list[bytes] = []
    runs = 0  # the runs parts begins with (see _join_run)
    for n in numbers:
        parts.append(rid)
        parts.append(text_piece(n.text, COMMA))
        parts.append(_value_comma(n.value))
        parts.append(_opt_text(n.unit, COMMA))
        parts.append(text_piece(n.kind, COMMA))
        parts.append(int_piece(n.start, COMMA))
        parts.append(int_piece(n.end, LINE_END))
        if len(parts) - runs >= _RUN:
            runs = _join_run(parts, runs)
    return b"".join(parts)


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

    # Written out, as the records' (pipeline.model): the dataclass's own __init__ is Python
    # code, which compiled code calls through the interpreter (a hundredth of rendering).
    def __init__(
        self,
        release_id: str,
        jsonl: bytes,
        json: bytes,
        lines: dict[str, bytes],
        counts: dict[str, int],
        rows: dict[str, list[list[Any]]] | None,
        index: bytes,
        grid_head: list[Any],
        cells: list[Cell],
        columns: list[tuple[str, str]],
    ) -> None:
        self.release_id = release_id
        self.jsonl = jsonl
        self.json = json
        self.lines = lines
        self.counts = counts
        self.rows = rows
        self.index = index
        self.grid_head = grid_head
        self.cells = cells
        self.columns = columns


def render_release(release: Release, *, rows: bool = False) -> Rendered:
    """Everything the output files hold of ``release``, made without writing (so a worker
    process can make it); ``rows`` keeps the rows for the workbook too."""
    rid = release.release_id
    items = [  # each table's rows, in TABLES order
        len(release.sections),
        len(release.scores),
        len(release.quotes),
        len(release.dates),
        len(release.numbers),
    ]
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
