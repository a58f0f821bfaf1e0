"""Releases -> the contract's files, written into a temporary folder and swapped in at once.

A run killed at any moment leaves the previous output folder complete and unchanged: nothing
is written into ``--out`` itself; the finished folder replaces it in one atomic exchange
(``renameat2(RENAME_EXCHANGE)`` on Linux, two renames elsewhere).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import dataclasses
import io
import itertools
import json
import os
import re
import shutil
import signal
import tempfile
import threading
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from operator import attrgetter
from pathlib import Path
from typing import Any

import orjson

from pipeline.errors import PipelineError
from pipeline.model import DateMention, NumberMention, Quote, Release, Score, Section, Source

TABLES: dict[str, type] = {
    "sections": Section,
    "scores": Score,
    "quotes": Quote,
    "dates": DateMention,
    "numbers": NumberMention,
}
RELEASE_COLUMNS = (
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
)
ERROR_COLUMNS = ("path", "code", "message")
_SAFE_ID = re.compile(r"[A-Za-z0-9._-]+")
_FORMULA_CHARS = frozenset("=+-@\t\r")  # what a spreadsheet may run as a formula
_QUOTE_IF = re.compile(r'[",\n\r]').search


def guard(cell: str) -> str:
    """Prefix ``'`` to text a spreadsheet would run as a formula."""
    return "'" + cell if cell[:1] in _FORMULA_CHARS else cell


def _field(value: Any) -> str:
    """One CSV field: text formula-guarded, then quoted (RFC 4180) when it holds a comma, a
    quote mark or a line break (``\r`` included, which ``csv.writer`` leaves bare); numbers as
    Python writes them; None empty; booleans ``true``/``false``."""
    kind = type(value)
    if kind is str:
        text: str = "'" + value if value[:1] in _FORMULA_CHARS else value
        return '"' + text.replace('"', '""') + '"' if _QUOTE_IF(text) else text
    if kind is int or kind is float:
        return repr(value)
    if value is None:
        return ""
    if kind is bool:
        return "true" if value else "false"
    return _field(str(value))


def _csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A whole CSV file's text (header first), each line ended by ``\n``."""
    return _lines([header, *rows])


def _lines(rows: Iterable[Sequence[Any]]) -> str:
    # A hand-made writer: faster than csv.writer here, and one place for the formula guard.
    return "".join([",".join([_field(v) for v in row]) + "\n" for row in rows])


