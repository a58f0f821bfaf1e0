"""Accuracy can never silently fall: extraction of the seed and the fixtures is scored
against their gold annotations with floors (issue thresholds; only a reviewed change lowers
them)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pipeline import core, export, scoring

FIXTURE_FLOORS = {
    "title": 0.95,
    "scores": 0.97,
    "quotes": 0.92,
    "dates": 0.95,
    "numbers": 0.90,
    "quote_role": 0.90,
    "quote_paragraphs": 0.90,
    "number_unit": 0.85,
    "provenance": 1.0,
}
SEED_FLOORS = dict.fromkeys(FIXTURE_FLOORS, 1.0)


def _score(tmp_path: Path, nlp: Any, inputs: Path, gold: Path) -> scoring.ScoreResult:
    report = core.run([inputs], nlp=nlp)
    assert not report.errors, [str(e) for e in report.errors]
    export.write_outputs(tmp_path / "out", report.releases, [], report.manifest)
    return scoring.score_files(tmp_path / "out" / "releases.jsonl", gold)


@pytest.mark.parametrize(
    ("inputs", "gold", "floors"),
    [
        ("seed", "spec/seed.gold.json", SEED_FLOORS),
        ("fixtures/raw", "fixtures/gold.json", FIXTURE_FLOORS),
    ],
)
def test_gold_floors(
    tmp_path: Path, nlp: Any, shared: Path, inputs: str, gold: str, floors: dict[str, float]
) -> None:
    result = _score(tmp_path, nlp, shared / inputs, shared / gold)
    failed = scoring.failures(result, floors)
    assert not failed, scoring.render(result, as_json=False, misses=True)
