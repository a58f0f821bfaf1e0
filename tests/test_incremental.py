"""`pipeline extract --incremental`: unchanged inputs are taken from the previous output, and
the result is byte-identical to a full run."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline import core, incremental, index
from pipeline.cli import app

from .conftest import FIXTURES

TIMESTAMPS = ("started_at", "finished_at")


def tree(folder: Path) -> dict[str, bytes]:
    files = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if path.name == "manifest.json":
                manifest = json.loads(data)
                for key in TIMESTAMPS:
                    manifest.pop(key)
                data = json.dumps(manifest).encode()
            files[path.relative_to(folder).as_posix()] = data
    return files


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    shutil.copytree(FIXTURES, folder)
    return folder


def first_files(folder: Path, n: int) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file())[:n]


def test_an_incremental_run_equals_a_full_run_after_adding_changing_and_removing(
    corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    first = core.extract_to([corpus], out, xlsx=True)
    assert first.reused == 0
    total = first.extracted
    added, changed, removed = corpus / "new-release.txt", *first_files(corpus, 2)
    shutil.copy(FIXTURES / changed.name, added)  # a new file (a copy under a new id)
    changed.write_bytes(changed.read_bytes() + b"\nInspectors looked at 12 more files.\n")
    removed.unlink()

    again = core.extract_to([corpus], out, xlsx=True, incremental=True)
    assert again.reused == total - 2  # all but the changed and the removed file
    assert again.extracted == total  # one removed, one added
    full = tmp_path / "full"
    core.extract_to([corpus], full, xlsx=True)
    assert tree(out) == tree(full)
    assert not (out / "json" / f"{removed.stem}.json").exists()
    record = json.loads((out / "json" / f"{changed.stem}.json").read_text("utf-8"))
    assert record["text"].endswith("12 more files.\n")


def test_an_unchanged_folder_is_all_reused_and_stays_byte_identical(
    corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    first = core.extract_to([corpus], out)
    before = tree(out)
    again = core.extract_to([corpus], out, incremental=True)
    assert again.reused == first.extracted and again.reuse_note == ""
    assert tree(out) == before


def test_changed_code_or_options_reuse_nothing(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    core.extract_to([corpus], out)
    other = core.extract_to([corpus], out, incremental=True, max_bytes=1_000_000)
    assert other.reused == 0 and "max bytes changed" in other.reuse_note
    monkeypatch.setattr(incremental, "code_fingerprint", lambda: "0" * 64)
    edited = core.extract_to([corpus], out, incremental=True, max_bytes=1_000_000)
    assert edited.reused == 0 and "code fingerprint changed" in edited.reuse_note


def test_the_fingerprint_covers_the_package_code_and_data() -> None:
    fingerprint = incremental.code_fingerprint()
    assert len(fingerprint) == 64
    files = {p.name for p in incremental.PACKAGE.rglob("*") if p.suffix in (".py", ".json")}
    assert {"core.py", "scores.py", "scales.json"} <= files


def test_a_release_whose_json_file_is_missing_is_extracted_again(
    corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    core.extract_to([corpus], out)
    before = tree(out)
    (out / "json" / f"{first_files(corpus, 1)[0].stem}.json").unlink()
    again = core.extract_to([corpus], out, incremental=True)
    assert again.reused == again.extracted - 1
    assert tree(out) == before


@pytest.mark.parametrize("name", ["releases.jsonl", "quotes.csv", index.NAME])
def test_an_earlier_file_that_disagrees_with_the_index_means_a_full_extraction(
    corpus: Path, tmp_path: Path, name: str
) -> None:
    out = tmp_path / "out"
    core.extract_to([corpus], out)
    before = tree(out)
    lines = (out / name).read_bytes().splitlines(keepends=True)
    (out / name).write_bytes(b"".join(lines[:3] + lines[4:]))  # a line gone
    again = core.extract_to([corpus], out, incremental=True)
    assert again.reused == 0 and "written without .index.jsonl" in again.reuse_note
    assert tree(out) == before


def test_an_output_without_an_index_means_a_full_extraction_with_a_note(
    corpus: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    out = tmp_path / "out"
    core.extract_to([corpus], out)
    before = tree(out)
    (out / index.NAME).unlink()  # as an older version wrote it
    result = runner.invoke(app, ["extract", str(corpus), "-o", str(out), "--incremental"])
    assert result.exit_code == 0, result.output
    n = len(list(corpus.iterdir()))
    note = "was written without .index.jsonl (by an older version) or edited since"
    assert f"(0 reused: {out.as_posix()}/ {note}; 0 refused" in result.stdout
    assert f"extracted {n} release(s)" in result.stdout
    assert tree(out) == before


def test_texts_that_begin_with_a_quote_mark_are_reused_as_written(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(
        "'=Odd headline\n\nCriteria Score\n+Leadership Good\nCasework Fair\n", "utf-8"
    )
    (tmp_path / "in" / "b.txt").write_text(
        "Plain headline\n\nCriteria Score\nLeadership Good\n@Casework Fair\n", "utf-8"
    )
    out = tmp_path / "out"
    core.extract_to([tmp_path / "in"], out)
    before = tree(out)
    again = core.extract_to([tmp_path / "in"], out, incremental=True)
    assert again.reused == 2  # taken as written: nothing is read back from the CSV files
    assert tree(out) == before


@pytest.mark.parametrize("jobs", [1, 2])
def test_changes_in_the_middle_are_spliced_in_input_order(
    corpus: Path, tmp_path: Path, jobs: int
) -> None:
    out = tmp_path / "out"
    core.extract_to([corpus], out)
    names = sorted(p.name for p in corpus.iterdir())
    changed, removed, renamed, refused = (corpus / names[k] for k in (5, 9, 12, 17))
    changed.write_bytes(changed.read_bytes() + b"\nInspectors read 31 more files.\n")
    removed.unlink()
    renamed.rename(corpus / ("zz-" + renamed.name))
    refused.write_bytes(b"")  # an empty file is refused
    (corpus / "aa-new.txt").write_bytes((FIXTURES / names[3]).read_bytes())
    again = core.extract_to([corpus], out, incremental=True, jobs=jobs)
    assert [e.code for e in again.errors] == ["empty"]
    assert again.reused == len(names) - 4  # all but the four touched
    full = tmp_path / "full"
    core.extract_to([corpus], full)
    assert tree(out) == tree(full)
    # and again: the refused input stays refused, everything else is reused
    third = core.extract_to([corpus], out, incremental=True, jobs=jobs)
    assert third.reused == third.extracted == len(names) - 1 and tree(out) == tree(full)


def test_a_renamed_file_is_extracted_again(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    core.extract_to([corpus], out)
    path = first_files(corpus, 1)[0]
    path.rename(path.with_name("renamed-" + path.name))
    again = core.extract_to([corpus], out, incremental=True)
    assert again.reused == again.extracted - 1
    assert (out / "json" / f"renamed-{path.stem}.json").is_file()


def test_the_summary_says_how_many_were_reused(corpus: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = str(tmp_path / "out")
    first = runner.invoke(app, ["extract", str(corpus), "-o", out, "--incremental"])
    assert first.exit_code == 0, first.output
    assert "(0 reused: " in first.stdout and "holds no earlier output" in first.stdout
    again = runner.invoke(app, ["extract", str(corpus), "-o", out, "--incremental"])
    n = len(list(corpus.iterdir()))
    assert f"extracted {n} release(s) into {out}/ ({n} reused; 0 refused" in again.stdout
    plain = runner.invoke(app, ["extract", str(corpus), "-o", out])
    assert "reused" not in plain.stdout


def test_incremental_with_workers_equals_a_full_run(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    core.extract_to([corpus], out)
    changed = first_files(corpus, 1)[0]
    changed.write_bytes(changed.read_bytes() + b"\nInspectors read 7 more files.\n")
    again = core.extract_to([corpus], out, incremental=True, jobs=2)
    assert again.reused == again.extracted - 1
    full = tmp_path / "full"
    core.extract_to([corpus], full)
    assert tree(out) == tree(full)


def _release(headline: str, *rows: str) -> str:
    return f"{headline}\n\nCriteria Score\n" + "".join(f"{row}\n" for row in rows)


def test_grid_columns_that_change_are_made_again_and_the_same_ones_copied(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "b.txt").write_text(_release("Brackton report", "Leadership Good"), "utf-8")
    (folder / "c.txt").write_text(_release("Corwen report", "Casework Fair"), "utf-8")
    out, full = tmp_path / "out", tmp_path / "full"
    core.extract_to([folder], out)
    # a release with a new criterion, first: every column moves one place
    (folder / "a.txt").write_text(_release("Alderby report", "Partnership Poor"), "utf-8")
    again = core.extract_to([folder], out, incremental=True)
    assert again.reused == 2
    header = (out / "scores_wide.csv").read_text("utf-8").splitlines()[0]
    assert header.endswith(",Partnership,Leadership,Casework")
    core.extract_to([folder], full)
    assert tree(out) == tree(full)
    # the same columns: grid lines copied; without the grids' index: made again
    (folder / "d.txt").write_text(_release("Dunmore report", "Casework Good"), "utf-8")
    core.extract_to([folder], out, incremental=True)
    (out / index.GRIDS).unlink()
    third = core.extract_to([folder], out, incremental=True)
    assert third.reused == 4 and third.reuse_note == ""
    core.extract_to([folder], full)
    assert tree(out) == tree(full)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
def test_a_file_replaced_by_a_named_pipe_is_refused_without_waiting(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(_release("Ashby report", "Leadership Good"), "utf-8")
    (folder / "b.txt").write_text(_release("Bexley report", "Casework Fair"), "utf-8")
    out = tmp_path / "out"
    core.extract_to([folder], out)
    (folder / "a.txt").unlink()
    os.mkfifo(folder / "a.txt")  # opening it to read would wait for a writer
    again = core.extract_to([folder], out, incremental=True)
    assert again.reused == 1 and [e.code for e in again.errors] == ["not-a-file"]


def test_an_incremental_run_that_fails_leaves_the_earlier_output_as_it_was(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    core.extract_to([corpus], out)
    before = tree(out)
    changed = first_files(corpus, 3)[2]
    changed.write_bytes(changed.read_bytes() + b"\nInspectors read 5 more files.\n")

    def fail(self: index.Index, *args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(index.Index, "copy", fail)
    with pytest.raises(OSError, match="No space left"):
        core.extract_to([corpus], out, incremental=True)
    assert tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]  # no temporary folder
