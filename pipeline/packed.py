"""Many strings held compactly: a run keeps one path and one release id per input until its
end, and as Python objects they cost about 100 bytes each beyond their characters (50,000
inputs held 18 MB). Here the characters are joined into blocks and only their offsets kept,
with each block's common start (a folder's path) kept once: about 5 bytes per string beyond
its own characters (the memory target of issue 10; see the README's Speed section). Both
classes agree with a ``list`` and a ``set`` of ``str`` (tests/test_speed_tricks.py).
"""

from __future__ import annotations

import os
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

_BLOCK = 1024  # strings per joined block


class PackedStrings(Sequence[str]):
    """A list of strings that is only appended to, its characters joined ``_BLOCK``
    strings at a time; ``packed[i]`` gives the string back (a new ``str`` each time)."""

    def __init__(self, strings: Iterable[str] = ()) -> None:
        self._blocks: list[str] = []  # the full blocks, each _BLOCK strings joined
        self._prefixes: list[str] = []  # each block's strings' common start, kept once
        self._ends = array("I")  # each string's end within its block (after the prefix)
        self._last: list[str] = []  # the strings after the full blocks
        for text in strings:
            self.append(text)

    def __reduce__(self) -> tuple[type, tuple[list[str]]]:
        # Compiled, the class is pickled by its arguments (workers started by spawn).
        return PackedStrings, (list(self),)

    def append(self, text: str) -> None:
        self._last.append(text)
        if len(self._last) == _BLOCK:
            # Paths in order share most of their start (a folder's): it is kept once.
            prefix = os.path.commonprefix(self._last)  # noqa: RUF071 - characters, any strings
            cut = len(prefix)
            end = 0
            for part in self._last:
                end += len(part) - cut
                self._ends.append(end)
            self._blocks.append("".join([part[cut:] for part in self._last]))
            self._prefixes.append(prefix)
            self._last = []

    def __len__(self) -> int:
        return len(self._blocks) * _BLOCK + len(self._last)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
            if index < 0:
                raise IndexError("PackedStrings index out of range")
        block, at = divmod(index, _BLOCK)
        if block >= len(self._blocks):
            return self._last[at]  # IndexError beyond the end, as a list raises
        start = self._ends[index - 1] if at else 0
        return self._prefixes[block] + self._blocks[block][start : self._ends[index]]

    def __iter__(self) -> Iterator[str]:
        for block, text in enumerate(self._blocks):
            ends = self._ends[block * _BLOCK : (block + 1) * _BLOCK]
            prefix = self._prefixes[block]
            start = 0
            for end in ends:
                yield prefix + text[start:end]
                start = end
        yield from self._last


class StringSet:
    """A set of strings (``add`` and ``in`` only) kept in a :class:`PackedStrings`, with a
    table of their positions by hash (open addressing, at most half full)."""

    def __init__(self, strings: Iterable[str] = ()) -> None:
        self._strings = PackedStrings()
        self._slots = array("i", [-1]) * 8  # a position in _strings, or -1: empty
        for text in strings:
            self.add(text)

    def _slot(self, text: str) -> int:
        """The slot that holds ``text``, or the empty slot where it would go."""
        mask = len(self._slots) - 1
        slot = hash(text) & mask
        while (at := self._slots[slot]) >= 0 and self._strings[at] != text:
            slot = (slot + 1) & mask
        return slot

    def __contains__(self, text: object) -> bool:
        return isinstance(text, str) and self._slots[self._slot(text)] >= 0

    def add(self, text: str) -> bool:
        """Add ``text``: True when it is new, False when it was there (one look-up for both)."""
        slot = self._slot(text)
        if self._slots[slot] >= 0:
            return False
        self._slots[slot] = len(self._strings)
        self._strings.append(text)
        if 2 * len(self._strings) > len(self._slots):
            self._grow()
        return True

    def _grow(self) -> None:
        slots = self._slots = array("i", [-1]) * (2 * len(self._slots))
        mask = len(slots) - 1
        for at, text in enumerate(self._strings):  # all different: the first empty slot
            slot = hash(text) & mask
            while slots[slot] >= 0:
                slot = (slot + 1) & mask
            slots[slot] = at

    def __len__(self) -> int:
        return len(self._strings)
