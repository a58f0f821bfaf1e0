"""Build step: compile the extractors with mypyc, or install them plain when that fails.

The extractors are plain, typed Python (the code a reader reads and the tests run with
``PIPELINE_PURE=1``); compiled by mypyc they run about a third faster (see README, Speed).
Compiling needs mypy (a build requirement in pyproject.toml) and a C compiler. Without either,
or when mypyc fails, the package installs as plain Python and works the same, only slower.
``pipeline/native.py`` decides at import time whether the compiled modules are used.
"""

from __future__ import annotations

import sys
from pathlib import Path

from setuptools import Extension, setup

# The modules compiled: the extractors and the normalisation they share. Each must stay
# mypy-clean on its own (the build type-checks it without the dev stubs).
COMPILED = sorted([*map(str, Path("pipeline/extract").glob("[a-z]*.py")), "pipeline/normalize.py"])
# Commands that build the package (asking for its metadata compiles nothing).
BUILDS = ("build_ext", "build", "bdist_wheel", "editable_wheel", "install", "develop")


def extensions() -> list[Extension]:
    if not any(cmd in sys.argv for cmd in BUILDS):
        return []
    try:
        from mypyc.build import mypycify

        options = ["--config-file=", "--follow-imports=silent", "--ignore-missing-imports"]
        built = mypycify(options + COMPILED, opt_level="3", group_name="pipeline._native")
    except (Exception, SystemExit) as exc:  # mypyc reports a failed type check by exiting
        print(f"pipeline: installing the plain extractors ({exc})", file=sys.stderr)
        return []
    for ext in built:
        ext.optional = True  # a failed C compile leaves the plain module (native.py checks)
    return built


setup(ext_modules=extensions())
