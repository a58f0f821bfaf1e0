"""Releases -> the contract's files, written into a temporary folder and swapped in at once.

A run killed at any moment leaves the previous output folder complete and unchanged: nothing
is written into ``--out`` itself; the finished folder replaces it in one atomic exchange
(``renameat2(RENAME_EXCHANGE)`` on Linux, two renames elsewhere).
"""

from __future__ import annotations

import csv
import ctypes
import ctypes.util
import dataclasses
import io
import json
import os
import re
import shutil
import signal
import tempfile
import threading
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
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SAFE_ID = re.compile(r"[A-Za-z0-9._-]+")
_FORMULA_CHARS = frozenset(_FORMULA_START)


def guard(cell: str) -> str:
    """Prefix ``'`` to text a spreadsheet would run as a formula."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def _cell(value: Any) -> Any:
    kind = type(value)
    if kind is str:
        return "'" + value if value[:1] in _FORMULA_CHARS and value else value
    if kind is int or kind is float:
        return value
    if value is None:
        return ""
    if kind is bool:
        return "true" if value else "false"
    return guard(str(value))


def _fields(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


_ITEM_FIELDS = {name: _fields(cls) for name, cls in TABLES.items()}
_SOURCE_FIELDS = _fields(Source)


def release_dict(release: Release) -> dict[str, Any]:
    """The contract's release object (plain JSON types), fields in contract order."""
    d: dict[str, Any] = {
        "contract": release.contract,
        "release_id": release.release_id,
        "source": {f: getattr(release.source, f) for f in _SOURCE_FIELDS},
        "text": release.text,
        "title": release.title,
        "standfirst": release.standfirst,
    }
    for name, fields in _ITEM_FIELDS.items():
        d[name] = [{f: getattr(item, f) for f in fields} for item in getattr(release, name)]
    d["warnings"] = list(release.warnings)
    d["metadata"] = dict(release.metadata)
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


def table_rows(releases: Sequence[Release], name: str) -> tuple[list[str], list[list[Any]]]:
    """Header and rows of one tidy table (``release_id`` first, then the record's fields)."""
    fields = _ITEM_FIELDS[name]
    values = attrgetter(*fields)
    rows = [[r.release_id, *values(item)] for r in releases for item in getattr(r, name)]
    return ["release_id", *fields], rows


def _csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    # _cell inlined for the common types: this loop runs for every cell of every table.
    cells = [
        [
            ("'" + v if v and v[0] in _FORMULA_CHARS else v)
            if type(v) is str
            else v
            if type(v) is int or type(v) is float
            else _cell(v)
            for v in row
        ]
        for row in rows
    ]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(cells)
    text = buf.getvalue()
    if "\r" in text:
        # csv.writer quotes a cell that holds a character of its line terminator, and "\r" is
        # not in "\n": such a cell would break its row. Write each row with "\r\n" instead
        # (which quotes it) and end it with "\n".
        one = io.StringIO()
        w = csv.writer(one, lineterminator="\r\n")
        lines = []
        for row in [header, *cells]:
            one.seek(0)
            one.truncate()
            w.writerow(row)
            lines.append(one.getvalue()[:-2] + "\n")
        text = "".join(lines)
    return text


def _write(path: Path, content: str) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(content)


def write_outputs(
    out_dir: Path,
    releases: Sequence[Release],
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
    out_dir = check_out(out_dir)
    _check_ids(releases)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    recover(out_dir)
    tmp = Path(tempfile.mkdtemp(prefix=f"{_tmp_prefix(out_dir)}{os.getpid()}-", dir=out_dir.parent))
    try:
        _write_all(tmp, releases, errors, manifest, xlsx=xlsx)
        with _uninterrupted():
            _swap_in(tmp, out_dir)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


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


def _check_ids(releases: Sequence[Release]) -> None:
    seen: set[str] = set()
    for r in releases:
        rid = r.release_id
        if not _SAFE_ID.fullmatch(rid) or not rid.strip(".") or rid.casefold() in seen:
            raise PipelineError(
                f"release_id {rid!r} is unsafe as a file name or not unique in this run"
            )
        seen.add(rid.casefold())


def _write_all(
    folder: Path,
    releases: Sequence[Release],
    errors: Sequence[dict[str, str]],
    manifest: dict[str, Any],
    *,
    xlsx: bool,
) -> None:
    (folder / "json").mkdir()
    lines = []
    for r in releases:
        d = release_dict(r)
        lines.append(orjson.dumps(d, option=orjson.OPT_APPEND_NEWLINE))
        (folder / "json" / f"{r.release_id}.json").write_bytes(
            orjson.dumps(d, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
        )
    (folder / "releases.jsonl").write_bytes(b"".join(lines))
    heads = [headline(r) for r in releases]
    _write(
        folder / "releases.csv",
        _csv(RELEASE_COLUMNS, ([h[c] for c in RELEASE_COLUMNS] for h in heads)),
    )
    counts = {"releases": len(releases), "errors": len(errors)}
    tables: dict[str, tuple[list[str], list[list[Any]]]] = {}
    for name in TABLES:
        header, rows = table_rows(releases, name)
        tables[name] = (header, rows)
        counts[name] = len(rows)
        _write(folder / f"{name}.csv", _csv(header, rows))
    _write(
        folder / "errors.csv", _csv(ERROR_COLUMNS, ([e[c] for c in ERROR_COLUMNS] for e in errors))
    )
    if xlsx:
        _workbook(folder / "releases.xlsx", heads, tables, errors)
    manifest = {**manifest, "row_counts": counts}
    _write(folder / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")


def _workbook(
    path: Path,
    heads: list[dict[str, Any]],
    tables: dict[str, tuple[list[str], list[list[Any]]]],
    errors: Sequence[dict[str, str]],
) -> None:
    import pandas as pd

    def frame(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> pd.DataFrame:
        return pd.DataFrame([[_xl(v) for v in row] for row in rows], columns=list(header))

    with pd.ExcelWriter(path, engine="openpyxl") as xl:
        frame(RELEASE_COLUMNS, ([h[c] for c in RELEASE_COLUMNS] for h in heads)).to_excel(
            xl, sheet_name="releases", index=False
        )
        for name, (header, rows) in tables.items():
            frame(header, rows).to_excel(xl, sheet_name=name, index=False)
        frame(ERROR_COLUMNS, ([e[c] for c in ERROR_COLUMNS] for e in errors)).to_excel(
            xl, sheet_name="errors", index=False
        )


_XL_MAX = 32767  # Excel's limit on the characters in one cell
_ILLEGAL_XL = {c: None for c in range(32) if chr(c) not in "\t\n\r"}


def _xl(value: Any) -> Any:
    """A workbook cell: formula-guarded, without control characters Excel rejects."""
    if isinstance(value, str):
        # Control characters go first: "\x01=cmd" must not become an unguarded "=cmd".
        value = value.translate(_ILLEGAL_XL)
    v = _cell(value)
    if isinstance(v, str):
        v = v[:_XL_MAX]
    return v if v != "" else None


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
