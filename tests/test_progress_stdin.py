"""The progress bar (only on a terminal, never with --quiet or in a log) and `extract -`
(one release from standard input, its record on standard output)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline import extract_file
from pipeline.cli import app
from pipeline.render import release_dict

from .conftest import FIXTURES, SEED

SEED_FILE = SEED / "000_e652adb531517c63.txt"
runner = CliRunner()


# --- progress ------------------------------------------------------------------------------------


def run_on_terminal(args: list[str], tmp_path: Path) -> tuple[int, str, str]:
    """Run the CLI with stderr on a pseudo-terminal; the bar shows at once (no waiting)."""
    env = {**os.environ, "PIPELINE_PROGRESS_AFTER": "0", "TERM": "xterm", "COLUMNS": "120"}
    env.pop("NO_COLOR", None)
    master, slave = os.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "pipeline", *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=slave,
        env=env,
        cwd=tmp_path,
    )
    os.close(slave)
    seen = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    os.close(master)
    assert proc.stdout is not None
    stdout = proc.stdout.read().decode()
    proc.stdout.close()
    return proc.wait(), stdout, seen.decode("utf-8", "replace")


def test_a_progress_bar_shows_on_a_terminal(tmp_path: Path) -> None:
    n = len(list(FIXTURES.iterdir()))
    code, stdout, terminal = run_on_terminal(
        ["extract", str(FIXTURES), str(tmp_path / "missing.txt"), "-o", str(tmp_path / "o")],
        tmp_path,
    )
    assert code == 1
    assert f"{n}/{n}" in terminal and "files" in terminal
    assert "releases/s" in terminal
    assert "error: " in terminal and "missing.txt: no such file or folder" in terminal
    assert stdout.startswith(f"extracted {n} release(s)")  # the summary line stays


def test_no_progress_bar_with_quiet(tmp_path: Path) -> None:
    code, stdout, terminal = run_on_terminal(
        ["extract", str(FIXTURES), "-o", str(tmp_path / "o"), "--quiet"], tmp_path
    )
    assert code == 0
    assert terminal == "" and stdout == ""


def test_no_progress_bar_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    env = {**os.environ, "PIPELINE_PROGRESS_AFTER": "0", "TERM": "xterm"}
    proc = subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", str(FIXTURES), "-o", str(tmp_path / "o")],
        capture_output=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 0
    assert proc.stderr == b""
    assert proc.stdout.decode().startswith("extracted ")


# --- standard input ------------------------------------------------------------------------------


def test_extract_dash_prints_the_record_of_standard_input() -> None:
    data = SEED_FILE.read_bytes()
    result = runner.invoke(app, ["extract", "-"], input=data)
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    expected = release_dict(extract_file(SEED_FILE))
    assert record["source"]["path"] == "-" and record["release_id"] == "stdin"
    for key in ("text", "title", "sections", "scores", "quotes", "dates", "numbers"):
        assert record[key] == expected[key], key
    assert result.stdout.startswith('{\n  "contract"')  # json: pretty-printed


def test_extract_dash_jsonl_prints_one_line() -> None:
    result = runner.invoke(app, ["extract", "-", "--format", "jsonl"], input=SEED_FILE.read_bytes())
    assert result.exit_code == 0
    assert result.stdout.count("\n") == 1
    assert json.loads(result.stdout)["scores"]


def test_extract_dash_decodes_like_a_file() -> None:
    text = SEED_FILE.read_text("utf-8")
    result = runner.invoke(app, ["extract", "-"], input=text.encode("utf-16"))
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["text"] == text and record["source"]["encoding"].startswith("utf-16")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "looks like a PDF document"),
        (b"x" * 50, "larger than --max-bytes 40"),
    ],
    ids=["empty", "pdf", "too-large"],
)
def test_a_refused_standard_input_is_one_line_and_exit_1(data: bytes, message: str) -> None:
    result = runner.invoke(app, ["extract", "-", "--max-bytes", "40"], input=data)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: -")
    assert message in result.stderr


def test_dash_cannot_be_mixed_with_files_and_format_needs_dash(tmp_path: Path) -> None:
    mixed = runner.invoke(app, ["extract", "-", str(SEED_FILE)], input=b"x")
    assert mixed.exit_code == 2 and "cannot be mixed" in mixed.stderr
    alone = runner.invoke(app, ["extract", str(SEED_FILE), "--format", "json"])
    assert alone.exit_code == 2 and "--format applies to -" in alone.stderr


def test_extract_dash_loads_neither_pandas_nor_the_workbook_nor_the_bar() -> None:
    code = (
        "import sys\n"
        "from pipeline.cli import main\n"
        "sys.argv = ['pipeline', 'extract', '-']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = [m for m in ('pandas', 'openpyxl', 'rich.progress') if m in sys.modules]\n"
        "sys.stderr.write(repr(heavy))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        input=SEED_FILE.read_bytes(),
        capture_output=True,
        check=False,
    )
    assert json.loads(proc.stdout)["scores"]
    assert proc.stderr.decode() == "[]"
