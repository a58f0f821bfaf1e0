"""Releases -> the contract's files, written into a temporary folder and swapped in at once.

A run killed at any moment leaves the previous output folder complete and unchanged: nothing
is written into ``--out`` itself; the finished folder replaces it in one atomic exchange
(``renameat2(RENAME_EXCHANGE)`` on Linux, two renames elsewhere).
"""

from __future__ import annotations

import ctypes
import errno
import heapq
import io
import itertools
import json
import os
import re
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager, suppress
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, BinaryIO

import orjson

from pipeline import index
from pipeline.csvtext import csv_lines, grid_lines, guard
from pipeline.datapackage import data_package
from pipeline.errors import PipelineError
from pipeline.grids import Cell, Columns, grid_rows
from pipeline.model import Release
from pipeline.packed import StringSet
from pipeline.render import ITEM_FIELDS, RELEASE_COLUMNS, TABLES
from pipeline.render import Rendered as Rendered  # made per release; written here
from pipeline.render import entry_text as entry_text  # a manifest entry's text
from pipeline.render import render_release as render_release
from pipeline.schema import table_columns

if TYPE_CHECKING:
    from pipeline.chunks import Chunk, GridRow, Placement
    from pipeline.incremental import Copied
    from pipeline.index import Index
    from pipeline.workbook import Sheet

ERROR_COLUMNS = ("path", "code", "message")
# What finish() writes the ratings grids from, one JSON line each (removed before the folder is
# swapped in): a release's grid head and cells, or (with --jobs) where the lines made as chunks
# came in go, or (with --incremental) a run of releases copied from an earlier output.
_GRID_SPILL = "grid-rows.jsonl.tmp"
# With --jobs, the grids' lines as chunks come in (made by the workers, or by
# OutputWriter._add_grid_lines): each grid's lines, and their sizes as the grids' index has
# them.
LINE_SPILLS = ("grid-grades.tmp", "grid-ranks.tmp", "grid-sizes.tmp")
LINE_PARTS = ("grid-grades", "grid-ranks", "grid-sizes")  # a chunk's parts that go there
# The manifest's entries of the inputs, in path order, as manifest.json's "inputs" list has
# them (see add_entry): copied into it whole at the end.
ENTRY_SPILL = "manifest-inputs.tmp"  # each entry with ENTRY_SEP before it
# What goes before each entry in manifest.json's inputs list; the first has no comma.
ENTRY_SEP, _FIRST_SEP = ",\n    ", "\n    "
_SAFE_ID = re.compile(r"[A-Za-z0-9._-]+")
# The buffer of releases.jsonl and of each table: a release's line of releases.jsonl is about
# 10 KB, beyond the default 8 KB (one write call per release, each table's another every few).
_BUFFER = 1 << 16
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)


def _csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A whole CSV file's text (header first), each line ended by ``\n``."""
    return csv_lines([header, *rows])


# The files the index (.index.jsonl) describes, in its order, with the size of their headers.
INDEXED = {
    "releases.jsonl": 0,
    "releases.csv": index.text_size(csv_lines([RELEASE_COLUMNS])),
    **{
        f"{n}.csv": index.text_size(csv_lines([("release_id", *f)])) for n, f in ITEM_FIELDS.items()
    },
}


_DIR_FD = os.open in os.supports_dir_fd and hasattr(os, "O_DIRECTORY")


@contextmanager
def _folder_fd(folder: Path) -> Iterator[int | None]:
    """A descriptor of ``folder`` where the OS allows files to be named relative to one."""
    if not (_DIR_FD and os.link in os.supports_dir_fd):
        yield None
        return
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        yield fd
    finally:
        os.close(fd)


def _create(folder_fd: int | None, folder: Path, name: str, data: bytes) -> None:
    """Create the new file ``folder/name`` holding ``data``, through ``folder_fd`` if given."""
    if folder_fd is None:
        (folder / name).write_bytes(data)
        return
    fd = os.open(name, _CREATE, 0o666, dir_fd=folder_fd)  # 0o666: what open() asks for
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def _write_json(path: Path, value: Any) -> None:
    """``json.dumps(value, ensure_ascii=False, indent=2)`` and a newline, written in blocks:
    as one string, a manifest of 50,000 inputs would double the run's peak memory, and
    ``json.dump``'s one write per token costs twice the time."""
    chunks = json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(value)
    with path.open("w", encoding="utf-8", newline="") as fh:
        while block := "".join(itertools.islice(chunks, 4096)):
            fh.write(block)
        fh.write("\n")