def _fields(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


_ITEM_FIELDS = {name: _fields(cls) for name, cls in TABLES.items()}
_SOURCE_FIELDS = _fields(Source)
# Field values as one tuple per record (attrgetter runs in C: this is per item of every table).
_ITEM_VALUES = {name: attrgetter(*fields) for name, fields in _ITEM_FIELDS.items()}
_SOURCE_VALUES = attrgetter(*_SOURCE_FIELDS)


def release_dict(release: Release) -> dict[str, Any]:
    """The contract's release object (plain JSON types), fields in contract order."""
    d: dict[str, Any] = {
        "contract": release.contract,
        "release_id": release.release_id,
        "source": dict(zip(_SOURCE_FIELDS, _SOURCE_VALUES(release.source), strict=True)),
        "text": release.text,
        "title": release.title,
        "standfirst": release.standfirst,
    }
    for name, fields in _ITEM_FIELDS.items():
        values = _ITEM_VALUES[name]
        d[name] = [dict(zip(fields, values(item), strict=True)) for item in getattr(release, name)]
    d["warnings"] = list(release.warnings)
    d["metadata"] = dict(release.metadata)
    if release.entities is not None:  # --model only: without it the output is unchanged
        d["entities"] = [dataclasses.asdict(e) for e in release.entities]
    return d


def headline(release: Release) -> dict[str, Any]:
    """One spreadsheet row of headline facts and counts for a release."""
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
    return {
        "release_id": release.release_id,
        "source_path": release.source.path,
        "format": release.source.format,
        "encoding": release.source.encoding,
        "sha256": release.source.sha256,
        "title": release.title,
        "standfirst": release.standfirst,
        "published": published,
        "scale": ";".join(scales) or None,
        "overall_score": overall,
        "n_sections": len(release.sections),
        "n_scores": len(release.scores),
        "n_quotes": len(release.quotes),
        "n_dates": len(release.dates),
        "n_numbers": len(release.numbers),
        "n_warnings": len(release.warnings),
        "warnings": "; ".join(release.warnings) or None,
    }


_DIR_FD = os.open in os.supports_dir_fd and hasattr(os, "O_DIRECTORY")


def _create(folder_fd: int | None, folder: Path, name: str, data: bytes) -> None:
    """Create the new file ``folder/name`` holding ``data``, through ``folder_fd`` if given."""
    if folder_fd is None:
        (folder / name).write_bytes(data)
        return
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(name, flags, 0o666, dir_fd=folder_fd)  # 0o666: what open() asks for
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


@dataclasses.dataclass(frozen=True, slots=True)
class Rendered:
    """One release's share of every output file, as bytes and text ready to write."""

    release_id: str
    jsonl: bytes  # its releases.jsonl line
    json: bytes  # its json/<release_id>.json file
    lines: dict[str, str]  # table name -> its CSV lines (tables where it has rows)
    counts: dict[str, int]  # table name -> its rows
    rows: dict[str, list[list[Any]]] | None  # the same rows as values, for the workbook


def render_release(release: Release, *, rows: bool = False) -> Rendered:
    """Everything :class:`OutputWriter` writes for ``release``, made without writing (so a
    worker process can make it); ``rows`` keeps the rows for the workbook too."""
    rid = release.release_id
    d = release_dict(release)
    head = headline(release)
    table_rows = {"releases": [[head[c] for c in RELEASE_COLUMNS]]}
    for name in TABLES:
        items = d[name]
        if items:
            table_rows[name] = [[rid, *item.values()] for item in items]
    return Rendered(
        release_id=rid,
        jsonl=orjson.dumps(d, option=orjson.OPT_APPEND_NEWLINE),
        json=orjson.dumps(d, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE),
        lines={name: _lines(r) for name, r in table_rows.items()},
        counts={name: len(r) for name, r in table_rows.items()},
        rows=table_rows if rows else None,
    )


class OutputWriter:
    """The contract files, written release by release into a temporary folder beside
    ``out_dir`` and swapped in by :meth:`finish`.

    Nothing is kept per release (memory stays flat however many there are), except the rows
    of the workbook when ``xlsx`` asks for one. Leaving the ``with`` block without
    :meth:`finish` (an error, Ctrl-C) removes the temporary folder: ``out_dir`` is untouched.
    """

    def __init__(self, out_dir: Path, *, xlsx: bool = False) -> None:
        self.out_dir = check_out(out_dir)
        self.out_dir.parent.mkdir(parents=True, exist_ok=True)
        recover(self.out_dir)
        prefix = f"{_tmp_prefix(self.out_dir)}{os.getpid()}-"
        self.tmp = Path(tempfile.mkdtemp(prefix=prefix, dir=self.out_dir.parent))
        self._json_dir = self.tmp / "json"
        self._json_dir.mkdir()
        # The JSON files are created relative to their folder's descriptor, where the OS
        # allows: no walk down the whole path for each of thousands of files.
        self._json_fd = os.open(self._json_dir, os.O_RDONLY | os.O_DIRECTORY) if _DIR_FD else None
        self._seen: set[str] = set()
        self.counts: dict[str, int] = {"releases": 0, "errors": 0, **dict.fromkeys(TABLES, 0)}
        # Open until finish() or close().
        self._jsonl = (self.tmp / "releases.jsonl").open("wb")
        self._tables = {"releases": self._open_csv("releases", RELEASE_COLUMNS)}
        for name in TABLES:
            self._tables[name] = self._open_csv(name, ("release_id", *_ITEM_FIELDS[name]))
        # The workbook needs every row at the end: kept only when it is asked for.
        self._book: dict[str, list[list[Any]]] | None = (
            {"releases": [], **{name: [] for name in TABLES}} if xlsx else None
        )

    def _open_csv(self, name: str, header: Sequence[str]) -> io.TextIOWrapper:
        fh = (self.tmp / f"{name}.csv").open("w", encoding="utf-8", newline="")
        fh.write(_lines([header]))
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
        if not _SAFE_ID.fullmatch(rid) or not rid.strip(".") or rid.casefold() in self._seen:
            raise PipelineError(
                f"release_id {rid!r} is unsafe as a file name or not unique in this run"
            )
        self._seen.add(rid.casefold())
        self._jsonl.write(rendered.jsonl)
        _create(self._json_fd, self._json_dir, f"{rid}.json", rendered.json)
        for name, lines in rendered.lines.items():
            self._tables[name].write(lines)
            self.counts[name] += rendered.counts[name]
            if self._book is not None and rendered.rows is not None:
                self._book[name].extend(rendered.rows[name])

    def finish(self, errors: Sequence[dict[str, str]], manifest: dict[str, Any]) -> None:
        """Write ``errors.csv``, the workbook and ``manifest.json``, then swap the folder in."""
        self.counts["errors"] = len(errors)
        error_rows = [[e[c] for c in ERROR_COLUMNS] for e in errors]
        _write(self.tmp / "errors.csv", _csv(ERROR_COLUMNS, error_rows))
        self._close_files()
        if self._book is not None:
            headers: dict[str, Sequence[str]] = {"releases": RELEASE_COLUMNS}
            for name in TABLES:
                headers[name] = ("release_id", *_ITEM_FIELDS[name])
            headers["errors"] = ERROR_COLUMNS
            sheets = {**self._book, "errors": error_rows}
            _workbook(self.tmp / "releases.xlsx", {n: (headers[n], sheets[n]) for n in headers})
        manifest = {**manifest, "row_counts": dict(self.counts)}
        _write_json(self.tmp / "manifest.json", manifest)
        with _uninterrupted():
            _swap_in(self.tmp, self.out_dir)

    def _close_files(self) -> None:
        if self._json_fd is not None:
            os.close(self._json_fd)
            self._json_fd = None
        self._jsonl.close()
        for fh in self._tables.values():
            fh.close()

    def close(self) -> None:
        """Close the files and remove the temporary folder if it was not swapped in."""
        self._close_files()
        if self.tmp.exists():
            shutil.rmtree(self.tmp, ignore_errors=True)


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
        if not (out_dir / "manifest.json").is_file() and any(out_dir.iterdir()):
            raise PipelineError(
                f"--out {shown} holds files that are not an earlier output (no manifest.json), "
                "and the output folder is replaced as a whole; choose a new or empty folder"
            )
    return out_dir


def _workbook(path: Path, sheets: dict[str, tuple[Sequence[str], list[list[Any]]]]) -> None:
    """One sheet per table, cells guarded like the CSV files (see :func:`_xl`)."""
    import pandas as pd

    with pd.ExcelWriter(path, engine="openpyxl") as xl:
        for name, (header, rows) in sheets.items():
            frame = pd.DataFrame([[_xl(v) for v in row] for row in rows], columns=list(header))
            frame.to_excel(xl, sheet_name=name, index=False)
    _pin_dates(path)


# openpyxl stamps the workbook's created/modified properties and every zip entry with the
# time of writing; the run's own time is in manifest.json.
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_CORE_DATES = re.compile(rb"(<dcterms:(created|modified)\b[^>]*>)[^<]*(</dcterms:\2>)")


def _pin_dates(path: Path) -> None:
    """Give the workbook fixed dates (1980-01-01), so that the same inputs give the same
    bytes on every run, like the other files."""
    with zipfile.ZipFile(path) as src:
        entries = [(info, src.read(info)) for info in src.infolist()]
    pinned = path.with_name(path.name + ".pinned")
    with zipfile.ZipFile(pinned, "w") as dst:
        for info, data in entries:
            if info.filename == "docProps/core.xml":
                data = _CORE_DATES.sub(rb"\g<1>1980-01-01T00:00:00Z\g<3>", data)
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_EPOCH)
            entry.compress_type = info.compress_type
            entry.external_attr = info.external_attr
            dst.writestr(entry, data)
    pinned.replace(path)


