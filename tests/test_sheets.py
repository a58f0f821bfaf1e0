"""The outputs for spreadsheets and other tools: the ratings grids, the workbook, the data
package."""

from __future__ import annotations

import csv
import datetime
import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from pipeline import core
from pipeline.grids import build_grids, criterion_column
from pipeline.normalize import collapse_space, fold

from .conftest import FIXTURES, SEED


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def fixtures_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sheets") / "out"
    core.extract_to([FIXTURES], out, xlsx=True)
    return out


@pytest.fixture(scope="module")
def seed_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sheets-seed") / "out"
    core.extract_to([SEED], out, xlsx=True)
    return out


# --- the ratings grids ---------------------------------------------------------------------------


def criterion_key(row: dict[str, str]) -> str:
    name = fold(collapse_space(row["criterion"])).casefold()
    return name if row["table"] == "0" else f"{name} [table {int(row['table']) + 1}]"


def test_the_grid_has_one_row_per_release_and_one_column_per_distinct_criterion(
    fixtures_out: Path,
) -> None:
    releases = read_csv(fixtures_out / "releases.csv")
    scores = read_csv(fixtures_out / "scores.csv")
    for name in ("scores_wide", "scores_wide_value"):
        grid = read_csv(fixtures_out / f"{name}.csv")
        assert [r["release_id"] for r in grid] == [r["release_id"] for r in releases]
        criteria = list(grid[0])[4:]
        assert list(grid[0])[:4] == ["release_id", "title", "published", "scale"]
        assert len({c.casefold() for c in criteria}) == len(criteria)
        assert {c.casefold() for c in criteria} == {criterion_key(r) for r in scores}


def test_grid_cells_agree_with_scores_csv(fixtures_out: Path) -> None:
    scores = read_csv(fixtures_out / "scores.csv")
    grades = {r["release_id"]: r for r in read_csv(fixtures_out / "scores_wide.csv")}
    ranks = {r["release_id"]: r for r in read_csv(fixtures_out / "scores_wide_value.csv")}
    columns = {c.casefold(): c for c in next(iter(grades.values()))}
    expected = {}
    for row in scores:
        expected.setdefault((row["release_id"], criterion_key(row)), row)
    assert expected
    for (rid, key), row in expected.items():
        assert grades[rid][columns[key]] == row["score"]
        assert ranks[rid][columns[key]] == row["score_value"]
    filled = sum(1 for r in grades.values() for c in list(r)[4:] if r[c])
    assert filled == len(expected)  # no cell that scores.csv does not hold


def test_release_heads_in_the_grid_match_releases_csv(fixtures_out: Path) -> None:
    releases = {r["release_id"]: r for r in read_csv(fixtures_out / "releases.csv")}
    for row in read_csv(fixtures_out / "scores_wide.csv"):
        for key in ("title", "published", "scale"):
            assert row[key] == releases[row["release_id"]][key]


@pytest.mark.parametrize(
    ("written", "table", "column"),
    [
        ("Leadership", 0, "Leadership"),
        ("Leadership", 1, "Leadership [table 2]"),
        ("Case  preparation\nand progress", 0, "Case preparation and progress"),
        ("Casework (magistrates’ courts)", 0, "Casework (magistrates' courts)"),
        ("Use of “data”", 2, 'Use of "data" [table 3]'),
    ],
)
def test_criterion_columns_fold_quotes_and_white_space(
    written: str, table: int, column: str
) -> None:
    assert criterion_column(written, table) == column


def test_criteria_that_differ_in_case_quotes_or_spaces_share_a_column() -> None:
    heads = [
        ["a", "A", None, "hmcpsi"],
        ["b", "B", "2020-01-02", "hmcpsi"],
        ["c", None, None, None],
    ]
    grids = build_grids(
        heads,
        [
            ("a", "Victims’ care", "Good", 3, 0),
            ("a", "Overall", "Fair", 2, 0),
            ("b", "victims'  care", "Poor", 1, 0),
            ("b", "Title", "Excellent", 4, 0),
        ],
    )
    assert grids.header == (
        "release_id",
        "title",
        "published",
        "scale",
        "Victims' care",
        "Overall",
        "Title (criterion)",
    )
    assert grids.grades == [
        ["a", "A", None, "hmcpsi", "Good", "Fair", None],
        ["b", "B", "2020-01-02", "hmcpsi", "Poor", None, "Excellent"],
        ["c", None, None, None, None, None, None],
    ]
    assert grids.values[1][4:] == [1, None, 4]
    assert all(type(v) is int for row in grids.values for v in row[4:] if v is not None)


