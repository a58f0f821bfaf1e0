"""Whether the mypyc-compiled modules that ``pip install`` built are used.

``setup.py`` compiles the extractors and the per-release modules into extension files beside
their sources, and writes the SHA-256 of each source it compiled into ``_native.sha256``. Python
prefers an extension file to a source file of the same name, even after the source was edited,
and the compiled modules call each other directly, not through ``sys.modules``; so the compiled
modules are used together or not at all: only when every source is still what was compiled,
their shared library is there, and ``PIPELINE_PURE`` is not set (the tests compare the two).
Otherwise every module is imported from its source, as if nothing were compiled."""

from __future__ import annotations

import hashlib
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
HASHES = "_native.sha256"  # what setup.py compiled: the SHA-256 of each source
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
    source with one beside it; the lines of ``_native.sha256`` (each source as it was
    compiled); and whether their shared library is there."""

    package: Path
    modules: dict[str, tuple[Path, Path]]
    built_from: frozenset[str]
    shared: bool


def source_hashes(root: Path, sources: list[Path]) -> str:
    """The lines of ``_native.sha256`` (``sha256sum``'s format) for ``sources`` under ``root``."""
    return "".join(
        f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.relative_to(root).as_posix()}\n"
        for p in sources
    )


def find_compiled(package: Path) -> Compiled:
    """The compiled files under ``package`` (a folder holding ``__init__.py``)."""
    modules = {}
    for source in sorted(package.rglob("*.py")):
        built = _extension(source)
        if built is not None:
            parts = source.relative_to(package.parent).with_suffix("").parts
            modules[".".join(parts)] = (source, built)
    record = package / HASHES
    built_from = frozenset(record.read_text("utf-8").splitlines() if record.is_file() else ())
    return Compiled(package, modules, built_from, any(package.glob(_SHARED + "*")))


def fresh(found: Compiled) -> bool:
    """True when there are compiled modules, their library, and every source is still the one
    compiled."""
    if not found.modules or not found.shared:
        return False
    sources = [source for source, _ in found.modules.values()]
    return set(source_hashes(found.package.parent, sources).splitlines()) == found.built_from


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
        if name.startswith("pipeline.") and str(getattr(module, "__file__", "")).endswith(_SUFFIXES)
    )