def _write_manifest(path: Path, manifest: dict[str, Any], inputs: Iterable[Any]) -> None:
    """What :func:`_write_json` writes for ``manifest`` with its ``"inputs"`` list taken from
    ``inputs``, written an entry at a time: the entries need never be in memory together."""
    before, after = _manifest_around(manifest)
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(before)
        sep = _FIRST_SEP
        for entry in inputs:
            fh.write(f"{sep}{entry_text(entry)}")
            sep = ENTRY_SEP
        fh.write("]" if sep == _FIRST_SEP else "\n  ]")
        fh.write(after)


def _manifest_around(manifest: dict[str, Any]) -> tuple[str, str]:
    """What :func:`_write_json` writes for ``manifest`` before its ``"inputs"`` entries (up
    to the list's ``[``) and after them (from the line after the list's ``]``)."""
    marker = '\n  "inputs": []'
    text = json.dumps({**manifest, "inputs": []}, ensure_ascii=False, indent=2)
    before, after = text.split(marker)  # "inputs" is a key of the top object only
    return before + '\n  "inputs": [', after + "\n"


def _write(path: Path, content: str) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(content)


def write_outputs(
    out_dir: Path,
    releases: Iterable[Release],
    errors: Sequence[dict[str, str]],
    manifest: dict[str, Any],
    *,
    xlsx: bool = False,
) -> None:
    """Write every contract file for ``releases`` and swap the result into ``out_dir``.

    Args:
        out_dir: the output folder; replaced as a whole.
        releases: extracted releases, in output order.
        errors: refused inputs (``path``, ``code``, ``message``) for ``errors.csv``.
        manifest: the manifest object; row counts per table are added here.
        xlsx: also write ``releases.xlsx`` with one sheet per table.

    Raises:
        PipelineError: ``out_dir`` is a file, or a folder that holds something other than an
            earlier output (see :func:`check_out`); or two releases share a ``release_id``.
    """
    with OutputWriter(out_dir, xlsx=xlsx) as writer:
        for release in releases:
            writer.add(release)
        writer.finish(errors, manifest)


def safe_id(rid: str) -> bool:
    """Whether ``rid`` may name a file: letters, digits, ``.``, ``_``, ``-``, not dots only."""
    return bool(_SAFE_ID.fullmatch(rid)) and bool(rid.strip("."))


def unusable_id(rid: str) -> PipelineError:
    """The error for a release id that is unsafe as a file name or already used."""
    return PipelineError(f"release_id {rid!r} is unsafe as a file name or not unique in this run")