_XL_MAX = 32767  # Excel's limit on the characters in one cell
_ILLEGAL_XL = {c: None for c in range(32) if chr(c) not in "\t\n\r"}


def _xl(value: Any) -> Any:
    """A workbook cell: formula-guarded, without control characters Excel rejects."""
    if value is None:
        return None
    kind = type(value)
    if kind is int or kind is float:
        return value
    if kind is bool:
        return "true" if value else "false"
    # Control characters go first: "\x01=cmd" must not become an unguarded "=cmd".
    return guard(str(value).translate(_ILLEGAL_XL))[:_XL_MAX] or None


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
    name = ctypes.util.find_library("c")
    if not name:
        return False
    libc = ctypes.CDLL(name, use_errno=True)
    fn = getattr(libc, "renameat2", None)
    if fn is None:
        return False
    rc = fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return bool(rc == 0)


def _swap_in(tmp: Path, out_dir: Path) -> None:
    if not out_dir.exists():
        tmp.rename(out_dir)
        return
    if _exchange(tmp, out_dir):
        shutil.rmtree(tmp, ignore_errors=True)  # tmp now holds the previous output
        return
    old = out_dir.parent / f".{out_dir.name}.old"
    out_dir.rename(old)
    tmp.rename(out_dir)
    shutil.rmtree(old, ignore_errors=True)


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
