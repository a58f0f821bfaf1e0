"""Build step: compile the extractors and the per-release modules with mypyc, or install them
plain when that fails.

They are plain, typed Python (the code a reader reads and the tests run with
``PIPELINE_PURE=1``); compiled by mypyc a whole run takes about two thirds of the time (see
README, Speed).
Compiling needs mypy (a build requirement in pyproject.toml) and a C compiler. Without either,
or when mypyc fails, the package installs as plain Python and works the same, only slower.
``pipeline/native.py`` decides at import time whether the compiled modules are used.
"""

from __future__ import annotations

import compileall
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext


def _native() -> ModuleType:
    """``pipeline/native.py`` alone: the package's own imports are not installed yet (and its
    folder on ``sys.path`` would shadow the standard ``html`` module)."""
    spec = importlib.util.spec_from_file_location("_pipeline_native", "pipeline/native.py")
    assert spec is not None and spec.loader is not None
    module = sys.modules[spec.name] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# The modules compiled: the extractors, the normalisation they share, the record classes
# (compiled code then builds them and reads their fields directly, not through Python's
# attribute look-up), and the code every release passes through on its way out (reading,
# the record, its JSON object and CSV rows,
# the CSV formatter, the grids' cells, the packed ids and inputs). Each must stay mypy-clean
# on its own (the build type-checks it without the dev stubs).
EXTRACTORS = sorted(map(str, Path("pipeline/extract").glob("[a-z]*.py")))
PER_RELEASE = (
    "model",
    "normalize",
    "read",
    "record",
    "render",
    "csvtext",
    "grids",
    "packed",
    "inputs",
)
COMPILED = [*EXTRACTORS, *(f"pipeline/{name}.py" for name in PER_RELEASE)]
# Commands that build the package (asking for its metadata compiles nothing).
BUILDS = ("build_ext", "build", "bdist_wheel", "editable_wheel", "install", "develop")


def _forget_compiled() -> None:
    """Remove the record of what was compiled: compiled files left from an earlier install
    are then not used (native.py needs every source in the record)."""
    Path("pipeline", _native().HASHES).unlink(missing_ok=True)


class _BuildExt(build_ext):
    """A failed C compile of an optional extension leaves the plain modules used, also when
    an earlier install left compiled files beside them. An editable install (built in place)
    also writes the bytecode of the package's plain modules, as pip does for a wheel: Python
    reads it even where writing it is turned off (PYTHONDONTWRITEBYTECODE), and compiling the
    sources at every start costs a tenth of a run's start-up."""

    def run(self) -> None:
        super().run()
        if self.inplace:
            compileall.compile_dir("pipeline", quiet=1)

    def build_extension(self, ext: Extension) -> None:
        try:
            super().build_extension(ext)
        except Exception:
            _forget_compiled()
            raise  # setuptools warns and goes on: the extension is optional


def extensions() -> list[Extension]:
    if not any(cmd in sys.argv for cmd in BUILDS):
        return []
    try:
        from mypyc.build import mypycify

        options = ["--config-file=", "--follow-imports=silent", "--ignore-missing-imports"]
        built = mypycify(options + COMPILED, opt_level="3", group_name="pipeline._native")
    except (Exception, SystemExit) as exc:  # mypyc reports a failed type check by exiting
        print(f"pipeline: installing the plain extractors ({exc})", file=sys.stderr)
        _forget_compiled()
        return []
    for ext in built:
        ext.optional = True  # a failed C compile leaves the plain module (native.py checks)
    native = _native()
    hashes = native.source_hashes(Path(), [Path(p) for p in COMPILED])
    Path("pipeline", native.HASHES).write_text(hashes, "utf-8")
    return built


setup(ext_modules=extensions(), cmdclass={"build_ext": _BuildExt})
