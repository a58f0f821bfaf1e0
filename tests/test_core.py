"""The main job's sequencing: the library API, and one failing input costing only itself."""

from __future__ import annotations

from pathlib import Path

import pytest

import pipeline
from pipeline import core

from .conftest import FAIL_MARK

TEXT = (
    "Inspection of Somewhere\n\nCriteria Score\nLeadership Good\nCasework Fair\n\n"
    "Inspector Mo Reed said: “Work is good.” Fieldwork was in May 2020 across ten sites."
)


def test_library_api_round_trip() -> None:
    release = pipeline.extract_text(TEXT, release_id="r1")
    assert release.release_id == "r1"
    assert [s.criterion for s in release.scores] == ["Leadership", "Casework"]
    assert release.quotes[0].speaker == "Mo Reed"
    assert [d.text for d in release.dates] == ["May 2020"]
    assert [n.text for n in release.numbers] == ["ten"]
    assert [s.kind for s in release.sections][:2] == ["title", "table"]
    for item in (*release.sections, *release.dates, *release.numbers):
        assert release.text[item.start : item.end] == item.text


def test_extract_file_takes_its_id_from_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "A release (final).txt"
    path.write_text(TEXT, encoding="utf-8")
    release = pipeline.extract_file(path)
    assert release.release_id == "A-release--final-"
    same = pipeline.extract_text(TEXT, release_id="A-release--final-")
    assert (release.scores, release.quotes, release.numbers) == (
        same.scores,
        same.quotes,
        same.numbers,
    )


@pytest.mark.usefixtures("quotes_fail_on_mark")
def test_a_failing_extractor_costs_only_its_own_input(tmp_path: Path) -> None:
    for name, extra in [("a", ""), ("b", FAIL_MARK), ("c", ""), ("d", FAIL_MARK), ("e", "")]:
        (tmp_path / f"{name}.txt").write_text(TEXT + extra, encoding="utf-8")
    report = core.run([tmp_path])
    assert [r.release_id for r in report.releases] == ["a", "c", "e"]
    assert all(r.scores and r.quotes for r in report.releases)
    assert [(e.path.rsplit("/", 1)[-1], e.code) for e in report.errors] == [
        ("b.txt", "internal"),
        ("d.txt", "internal"),
    ]
    assert "RuntimeError: extractor broke on this input" in report.errors[0].detail
    statuses = {e["path"][-5]: e["status"] for e in report.manifest["inputs"]}
    assert statuses == dict(zip("abcde", ["ok", "error", "ok", "error", "ok"], strict=True))
    failed = next(e for e in report.manifest["inputs"] if e["path"].endswith("b.txt"))
    assert failed["bytes"] == len((TEXT + FAIL_MARK).encode()) and len(failed["sha256"]) == 64
    with pytest.raises(RuntimeError, match="extractor broke"):
        core.run([tmp_path], debug=True)


def test_every_warning_is_one_line() -> None:
    # a date wrapped over a line break is quoted in its warning on one line
    release = pipeline.extract_text("Visits\n\nThe unit reopened on 14\nFebruary after repairs.")
    assert release.warnings
    assert all("\n" not in w for w in release.warnings)
    assert any("'14 February'" in w for w in release.warnings)
