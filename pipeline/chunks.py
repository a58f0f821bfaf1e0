"""``--jobs``: what a worker writes of its chunk of releases, and what it hands on.

A worker writes each release's ``json/<release_id>.json`` into the run's temporary folder
itself (the files are independent of one another), and makes the chunk's share of every other
file (the ``releases.jsonl`` lines, each table's CSV lines, the index lines), a part per file,
which it holds. The parent only learns their sizes: when the chunk's turn comes (in input
order) it says where in each file the part goes (:meth:`pipeline.export.OutputWriter.
add_chunk`), and the worker writes it there (:func:`place_chunk`), while it extracts its next
chunk. The parent copies no release's bytes, so that its own work per release is a small
fraction of a worker's. The manifest's entries of the chunk's inputs are one of those parts.

The ratings grids' lines depend on the columns of every release before (first met first).
With each placement the parent tells the worker the columns added since those it knew; a
chunk whose releases name only known columns has its grid lines made by the worker (parts
too: they go into the files of lines made as chunks come in, see
:meth:`pipeline.export.OutputWriter.add_chunk`). For another chunk (one that adds a column,
say, early in a run) the worker sends each release's fields (:class:`GridRow`) and the parent
makes the lines as the chunk comes in.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import orjson

from pipeline.csvtext import csv_field
from pipeline.export import (
    _DIR_FD,
    ENTRY_SEP,
    ENTRY_SPILL,
    LINE_PARTS,
    LINE_SPILLS,
    _create,
    grid_line_blocks,
    safe_id,
    unusable_id,
)
from pipeline.grids import Cell
from pipeline.index import NAME
from pipeline.render import Rendered, entry_text

_folders: dict[str, int | None] = {}  # a worker's JSON folder -> its descriptor (None: none)
_packed = itertools.count()  # a worker's chunks so far, for their tokens
_held: dict[str, list[tuple[str, bytes]]] = {}  # a worker's chunks not yet placed, by token
_files: dict[str, int] = {}  # a worker's output files, by path -> its descriptor (write only)
# A worker's grid columns named so far, by output folder: each is sent once, with the first
# chunk that uses it. A worker takes its chunks in input order, as the parent does, so a
# column's first chunk in the whole input is the first of its worker's chunks to use it.
_named: dict[str, set[str]] = {}
# A worker's grid columns in their places in the output, by output folder, as far as the
# parent has told it (their order is the order the parent met them in: a column never
# moves), and its grid lines' shapes under them.
_positions: dict[str, dict[str, int]] = {}
_formats: dict[str, dict[tuple[str, ...], str]] = {}
JSONL, INDEX, ENTRIES = "releases.jsonl", "index", "entries"  # the parts that are not tables
# The file each part goes into, by the part's name (a table's is its name and .csv).
PART_FILES = {JSONL: "releases.jsonl", INDEX: NAME, ENTRIES: ENTRY_SPILL}
PART_FILES.update(zip(LINE_PARTS, LINE_SPILLS, strict=True))
# Where the parts of a chunk go, in the order of its parts: its token and each part's offset;
# and the grid columns added since those its worker knew, in their order (see pack_chunk).
Placement = tuple[str, list[int], list[str]]


class GridRow(NamedTuple):  # a tuple: one per release goes to the parent, pickled
    """A release's line of each ratings grid before its cells take their columns' places:
    its head's CSV fields (joined), its cells' column keys, and their grades and ranks as CSV
    fields (a criterion met twice in one table keeps its first grade)."""

    head: str
    keys: tuple[str, ...]
    grades: list[str]
    ranks: list[str]


@dataclass(frozen=True, slots=True)
class Chunk:
    """A chunk's releases, in input order, less their JSON files (already written) and the
    bytes of their share of each other file (held by the worker until they are placed)."""

    release_ids: list[str]
    token: str  # names the parts the worker holds until they are placed
    parts: list[tuple[str, int]]  # (JSONL, a table's name, INDEX or ENTRIES, its bytes)
    counts: dict[str, int]  # table name -> their rows
    # The grid columns they use that their worker has not named before, (key, name), first
    # met first.
    columns: list[tuple[str, str]]
    rows: dict[str, list[list[Any]]] | None  # their rows as values, for the workbook
    # Their grid lines' fields; None with the workbook, which needs the cells' values: they
    # are then in ``grid_cells``, one JSON line [head, cells] per release.
    grid: list[GridRow] | None = None
    grid_cells: bytes = b""
    known: int = 0  # the grid columns its worker knew the places of (see Placement)
    # The width of the grid lines its worker made (parts LINE_PARTS; ``grid`` is then None):
    # the columns it knew, when every release's columns were among them.
    lines_width: int | None = None


def pack_chunk(
    rendered: Sequence[Rendered], entries: Sequence[dict[str, Any]] = (), *, folder: str
) -> Chunk:
    """Write each release's JSON file into ``folder/json``, and hold the rest of their bytes
    until :func:`place_chunk` is told where they go, with ``entries``, the chunk's inputs'
    manifest entries (refused ones among them) as the manifest's text.

    Raises:
        PipelineError: a ``release_id`` is unsafe as a file name, or its file exists.
    """
    json_dir = os.path.join(folder, "json")  # noqa: PTH118 - a str for os.open and the workers
    folder_fd = _folder(json_dir)
    json_path = Path(json_dir)
    ids: list[str] = []
    jsonl: list[bytes] = []
    grid: list[bytes] = []
    index_lines: list[bytes] = []
    tables: dict[str, list[bytes]] = {}
    counts: dict[str, int] = {}
    columns: dict[str, str] = {}
    rows: dict[str, list[list[Any]]] | None = None
    grid_fields: list[GridRow] = []
    named = _named.setdefault(folder, set())
    positions = _positions.setdefault(folder, {})
    shared: dict[Any, Any] = {}  # the grid rows' equal values, one object each (see grid_row)
    for r in rendered:
        rid = r.release_id
        if not safe_id(rid):
            raise unusable_id(rid)
        try:
            _create(folder_fd, json_path, f"{rid}.json", r.json)
        except FileExistsError as exc:
            raise unusable_id(rid) from exc
        ids.append(rid)
        jsonl.append(r.jsonl)
        for name, lines in r.lines.items():
            tables.setdefault(name, []).append(lines)
            counts[name] = counts.get(name, 0) + r.counts[name]
        index_lines.append(r.index)
        for key, name in r.columns:
            if key not in named:
                named.add(key)
                columns[key] = name
        if r.rows is None:
            grid_fields.append(grid_row(r.grid_head, r.cells, shared))
        else:
            grid.append(orjson.dumps([r.grid_head, r.cells], option=orjson.OPT_APPEND_NEWLINE))
            rows = rows or {}
            for name, table_rows in r.rows.items():
                rows.setdefault(name, []).extend(table_rows)
    blocks = {
        JSONL: b"".join(jsonl),
        **{name: b"".join(parts) for name, parts in tables.items()},
        INDEX: b"".join(index_lines),
        ENTRIES: "".join([f"{ENTRY_SEP}{entry_text(e)}" for e in entries]).encode(),
    }
    lines_width = None
    if rows is None and all(key in positions for row in grid_fields for key in row.keys):
        # Its grid lines can be made here, as the parent would make them (narrower when it
        # knows more columns: a line's missing last fields are added at the end).
        made = grid_line_blocks(grid_fields, positions, _formats.setdefault(folder, {}))
        blocks.update(zip(LINE_PARTS, made, strict=True))
        lines_width, grid_fields = len(positions), []
    token = f"{os.getpid()}-{next(_packed)}"
    _held[token] = list(blocks.items())
    return Chunk(
        release_ids=ids,
        token=token,
        parts=[(name, len(block)) for name, block in blocks.items()],
        counts=counts,
        columns=list(columns.items()),
        rows=rows,
        grid=grid_fields if rows is None and lines_width is None else None,
        grid_cells=b"".join(grid),
        known=len(positions),
        lines_width=lines_width,
    )


def grid_row(
    head: Sequence[Any], cells: Sequence[Cell], shared: dict[Any, Any] | None = None
) -> GridRow:
    """A release's :class:`GridRow`, from its grid head and its cells (keyed). Its key set and
    fields are taken from ``shared`` when an equal one is there (else put there): the rows of
    a chunk that share one object each pickle it once, and unpickle faster (a third of the
    time on generated releases)."""
    grades: dict[str, str] = {}
    ranks: dict[str, str] = {}
    for key, score, value in cells:
        if key not in grades:  # a repeated row keeps its first grade
            grades[key] = csv_field(score)
            ranks[key] = csv_field(value)
    head_text = ",".join([csv_field(v) for v in head])
    one = {} if shared is None else shared
    keys = tuple(grades)
    return GridRow(
        head_text,
        one.setdefault(keys, keys),
        [one.setdefault(v, v) for v in grades.values()],
        [one.setdefault(v, v) for v in ranks.values()],
    )


def place_chunk(placement: Placement, *, folder: str) -> None:
    """Write the parts of a chunk :func:`pack_chunk` made here into their files in ``folder``,
    each at the offset the placement gives it (the files' other parts come from elsewhere),
    and learn the places of the grid columns it names."""
    token, offsets, added = placement
    positions = _positions.setdefault(folder, {})
    known = len(positions)
    for key in added:  # those told with an earlier chunk's placement are known already
        if key not in positions:
            positions[key] = len(positions)
    if len(positions) != known:
        _formats.get(folder, {}).clear()
    for (name, block), offset in zip(_held.pop(token), offsets, strict=True):
        path = os.path.join(folder, PART_FILES.get(name, f"{name}.csv"))  # noqa: PTH118
        if path not in _files:
            _files[path] = os.open(path, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
        view = memoryview(block)
        while view:
            written = os.pwrite(_files[path], view, offset)
            view, offset = view[written:], offset + written


def close_files() -> None:
    """Close the output files :func:`place_chunk` opened (a worker's, at its end)."""
    while _files:
        os.close(_files.popitem()[1])


def _folder(json_dir: str) -> int | None:
    # The JSON folder's descriptor, opened once per worker (files are created relative to it).
    if json_dir not in _folders:
        _folders[json_dir] = os.open(json_dir, os.O_RDONLY | os.O_DIRECTORY) if _DIR_FD else None
    return _folders[json_dir]
