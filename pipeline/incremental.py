"""``pipeline extract --incremental``: take unchanged releases from the previous output.

A release is taken from ``OUT/json/<release_id>.json`` instead of being extracted again when
everything its record depends on is unchanged since OUT was written: the file's bytes (its
sha256 in ``manifest.json``), its path and release id, and the run's record options (tool
version, contract, ``max_bytes`` and a fingerprint of the package's own code and data, so that
an edited extractor or vocabulary without a version bump still counts as a change). Files that
are gone simply drop out; refused inputs are read again. The output is then byte-identical to
a full run, apart from the manifest's timestamps.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import os
import stat
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from pipeline.export import TABLES, guard
from pipeline.inputs import Input
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

if TYPE_CHECKING:
    from pipeline.export import OutputWriter

PACKAGE = Path(__file__).resolve().parent
_CODE_SUFFIXES = (".py", ".json")


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """SHA-256 over the package's source and data files (names and bytes, in sorted order)."""
    digest = hashlib.sha256()
    files = sorted(
        p
        for p in PACKAGE.rglob("*")
        if p.suffix in _CODE_SUFFIXES and "__pycache__" not in p.parts and p.is_file()
    )
    for path in files:
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class Copied:
    """A release taken from the earlier output: its ``releases.jsonl`` line, its JSON file,
    its rows of each CSV table as written there (text, row count), and what the ratings grids
    need of it (its grid head and score rows, read back from ``releases.csv`` and
    ``scores.csv``)."""

    release_id: str
    line: bytes
    json_file: str
    rows: dict[str, tuple[str, int]]
    head: list[Any]
    scores: list[tuple[str, str, str, int | None, int]]


@dataclass(frozen=True, slots=True)
class Reused:
    """What the manifest needs of a reused release."""

    release_id: str
    sha256: str
    bytes: int
    warnings: int


@dataclass(frozen=True, slots=True)
class Entry:
    """An extracted input in the earlier manifest."""

    sha256: str
    bytes: int
    release_id: str
    warnings: int


class Previous:
    """An earlier output folder whose releases may be reused: its manifest's entries by path
    and, read once when first needed, its files cut per release. The earlier output is taken
    as written (an edited output file is not detected; a missing one is)."""

    def __init__(self, folder: Path, entries: dict[str, Entry]) -> None:
        self.folder = folder
        self.entries = entries
        # Paths as strings: a Path per file cost more than the rest of checking it.
        self._json_dir = str(folder / "json")
        self._lines: dict[str, bytes] | None = None
        self._tables: dict[str, dict[str, tuple[str, int] | None]] = {}

    def reuser(self, writer: OutputWriter) -> Reuser:
        """What ``core.run`` asks whether an input is unchanged, and has write it."""
        return Reuser(self, writer)

    def check(self, item: Input, release_id: str) -> Copied | None:
        """``item``'s earlier release if its bytes, path and id are unchanged and its earlier
        files hold it; else None (any doubt, an unreadable file included, means: extract it
        again)."""
        entry = self.entries.get(item.shown)
        if entry is None or entry.release_id != release_id:
            return None
        try:
            path = item.path
            info = path.stat()
            if not stat.S_ISREG(info.st_mode) or info.st_size != entry.bytes:
                return None
            if hashlib.sha256(path.read_bytes()).hexdigest() != entry.sha256:
                return None
            return self._copied(release_id)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def reused(self, item: Input) -> Reused:
        """What the manifest needs of ``item``'s reused release."""
        entry = self.entries[item.shown]
        return Reused(entry.release_id, entry.sha256, entry.bytes, entry.warnings)

    def _copied(self, rid: str) -> Copied | None:
        line = self._release_lines().get(rid)
        json_file = os.path.join(self._json_dir, f"{rid}.json")  # noqa: PTH118 - see _json_dir
        if line is None or not os.path.isfile(json_file):  # noqa: PTH113
            return None
        key = guard(rid)
        rows = {}
        for name in ("releases", *TABLES):
            found = self._table(name).get(key, ("", 0))
            if found is None:
                return None
            rows[name] = found
        if rows["releases"][1] != 1:
            return None
        head = _fields(rows["releases"][0])[0]
        scores = _fields(rows["scores"][0])
        # A text that begins with ' may be formula-guarded or written so: read it from the
        # record instead (here: extract it again; it is rare).
        if head[5].startswith("'") or any(r[1].startswith("'") for r in scores):
            return None
        return Copied(
            rid,
            line,
            json_file,
            rows,
            [rid, head[5] or None, head[7] or None, head[8] or None],
            [(rid, r[1], r[2], int(r[3]) if r[3] else None, int(r[7])) for r in scores],
        )

    def _release_lines(self) -> dict[str, bytes]:
        if self._lines is None:
            self._lines = {}
            for line in (self.folder / "releases.jsonl").read_bytes().splitlines(keepends=True):
                at = line.find(_ID_KEY) + len(_ID_KEY)
                self._lines[line[at : line.index(b'"', at)].decode()] = line
        return self._lines

    def _table(self, name: str) -> dict[str, tuple[str, int] | None]:
        if name not in self._tables:
            data = (self.folder / f"{name}.csv").read_bytes().decode("utf-8")
            self._tables[name] = rows_by_release(data)
        return self._tables[name]