class OutputWriter:
    """The contract files, written release by release into a temporary folder beside
    ``out_dir`` and swapped in by :meth:`finish`.

    Nothing is kept per release (memory stays flat however many there are), except the rows
    of the workbook when ``xlsx`` asks for one. Leaving the ``with`` block without
    :meth:`finish` (an error, Ctrl-C) removes the temporary folder: ``out_dir`` is untouched.
    With ``processes`` > 1 (``--jobs``), that many processes remove the output replaced.
    """

    def __init__(self, out_dir: Path, *, xlsx: bool = False, processes: int = 1) -> None:
        self.out_dir = check_out(out_dir)
        self._processes = processes  # that share the removal of the output replaced
        self.out_dir.parent.mkdir(parents=True, exist_ok=True)
        recover(self.out_dir)
        prefix = f"{_tmp_prefix(self.out_dir)}{os.getpid()}-"
        self.tmp = Path(tempfile.mkdtemp(prefix=prefix, dir=self.out_dir.parent))
        self._json_dir = self.tmp / "json"
        self._json_fd: int | None = None
        self._jsonl: BinaryIO | None = None
        self._tables: dict[str, BinaryIO] = {}
        self._seen = StringSet()  # casefolded release ids (compact: one per input)
        self.counts: dict[str, int] = {"releases": 0, "errors": 0, **dict.fromkeys(TABLES, 0)}
        # Releases taken from an earlier output (--incremental), one run of them in its
        # order, not yet written (see add_copied).
        self._run: list[Copied] = []
        self._index: index.IndexWriter | None = None
        self._earlier: Index | None = None  # the output they were taken from
        # The ratings grids are written at the end: only their columns are kept until then,
        # each release's cells go to a file in the temporary folder.
        self._columns = Columns()
        self._grid_spill: io.BufferedWriter | None = None
        # With --jobs: the grids' lines made so far (opened with the first chunk), the bytes
        # in each, and each column's place.
        self._line_spills: list[io.BufferedWriter] = []
        self._line_ends = [0, 0, 0]
        self._positions: dict[str, int] = {}  # each column key's place, made when one is added
        self._keys: list[str] = []  # the column keys in their order (workers are told them)
        self._line_formats: dict[tuple[str, ...], str] = {}  # by a release's column keys
        # With --jobs, once workers write parts of the files: where each of them ends.
        self._ends: dict[str, int] | None = None
        self._entries: BinaryIO | None = None  # the manifest's entries (add_entry)
        # The workbook needs every row at the end: kept only when it is asked for.
        self._book: dict[str, list[list[Any]]] | None = (
            {"releases": [], **{name: [] for name in TABLES}} if xlsx else None
        )
        try:
            self._open()
        except BaseException:
            self.close()  # a full disk, say: no temporary folder is left behind
            raise

    def _open(self) -> None:
        self._json_dir.mkdir()
        # The JSON files are created relative to their folder's descriptor, where the OS
        # allows: no walk down the whole path for each of thousands of files.
        if _DIR_FD:
            self._json_fd = os.open(self._json_dir, os.O_RDONLY | os.O_DIRECTORY)
        # Open until finish() or close().
        self._jsonl = (self.tmp / "releases.jsonl").open("wb", buffering=_BUFFER)
        self._grid_spill = (self.tmp / _GRID_SPILL).open("wb")
        self._entries = (self.tmp / ENTRY_SPILL).open("wb")
        self._index = index.IndexWriter(self.tmp / index.NAME, INDEXED)
        self._tables["releases"] = self._open_csv("releases", RELEASE_COLUMNS)
        for name in TABLES:
            self._tables[name] = self._open_csv(name, ("release_id", *ITEM_FIELDS[name]))

    def _open_csv(self, name: str, header: Sequence[str]) -> BinaryIO:
        fh = (self.tmp / f"{name}.csv").open("wb", buffering=_BUFFER)
        fh.write(csv_lines([header]).encode("utf-8"))
        return fh

    def __enter__(self) -> OutputWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def add(self, release: Release) -> None:
        """Write one release's JSON file, its ``releases.jsonl`` line and its table rows.

        Raises:
            PipelineError: its ``release_id`` is unsafe as a file name or already used.
        """
        self.add_rendered(render_release(release, rows=self._book is not None))

    def add_rendered(self, rendered: Rendered) -> None:
        """Write a release :func:`render_release` made (in this process or a worker).

        Raises:
            PipelineError: its ``release_id`` is unsafe as a file name or already used.
        """
        rid = rendered.release_id
        self._claim(rid)
        assert self._jsonl is not None, "add_rendered() after finish() or close()"
        assert self._index is not None
        self._write_copied()  # releases copied before this one go first
        self._jsonl.write(rendered.jsonl)
        _create(self._json_fd, self._json_dir, f"{rid}.json", rendered.json)
        tables, counts, lines = self._tables, self.counts, rendered.lines
        for name, n in rendered.counts.items():
            tables[name].write(lines[name])
            counts[name] += n
        if self._book is not None and rendered.rows is not None:
            for name, rows in rendered.rows.items():
                self._book[name].extend(rows)
        self._index.add(rendered.index)
        self._columns.add(rendered.columns)
        self._spill_grid(rendered.grid_head, rendered.cells)

    def add_chunk(self, chunk: Chunk) -> Placement:
        """Take a chunk of releases a worker made, whose JSON files it wrote
        (:func:`pipeline.chunks.pack_chunk`): where each of its parts goes in its file, which
        the worker is then to write there (:func:`pipeline.chunks.place_chunk`).

        Raises:
            PipelineError: a ``release_id`` is already used.
        """
        seen = self._seen
        for rid in chunk.release_ids:  # safe as file names: the worker created them
            if not seen.add(rid.casefold()):
                raise unusable_id(rid)
        assert self._grid_spill is not None, "add_chunk() after finish() or close()"
        self._write_copied()  # rows copied before these releases go first
        self._columns.add(chunk.columns)
        self._refresh_positions()
        if chunk.grid:
            self._add_grid_lines(chunk.grid)
        self._grid_spill.write(chunk.grid_cells)
        ends = self._placed_ends()
        offsets = []
        lines_start = list(self._line_ends)
        for name, size in chunk.parts:
            if name in LINE_PARTS:  # lines the worker made (see pipeline.chunks.pack_chunk)
                at = LINE_PARTS.index(name)
                offsets.append(self._line_ends[at])
                self._line_ends[at] += size
                continue
            offsets.append(ends[name])
            ends[name] += size
            if name in chunk.counts:
                self.counts[name] += chunk.counts[name]
                if self._book is not None and chunk.rows is not None:
                    self._book[name].extend(chunk.rows[name])
        if chunk.lines_width is not None:
            self._open_line_spills()
            span = [chunk.lines_width, *lines_start, *self._line_ends]
            self._grid_spill.write(orjson.dumps({"lines": span}, option=orjson.OPT_APPEND_NEWLINE))
        return chunk.token, offsets, self._keys[chunk.known :]

    def _refresh_positions(self) -> None:
        """Give the columns added since the last call their places."""
        if len(self._keys) != len(self._columns.spelling):
            self._keys = list(self._columns.spelling)
            self._positions = {key: at for at, key in enumerate(self._keys)}
            self._line_formats.clear()

    def _open_line_spills(self) -> None:
        """Create the files of the grids' lines made as chunks come in (written at offsets:
        by this process and by the workers)."""
        if not self._line_spills:
            self._line_spills = [(self.tmp / name).open("wb") for name in LINE_SPILLS]

    def _placed_ends(self) -> dict[str, int]:
        """Where each file that workers write parts into ends (see :meth:`add_chunk`); from the
        first chunk on, this process writes into them only at those ends too."""
        if self._ends is None:
            from pipeline.chunks import ENTRIES, INDEX, JSONL

            assert self._jsonl is not None and self._index is not None
            assert self._entries is not None
            files = {
                JSONL: self._jsonl,
                **self._tables,
                INDEX: self._index.file,
                ENTRIES: self._entries,
            }
            self._ends = {name: fh.tell() for name, fh in files.items()}
        return self._ends

    def _add_grid_lines(self, rows: Sequence[GridRow]) -> None:
        """Make a chunk's lines of both grids now, under the columns met so far: a line is
        final once no later release adds a column, and :meth:`_write_grids` then copies it;
        it only adds the missing empty fields to the lines made before a column was added."""
        assert self._book is None, "a workbook needs the grid cells' values: pack the rows"
        self._open_line_spills()
        blocks = grid_line_blocks(rows, self._positions, self._line_formats)
        span = [len(self._positions), *self._line_ends]
        for at, (fh, data) in enumerate(zip(self._line_spills, blocks, strict=True)):
            _move_to(fh, self._line_ends[at])  # workers may have written lines there since
            fh.write(data)
            self._line_ends[at] += len(data)
        assert self._grid_spill is not None
        item = {"lines": [*span, *self._line_ends]}
        self._grid_spill.write(orjson.dumps(item, option=orjson.OPT_APPEND_NEWLINE))

    def add_copied(self, copied: Copied) -> None:
        """Take a release unchanged from an earlier output (``--incremental``): its JSON file
        linked, its share of every other file copied as written, a run of releases that
        follow each other there at once (when the next release is not the next one of the
        run, or :meth:`add_rendered` is called). Only for a writer without a workbook (which
        needs every row as values: use :meth:`add`)."""
        self._claim(copied.release_id)
        if self._run and not self._run[-1].followed_by(copied):
            self._write_copied()
        self._run.append(copied)

    def _write_copied(self) -> None:
        run, self._run = self._run, []
        if not run:
            return
        assert self._jsonl is not None and self._index is not None
        tables = [self._tables[name] for name in ("releases", *TABLES)]
        targets: list[Any] = [self._jsonl, *tables, self._index.file]
        earlier = run[0].index
        ends = self._ends
        if ends is not None:  # workers write parts of these files: copied ones go at the ends
            from pipeline.chunks import INDEX, JSONL

            named = list(zip([JSONL, "releases", *TABLES, INDEX], targets, strict=True))
            for name, fh in named:
                _move_to(fh, ends[name])
        earlier.copy(run[0].position, run[-1].position + 1, targets)
        if ends is not None:
            ends.update((name, fh.tell()) for name, fh in named)
        with _folder_fd(earlier.folder / "json") as source:
            for copied in run:
                rid, _, counts, _, named = copied.record
                self._link(source, earlier.folder / "json", f"{rid}.json")
                self.counts["releases"] += 1
                for name, n in zip(TABLES, counts, strict=True):
                    self.counts[name] += n
                self._columns.keyed(named)  # its columns take their place
        # Their grid lines are made (or copied) at the end, from the earlier index.
        assert self._grid_spill is not None
        self._earlier = earlier
        span = {"copied": [run[0].position, run[-1].position + 1]}
        self._grid_spill.write(orjson.dumps(span, option=orjson.OPT_APPEND_NEWLINE))

    def _link(self, source_fd: int | None, source: Path, name: str) -> None:
        """Hard-link the earlier JSON file ``source/name`` into the new folder (through the
        folders' descriptors where the OS allows); copy it where links fail."""
        try:
            if source_fd is not None and self._json_fd is not None:
                os.link(name, name, src_dir_fd=source_fd, dst_dir_fd=self._json_fd)
            else:
                os.link(source / name, self._json_dir / name)
        except OSError:  # a file system without hard links
            shutil.copyfile(source / name, self._json_dir / name)

    def _spill_grid(self, head: list[Any], cells: list[Cell]) -> None:
        assert self._grid_spill is not None
        self._grid_spill.write(orjson.dumps([head, cells], option=orjson.OPT_APPEND_NEWLINE))

    def add_entry(self, entry: dict[str, Any]) -> None:
        """Keep an input's manifest entry until :meth:`finish` (in a file: a run of many
        inputs would hold every entry in memory), as ``manifest.json`` will have it, so that
        ``finish`` copies them in at once (with ``--jobs``, each chunk brings its own: see
        :meth:`add_chunk`). Entries come in path order; ``finish`` merges them with the manifest's
        own ``inputs`` (also in path order, these first) when it has some."""
        assert self._entries is not None, "add_entry() after finish() or close()"
        data = f"{ENTRY_SEP}{entry_text(entry)}".encode()
        if self._ends is not None:  # workers write entries too: this one goes at the end
            from pipeline.chunks import ENTRIES

            _move_to(self._entries, self._ends[ENTRIES])
            self._ends[ENTRIES] += len(data)
        self._entries.write(data)

    def _claim(self, rid: str) -> None:
        if not safe_id(rid) or not self._seen.add(rid.casefold()):
            raise unusable_id(rid)

    @property
    def keeps_rows(self) -> bool:
        """Whether every row is kept for the workbook (then use :meth:`add` only)."""
        return self._book is not None

    def finish(self, errors: Sequence[dict[str, str]], manifest: dict[str, Any]) -> None:
        """Write ``errors.csv``, the ratings grids, ``datapackage.json``, the workbook and
        ``manifest.json``, then swap the folder in."""
        self.counts["errors"] = len(errors)
        error_rows = [[e[c] for c in ERROR_COLUMNS] for e in errors]
        _write(self.tmp / "errors.csv", _csv(ERROR_COLUMNS, error_rows))
        self._close_files()
        grid_header = self._columns.header
        grids = self._write_grids(grid_header)
        headers: dict[str, Sequence[str]] = {"releases": RELEASE_COLUMNS}
        for name in TABLES:
            headers[name] = ("release_id", *ITEM_FIELDS[name])
        headers["errors"] = ERROR_COLUMNS
        headers.update(dict.fromkeys(grids, grid_header))
        package = data_package({name: [guard(c) for c in h] for name, h in headers.items()})
        _write(
            self.tmp / "datapackage.json", json.dumps(package, ensure_ascii=False, indent=2) + "\n"
        )
        if self._book is not None:
            from pipeline.workbook import Sheet

            tables = {**self._book, "errors": error_rows, **grids}
            sheets = [Sheet(n, table_columns(n, h), tables[n]) for n, h in headers.items()]
            _workbook(self.tmp / "releases.xlsx", sheets)
        manifest = {**manifest, "row_counts": dict(self.counts)}
        self._write_manifest(manifest)
        with _uninterrupted():
            _swap_in(self.tmp, self.out_dir, self._processes)

    def _write_manifest(self, manifest: dict[str, Any]) -> None:
        """Write ``manifest.json``: the spilled entries copied in whole, or merged with the
        manifest's own ``inputs`` when it has some (read back then, every entry at once)."""
        spill = self.tmp / ENTRY_SPILL
        path = self.tmp / "manifest.json"
        skip = len(ENTRY_SEP) - len(_FIRST_SEP)  # the first entry's separator opens the list
        if "inputs" not in manifest:
            _write_json(path, manifest)
        elif not spill.stat().st_size:  # none spilled
            _write_manifest(path, manifest, manifest["inputs"])
        elif manifest["inputs"]:
            spilled = json.loads(f"[{spill.read_text(encoding='utf-8')[skip:]}]")
            entries = heapq.merge(manifest["inputs"], spilled, key=lambda e: str(e["path"]))
            _write_manifest(path, manifest, entries)
        else:
            before, after = _manifest_around(manifest)
            with path.open("w", encoding="utf-8", newline="") as fh, spill.open("rb") as src:
                fh.write(before)
                fh.flush()
                src.seek(skip)
                shutil.copyfileobj(src, fh.buffer)
                fh.write("\n  ]" + after)
        spill.unlink()

    def _write_grids(self, header: Sequence[str]) -> dict[str, list[list[Any]]]:
        """Write both ratings grids a release at a time from the spilled cells (or the lines
        made as chunks came in, copied), and their index; their rows are returned (kept) only
        for the workbook. The lines of releases
        taken from an earlier output are copied when the columns are the same as there (a
        release's lines depend only on its cells and the columns), else made from the cells
        in the earlier index."""
        spill = self.tmp / _GRID_SPILL
        kept: dict[str, list[list[Any]]] = {"scores_wide": [], "scores_wide_value": []}
        earlier = self._earlier
        columns = list(self._columns.spelling.items())
        same = earlier is not None and earlier.grid_columns == columns
        header_line = csv_lines([header])
        header_size = index.text_size(header_line)
        made = [self.tmp / name for name in LINE_SPILLS if self._line_ends[0]]
        with (
            spill.open("rb") as cells,
            (self.tmp / "scores_wide.csv").open("w", encoding="utf-8", newline="") as grades,
            (self.tmp / "scores_wide_value.csv").open("w", encoding="utf-8", newline="") as ranks,
            index.write_grid_index(self.tmp / index.GRIDS, columns, [header_size] * 2) as sizes,
            ExitStack() as stack,
        ):
            lines = [stack.enter_context(path.open("rb")) for path in made]
            grades.write(header_line)
            ranks.write(header_line)
            positions = {key: at for at, key in enumerate(self._columns.spelling)}
            # The grids' bytes go straight to the files below them (after a flush).
            targets: list[Any] = [grades.buffer, ranks.buffer, sizes]
            for line in cells:
                item = orjson.loads(line)
                if type(item) is list:
                    found: Iterable[list[Any]] = [item]
                elif "lines" in item:  # a chunk's, made as it came in
                    grades.flush()
                    ranks.flush()
                    _copy_lines(item["lines"], lines, targets, len(positions))
                    continue
                else:  # a run of releases taken from ``earlier``
                    assert earlier is not None
                    first, end = item["copied"]
                    if same:
                        grades.flush()
                        ranks.flush()
                        earlier.copy_grids(first, end, targets)
                        continue
                    records = map(earlier.record, range(first, end))
                    found = ([r[3], self._columns.keyed(r[4])] for r in records)
                for head, release_cells in found:
                    grade_line, rank_line = grid_lines(head, release_cells, positions)
                    grades.write(grade_line)
                    ranks.write(rank_line)
                    sizes.write(index.grid_sizes(grade_line, rank_line))
                    if self._book is not None:
                        grade_row, rank_row = grid_rows(head, release_cells, self._columns)
                        kept["scores_wide"].append(grade_row)
                        kept["scores_wide_value"].append(rank_row)
        for path in (spill, *made):
            path.unlink()
        return kept

    def _close_files(self) -> None:
        """Close every open file, each once; the first error (a full disk fails the flush
        of a buffered file) is raised after all of them are closed."""
        problem: OSError | None = None
        try:
            if self._tables:
                self._write_copied()
        except OSError as exc:
            problem = exc
        handles: list[Any] = [
            self._jsonl,
            self._grid_spill,
            self._entries,
            self._index,
            *self._tables.values(),
            *self._line_spills,
        ]
        self._jsonl, self._grid_spill, self._entries, self._tables = None, None, None, {}
        self._line_spills = []
        self._index = None
        if self._json_fd is not None:
            fd, self._json_fd = self._json_fd, None
            os.close(fd)
        for fh in handles:
            if fh is None:
                continue
            try:
                fh.close()
            except OSError as exc:
                problem = problem or exc
        if problem is not None:
            raise problem

    def close(self) -> None:
        """Close the files and remove the temporary folder if it was not swapped in: on every
        path out, a failed write included (its error is already on its way up)."""
        try:
            self._close_files()
        except OSError:
            pass
        finally:
            if self.tmp.exists():
                shutil.rmtree(self.tmp, ignore_errors=True)


