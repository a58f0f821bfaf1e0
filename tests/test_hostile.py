"""Hostile inputs, through the command line as a user runs it: every class of bad input costs
only itself. Each test checks the exit status, the one-line message, that the other inputs of
the same run are written, and, where the whole run fails (a write that cannot be done), that the
previous output is left exactly as it was and no temporary folder stays behind.

Speed and memory per input shape are measured by ``benchmarks/hostile.py``, not here.
"""

from __future__ import annotations

import errno
import json
import os
import resource
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pipeline import export, scoring
from pipeline.cli import app
from pipeline.normalize import MAX_EXACT

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "raw" / "000_e652adb531517c63.txt"
SEED_ID = SEED.stem
SEED_GOLD = ROOT / "raw" / "000_e652adb531517c63.gold.json"
COMMAND = [sys.executable, "-m", "pipeline", "extract"]

runner = CliRunner()


# --- helpers -----------------------------------------------------------------------------------


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.strip()]


def assert_one_line(stderr: str, *words: str) -> None:
    assert "Traceback" not in stderr, stderr
    assert len(error_lines(stderr)) == 1, stderr
    assert stderr.startswith("error: "), stderr
    for word in words:
        assert word in stderr, stderr


def extract(*args: str | Path) -> Any:
    return runner.invoke(app, ["extract", *map(str, args), "-q"])


def release_ids(out: Path) -> set[str]:
    with (out / "releases.jsonl").open(encoding="utf-8") as fh:
        return {json.loads(line)["release_id"] for line in fh}


def record(out: Path, rid: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / "json" / f"{rid}.json").read_text("utf-8"))
    return data


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name.startswith(f".{out.name}."))


def assert_left_as_it_was(out: Path, before: dict[str, bytes]) -> None:
    """``out`` holds the very files it held (``before``: its :func:`snapshot`), and no run's
    temporary folder is left beside it."""
    assert snapshot(out) == before
    assert leftovers(out) == []


def assert_write_refused(earlier: tuple[Path, dict[str, bytes]], *words: str) -> None:
    """Extracting the seed into the :func:`earlier` output fails, in one line holding
    ``words``, and leaves that output as it was."""
    out, before = earlier
    result = extract(SEED, "-o", out)
    assert result.exit_code == 2
    assert_one_line(result.stderr, *words)
    assert_left_as_it_was(out, before)


