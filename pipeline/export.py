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
import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import orjson

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
    rows = [
        [r.release_id, *(getattr(item, f) for f in fields)]
        for r in releases
        for item in getattr(r, name)
    ]
    return ["release_id", *fields], rows


def _csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows([_cell(v) for v in row] for row in rows)
    return buf.getvalue()


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
    """
    out_dir = out_dir.absolute()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    recover(out_dir)
    tmp = out_dir.parent / f".{out_dir.name}.tmp-{os.getpid()}"
    if tmp.exists():
        shutil.rmtree(tmp)
    try:
        tmp.mkdir()
        _write_all(tmp, releases, errors, manifest, xlsx=xlsx)
        _swap_in(tmp, out_dir)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


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
    v = _cell(value)
    if isinstance(v, str):
        v = v.translate(_ILLEGAL_XL)[:_XL_MAX]
    return v if v != "" else None


def recover(out_dir: Path) -> None:
    """Finish a swap that a crash interrupted between its two renames (non-Linux fallback)."""
    old = out_dir.parent / f".{out_dir.name}.old"
    if old.exists():
        if out_dir.exists():
            shutil.rmtree(old, ignore_errors=True)
        else:
            old.rename(out_dir)
    for stale in out_dir.parent.glob(f".{out_dir.name}.tmp-*"):
        pid = stale.name.rsplit("-", 1)[-1]
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
