"""``--jobs``: a worker's chunk of releases as one payload, most of it written by the worker.

A worker writes each release's ``json/<release_id>.json`` into the run's temporary folder
itself (the files are independent of one another), and joins the rest of the chunk's share of
every file into one block of bytes per file: the ``releases.jsonl`` lines, each table's CSV
lines, the ratings grids' spilled cells. The parent writes each block with one call, in input
order (:meth:`pipeline.export.OutputWriter.add_chunk`), so that its own work per release is a
small fraction of a worker's.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

from pipeline.errors import PipelineError
from pipeline.export import _DIR_FD, _SAFE_ID, Rendered, _create
from pipeline.grids import score_cells

_folders: dict[str, int | None] = {}  # a worker's JSON folder -> its descriptor (None: none)


@dataclass(frozen=True, slots=True)
class Chunk:
    """A chunk's releases, in input order, less their JSON files (already written)."""

    release_ids: list[str]
    jsonl: bytes  # their releases.jsonl lines
    tables: dict[str, bytes]  # table name -> their CSV lines (tables where they have rows)
    counts: dict[str, int]  # table name -> their rows
    grid: bytes  # their ratings grids' cells, as OutputWriter spills them
    columns: list[tuple[str, str]]  # the grid columns they use, (key, name), first met first
    rows: dict[str, list[list[Any]]] | None  # their rows as values, for the workbook


def pack_chunk(rendered: Sequence[Rendered], json_dir: str) -> Chunk:
    """Write each release's JSON file into ``json_dir`` and join the rest into a chunk.

    Raises:
        PipelineError: a ``release_id`` is unsafe as a file name, or its file exists.
    """
    folder_fd = _folder(json_dir)
    ids, jsonl, grid = [], [], []
    tables: dict[str, list[str]] = {}
    counts: dict[str, int] = {}
    columns: dict[str, str] = {}
    rows: dict[str, list[list[Any]]] | None = None
    for r in rendered:
        rid = r.release_id
        if not _SAFE_ID.fullmatch(rid) or not rid.strip("."):
            raise _unusable(rid)
        try:
            _create(folder_fd, Path(json_dir), f"{rid}.json", r.json)
        except FileExistsError as exc:
            raise _unusable(rid) from exc
        ids.append(rid)
        jsonl.append(r.jsonl)
        for name, lines in r.lines.items():
            tables.setdefault(name, []).append(lines)
            counts[name] = counts.get(name, 0) + r.counts[name]
        cells, names = score_cells(r.grid_scores)
        grid.append(orjson.dumps([r.grid_head, cells], option=orjson.OPT_APPEND_NEWLINE))
        for key, name in names:
            columns.setdefault(key, name)
        if r.rows is not None:
            rows = rows or {}
            for name, table_rows in r.rows.items():
                rows.setdefault(name, []).extend(table_rows)
    return Chunk(
        release_ids=ids,
        jsonl=b"".join(jsonl),
        tables={name: "".join(parts).encode("utf-8") for name, parts in tables.items()},
        counts=counts,
        grid=b"".join(grid),
        columns=list(columns.items()),
        rows=rows,
    )


def _unusable(rid: str) -> PipelineError:
    # What the writer says (OutputWriter._claim).
    return PipelineError(f"release_id {rid!r} is unsafe as a file name or not unique in this run")


def _folder(json_dir: str) -> int | None:
    # The JSON folder's descriptor, opened once per worker (files are created relative to it).
    if json_dir not in _folders:
        _folders[json_dir] = os.open(json_dir, os.O_RDONLY | os.O_DIRECTORY) if _DIR_FD else None
    return _folders[json_dir]
