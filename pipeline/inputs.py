"""Finding the inputs: files and folders as given -> the release files, and their ids."""

from __future__ import annotations

import os
from bisect import bisect_left
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Final, overload

import regex

from pipeline.errors import InputError
from pipeline.packed import PackedStrings, StringSet
from pipeline.read import HTML_SUFFIXES, MARKDOWN_SUFFIXES, MHTML_SUFFIXES

# the files a folder gives: every kind the reader reads
SUFFIXES = frozenset({".txt"}) | MARKDOWN_SUFFIXES | HTML_SUFFIXES | MHTML_SUFFIXES
_UNSAFE_ID = regex.compile(r"[^A-Za-z0-9._-]")
# Leaves room for "-NN" and ".json" within the 255-byte file-name limit.
MAX_ID_LENGTH = 200
_POSIX: Final = os.sep == "/" and os.altsep is None


@dataclass(frozen=True, slots=True)
class Input:
    """An input file: its path as the OS takes it, and as shown in records and messages. The
    path is kept as a string (usually the very string shown), never made a ``Path``: a run
    holds every input until its end, a ``Path`` costs ~400 bytes, and making one per input
    costs as much time as reading a small release (``read_file`` takes the string)."""

    file: str | os.PathLike[str]
    shown: str  # the path as given, '/'-separated


def _shown(path: Path | str) -> str:
    """The path as text for records, messages and ids. A name whose bytes are not UTF-8
    (``bad\\xff.txt``) arrives with lone surrogates, which no UTF-8 file can hold: each such
    byte is shown as ``\\xNN``, so the name stays readable and the output writable."""
    # A walk gives a file's path as text (no Path made for each): on POSIX it is shown as is.
    shown = path if isinstance(path, str) and os.sep == "/" else Path(path).as_posix()
    try:
        shown.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(shown).decode("utf-8", "backslashreplace")
    return shown


class Inputs(Sequence[Input]):
    """The inputs of a run, in sorted path order, held compactly (a run keeps them until its
    end): their shown paths packed (see :mod:`pipeline.packed`), and the OS's path only
    where it differs from the shown one. ``inputs[i]`` makes the :class:`Input`."""

    def __init__(
        self, shown: PackedStrings, files: dict[str, str | os.PathLike[str]] | None = None
    ) -> None:
        self.shown = shown  # sorted
        self._files = files or {}  # shown path -> the OS's path, where they differ

    def __reduce__(self) -> tuple[type, tuple[PackedStrings, dict[str, str | os.PathLike[str]]]]:
        # Compiled, the class is pickled by its arguments (workers started by spawn).
        return Inputs, (self.shown, self._files)

    def __len__(self) -> int:
        return len(self.shown)

    @overload
    def __getitem__(self, index: int) -> Input: ...

    @overload
    def __getitem__(self, index: slice) -> list[Input]: ...

    def __getitem__(self, index: int | slice) -> Input | list[Input]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        shown = self.shown[index]
        return Input(self._files.get(shown, shown), shown)

    def __iter__(self) -> Iterator[Input]:
        for shown in self.shown:
            yield Input(self._files.get(shown, shown), shown)


class _Found:
    """The inputs met so far while the given paths are searched."""

    def __init__(self) -> None:
        # Packed as they are met (a list of 50,000 paths was the run's peak of memory); a
        # folder's files come in sorted order, so most runs need no sorting at the end.
        self.shown = PackedStrings()
        self._last = ""
        self._in_order = True
        self.files: dict[str, str | os.PathLike[str]] = {}
        self.real_files = StringSet()  # so that a file reached twice through links counts once
        # Two files may be shown alike (a name with a byte that is not UTF-8, shown as
        # "\\xNN", and one written with that backslash): they are one input, the last one met.
        self._with_backslash: set[str] = set()

    def add(self, path: Path | str) -> None:
        shown = _shown(path)
        file = str(path)
        if file != shown:
            self.files[shown] = file
        else:
            self.files.pop(shown, None)
        if "\\" in shown:
            if shown in self._with_backslash:
                return
            self._with_backslash.add(shown)
        if shown <= self._last:
            self._in_order = False  # "<=": a path given twice is one input, as when sorted
        self._last = shown
        self.shown.append(shown)

    def inputs(self) -> Inputs:
        """The inputs found, in sorted path order, each once."""
        self.real_files = StringSet()
        if self._in_order:
            return Inputs(self.shown, self.files)
        ordered = sorted(set(self.shown))
        self.shown = PackedStrings()
        return Inputs(PackedStrings(ordered), self.files)


def find_inputs(paths: Sequence[Path]) -> tuple[Inputs, list[InputError]]:
    """Expand files and folders (searched recursively, links followed) into inputs.

    Returns:
        The inputs in sorted path order, and the paths refused on the way (missing paths,
        folder loops through links).
    """
    found = _Found()
    errors: list[InputError] = []
    for given in paths:
        shown = _shown(given)
        if not given.exists() and not given.is_symlink():
            errors.append(InputError(shown, "missing", "no such file or folder"))
            continue
        if given.is_dir():
            _walk(given, found, errors)
        else:
            real = os.path.realpath(given)
            if found.real_files.add(real):
                found.add(given)
    return found.inputs(), errors


