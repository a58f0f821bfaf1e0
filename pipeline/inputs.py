"""Finding the inputs: files and folders as given -> the release files, and their ids."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import regex

from pipeline.errors import InputError

SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})
_UNSAFE_ID = regex.compile(r"[^A-Za-z0-9._-]")
# Leaves room for "-NN" and ".json" within the 255-byte file-name limit.
MAX_ID_LENGTH = 200


@dataclass(frozen=True, slots=True)
class Input:
    """An input file: its path as the OS takes it, and as shown in records and messages. The
    path is kept as a string (usually the very string shown) and made a ``Path`` only when
    the file is read: a run holds every input until its end, and a ``Path`` costs ~400 bytes."""

    file: str | os.PathLike[str]
    shown: str  # the path as given, '/'-separated

    @property
    def path(self) -> Path:
        return Path(self.file)


def _input(path: Path) -> Input:
    shown = _shown(path)
    file = str(path)
    return Input(shown if file == shown else file, shown)


def _shown(path: Path) -> str:
    """The path as text for records, messages and ids. A name whose bytes are not UTF-8
    (``bad\\xff.txt``) arrives with lone surrogates, which no UTF-8 file can hold: each such
    byte is shown as ``\\xNN``, so the name stays readable and the output writable."""
    shown = path.as_posix()
    try:
        shown.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(shown).decode("utf-8", "backslashreplace")
    return shown


def find_inputs(paths: Sequence[Path]) -> tuple[list[Input], list[InputError]]:
    """Expand files and folders (searched recursively, links followed) into inputs.

    Returns:
        The inputs in sorted path order, and the paths refused on the way (missing paths,
        folder loops through links).
    """
    found: dict[str, Input] = {}
    errors: list[InputError] = []
    seen_files: set[str] = set()
    for given in paths:
        shown = _shown(given)
        if not given.exists() and not given.is_symlink():
            errors.append(InputError(shown, "missing", "no such file or folder"))
            continue
        if given.is_dir():
            _walk(given, found, errors, seen_files)
        else:
            real = os.path.realpath(given)
            if real not in seen_files:
                seen_files.add(real)
                found[shown] = _input(given)
    return [found[k] for k in sorted(found)], errors


def _walk(
    root: Path, found: dict[str, Input], errors: list[InputError], seen_files: set[str]
) -> None:
    real_root = os.path.realpath(root)
    stack = [(root, real_root, frozenset({real_root}))]
    while stack:
        folder, real_folder, ancestors = stack.pop()
        try:
            # Last name first, taken from the end: each entry is freed once it is seen (a
            # folder of 50,000 files held ~13 MB of entries while its inputs were made).
            entries = sorted(os.scandir(folder), key=lambda e: e.name, reverse=True)
        except OSError as exc:
            errors.append(
                InputError(_shown(folder), "unreadable", f"cannot list folder ({exc.strerror})")
            )
            continue
        while entries:
            entry = entries.pop()
            path = Path(folder, entry.name)
            try:
                is_dir = entry.is_dir(follow_symlinks=True)
            except OSError:
                is_dir = False
            if is_dir:
                real = os.path.realpath(path)
                if real in ancestors:
                    errors.append(
                        InputError(
                            _shown(path),
                            "loop",
                            "folder loop through links (it leads back to a folder above it); "
                            "skipped",
                        )
                    )
                    continue
                stack.append((path, real, ancestors | {real}))
            elif path.suffix.lower() in SUFFIXES:
                real = real_file(real_folder, entry)
                if real in seen_files:
                    continue
                seen_files.add(real)
                item = _input(path)
                found[item.shown] = item


def real_file(real_folder: str, entry: os.DirEntry[str]) -> str:
    """``os.path.realpath`` of a folder's entry, given the folder's real path: the real path
    and the name, unless the entry is itself a link. (``realpath`` checks every component of
    the path, which cost more than reading some releases.)"""
    if entry.is_symlink():
        return os.path.realpath(entry.path)
    return os.path.join(real_folder, entry.name)  # noqa: PTH118 - strings, as realpath gives


def release_ids(inputs: Sequence[Input]) -> dict[str, str]:
    """A safe, unique ``release_id`` per input: the file stem with every character outside
    ``A-Za-z0-9._-`` turned into ``-``; a clash gets ``-2``, ``-3``... in path order."""
    ids: dict[str, str] = {}
    used: set[str] = set()
    for item in inputs:
        base = _UNSAFE_ID.sub("-", Path(item.shown).stem)[:MAX_ID_LENGTH]
        if not base.strip("."):
            base = "release" + base
        rid, n = base, 1
        while rid.casefold() in used:
            n += 1
            rid = f"{base}-{n}"
        used.add(rid.casefold())
        ids[item.shown] = rid
    return ids
