"""Accuracy can never silently fall: the seed and the fixtures are extracted and scored with
``pipeline score --min FIELD=VALUE`` against their gold annotations (issue thresholds; only a
reviewed change lowers them)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline import core, export
from pipeline.cli import app

from .conftest import FIXTURES, FIXTURES_GOLD, SEED, SEED_GOLD

FIELDS = (
    "title",
    "scores",
    "quotes",
    "dates",
    "numbers",
    "quote_role",
    "quote_paragraphs",
    "number_unit",
    "provenance",
)
# The seed and the fixtures are held at full marks on every field.
SEED_FLOORS = FIXTURE_FLOORS = dict.fromkeys(FIELDS, 1.0)


@pytest.mark.parametrize(
    ("inputs", "gold", "floors"),
    [
        (SEED, SEED_GOLD, SEED_FLOORS),
        (FIXTURES, FIXTURES_GOLD, FIXTURE_FLOORS),
    ],
)
def test_gold_floors(tmp_path: Path, inputs: Path, gold: Path, floors: dict[str, float]) -> None:
    report = core.run([inputs])
    assert not report.errors, [str(e) for e in report.errors]
    export.write_outputs(tmp_path / "out", report.releases, [], report.manifest)
    mins = [arg for field, floor in floors.items() for arg in ("--min", f"{field}={floor}")]
    args = ["score", str(tmp_path / "out" / "releases.jsonl"), str(gold), *mins]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1].startswith("ok | ")


# Whole releases written after forms seen on real pages (tests/data/releases/): each group's
# gold file (gold-<group>.json) must score 1.0 on every field but number unit.
RELEASES = FIXTURES.parents[1] / "releases"
RELEASE_FLOORS = {**SEED_FLOORS, "number_unit": 0.95}


@pytest.mark.parametrize("gold", sorted(RELEASES.glob("gold-*.json")), ids=lambda p: p.stem)
def test_written_releases_score_full_marks(tmp_path: Path, gold: Path) -> None:
    report = core.run([RELEASES])
    assert not report.errors, [str(e) for e in report.errors]
    export.write_outputs(tmp_path / "out", report.releases, [], report.manifest)
    mins = [arg for field, floor in RELEASE_FLOORS.items() for arg in ("--min", f"{field}={floor}")]
    result = CliRunner().invoke(
        app, ["score", str(tmp_path / "out" / "releases.jsonl"), str(gold), *mins]
    )
    assert result.exit_code == 0, result.output
