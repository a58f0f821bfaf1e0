"""The compiled extractors (``setup.py``, mypyc) agree with the plain sources, and are used
only when they were built from the sources beside them (``pipeline/native.py``)."""

from __future__ import annotations

import os
import subprocess
import sys
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


def _package(root: Path, names: tuple[str, ...], *, shared: bool = True) -> Path:
    """A package under ``root`` with a compiled file beside each of ``names``' sources, and
    the hashes setup.py records."""
    package = root / "pkg"
    sources = []
    for name in names:
        source = package / f"{name}.py"
        source.parent.mkdir(parents=True, exist_ok=True)
        source.write_text("X = 1\n")
        source.with_name(source.stem + native._SUFFIXES[0]).write_bytes(b"")
        sources.append(source)
    (package / native.HASHES).write_text(native.source_hashes(root, sources))
    if shared:
        (package / f"{native._SHARED}{native._SUFFIXES[0]}").write_bytes(b"")
    return package


def test_an_edited_source_turns_every_compiled_module_off(tmp_path: Path) -> None:
    package = _package(tmp_path, ("a", "sub/b"))
    found = native.find_compiled(package)
    assert sorted(found.modules) == ["pkg.a", "pkg.sub.b"]
    assert native.fresh(found)
    (package / "sub" / "b.py").write_text("X = 2\n")  # an edit after the build
    assert not native.fresh(native.find_compiled(package))


def test_no_record_or_no_shared_library_turns_them_off(tmp_path: Path) -> None:
    package = _package(tmp_path / "one", ("a",), shared=False)
    assert not native.fresh(native.find_compiled(package))
    package = _package(tmp_path / "two", ("a",))
    (package / native.HASHES).unlink()
    assert not native.fresh(native.find_compiled(package))
    assert native.find_compiled(tmp_path / "empty").modules == {}