class Reuser:
    """An earlier output bound to the writer of the new one (``core.Reuse``)."""

    def __init__(self, previous: Previous, writer: OutputWriter) -> None:
        self.previous = previous
        self.writer = writer

    def check(self, item: Input, release_id: str) -> Copied | None:
        return self.previous.check(item, release_id)

    def take(self, item: Input, found: Copied) -> Reused:
        if self.writer.keeps_rows:  # the workbook needs every value: rebuild the record
            self.writer.add(release_from_dict(orjson.loads(found.line)))
        else:
            self.writer.add_copied(found)
        return self.previous.reused(item)


def _fields(rows: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(rows, newline="")))


_ID_KEY = b'"release_id":"'  # a record's first string-valued key after "contract"


def rows_by_release(csv_text: str) -> dict[str, tuple[str, int] | None]:
    """A CSV file's rows (after the header) grouped by their first field, the release id as
    written: each id's rows as text and their count; None for an id whose rows are not in one
    run. A row goes on past a line break while it has an odd number of quote marks (every
    field holding a line break is quoted, RFC 4180)."""
    groups: dict[str, tuple[str, int] | None] = {}
    current = ""
    rows: list[str] = []
    pending: list[str] = []
    quotes = 0

    def close() -> None:
        if rows:
            groups[current] = None if current in groups else ("\n".join(rows) + "\n", len(rows))

    lines = csv_text.split("\n")
    for line in lines[1:-1]:
        quotes += line.count('"')
        if quotes % 2:
            pending.append(line)
            continue
        if pending:
            pending.append(line)
            line = "\n".join(pending)
            pending = []
        quotes = 0
        rid = line[: line.find(",")]
        if rid != current:
            close()
            current, rows = rid, []
        rows.append(line)
    close()
    return groups


def load_previous(out: Path, options: dict[str, Any]) -> tuple[Previous | None, str]:
    """The earlier output in ``out`` if it was written with the same record ``options``
    (the manifest keys that shape records), else None and the reason in words."""
    try:
        manifest = orjson.loads((out / "manifest.json").read_bytes())
    except FileNotFoundError:
        return None, f"{out.as_posix()}/ holds no earlier output"
    except (OSError, ValueError):
        return None, f"{out.as_posix()}/manifest.json is unreadable"
    changed = [key for key, value in options.items() if manifest.get(key) != value]
    if changed:
        what = ", ".join(k.replace("_", " ") for k in changed)
        return None, f"the {what} changed since {out.as_posix()}/ was written"
    entries = {
        e["path"]: Entry(e["sha256"], e["bytes"], e["release_id"], e["warnings"])
        for e in manifest.get("inputs", [])
        if e.get("status") == "ok" and {"sha256", "bytes", "release_id", "warnings"} <= e.keys()
    }
    return Previous(out, entries), ""


_ITEM_CLASSES: dict[str, Any] = {
    "sections": Section,
    "scores": Score,
    "quotes": Quote,
    "dates": DateMention,
    "numbers": NumberMention,
    "entities": Entity,
}


def release_from_dict(d: dict[str, Any]) -> Release:
    """A :class:`Release` from its JSON object (the inverse of ``export.release_dict``),
    field by field from the dataclass, so that an added field cannot be forgotten."""
    values: dict[str, Any] = {}
    for f in dataclasses.fields(Release):
        if f.name in ABSENT_UNLESS_SET and f.name not in d:
            continue
        value = d[f.name]
        if f.name == "source":
            value = Source(**value)
        elif f.name in _ITEM_CLASSES:
            value = tuple(_ITEM_CLASSES[f.name](**x) for x in value)
        elif isinstance(value, list):
            value = tuple(value)
        elif isinstance(value, dict):
            value = dict(value)
        values[f.name] = value
    return Release(**values)
