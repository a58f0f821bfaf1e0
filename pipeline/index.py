"""The output's index (``.index.jsonl``): where each release's share of each file lies.

The writer adds one line per release, in output order: its id, the size in bytes of its share
of ``releases.jsonl`` and of each CSV table, its row count in each item table, and what the
ratings grids need of it (its grid head and criterion cells). Sizes, not offsets: a release's
line does not depend on what comes before it, so ``--incremental`` copies the lines of
unchanged releases as bytes, with their shares of the other files (see
:mod:`pipeline.incremental`), and never parses the earlier files. The first line names the
files and the size of each file's header.

The ratings grids are written at the end, when their columns are known; their index
(``.index-grids.jsonl``) then gives the columns (key and header, in order), the size of each
grid's header, and each release's line sizes in both grids. An incremental run whose columns
come out the same copies the grid lines of unchanged releases too; otherwise it makes them
again from the cells in ``.index.jsonl``.

    {"index":1,"files":{"releases.jsonl":0,"releases.csv":251,"sections.csv":52,...}}
    ["a",[20931,877,1402,655,880,1210,4512],[14,7,2,9,40],["a","Title","2024-05-01",null],[...]]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import accumulate
from pathlib import Path
from typing import IO, Any

import orjson

NAME = ".index.jsonl"
GRIDS = ".index-grids.jsonl"
GRID_FILES = ("scores_wide.csv", "scores_wide_value.csv", GRIDS)
VERSION = 1
# A grid cell as the index keeps it: (column name as first written, grade, rank).
NamedCell = tuple[str, str, int | None]
_COPY_BLOCK = 1 << 20


class IndexWriter:
    """Writes the index beside the files it describes (``headers``: each file's name and the
    size of its header, in the order of a line's sizes)."""

    def __init__(self, path: Path, headers: dict[str, int]) -> None:
        self.file: IO[bytes] = path.open("wb")
        self.file.write(orjson.dumps({"index": VERSION, "files": headers}) + b"\n")

    def add(self, line: bytes) -> None:
        """Add a release's line (:func:`release_line`)."""
        self.file.write(line)

    def close(self) -> None:
        self.file.close()


def release_line(
    release_id: str,
    sizes: Sequence[int],
    counts: Sequence[int],
    head: Sequence[Any],
    cells: Sequence[NamedCell],
) -> bytes:
    """A release's index line: its id, the sizes of its shares, its row counts, grid head and
    grid cells."""
    return orjson.dumps([release_id, sizes, counts, head, cells], option=orjson.OPT_APPEND_NEWLINE)


def text_size(text: str) -> int:
    """The size of ``text`` in UTF-8 (without encoding it when it is ASCII)."""
    return len(text) if text.isascii() else len(text.encode("utf-8"))


class Index:
    """An earlier output's index, read back: each release's position, row counts and grid
    data, and where its share of each file (the index included) begins and ends."""

    def __init__(self, folder: Path, headers: dict[str, int], lines: list[bytes]) -> None:
        self.folder = folder
        self.files = [*headers, NAME]
        # Each release's line is kept as bytes and read again when its release is taken: its
        # values in Python objects would take six times the room.
        self.lines = lines[1:]
        self.grid_columns: list[tuple[str, str]] | None = None  # see read_grids
        self._grid_starts: list[list[int]] = []
        self.position: dict[str, int] = {}
        every: list[list[int]] = []
        for at, line in enumerate(self.lines):
            release_id, sizes, *_ = orjson.loads(line)
            self.position[release_id] = at
            if len(sizes) != len(headers):
                raise ValueError("an index line with the wrong number of sizes")
            every.append(sizes)
        if len(self.position) != len(self.lines):
            raise ValueError("an index that names a release twice")
        self._starts = _starts(list(headers.values()), every, lines)

    def record(self, at: int) -> list[Any]:
        """Release ``at``'s line: id, sizes, row counts, grid head, grid cells."""
        result: list[Any] = orjson.loads(self.lines[at])
        return result

    def matches_files(self) -> bool:
        """Whether every file has the size its index gives it (a file edited since, or
        missing, does not)."""
        try:
            return _sizes_agree(self.folder, self.files, self._starts)
        except OSError:
            return False

    def share(self, name: str, at: int) -> bytes:
        """Release ``at``'s share of file ``name``."""
        starts = self._starts[self.files.index(name)]
        with (self.folder / name).open("rb") as fh:
            fh.seek(starts[at])
            return fh.read(starts[at + 1] - starts[at])

    def copy(self, first: int, end: int, targets: Sequence[IO[bytes]]) -> None:
        """Copy the shares of releases ``first`` to ``end`` (excluded), one block per file,
        into ``targets`` (one per file, in :attr:`files` order)."""
        _copy(self.folder, zip(self.files, self._starts, targets, strict=True), first, end)

    def copy_grids(self, first: int, end: int, targets: Sequence[IO[bytes]]) -> None:
        """The same for the grid lines (and their sizes) of releases ``first`` to ``end``,
        into ``targets`` (one per file of :data:`GRID_FILES`); only when
        :attr:`grid_columns` is not None."""
        _copy(self.folder, zip(GRID_FILES, self._grid_starts, targets, strict=True), first, end)

    def read_grids(self) -> None:
        """Read the grids' index: :attr:`grid_columns` stays None when there is none, or it
        does not agree with the grid files."""
        try:
            lines = (self.folder / GRIDS).read_bytes().split(b"\n")
            if lines.pop() or len(lines) != len(self.lines) + 1:
                return
            first = orjson.loads(lines[0])
            sizes = orjson.loads(b"[" + b",".join(lines[1:]) + b"]")
            starts = _starts(first["headers"], sizes, lines)
            if _sizes_agree(self.folder, GRID_FILES, starts):
                self._grid_starts = starts
                self.grid_columns = [tuple(pair) for pair in first["columns"]]
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            return


def _starts(
    headers: Sequence[int], sizes: Sequence[Sequence[int]], lines: Sequence[bytes]
) -> list[list[int]]:
    """Where each release's share of each file starts (and the last one ends), from the
    files' header sizes and the releases' share sizes; last, the same for the index file
    itself, whose ``lines`` (its first line included) are the shares."""
    starts = [
        list(accumulate((s[k] for s in sizes), initial=start)) for k, start in enumerate(headers)
    ]
    starts.append(
        list(accumulate((len(line) + 1 for line in lines[1:]), initial=len(lines[0]) + 1))
    )
    return starts


def _sizes_agree(folder: Path, names: Iterable[str], starts: Sequence[list[int]]) -> bool:
    """Whether each file in ``folder`` ends where its starts say (raises OSError when one
    is missing)."""
    return all(
        (folder / name).stat().st_size == at[-1] for name, at in zip(names, starts, strict=True)
    )


def _copy(folder: Path, parts: Iterable[tuple[str, list[int], IO[bytes]]], a: int, b: int) -> None:
    buffer = memoryview(bytearray(_COPY_BLOCK))
    for name, starts, target in parts:
        left = starts[b] - starts[a]
        with (folder / name).open("rb", buffering=0) as source:
            source.seek(starts[a])
            while left:
                got = source.readinto(buffer[: min(left, _COPY_BLOCK)])
                if not got:
                    raise OSError(f"{name} in {folder} is shorter than its index says")
                target.write(buffer[:got])
                left -= got


def write_grid_index(
    path: Path, columns: Sequence[tuple[str, str]], headers: Sequence[int]
) -> IO[bytes]:
    """Open the grids' index and write its first line; the caller adds each release's line
    sizes (:func:`grid_sizes`)."""
    fh = path.open("wb")
    fh.write(orjson.dumps({"columns": columns, "headers": headers}) + b"\n")
    return fh


def grid_sizes(grade_line: str, rank_line: str) -> bytes:
    """A release's line of the grids' index."""
    return b"[%d,%d]\n" % (text_size(grade_line), text_size(rank_line))


def read_index(folder: Path, headers: dict[str, int]) -> Index | None:
    """``folder``'s index if it describes the files the writer writes now (``headers``: their
    names and header sizes, in order) and their sizes agree with it; else None."""
    try:
        lines = (folder / NAME).read_bytes().split(b"\n")
    except OSError:
        return None
    if len(lines) < 2 or lines.pop():  # the last line ends with a line break
        return None
    try:
        first = orjson.loads(lines[0])
        if first.get("index") != VERSION or list(first["files"].items()) != list(headers.items()):
            return None
        index = Index(folder, headers, lines)
    except (ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None
    if not index.matches_files():
        return None
    index.read_grids()
    return index
