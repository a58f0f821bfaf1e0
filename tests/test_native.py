"""The compiled extractors (``setup.py``, mypyc) agree with the plain sources, and are used
only when they were built from the sources beside them (``pipeline/native.py``)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline import native
from tests.conftest import FIXTURES, ROOT, SEED, tree_hashes

RELEASES = ROOT / "tests" / "data" / "releases"


def _run(inputs: list[Path], out: Path, *, pure: bool) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != native.PURE_ENV}
    if pure:
        env[native.PURE_ENV] = "1"
    probe = "import pipeline.extract, pipeline.native as n; print(','.join(n.loaded_compiled()))"
    loaded = subprocess.run(
        [sys.executable, "-c", probe], env=env, cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    if pure:
        assert loaded == "", "PIPELINE_PURE=1 still loaded compiled modules"
    else:
        assert bool(loaded) == native.use_compiled()
    args = [sys.executable, "-m", "pipeline", "extract", *map(str, inputs), "--out", str(out)]
    proc = subprocess.run([*args, "-q"], env=env, cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    hashes = tree_hashes(out)
    del hashes["manifest.json"]  # its timestamps differ
    return hashes


def test_compiled_and_plain_write_the_same_files(tmp_path: Path) -> None:
    if not native.use_compiled():
        pytest.skip("the extractors are not compiled here (see setup.py): nothing to compare")
    inputs = [SEED, FIXTURES, RELEASES]
    assert _run(inputs, tmp_path / "compiled", pure=False) == _run(
        inputs, tmp_path / "plain", pure=True
    )


def test_a_source_newer_than_its_compiled_file_turns_them_all_off(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    for name in ("a", "sub/b"):
        (package / f"{name}.py").write_text("X = 1\n")
    built = {name: package / f"{name}{native._SUFFIXES[0]}" for name in ("a", "sub/b")}
    for path in built.values():
        path.write_bytes(b"")
    (package / f"{native._SHARED}{native._SUFFIXES[0]}").write_bytes(b"")
    assert native.fresh(native.find_compiled(package))
    later = time.time() + 10
    os.utime(package / "sub" / "b.py", (later, later))  # an edit after the build
    assert not native.fresh(native.find_compiled(package))
    assert native.find_compiled(tmp_path / "empty").modules == {}


def test_a_missing_shared_library_turns_them_off(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("X = 1\n")
    (tmp_path / f"a{native._SUFFIXES[0]}").write_bytes(b"")
    assert not native.fresh(native.find_compiled(tmp_path))
