"""``pipeline diff``: two extractions compared release by release, field by field.

The records compared are the golden ones (tests/golden/), written out as a releases.jsonl in
an output folder, then changed the way a parser change would change them.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from pipeline import diff
from pipeline.cli import app

from .conftest import ROOT

runner = CliRunner()
GOLDEN = sorted((ROOT / "tests" / "golden").rglob("*.json"))
SEED_ID = "000_e652adb531517c63"


def records() -> list[dict[str, Any]]:
    return [json.loads(p.read_text("utf-8")) for p in GOLDEN]


def write(folder: Path, recs: list[dict[str, Any]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    lines = (json.dumps(r, ensure_ascii=False) + "\n" for r in recs)
    (folder / "releases.jsonl").write_text("".join(lines), "utf-8")
    return folder


def by_id(recs: list[dict[str, Any]], rid: str) -> dict[str, Any]:
    return next(r for r in recs if r["release_id"] == rid)


def with_quotes(recs: list[dict[str, Any]]) -> dict[str, Any]:
    return next(r for r in recs if r["quotes"] and r["scores"])


def run(*args: str | Path) -> Any:
    return runner.invoke(app, ["diff", *map(str, args)])


def assert_one_line_error(stderr: str, *words: str) -> None:
    assert "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1, stderr
    assert stderr.startswith("error: ")
    for word in words:
        assert word in stderr, stderr


@pytest.mark.parametrize("command", ["diff", "review"])
def test_help_shows_an_example(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: pipeline" in result.stdout


# --- the acceptance cases ------------------------------------------------------------------


def test_identical_outputs_exit_0(tmp_path: Path) -> None:
    old = write(tmp_path / "old", records())
    new = write(tmp_path / "new", records())
    result = run(old, new)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"identical: {len(GOLDEN)} release(s)")
    # A releases.jsonl works as well as its folder; --json says the same.
    result = run(old / "releases.jsonl", new, "--json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["identical"] is True
    assert report["releases"]["same"] == len(GOLDEN)
    assert report["changes"] == []


def test_one_changed_score(tmp_path: Path) -> None:
    recs = records()
    old = write(tmp_path / "old", recs)
    seed = by_id(recs, SEED_ID)
    row = seed["scores"][1]
    row["score"], row["score_value"] = "Excellent", 4
    result = run(old, write(tmp_path / "new", recs))
    assert result.exit_code == 1
    out = result.stdout
    assert f"~ {SEED_ID}" in out
    assert "scores: 1 changed" in out
    assert f"~ [{row['start']}:{row['end']}] {row['criterion']}: Excellent" in out
    assert 'score: "Fair" → "Excellent"' in out
    assert "score_value: 2 → 4" in out
    # The summary: one field, one change, one release.
    assert "summary: 1 changed, 0 added, 0 removed" in out
    assert out.rstrip().splitlines()[-1].split() == ["scores", "0", "0", "1", "1"]
    report = json.loads(run(old, tmp_path / "new", "--json").stdout)
    assert report["summary"] == {"scores": {"added": 0, "removed": 0, "changed": 1, "releases": 1}}
    [change] = report["changes"][0]["fields"]["scores"]["changed"]
    assert change["start"] == row["start"]
    assert change["changes"] == [
        {"attr": "score", "old": "Fair", "new": "Excellent"},
        {"attr": "score_value", "old": 2, "new": 4},
    ]


def test_one_removed_quote(tmp_path: Path) -> None:
    recs = records()
    old = write(tmp_path / "old", recs)
    rec = with_quotes(recs)
    gone = rec["quotes"].pop()
    result = run(old, write(tmp_path / "new", recs))
    assert result.exit_code == 1
    assert (
        f"~ {rec['release_id']}\n    quotes: 1 removed\n      - [{gone['start']}:" in result.stdout
    )
    report = json.loads(run(old, tmp_path / "new", "--json").stdout)
    assert report["changes"] == [
        {
            "release_id": rec["release_id"],
            "status": "changed",
            "fields": {"quotes": {"removed": [gone]}},
        }
    ]


def test_an_added_release(tmp_path: Path) -> None:
    recs = records()
    old = write(tmp_path / "old", recs)
    extra = copy.deepcopy(by_id(recs, SEED_ID))
    extra["release_id"] = "zz-another-area"
    result = run(old, write(tmp_path / "new", [*recs, extra]))
    assert result.exit_code == 1
    counts = ", ".join(f"{len(extra[f])} {f}" for f in diff.ITEM_FIELDS if extra[f])
    assert f"+ zz-another-area: added ({counts})" in result.stdout
    assert f"summary: 0 changed, 1 added, 0 removed, {len(GOLDEN)} identical" in result.stdout
    # The other way round it is removed.
    result = run(tmp_path / "new", old)
    assert "- zz-another-area: removed" in result.stdout


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b'{"release_id": "a", "scores": []}\n{"release_id": "b"', ["line 2", "invalid JSON"]),
        (b"[1, 2]\n", ["line 1", "expected a release object"]),
        (b'{"title": "no id"}\n', ["no release_id"]),
        (b'{"release_id": "a"}\n{"release_id": "a"}\n', ["appears twice"]),
        (b'{"release_id": "a", "scores": [{"start": 1}]}\n', ["scores[0]", "'end'"]),
        (b'{"release_id": "a", "quotes": {"x": 1}}\n', ["quotes is an object"]),
        (b'\xff\xfe{"release_id": 1}', ["not UTF-8"]),
        (None, ["no such file or folder"]),
    ],
)
def test_malformed_input_exits_2_with_one_line(
    tmp_path: Path, content: bytes | None, words: list[str]
) -> None:
    good = write(tmp_path / "good", records()[:2])
    bad = tmp_path / "bad.jsonl"
    if content is not None:
        bad.write_bytes(content)
    for args in ((good, bad), (bad, good)):
        result = run(*args)
        assert result.exit_code == 2, result.output
        assert result.stdout == ""
        assert_one_line_error(result.stderr, "bad.jsonl", *words)


def test_a_folder_that_is_not_an_output(tmp_path: Path) -> None:
    good = write(tmp_path / "good", records()[:2])
    result = run(good, tmp_path)
    assert result.exit_code == 2
    assert_one_line_error(result.stderr, str(tmp_path), "no releases.jsonl")


# --- narrowing -----------------------------------------------------------------------------


def test_field_and_release_narrow_the_comparison(tmp_path: Path) -> None:
    recs = records()
    old = write(tmp_path / "old", recs)
    seed = by_id(recs, SEED_ID)
    seed["title"] = "Another headline"
    other = with_quotes(recs)
    other["quotes"][0]["speaker"] = "Ann Example"
    new = write(tmp_path / "new", recs)
    assert run(old, new, "--field", "scores").exit_code == 0
    result = run(old, new, "--field", "title")
    assert result.exit_code == 1
    assert 'title: "Area Assurance Inspection of CPS East Midlands" → "Another headline"' in (
        result.stdout
    )
    assert other["release_id"] not in result.stdout
    result = run(old, new, "--release", other["release_id"])
    assert result.exit_code == 1
    assert SEED_ID not in result.stdout
    assert '→ "Ann Example"' in result.stdout
    assert run(old, new, "--release", SEED_ID, "--field", "quotes").exit_code == 0
    # A field or release in neither side is bad input.
    result = run(old, new, "--field", "colour")
    assert result.exit_code == 2
    assert_one_line_error(result.stderr, "--field colour", "scores")
    result = run(old, new, "--release", "nowhere")
    assert result.exit_code == 2
    assert_one_line_error(result.stderr, "--release nowhere")


# --- the comparison itself -----------------------------------------------------------------


def test_items_on_one_span_pair_equal_first() -> None:
    # Two grades on one table row share its span: changing the second is one change.
    a = {"criterion": "Casework", "score": "Good", "start": 0, "end": 20}
    b = {"criterion": "Casework (Crown Court)", "score": "Fair", "start": 0, "end": 20}
    b2 = {**b, "score": "Poor"}
    result = diff.compare_items("scores", [a, b], [b2, a])
    assert (result.added, result.removed) == ((), ())
    [change] = result.changed
    assert change.changes == (diff.Change("score", "Fair", "Poor"),)


def test_a_moved_span_is_removed_and_added_and_order_counts() -> None:
    a = {"text": "120", "value": 120, "start": 5, "end": 8}
    wider = {**a, "text": "120 files", "end": 14}
    result = diff.compare_items("numbers", [a], [wider])
    assert (result.removed, result.added, result.changed) == ((a,), (wider,), ())
    b = {"text": "7", "value": 7, "start": 20, "end": 21}
    assert diff.compare_items("numbers", [a, b], [b, a]).reordered


def test_types_count_and_keys_added_or_dropped_show() -> None:
    assert not diff.same(1, 1.0) and not diff.same(1, True) and diff.same([{"a": 1}], [{"a": 1}])
    old = {"release_id": "r", "metadata": {"a": "1"}, "scores": [{"start": 0, "end": 1}]}
    new = {
        "release_id": "r",
        "metadata": {"b": "2"},
        "scores": [{"start": 0, "end": 1, "qualifier": None}],
        "review": ["few items"],
    }
    assert diff.release_lines(diff.compare_release(old, new)) == [
        "~ r",
        "    scores: 1 changed",
        "      ~ [0:1] None: None",
        "          qualifier: added (null)",
        '    review: added (["few items"])',
        "    metadata: 2 changed",
        '      ~ metadata.a: removed (was "1")',
        '      ~ metadata.b: added ("2")',
    ]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.floats(-2, 2) | st.text(max_size=3),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=2), inner),
    max_leaves=8,
)
items = st.lists(
    st.fixed_dictionaries(
        {"start": st.integers(0, 3), "end": st.integers(0, 3)}, optional={"x": json_values}
    ),
    max_size=4,
)
records_st = st.fixed_dictionaries(
    {"release_id": st.just("r")},
    optional={"title": json_values, "scores": items, "quotes": items, "warnings": json_values},
)


@settings(max_examples=300, deadline=None)
@given(records_st, records_st)
def test_no_difference_reported_only_for_equal_records(
    a: dict[str, Any], b: dict[str, Any]
) -> None:
    # The golden test relies on this: a record that changed in any way shows a difference.
    result = diff.compare_release(a, b)
    assert (result.status == "same") == (
        json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)
    )
    assert bool(diff.release_lines(result)) == (result.status != "same")