_LINE_FORMATS = 1024  # grid line shapes kept at most (a run's releases have a few)


def grid_line_blocks(
    rows: Iterable[GridRow], positions: dict[str, int], formats: dict[tuple[str, ...], str]
) -> tuple[bytes, bytes, bytes]:
    """The lines of both grids for ``rows`` under the columns placed at ``positions`` (key ->
    place; every row's keys among them), and their sizes as the grids' index has them.
    ``formats`` keeps each set of keys' line shape for the next call: empty it when
    ``positions`` change."""
    if len(formats) > _LINE_FORMATS:
        formats.clear()
    width = len(positions)
    grades_out, ranks_out, sizes_out = [], [], []
    for row in rows:
        # Releases with the same criteria share their lines' shape: made once, filled in.
        shape = formats.get(row.keys)
        if shape is None:
            shape = formats[row.keys] = _line_format(row.keys, positions, width)
        grade_line = shape.format(row.head, *row.grades).encode("utf-8")
        rank_line = shape.format(row.head, *row.ranks).encode("utf-8")
        grades_out.append(grade_line)
        ranks_out.append(rank_line)
        sizes_out.append(b"[%d,%d]\n" % (len(grade_line), len(rank_line)))
    return b"".join(grades_out), b"".join(ranks_out), b"".join(sizes_out)