def test_a_run_with_no_scores_still_writes_both_grids(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("A headline\n\nNo ratings here at all.\n", "utf-8")
    core.extract_to([tmp_path / "in"], tmp_path / "out")
    for name in ("scores_wide", "scores_wide_value"):
        text = (tmp_path / "out" / f"{name}.csv").read_text("utf-8")
        assert text.splitlines()[0] == "release_id,title,published,scale"
        assert text.splitlines()[1].startswith("a,A headline,")


# --- the workbook --------------------------------------------------------------------------------


SHEETS = ["releases", "sections", "scores", "quotes", "dates", "numbers", "errors"]
GRIDS = ["scores_wide", "scores_wide_value"]


def as_csv_text(value: object) -> str:
    """A workbook value as the CSV files write it."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    if isinstance(value, (pd.Timestamp, datetime.datetime)):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


@pytest.mark.parametrize("folder", ["fixtures_out", "seed_out"])
def test_the_workbook_read_back_with_pandas_equals_the_csv_files(
    folder: str, request: pytest.FixtureRequest
) -> None:
    out: Path = request.getfixturevalue(folder)
    book = pd.read_excel(out / "releases.xlsx", sheet_name=None, dtype=object)
    assert list(book) == ["contents", *SHEETS, *GRIDS]
    for name in SHEETS + GRIDS:
        rows = read_csv(out / f"{name}.csv")
        frame = book[name]
        header = list(rows[0]) if rows else list(frame.columns)
        assert list(frame.columns) == header, name
        got = [[as_csv_text(v) for v in row] for row in frame.itertuples(index=False)]
        assert got == [[r[c] for c in header] for r in rows], name


def test_workbook_cells_have_real_types(fixtures_out: Path) -> None:
    book = openpyxl.load_workbook(fixtures_out / "releases.xlsx")
    dates = book["dates"]
    header = [c.value for c in dates[1]]
    start = header.index("start_date") + 1
    values = [dates.cell(row, start).value for row in range(2, dates.max_row + 1)]
    assert values and all(isinstance(v, datetime.datetime) or v is None for v in values)
    assert dates.cell(2, start).number_format == "yyyy-mm-dd"
    ranks = book["scores_wide_value"]
    cells = [c.value for row in ranks.iter_rows(min_row=2, min_col=5) for c in row]
    assert any(cells) and all(v is None or type(v) is int for v in cells)
    numbers = book["numbers"]
    header = [c.value for c in numbers[1]]
    value = header.index("value") + 1
    assert all(
        isinstance(numbers.cell(r, value).value, (int, float, type(None)))
        for r in range(2, numbers.max_row + 1)
    )


def test_every_sheet_has_a_frozen_filtered_header_and_fitted_widths(fixtures_out: Path) -> None:
    book = openpyxl.load_workbook(fixtures_out / "releases.xlsx")
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        last = sheet.cell(1, sheet.max_column).column_letter
        assert sheet.auto_filter.ref == f"A1:{last}{sheet.max_row}", sheet.title
        assert all(c.font.bold for c in sheet[1])
        widths = {k: d.width for k, d in sheet.column_dimensions.items()}
        assert len(widths) == sheet.max_column, sheet.title
        assert all(6 <= w <= 60 for w in widths.values())
    # A column of long text is wider than one of short codes.
    sections = book["sections"]
    header = [c.value for c in sections[1]]
    width = {
        name: sections.column_dimensions[c.column_letter].width
        for name, c in zip(header, sections[1], strict=True)
    }
    assert width["text"] > width["kind"]


def test_the_contents_sheet_lists_every_sheet_and_column(fixtures_out: Path) -> None:
    book = openpyxl.load_workbook(fixtures_out / "releases.xlsx")
    assert book.sheetnames[0] == "contents"
    listed = [
        (sheet, column, about)
        for sheet, column, about in book["contents"].iter_rows(min_row=2, values_only=True)
    ]
    assert all(about for _, _, about in listed)
    for sheet in book.worksheets[1:]:
        assert (sheet.title, None) in {(s, c) for s, c, _ in listed}
        columns = [c for s, c, _ in listed if s == sheet.title and c is not None]
        assert columns == [c.value for c in sheet[1]], sheet.title


# --- the data package ----------------------------------------------------------------------------


@pytest.mark.parametrize("folder", ["fixtures_out", "seed_out"])
def test_the_output_validates_as_a_frictionless_data_package(
    folder: str, request: pytest.FixtureRequest
) -> None:
    frictionless = pytest.importorskip("frictionless")
    out: Path = request.getfixturevalue(folder)
    report = frictionless.validate(out / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def test_the_data_package_describes_every_csv_file_and_column(fixtures_out: Path) -> None:
    package = json.loads((fixtures_out / "datapackage.json").read_text("utf-8"))
    resources = {r["name"]: r for r in package["resources"]}
    assert {r["path"] for r in resources.values()} == {p.name for p in fixtures_out.glob("*.csv")}
    for name, resource in resources.items():
        with (fixtures_out / resource["path"]).open(encoding="utf-8", newline="") as fh:
            header = next(csv.reader(fh))
        assert [f["name"] for f in resource["schema"]["fields"]] == header, name
        assert all(f["description"] for f in resource["schema"]["fields"])
        if "release_id" in header and name != "releases":
            assert resource["schema"]["foreignKeys"][0]["reference"]["resource"] == "releases"
    assert resources["releases"]["schema"]["primaryKey"] == ["release_id"]
    types = {f["name"]: f["type"] for f in resources["dates"]["schema"]["fields"]}
    assert types["start_date"] == "date" and types["start"] == "integer"
    assert {f["type"] for f in resources["scores_wide_value"]["schema"]["fields"][4:]} == {
        "integer"
    }


def test_a_guarded_criterion_is_named_as_written_in_the_grid(tmp_path: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        "Inspection of Somewhere\n\nCriteria Score\n=SUM(1+1) Good\n-Leadership Fair\n", "utf-8"
    )
    core.extract_to([tmp_path / "in"], tmp_path / "out", xlsx=True)
    header = (tmp_path / "out" / "scores_wide.csv").read_text("utf-8").splitlines()[0]
    assert "'=SUM(1+1)" in header.split(",")
    assert frictionless.validate(tmp_path / "out" / "datapackage.json").valid
