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

import hashlib
import stat
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import orjson

from pipeline.inputs import Input
from pipeline.model import DateMention, NumberMention, Quote, Release, Score, Section, Source

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
class Previous:
    """The reusable records of an earlier output folder: path -> (sha256, bytes, id)."""

    folder: Path
    entries: dict[str, tuple[str, int, str]]

    def release(self, item: Input, release_id: str) -> Release | None:
        """The earlier record of ``item`` if its bytes and id are unchanged, else None (any
        doubt, an unreadable file or record included, means: extract it again)."""
        entry = self.entries.get(item.shown)
        if entry is None or entry[2] != release_id:
            return None
        sha256, size, _ = entry
        try:
            info = item.path.stat()
            if not stat.S_ISREG(info.st_mode) or info.st_size != size:
                return None
            if hashlib.sha256(item.path.read_bytes()).hexdigest() != sha256:
                return None
            record = orjson.loads((self.folder / "json" / f"{release_id}.json").read_bytes())
            release = release_from_dict(record)
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if release.source.sha256 != sha256 or release.source.path != item.shown:
            return None
        return release


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
        e["path"]: (e["sha256"], e["bytes"], e["release_id"])
        for e in manifest.get("inputs", [])
        if e.get("status") == "ok" and {"sha256", "bytes", "release_id"} <= e.keys()
    }
    return Previous(out, entries), ""


def release_from_dict(d: dict[str, Any]) -> Release:
    """A :class:`Release` from its JSON object (the inverse of ``export.release_dict``)."""
    return Release(
        release_id=d["release_id"],
        source=Source(**d["source"]),
        text=d["text"],
        title=d["title"],
        standfirst=d["standfirst"],
        sections=tuple(Section(**x) for x in d["sections"]),
        scores=tuple(Score(**x) for x in d["scores"]),
        quotes=tuple(Quote(**x) for x in d["quotes"]),
        dates=tuple(DateMention(**x) for x in d["dates"]),
        numbers=tuple(NumberMention(**x) for x in d["numbers"]),
        warnings=tuple(d["warnings"]),
        metadata=dict(d["metadata"]),
        contract=d["contract"],
    )