def _move_to(fh: IO[bytes], offset: int) -> None:
    """Move a file this process writes into, and workers too, to where its next bytes go:
    a buffered file's seek writes out its buffer, so it is done only when it moves."""
    if fh.tell() != offset:
        fh.seek(offset)


def _line_format(keys: Sequence[str], positions: dict[str, int], width: int) -> str:
    """A ``str.format`` template of a grid line: the head, then each key's field in its
    column's place (the fields are arguments: braces in them are never read as a format)."""
    slots = [""] * width
    for at, key in enumerate(keys, 1):
        slots[positions[key]] = f"{{{at}}}"
    return ",".join(["{0}", *slots]) + "\n"


def _copy_lines(
    span: Sequence[int], made: Sequence[IO[bytes]], out: Sequence[Any], width: int
) -> None:
    """Copy a chunk's grid lines and their sizes (``span``: the width they were made for,
    then where they start and end in each of ``made``) into ``out``, adding the empty fields
    of the columns added since (at a line's end: a column's place never changes)."""
    made_for, starts, ends = span[0], span[1:4], span[4:7]
    grade_block, rank_block, size_block = (
        fh.read(end - start) for fh, start, end in zip(made, starts, ends, strict=True)
    )
    grades, ranks, sizes = out
    if made_for == width:
        grades.write(grade_block)
        ranks.write(rank_block)
        sizes.write(size_block)
        return
    pad = b"," * (width - made_for)
    grade_at = rank_at = 0
    for size_line in size_block.splitlines():
        grade_size, rank_size = map(int, size_line[1:-1].split(b","))
        grades.write(grade_block[grade_at : grade_at + grade_size - 1] + pad + b"\n")
        ranks.write(rank_block[rank_at : rank_at + rank_size - 1] + pad + b"\n")
        sizes.write(b"[%d,%d]\n" % (grade_size + len(pad), rank_size + len(pad)))
        grade_at += grade_size
        rank_at += rank_size


