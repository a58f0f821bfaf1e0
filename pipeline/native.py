"""Whether the mypyc-compiled extractors that ``pip install`` built are used.

``setup.py`` compiles the extractors into extension files beside their sources. Python
prefers an extension file to a source file of the same name, even after the source was
edited, and the compiled modules call each other directly, not through ``sys.modules``; so
the compiled modules are used together or not at all: only when every one is newer than its
source, their shared library is there, and ``PIPELINE_PURE`` is not set (the tests compare
the two). Otherwise every module is imported from its source, as if nothing were compiled.
"""

from __future__ import annotations

import importlib.machinery
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.machinery import ModuleSpec, SourceFileLoader
from pathlib import Path
from types import ModuleType

PACKAGE = Path(__file__).resolve().parent
PURE_ENV = "PIPELINE_PURE"  # set (to anything but empty): import the plain sources only
_SHARED = "_native__mypyc"  # setup.py's group name: the library every compiled module loads


_SUFFIXES = tuple(importlib.machinery.EXTENSION_SUFFIXES)


def _extension(source: Path) -> Path | None:
    for suffix in _SUFFIXES:
        built = source.with_name(source.stem + suffix)
        if built.exists():
            return built
    return None


@dataclass(frozen=True, slots=True)
class Compiled:
    """The compiled files of a package: module name -> (source, extension file) for every
    source with one beside it, and whether their shared library is there."""

    modules: dict[str, tuple[Path, Path]]
    shared: bool


def find_compiled(package: Path) -> Compiled:
    """The compiled files under ``package`` (a folder holding ``__init__.py``)."""
    modules = {}
    for source in sorted(package.rglob("*.py")):
        built = _extension(source)
        if built is not None:
            parts = source.relative_to(package.parent).with_suffix("").parts
            modules[".".join(parts)] = (source, built)
    return Compiled(modules, any(package.glob(_SHARED + "*")))


def fresh(found: Compiled) -> bool:
    """True when there are compiled modules, their library, and none is older than its source."""
    return (
        bool(found.modules)
        and found.shared
        and all(b.stat().st_mtime >= s.stat().st_mtime for s, b in found.modules.values())
    )


@lru_cache(maxsize=1)
def _here() -> Compiled:
    return find_compiled(PACKAGE)


@lru_cache(maxsize=1)
def use_compiled() -> bool:
    """True when this package's compiled modules are fresh and ``PIPELINE_PURE`` is not set."""
    return not os.environ.get(PURE_ENV) and fresh(_here())


class _SourcesUnlessCompiled:
    """Finds a compiled module's source when the compiled modules are not to be used."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        entry = _here().modules.get(fullname)
        if entry is None or use_compiled():
            return None  # the usual finders: the extension file, if any
        source = str(entry[0])
        spec = ModuleSpec(fullname, SourceFileLoader(fullname, source), origin=source)
        spec.has_location = True  # __file__ is the source
        return spec


def install() -> None:
    """Put the finder first, once (``pipeline/__init__.py`` calls it before any import)."""
    if not any(isinstance(f, _SourcesUnlessCompiled) for f in sys.meta_path):
        sys.meta_path.insert(0, _SourcesUnlessCompiled())


def loaded_compiled() -> list[str]:
    """The package's modules imported so far from compiled files (for reports and tests)."""
    return sorted(
        name
        for name, module in list(sys.modules.items())
        if name.startswith("pipeline.")
        and str(getattr(module, "__file__", "")).endswith(
            tuple(importlib.machinery.EXTENSION_SUFFIXES)
        )
    )