def _walk(root: Path, found: _Found, errors: list[InputError]) -> None:
    real_root = os.path.realpath(root)
    stack = [(root, real_root, frozenset({real_root}))]
    while stack:
        folder, real_folder, ancestors = stack.pop()
        try:
            folders, files, links = _entries(folder)
        except OSError as exc:
            errors.append(
                InputError(_shown(folder), "unreadable", f"cannot list folder ({exc.strerror})")
            )
            continue
        for name in sorted(folders):
            path = Path(folder, name)
            real = os.path.realpath(path)
            if real in ancestors:
                errors.append(
                    InputError(
                        _shown(path),
                        "loop",
                        "folder loop through links (it leads back to a folder above it); skipped",
                    )
                )
                continue
            stack.append((path, real, ancestors | {real}))
        # Last name first, taken from the end: each name is freed once it is seen.
        files.sort(reverse=True)
        where = str(folder)
        while files:
            name = files.pop()
            file = child_path(where, name)
            real = real_file(real_folder, file, name, linked=name in links)
            if found.real_files.add(real):
                found.add(file)


def stem(path: str) -> str:
    """``Path(path).stem``, without making a Path (see :func:`child_path`)."""
    name = path.rstrip("/").rpartition("/")[2]
    if name in ("", ".", ".."):
        return Path(path).stem
    return name[: len(name) - len(suffix(name))]


def suffix(name: str) -> str:
    """``Path(name).suffix`` of a file name, without making a Path: from its last dot, unless
    that dot starts or ends the name."""
    dot = name.rfind(".")
    return name[dot:] if 0 < dot < len(name) - 1 else ""


def child_path(folder: str, name: str) -> str:
    """``str(Path(folder, name))`` for a folder's entry ``name``, without making a Path (a
    walk over thousands of files made three for each)."""
    if folder == ".":
        return name
    return join_name(folder, name)


def _entries(folder: Path) -> tuple[list[str], list[str], set[str]]:
    """A folder's subfolders (links to folders included) and release files (by suffix), by
    name, and which of the files are links. Only names are kept: a folder of 50,000 files
    held ~13 MB of ``os.DirEntry``s while its inputs were made."""
    folders: list[str] = []
    files: list[str] = []
    links: set[str] = set()
    with os.scandir(folder) as entries:
        for entry in entries:
            try:
                is_dir = entry.is_dir(follow_symlinks=True)
            except OSError:
                is_dir = False
            if is_dir:
                folders.append(entry.name)
            elif suffix(entry.name).lower() in SUFFIXES:
                files.append(entry.name)
                if entry.is_symlink():
                    links.add(entry.name)
    return folders, files, links


def real_file(real_folder: str, path: str, name: str, *, linked: bool) -> str:
    """``os.path.realpath`` of a folder's entry ``name`` (at ``path``), given the folder's
    real path: the real path and the name, unless the entry is itself a link. (``realpath``
    checks every component of the path, which cost more than reading some releases.)"""
    if linked:
        return os.path.realpath(path)
    return join_name(real_folder, name)


def join_name(folder: str, name: str) -> str:
    """``os.path.join(folder, name)`` for a folder's entry ``name`` (which holds no
    separator), made directly on POSIX: a walk joins twice per file, and ``posixpath.join``'s
    generic checks cost a few per cent of the run's start over 8,000 files."""
    if not _POSIX:
        return os.path.join(folder, name)  # noqa: PTH118
    return folder + name if not folder or folder.endswith("/") else f"{folder}/{name}"


class ReleaseIds(Mapping[str, str]):
    """Each input's release id by its shown path, held compactly (a run keeps them until its
    end): the ids packed in input order, found by the shown path's place among the inputs'."""

    def __init__(self, shown: Sequence[str], ids: PackedStrings) -> None:
        self._shown = shown  # sorted
        self._ids = ids

    def __getitem__(self, shown: str) -> str:
        at = bisect_left(self._shown, shown)
        if at == len(self._shown) or self._shown[at] != shown:
            raise KeyError(shown)
        return self._ids[at]

    def __reduce__(self) -> tuple[type, tuple[Sequence[str], PackedStrings]]:
        return ReleaseIds, (self._shown, self._ids)  # as Inputs.__reduce__

    def at(self, position: int) -> str:
        """The id of the input at ``position`` among the sorted inputs (a run goes through
        them in order: no search)."""
        return self._ids[position]

    def __iter__(self) -> Iterator[str]:
        return iter(self._shown)

    def __len__(self) -> int:
        return len(self._shown)


def release_ids(inputs: Sequence[Input]) -> ReleaseIds:
    """A safe, unique ``release_id`` per input (in sorted path order, as
    :func:`find_inputs` gives them): the file stem with every character outside
    ``A-Za-z0-9._-`` turned into ``-``; a clash gets ``-2``, ``-3``... in path order."""
    shown = inputs.shown if isinstance(inputs, Inputs) else PackedStrings(i.shown for i in inputs)
    if any(a >= b for a, b in pairwise(shown)):
        raise ValueError("release_ids() needs the inputs in sorted path order, each once")
    ids = PackedStrings()
    used = StringSet()
    for path in shown:
        base = _UNSAFE_ID.sub("-", stem(path))[:MAX_ID_LENGTH]
        if not base.strip("."):
            base = "release" + base
        rid, n = base, 1
        while not used.add(rid.casefold()):
            n += 1
            rid = f"{base}-{n}"
        ids.append(rid)
    return ReleaseIds(shown, ids)
