"""Shared fixtures: one blank-English release pipeline, paths, and ``--update-golden``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from spacy.language import Language

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/ from the current code (review the diff before committing)",
    )


@pytest.fixture(scope="session")
def nlp() -> Language:
    import pipeline

    return pipeline.load()


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared folder beside the checkout (seed, fixtures, gold, scorer)."""
    if not (SHARED / "fixtures" / "gold.json").is_file():
        pytest.fail(f"shared folder not found at {SHARED}: the gold tests need it beside the repo")
    return SHARED
