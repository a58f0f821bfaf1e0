"""``pipeline extract --incremental``: take unchanged releases from the previous output.

A release is taken from the earlier output instead of being extracted again when everything
its record depends on is unchanged since that output was written: the file's bytes (its
sha256 in ``manifest.json``), its path and release id, and the run's record options (tool
version, contract, ``max_bytes`` and a fingerprint of the package's own code and data, so that
an edited extractor or vocabulary without a version bump still counts as a change). Files that
are gone simply drop out; refused inputs are read again. The output is then byte-identical to
a full run, apart from the manifest's timestamps.

Nothing of the earlier output is parsed: its index (:mod:`pipeline.index`) says where each
release's share of each file lies, so the shares of a run of unchanged releases are copied in
one block per file, their JSON files hard-linked, and only new and changed inputs extracted.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import stat
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from pipeline.index import NAME, Index, read_index
from pipeline.inputs import Input
from pipeline.model import (
    ABSENT_UNLESS_SET,
    Entity,
    Release,
    Source,
)
from pipeline.render import TABLES

if TYPE_CHECKING:
    from pipeline.export import OutputWriter

PACKAGE = Path(__file__).resolve().parent
# Non-blocking: opening a named pipe must not wait for a writer.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
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
    """A release to take from the earlier output: its place in that output's index."""

    release_id: str
    position: int
    index: Index

    @property
    def record(self) -> list[Any]:
        """Its index line: id, sizes, row counts, grid head, grid cells."""
        return self.index.record(self.position)

    def followed_by(self, other: Copied) -> bool:
        """Whether ``other`` comes right after this release in the earlier output."""
        return other.index is self.index and other.position == self.position + 1


@dataclass(frozen=True, slots=True)
class Reused:
    """What the manifest needs of a reused release."""

    release_id: str
    sha256: str
    bytes: int
    warnings: int


class Previous:
    """An earlier output folder whose releases may be reused: its manifest's entries by path,
    its index, and the names of its JSON files. The earlier output is taken as written: a
    file whose size no longer agrees with the index, or a missing JSON file, is noticed; an
    edit that keeps the size is not."""

    def __init__(self, index: Index, entries: dict[str, dict[str, Any]]) -> None:
        self.index = index
        self.entries = entries
        try:
            self._json_files = frozenset(os.listdir(index.folder / "json"))  # noqa: PTH208 - names
        except OSError:
            self._json_files = frozenset()

    def reuser(self, writer: OutputWriter) -> Reuser:
        """What ``core.run`` asks whether an input is unchanged, and has write it."""
        return Reuser(self, writer)

    def check(self, item: Input, release_id: str) -> Copied | None:
        """``item``'s earlier release if its bytes, path and id are unchanged and the earlier
        output holds it; else None (any doubt, an unreadable file included, means: extract
        it again)."""
        entry = self.entries.get(item.shown)
        if entry is None or entry["release_id"] != release_id:
            return None
        at = self.index.position.get(release_id)
        if at is None or f"{release_id}.json" not in self._json_files:
            return None
        size = entry["bytes"]
        try:  # os.open and os.read: a file object per input cost a third of checking it
            fd = os.open(item.file, _OPEN_FLAGS)
            try:
                st = os.fstat(fd)
                if not stat.S_ISREG(st.st_mode) or st.st_size != size:  # a pipe, or changed
                    return None
                data = os.read(fd, size + 1)  # one byte more: a file growing meanwhile
            finally:
                os.close(fd)
        except (OSError, ValueError):
            return None
        if len(data) != size or hashlib.sha256(data).hexdigest() != entry["sha256"]:
            return None
        return Copied(release_id, at, self.index)

    def reused(self, item: Input) -> Reused:
        """What the manifest needs of ``item``'s reused release."""
        entry = self.entries[item.shown]
        return Reused(entry["release_id"], entry["sha256"], entry["bytes"], entry["warnings"])


class Reuser:
    """An earlier output bound to the writer of the new one (``core.Reuse``)."""

    def __init__(self, previous: Previous, writer: OutputWriter) -> None:
        self.previous = previous
        self.writer = writer

    def check(self, item: Input, release_id: str) -> Copied | None:
        return self.previous.check(item, release_id)

    def take(self, item: Input, found: Copied) -> Reused:
        if self.writer.keeps_rows:  # the workbook needs every value: rebuild the record
            line = found.index.share("releases.jsonl", found.position)
            self.writer.add(release_from_dict(orjson.loads(line)))
        else:
            self.writer.add_copied(found)
        return self.previous.reused(item)


def load_previous(out: Path, options: dict[str, Any]) -> tuple[Previous | None, str]:
    """The earlier output in ``out`` if it was written with the same record ``options``
    (the manifest keys that shape records) and its index agrees with its files, else None
    and the reason in words."""
    from pipeline.export import INDEXED

    shown = out.as_posix()
    try:
        manifest = orjson.loads((out / "manifest.json").read_bytes())
    except FileNotFoundError:
        return None, f"{shown}/ holds no earlier output"
    except (OSError, ValueError):
        return None, f"{shown}/manifest.json is unreadable"
    changed = [key for key, value in options.items() if manifest.get(key) != value]
    if changed:
        what = ", ".join(k.replace("_", " ") for k in changed)
        return None, f"the {what} changed since {shown}/ was written"
    index = read_index(out, INDEXED)
    if index is None:
        return None, f"{shown}/ was written without {NAME} (by an older version) or edited since"
    needed = {"sha256", "bytes", "release_id", "warnings"}
    entries = {
        e["path"]: e
        for e in manifest.get("inputs", [])
        if e.get("status") == "ok" and needed <= e.keys() and type(e["bytes"]) is int
    }
    return Previous(index, entries), ""


_ITEM_CLASSES: dict[str, type] = {**TABLES, "entities": Entity}


def release_from_dict(d: dict[str, Any]) -> Release:
    """A :class:`Release` from its JSON object (the inverse of ``pipeline.render.release_dict``),
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