@pytest.fixture
def earlier(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    """An output folder from an earlier, successful run, and its files' bytes."""
    out = tmp_path / "out"
    assert extract(SEED, "-o", out).exit_code == 0
    return out, snapshot(out)


def with_seed(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(SEED, folder / SEED.name)


# --- names -------------------------------------------------------------------------------------


def test_file_name_that_is_not_utf8_costs_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    with_seed(folder)
    odd = Path(os.fsdecode(os.fsencode(folder) + b"/bad\xff\xfe name.txt"))
    odd.write_bytes(b"Inspection of Lowfield\n\nInspectors read 14 case files.\n")
    out = tmp_path / "out"
    result = extract(folder, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert release_ids(out) == {SEED_ID, "bad-xff-xfe-name"}
    shown = record(out, "bad-xff-xfe-name")["source"]["path"]
    assert shown.endswith("/bad\\xff\\xfe name.txt")  # each undecodable byte shown as \xNN
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert {e["status"] for e in manifest["inputs"]} == {"ok"}
    # named on the command line, refused (binary): still one printable line, the seed written
    bad = Path(os.fsdecode(os.fsencode(folder) + b"/pic\xff\nture.txt"))
    bad.write_bytes(b"%PDF-1.7\n")
    result = extract(bad, SEED, "-o", out)
    assert result.exit_code == 1
    assert_one_line(result.stderr, "pic\\xff\\nture.txt", "PDF")
    assert release_ids(out) == {SEED_ID}


# --- numbers -----------------------------------------------------------------------------------

HUGE = {  # as written -> what the value must be (None: too large to hold exactly)
    "£99999999999999999999": None,
    "18446744073709551616 cases": None,  # 2**64
    f"{MAX_EXACT + 2} cases": None,
    f"{MAX_EXACT} cases": MAX_EXACT,
    "£5,000,000,000,000,000,000": None,
    "12345678901234567.5%": None,
    "£9999999999 billion": None,
    "7" * 5000 + " files": None,  # past Python's 4,300-digit integer limit
    "0" * 5000 + "12 files": 12,
    "1." + "5" * 5000 + " files": 1.5555555555555556,
}


@pytest.mark.parametrize("written", list(HUGE), ids=[w[:24] for w in HUGE])
def test_number_of_any_size_keeps_its_text_and_says_so(tmp_path: Path, written: str) -> None:
    folder = tmp_path / "in"
    with_seed(folder)
    (folder / "huge.txt").write_text(f"Costs in Eastmere\n\nThe service spent {written}.\n")
    out = tmp_path / "out"
    result = extract(folder, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert release_ids(out) == {SEED_ID, "huge"}
    huge = record(out, "huge")
    [number] = [n for n in huge["numbers"] if n["start"] > len("Costs in Eastmere")]
    assert huge["text"][number["start"] : number["end"]] == number["text"]
    assert number["value"] == HUGE[written]
    too_large = [w for w in huge["warnings"] if "too large for a JSON number" in w]
    assert len(too_large) == (HUGE[written] is None)
    # the JSONL line reads back with the standard library, value and all
    line = (out / "releases.jsonl").read_text("utf-8").splitlines()[1]
    assert json.loads(line)["numbers"] == huge["numbers"]


# --- unreadable inputs named anywhere ------------------------------------------------------------


def unreadable_file(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file nobody may read, as root too: permission bits for others, and for root (who
    reads anything) the permission check and the open fail as they would for a user."""
    path.write_text("Locked release\n\nA secret.\n", "utf-8")
    path.chmod(0)
    if os.geteuid() != 0:
        return
    real_access, real_open, real_os_open = os.access, Path.open, os.open
    denied = str(path)

    def access(p: Any, mode: int, *args: Any, **kwargs: Any) -> bool:
        return False if os.fspath(p) == denied else real_access(p, mode, *args, **kwargs)

    def opener(self: Path, *args: Any, **kwargs: Any) -> Any:
        if str(self) == denied:
            raise PermissionError(errno.EACCES, "Permission denied", denied)
        return real_open(self, *args, **kwargs)

    def os_opener(p: Any, *args: Any, **kwargs: Any) -> int:  # how the reader opens inputs
        if os.fspath(p) == denied:
            raise PermissionError(errno.EACCES, "Permission denied", denied)
        return real_os_open(p, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(Path, "open", opener)
    monkeypatch.setattr(os, "open", os_opener)


@pytest.mark.parametrize("where", ["command line", "folder"])
def test_unreadable_input_is_one_refused_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    folder = tmp_path / "in"
    with_seed(folder)
    locked = folder / "locked.txt"
    unreadable_file(locked, monkeypatch)
    out = tmp_path / "out"
    named = [locked, folder / SEED.name] if where == "command line" else [folder]
    result = extract(*named, "-o", out)
    assert result.exit_code == 1, result.stderr
    assert_one_line(result.stderr, f"{locked.as_posix()}: ", "permission denied")
    assert release_ids(out) == {SEED_ID}
    assert "unreadable" in (out / "errors.csv").read_text("utf-8")


# --- every refusal the README lists, each beside a good input ---------------------------------


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _loop(path: Path) -> None:
    path.mkdir()
    (path / "back").symlink_to(".")


REFUSALS: dict[str, tuple[str, Callable[[Path], Any], str]] = {
    # name -> (file name, how to make it, code)
    "missing": ("gone.txt", lambda p: None, "missing"),
    "pipe": ("pipe.txt", _fifo, "not-a-file"),
    "loop": ("loops", _loop, "loop"),
    "too large": ("big.txt", lambda p: p.write_bytes(b"a " * 600), "too-large"),
    "empty": ("empty.txt", lambda p: p.write_bytes(b""), "empty"),
    "white space": ("blank.md", lambda p: p.write_bytes(b" \n\t\r\n"), "empty"),
    "pdf": ("report.txt", lambda p: p.write_bytes(b"%PDF-1.4\n%\xe2\xe3"), "binary"),
    "nul bytes": ("nul.txt", lambda p: p.write_bytes(b"ab\x00\x01\x02" * 40), "binary"),
    "empty page": (
        "page.html",
        lambda p: p.write_text("<html><body><nav>Home</nav></body></html>"),
        "empty",
    ),
}


@pytest.mark.parametrize("case", list(REFUSALS))
def test_each_refused_input_costs_only_itself(tmp_path: Path, case: str) -> None:
    name, make, code = REFUSALS[case]
    bad = tmp_path / name
    make(bad)
    out = tmp_path / "out"
    args = [SEED, bad, "-o", out, "--max-bytes", "1000" if case == "too large" else "10000000"]
    if case == "too large":
        args[0] = tmp_path / "small.txt"
        (tmp_path / "small.txt").write_text("Report on Westbury\n\nInspectors found 4 gaps.\n")
    result = extract(*args)
    assert result.exit_code == 1, result.stderr
    shown = bad.as_posix() + ("/back" if case == "loop" else "")
    assert_one_line(result.stderr, f"error: {shown}: ")
    errors = (out / "errors.csv").read_text("utf-8").splitlines()
    assert len(errors) == 2 and f",{code}," in errors[1]
    assert len(release_ids(out)) == 1


def test_an_extractor_failure_costs_only_its_input(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline import extract as extractors

    real = extractors.find_dates

    def flaky(text: str, *args: Any) -> Any:
        if "Eastmere" in text:
            raise RecursionError("deep\ninside")
        return real(text, *args)

    monkeypatch.setattr(extractors, "find_dates", flaky)
    bad = tmp_path / "eastmere.txt"
    bad.write_text("Eastmere report\n\nText.\n")
    out = tmp_path / "out"
    result = extract(SEED, bad, "-o", out)
    assert result.exit_code == 1
    assert_one_line(result.stderr, "eastmere.txt", "RecursionError: deep inside", "--debug")
    assert release_ids(out) == {SEED_ID}
    # with --debug: the traceback, and the status of an internal error, never "input refused"
    before = snapshot(out)
    result = extract(SEED, bad, "-o", out, "--debug")
    assert result.exit_code == 2
    assert "Traceback" in result.stderr and "RecursionError" in result.stderr
    assert_left_as_it_was(out, before)


# --- text that does not decode -------------------------------------------------------------------


def test_stray_bytes_in_utf8_are_repaired_alone_with_their_positions(tmp_path: Path) -> None:
    text = "“Good work,” said Jo Bloggs, Chief Inspector. It cost £5m – in 2023.\n"
    data = b"Report on Northby\n\n" + text.encode() + b"Stray \x92quote\x92 and \x81.\n"
    bad = tmp_path / "mixed.txt"
    bad.write_bytes(data)
    out = tmp_path / "out"
    result = extract(SEED, bad, "-o", out)
    assert result.exit_code == 0, result.stderr
    mixed = record(out, "mixed")
    assert mixed["text"].endswith(text + "Stray ’quote’ and \ufffd.\n")  # no mojibake
    first = data.index(b"\x92")
    [warning] = [w for w in mixed["warnings"] if "not" in w and "UTF-8" in w]
    assert f"bytes {first:,}, {first + 6:,}, {first + 12:,}" in warning
    assert mixed["source"]["encoding"] == "utf-8"
    assert SEED_ID in release_ids(out)


def test_a_single_byte_file_is_still_read_as_one(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes("Report on Caféton\n\n“Good”, she said; £4 – café.\n".encode("cp1252"))
    out = tmp_path / "out"
    assert extract(path, "-o", out).exit_code == 0
    old = record(out, "old")
    assert old["text"] == "Report on Caféton\n\n“Good”, she said; £4 – café.\n"
    assert old["source"]["encoding"] == "cp1252"


# --- writing that fails --------------------------------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("limit", [2_000, 9_000, 20_000, 60_000])
def test_a_full_disk_leaves_the_previous_output_and_no_temporary_folder(
    earlier: tuple[Path, dict[str, bytes]], limit: int, jobs: str
) -> None:
    """RLIMIT_FSIZE stands for a full disk: past ``limit`` bytes a file write fails (EFBIG,
    like ENOSPC), at whichever point the limit falls: a JSON file, a buffer's flush, a close,
    or with --jobs a worker's write of its chunk's share of a file."""
    out, before = earlier
    folder = out.parent / "many"
    with_seed(folder)
    for i in range(8):
        shutil.copy(SEED, folder / f"r{i}.txt")

    def small_files() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    proc = subprocess.run(
        [*COMMAND, str(folder), "-o", str(out), "-q", "--jobs", jobs],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        preexec_fn=small_files,
    )
    assert proc.returncode == 2, proc.stderr
    assert_one_line(proc.stderr, f"cannot write {out.as_posix()}/", "file-size limit")
    assert_left_as_it_was(out, before)


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "no space left on the disk"),
        (errno.EROFS, "read-only file system"),
        (errno.EBUSY, "cannot be replaced"),
        (errno.EDQUOT, "quota"),
    ],
)
@pytest.mark.parametrize("stage", ["release file", "table", "swap"])
def test_each_write_failure_is_named_and_cleaned_up(
    earlier: tuple[Path, dict[str, bytes]],
    monkeypatch: pytest.MonkeyPatch,
    code: int,
    words: str,
    stage: str,
) -> None:
    def fail(*args: Any, **kwargs: Any) -> None:
        raise OSError(code, os.strerror(code))

    target = {"release file": "_create", "table": "csv_lines", "swap": "_swap_in"}[stage]
    monkeypatch.setattr(export, target, fail)
    assert_write_refused(earlier, f"cannot write {earlier[0].as_posix()}/", words)


def test_a_failing_close_still_removes_the_temporary_folder(
    earlier: tuple[Path, dict[str, bytes]], monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open_csv = export.OutputWriter._open_csv

    class Full:
        """A table file whose every flush fails, as on a full disk."""

        def __init__(self, fh: Any) -> None:
            self.fh = fh

        def write(self, text: str) -> int:
            return len(text)

        def close(self) -> None:
            self.fh.close()
            raise OSError(errno.ENOSPC, "No space left on device")

    def open_csv(self: export.OutputWriter, name: str, header: Any) -> Any:
        return Full(real_open_csv(self, name, header))

    monkeypatch.setattr(export.OutputWriter, "_open_csv", open_csv)
    assert_write_refused(earlier, "no space left on the disk")


def test_out_on_a_mount_point_says_so_before_any_work(
    earlier: tuple[Path, dict[str, bytes]], monkeypatch: pytest.MonkeyPatch
) -> None:
    out, _ = earlier
    real = os.path.ismount
    monkeypatch.setattr(os.path, "ismount", lambda p: str(p) == str(out) or real(p))
    assert_write_refused(earlier, "is a mount point", "choose a folder inside it")


# --- score ---------------------------------------------------------------------------------------


@pytest.fixture
def releases(earlier: tuple[Path, dict[str, bytes]]) -> Path:
    return earlier[0] / "releases.jsonl"


def score(*args: str | Path) -> Any:
    return runner.invoke(app, ["score", *map(str, args)])


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
@pytest.mark.parametrize("which", ["releases", "gold"])
def test_score_refuses_a_device_in_one_line(releases: Path, which: str) -> None:
    args = ["/dev/zero", SEED_GOLD] if which == "releases" else [releases, "/dev/zero"]
    result = score(*args)
    assert result.exit_code == 2
    assert_one_line(result.stderr, "/dev/zero: is not a regular file")


def test_score_refuses_a_file_over_its_limit(
    releases: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(scoring, "MAX_SCORE_BYTES", 1000)
    result = score(releases, SEED_GOLD)
    assert result.exit_code == 2
    assert_one_line(result.stderr, "over the 1,000-byte limit")


def test_score_names_the_line_of_malformed_gold(releases: Path, tmp_path: Path) -> None:
    gold = tmp_path / "gold.json"
    gold.write_text('[\n  {"slug": "a",\n   "gold": {"title": "x",}}\n]\n')
    result = score(releases, gold)
    assert result.exit_code == 2
    assert_one_line(result.stderr, "invalid JSON", "line 3 column")
    broken = tmp_path / "broken.jsonl"
    broken.write_text(releases.read_text("utf-8") + "\n{oops\n")
    result = score(broken, SEED_GOLD)
    assert result.exit_code == 2
    assert_one_line(result.stderr, "broken.jsonl line 3: invalid JSON")


def test_score_on_an_unreadable_file_is_one_line(
    releases: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked.json"
    unreadable_file(locked, monkeypatch)
    result = score(releases, locked)
    assert result.exit_code == 2
    assert_one_line(result.stderr, "locked.json: cannot read the gold file")


# --- hostile pages -------------------------------------------------------------------------------


def test_a_page_of_too_many_elements_and_scripts_costs_only_itself(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    rows = "<p>Row of text.</p><script>document.write('RAN')</script>" * 120_000
    page.write_text(f"<html><body><main><h1>Big page</h1>{rows}</main></body></html>")
    out = tmp_path / "out"
    result = extract(SEED, page, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert release_ids(out) == {SEED_ID, "page"}
    big = record(out, "page")
    assert big["title"] == "Big page"
    assert "RAN" not in big["text"]
    assert any("elements" in w for w in big["warnings"])  # cut at the element budget
