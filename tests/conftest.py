"""Shared fixtures: test data paths and ``--update-golden``."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from hypothesis import settings

# Tests pass on any machine, fast or slow, idle or busy: no example has a time limit (a
# test's own @settings still sets how many examples it draws).
settings.register_profile("any-machine", deadline=None)
settings.load_profile("any-machine")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
# The test data lives in the repository, so a clone alone passes its tests: a copy of the
# shared fixtures and their gold, and the seed's gold beside the seed.
FIXTURES = ROOT / "tests" / "data" / "fixtures" / "raw"
FIXTURES_GOLD = ROOT / "tests" / "data" / "fixtures" / "gold.json"
SEED = ROOT / "raw"
SEED_GOLD = ROOT / "raw" / "000_e652adb531517c63.gold.json"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/ from the current code (review the diff before committing)",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared folder beside the checkout: only the parity test with its reference scorer
    needs it, and is skipped, saying so, when a clone stands alone."""
    if not (SHARED / "tools" / "score.py").is_file():
        pytest.skip(f"no shared folder at {SHARED}: the reference scorer is not there to compare")
    return SHARED


def tree_hashes(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` by relative path, with its SHA-256: to compare outputs."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


FAIL_MARK = " FAIL-HERE"


@pytest.fixture
def quotes_fail_on_mark(monkeypatch: pytest.MonkeyPatch) -> None:
    """The quotation finder raises on any text holding ``FAIL_MARK`` (in forked workers too):
    an extractor failing on one input."""
    from pipeline import extract

    real = extract.find_quotes

    def breaks_on_mark(text: str, paragraphs: object) -> object:
        if FAIL_MARK in text:
            raise RuntimeError("extractor broke\non this input")
        return real(text, paragraphs)  # type: ignore[arg-type]

    monkeypatch.setattr(extract, "find_quotes", breaks_on_mark)