def check_out(out_dir: Path) -> Path:
    """The absolute output folder, once it is safe to replace as a whole.

    Raises:
        PipelineError: ``out_dir`` is not a folder, or is a folder that is neither empty nor
            an earlier output (it has no ``manifest.json``): replacing it would lose files.
    """
    shown = out_dir.as_posix()
    out_dir = Path(os.path.realpath(out_dir))  # unlike resolve(), never raises on a loop
    if out_dir.exists() or out_dir.is_symlink():
        if not out_dir.is_dir():
            raise PipelineError(f"--out {shown} is a file, not a folder; choose a folder")
        if os.path.ismount(out_dir):
            raise PipelineError(
                f"--out {shown} is a mount point, which cannot be replaced as a whole (the "
                f"output folder is); choose a folder inside it, e.g. {shown.rstrip('/')}/output"
            )
        if not (out_dir / "manifest.json").is_file() and any(out_dir.iterdir()):
            raise PipelineError(
                f"--out {shown} holds files that are not an earlier output (no manifest.json), "
                "and the output folder is replaced as a whole; choose a new or empty folder"
            )
    return out_dir


# What a failed write means, for the one line the CLI prints (the OS's words are vague:
# "Device or resource busy" for a mount point, say).
_WRITE_PROBLEMS = {
    errno.ENOSPC: "no space left on the disk; free some space or choose another --out",
    errno.EDQUOT: "disk quota exceeded; free some space or choose another --out",
    errno.EFBIG: "a file is larger than the file system or the file-size limit allows",
    errno.EROFS: "read-only file system; choose an --out on a writable disk",
    errno.EACCES: "permission denied; choose an --out in a folder you can write to",
    errno.EPERM: "permission denied; choose an --out in a folder you can write to",
    errno.EBUSY: "the folder is in use or is a mount point, and cannot be replaced; "
    "choose a folder inside it",
}


def write_problem(exc: OSError) -> str:
    """A failed write in words: what is wrong and what to do."""
    found = _WRITE_PROBLEMS.get(exc.errno or 0)
    return found or str(exc.strerror or exc)


def _workbook(path: Path, sheets: Sequence[Sheet]) -> None:
    from pipeline.workbook import write_workbook

    write_workbook(path, sheets)


def _tmp_prefix(out_dir: Path) -> str:
    return f".{out_dir.name}.tmp-"


def recover(out_dir: Path) -> None:
    """Finish a swap that a crash interrupted between its two renames (non-Linux fallback),
    and remove the temporary folders of runs that died (their process is gone)."""
    old = out_dir.parent / f".{out_dir.name}.old"
    if old.exists():
        if out_dir.exists():
            shutil.rmtree(old, ignore_errors=True)
        else:
            old.rename(out_dir)
    prefix = _tmp_prefix(out_dir)
    for stale in out_dir.parent.iterdir():
        if not stale.name.startswith(prefix):
            continue
        pid = stale.name[len(prefix) :].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(stale, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two paths (Linux renameat2); False where unsupported."""
    # The process's own symbols hold the C library's (no search for it: find_library asks
    # ldconfig, which took longer than the exchange).
    libc = ctypes.CDLL(None, use_errno=True)
    fn = getattr(libc, "renameat2", None)
    if fn is None:
        return False
    rc = fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return bool(rc == 0)


def _swap_in(tmp: Path, out_dir: Path, processes: int = 1) -> None:
    if not out_dir.exists():
        tmp.rename(out_dir)
        return
    if _exchange(tmp, out_dir):
        _remove_output(tmp, processes)  # tmp now holds the previous output
        return
    old = out_dir.parent / f".{out_dir.name}.old"
    out_dir.rename(old)
    tmp.rename(out_dir)
    _remove_output(old, processes)


def _remove_output(folder: Path, processes: int = 1) -> None:
    """Remove an output folder, its ``json`` files first, each as it is listed:
    ``shutil.rmtree`` lists a whole folder before it removes anything (50,000 entries held
    ~12 MB, a fifth of the run's peak memory).

    With ``processes`` > 1, forked processes share the ``json`` files, each taking the names
    of one hash class: two removed 8,000 files in two thirds of the time one took (the OS
    frees each file's pages outside the folder's lock). A process forked here only unlinks
    and ends; there is no fork while the process has other threads (a progress bar's).
    """
    shares = processes if hasattr(os, "fork") and threading.active_count() == 1 else 1
    helpers, mine = [], [0]
    for share in range(1, shares):
        try:
            pid = os.fork()
        except OSError:  # no process to be had: this one takes the share
            mine.append(share)
            continue
        if pid == 0:  # the forked process
            try:
                _remove_json(folder, [share], shares)
            finally:
                os._exit(0)
        helpers.append(pid)
    _remove_json(folder, mine, shares)
    for pid in helpers:
        os.waitpid(pid, 0)
    shutil.rmtree(folder, ignore_errors=True)


def _remove_json(folder: Path, taken: list[int], shares: int) -> None:
    """Unlink the files of ``folder/json`` whose names' hash modulo ``shares`` is in ``taken``
    (a forked process hashes as its parent does). Each process sees every file of its own
    shares: a listing returns each entry that stays in the folder while it runs."""
    try:
        with _folder_fd(folder / "json") as fd, os.scandir(folder / "json") as entries:
            at = fd if os.unlink in os.supports_dir_fd else None
            for entry in entries:
                if shares > 1 and hash(entry.name) % shares not in taken:
                    continue
                with suppress(OSError):
                    # By name in the folder where the OS allows: no walk down the whole path
                    # (a fifth of the removal's time on tmpfs).
                    os.unlink(entry.name if at is not None else entry.path, dir_fd=at)
    except OSError:
        pass  # no json folder: rmtree does it all


@contextmanager
def _uninterrupted() -> Iterator[None]:
    """Ignore Ctrl-C and SIGTERM while the new output is swapped in (milliseconds): stopped
    half-way, the run would report the previous output kept when it was replaced."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.signal(sig, signal.SIG_IGN) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
