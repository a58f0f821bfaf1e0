"""The command line: help, exit statuses, one-line messages, refused inputs, interruptions.

Exit statuses: 0 every input extracted; 1 some input refused (after every other one is
written) or a score below its --min; 2 a usage or setup problem (bad option, missing model,
unsafe --out, unreadable score file); 130 interrupted (Ctrl-C, SIGTERM).
"""

from __future__ import annotations

import gzip
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline import core, export
from pipeline.cli import app

from .conftest import FIXTURES, FIXTURES_GOLD, tree_hashes

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "raw"
SEED = RAW / "000_e652adb531517c63.txt"

runner = CliRunner()
COMMAND = [sys.executable, "-m", "pipeline", "extract"]


def lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def assert_one_line_error(stderr: str, *words: str) -> None:
    assert "Traceback" not in stderr
    assert len(lines(stderr)) == 1, stderr
    assert stderr.startswith("error: ")
    for word in words:
        assert word in stderr


# --- help --------------------------------------------------------------------------------------


@pytest.mark.parametrize("args", [["--help"], ["extract", "--help"], ["score", "--help"]])
def test_help_shows_an_example(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 0
    assert "Example: pipeline" in result.stdout


def test_no_arguments_shows_help() -> None:
    result = runner.invoke(app, [])
    assert "extract" in result.output and "score" in result.output


def test_extract_help_lists_every_option() -> None:
    out = runner.invoke(app, ["extract", "--help"]).stdout
    for option in ("--out", "--max-bytes", "--model", "--jobs", "--xlsx", "--debug", "--quiet"):
        assert option in out


# --- exit statuses and one-line errors ---------------------------------------------------------


def test_good_input_exits_zero_with_a_summary(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(SEED), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    assert "extracted 1 release(s)" in result.stdout
    assert (tmp_path / "out" / "json" / "000_e652adb531517c63.json").is_file()


def test_quiet_prints_nothing(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(SEED), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 0 and result.output == ""


def test_a_refused_input_exits_one_and_the_rest_is_written(tmp_path: Path) -> None:
    missing = tmp_path / "nope.txt"
    result = runner.invoke(app, ["extract", str(SEED), str(missing), "-o", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert_one_line_error(result.stderr, missing.as_posix(), "no such file")
    assert (tmp_path / "o" / "json" / "000_e652adb531517c63.json").is_file()


def test_missing_model_is_one_line_naming_the_model(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["extract", str(SEED), "--out", str(out), "--model", "en_no_such_model_xx"]
    )
    assert result.exit_code == 2
    assert_one_line_error(result.stderr, "en_no_such_model_xx", "not installed")
    assert not out.exists()


@pytest.mark.parametrize("value", ["0", "-5", "lots"])
def test_bad_max_bytes_is_a_usage_error(tmp_path: Path, value: str) -> None:
    result = runner.invoke(app, ["extract", str(SEED), "-o", str(tmp_path), "--max-bytes", value])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_out_that_is_a_file_is_refused_and_kept(tmp_path: Path) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("mine", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(SEED), "--out", str(target)])
    assert result.exit_code == 2
    assert_one_line_error(result.stderr, "is a file, not a folder")
    assert target.read_text(encoding="utf-8") == "mine"


def test_out_that_holds_other_files_is_refused_and_kept(tmp_path: Path) -> None:
    (tmp_path / "mine.txt").write_text("mine", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(SEED), "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert_one_line_error(result.stderr, "not an earlier output")
    assert (tmp_path / "mine.txt").read_text(encoding="utf-8") == "mine"


def test_out_that_is_an_earlier_output_is_replaced(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert runner.invoke(app, ["extract", str(FIXTURES), "-o", str(out), "-q"]).exit_code == 0
    assert runner.invoke(app, ["extract", str(SEED), "-o", str(out), "-q"]).exit_code == 0
    assert sorted(p.name for p in (out / "json").iterdir()) == ["000_e652adb531517c63.json"]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (None, ["no such"]),
        (b"\x89PNG\r\n\x1a\n\x00\x00", ["not UTF-8"]),
        (b"{not json", ["invalid JSON"]),
        (b"[1, 2]\n", ["release object"]),
    ],
    ids=["missing", "binary", "not-json", "not-a-release"],
)
def test_score_with_a_bad_releases_file_is_one_line(
    tmp_path: Path, content: bytes | None, words: list[str]
) -> None:
    releases = tmp_path / "releases.jsonl"
    if content is not None:
        releases.write_bytes(content)
    gold = FIXTURES_GOLD
    result = runner.invoke(app, ["score", str(releases), str(gold)])
    assert result.exit_code == 2
    assert_one_line_error(result.stderr, "releases.jsonl", *words)


def test_score_with_a_bad_gold_file_and_a_bad_threshold(tmp_path: Path) -> None:
    releases = tmp_path / "releases.jsonl"
    releases.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["score", str(releases), str(tmp_path / "gold.json")])
    assert result.exit_code == 2
    assert_one_line_error(result.stderr, "gold.json")
    gold = FIXTURES_GOLD
    result = runner.invoke(app, ["score", str(releases), str(gold), "--min", "scores=lots"])
    assert result.exit_code == 2
    assert_one_line_error(result.stderr, "scores=lots")


def test_score_below_a_minimum_exits_one(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert runner.invoke(app, ["extract", str(SEED), "-o", str(out), "-q"]).exit_code == 0
    gold = FIXTURES_GOLD  # other releases: recall is 0
    result = runner.invoke(
        app, ["score", str(out / "releases.jsonl"), str(gold), "--min", "scores=0.5"]
    )
    assert result.exit_code == 1
    assert "below threshold" in result.stderr and "Traceback" not in result.stderr


def test_an_unexpected_error_is_one_line_and_debug_shows_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("disk\nexploded")

    monkeypatch.setattr(export.OutputWriter, "finish", broken)
    result = runner.invoke(app, ["extract", str(SEED), "-o", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert_one_line_error(result.stderr, "RuntimeError", "disk exploded", "--debug")
    result = runner.invoke(app, ["extract", str(SEED), "-o", str(tmp_path / "o"), "--debug"])
    assert result.exit_code == 2  # an internal error, never 1 ("some input refused")
    assert "Traceback" in result.stderr and "RuntimeError: disk" in result.stderr


# --- a mixed folder, through the real command --------------------------------------------------

GOOD = {  # file name in the folder -> source
    "seed.txt": SEED,
    "northmoor.txt": FIXTURES / "hmcpsi-aap-northmoor.txt",
    "brackenshire.md": FIXTURES / "hmcpsi-aap-brackenshire-markdown.txt",
    "lowmere.html": FIXTURES / "hmcpsi-aap-lowmere.html",
}


def _zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("release.txt", "hello")
    return buf.getvalue()


def make_mixed_folder(root: Path) -> dict[str, str]:
    """Good releases plus one of every refusal; returns {bad path: expected code}."""
    folder = root / "mixed"
    (folder / "sub").mkdir(parents=True)
    for name, source in GOOD.items():
        shutil.copy(source, folder / name)
    (folder / "no-structure.txt").write_text("just a few words, nothing else\n", "utf-8")
    bad: dict[str, bytes | None] = {
        "empty.txt": b"",
        "blank.md": b" \n\t\r\n \x0c ",
        "photo.html": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64),
        "report.txt": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
        "bundle.txt": _zip_bytes(),
        "notes.txt.gz.txt": gzip.compress(b"hello"),
        "huge.txt": b"Inspectors found it good.\n" * 12_000,  # 312,000 bytes > --max-bytes
    }
    for name, data in bad.items():
        (folder / name).write_bytes(data or b"")
    (folder / "sub" / "loop").symlink_to("..")
    unreadable = folder / "locked.txt"
    if os.geteuid() != 0:
        unreadable.write_text("secret", "utf-8")
        unreadable.chmod(0)
    elif Path("/proc/self/mem").exists():  # root reads any file; this one fails with EIO
        unreadable.symlink_to("/proc/self/mem")
    codes = {
        "empty.txt": "empty",
        "blank.md": "empty",
        "photo.html": "binary",
        "report.txt": "binary",
        "bundle.txt": "binary",
        "notes.txt.gz.txt": "binary",
        "huge.txt": "too-large",
        "sub/loop": "loop",
        "locked.txt": "unreadable",
    }
    if not unreadable.is_symlink() and not unreadable.exists():
        del codes["locked.txt"]
    return {f"{folder.as_posix()}/{name}": code for name, code in codes.items()}


def test_mixed_folder_every_good_release_out_every_bad_one_refused(tmp_path: Path) -> None:
    expected = make_mixed_folder(tmp_path)
    missing = (tmp_path / "not-there.txt").as_posix()
    expected[missing] = "missing"
    out = tmp_path / "out"
    proc = subprocess.run(
        [*COMMAND, str(tmp_path / "mixed"), missing, "--out", str(out), "--max-bytes", "200000"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 1, proc.stderr
    # stderr: nothing but one line per bad input, each naming it
    err_lines = proc.stderr.splitlines()
    assert "Traceback" not in proc.stderr
    assert len(err_lines) == len(expected), proc.stderr
    for path in expected:
        assert sum(line.startswith(f"error: {path}: ") for line in err_lines) == 1, path
    # errors.csv and the manifest hold every refusal with its code and a message
    errors = _read_csv(out / "errors.csv")
    assert {row["path"]: row["code"] for row in errors} == expected
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    status = {e["path"]: e for e in manifest["inputs"]}
    for path, code in expected.items():
        assert status[path]["status"] == "error" and status[path]["code"] == code
        assert status[path]["message"]
    by_code = {row["code"]: row["message"] for row in errors}
    assert "PDF" in status[next(p for p in expected if p.endswith("report.txt"))]["message"]
    assert "PNG image" in status[next(p for p in expected if p.endswith("photo.html"))]["message"]
    assert "ZIP" in status[next(p for p in expected if p.endswith("bundle.txt"))]["message"]
    assert "--max-bytes" in by_code["too-large"]
    assert "loop" in by_code["loop"]
    # every good release is in the output, and the structureless text has a record with warnings
    ids = {
        json.loads(line)["release_id"] for line in (out / "releases.jsonl").open(encoding="utf-8")
    }
    assert ids == {Path(n).stem for n in GOOD} | {"no-structure"}
    for rid in ids:
        assert (out / "json" / f"{rid}.json").is_file()
    plain = json.loads((out / "json" / "no-structure.json").read_text("utf-8"))
    assert plain["warnings"]
    assert sum(e["status"] == "ok" for e in manifest["inputs"]) == len(ids)
    assert "5 release(s)" in proc.stdout and f"{len(expected)} refused" in proc.stdout


def _read_csv(path: Path) -> list[dict[str, str]]:
    import csv

    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# --- a signal while the command line is still loading ----------------------------------------


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_while_the_command_line_loads_gives_one_line(sig: signal.Signals) -> None:
    # The signal arrives during the import of typer, the slow part of starting up.
    code = (
        "import builtins, os, sys\n"
        "real = builtins.__import__\n"
        "def hook(name, *args, **kwargs):\n"
        "    if name == 'typer':\n"
        f"        os.kill(os.getpid(), {int(sig)})\n"
        "    return real(name, *args, **kwargs)\n"
        "builtins.__import__ = hook\n"
        "sys.argv = ['pipeline', '--help']\n"
        "from pipeline.launch import main\n"
        "main()\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )
    assert (proc.returncode, proc.stderr, proc.stdout) == (130, "error: interrupted\n", "")


# --- the command's quick end (no interpreter tear-down) -----------------------------------


def _ended(how: str, code: object) -> tuple[int, str, str]:
    # Text left in both streams' buffers (buffered as they are by default: no
    # PYTHONUNBUFFERED) and an atexit function that prints: the end must show both, as the
    # interpreter's own end does.
    program = (
        "import atexit, sys\n"
        "from pipeline.launch import _end\n"
        "atexit.register(lambda: print('atexit ran'))\n"
        "sys.stdout.write('out, unflushed ')\n"
        "sys.stderr.write('err, unflushed ')\n"
        + (f"raise SystemExit({code!r})\n" if how == "plain" else f"_end({code!r})\n")
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    proc = subprocess.run(
        [sys.executable, "-c", program],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
    )
    return proc.returncode, proc.stdout, proc.stderr


@pytest.mark.parametrize("code", [None, 0, 1, 2, 130, "error: a message"])
def test_the_quick_end_agrees_with_the_interpreters_end(code: object) -> None:
    assert _ended("quick", code) == _ended("plain", code)


def test_the_console_script_ends_with_the_commands_status_and_lines(tmp_path: Path) -> None:
    # Through `python -m pipeline` (the console script's own main): written, refused, usage.
    good = tmp_path / "good.txt"
    good.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    runs = [
        ([str(good)], 0, "extracted 1 release(s)", ""),
        ([str(good), str(tmp_path / "no.txt")], 1, "extracted 1 release(s)", "no.txt: no such"),
        (["--no-such-option"], 2, "", "No such option"),
    ]
    for i, (given, status, said, complaint) in enumerate(runs):
        out = tmp_path / f"out{i}"
        proc = subprocess.run(
            [sys.executable, "-m", "pipeline", "extract", *given, "-o", str(out)],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert proc.returncode == status
        assert proc.stdout.startswith(said)
        assert complaint in proc.stderr and (complaint or not proc.stderr)
        assert (out / "releases.jsonl").exists() == (status != 2)


# --- interrupted and killed runs leave the previous output as it was --------------------------

N_COPIES = 30


@pytest.fixture(scope="module")
def big_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("big")
    sources = [SEED, *sorted(FIXTURES.iterdir())]
    for i in range(N_COPIES):
        source = sources[i % len(sources)]
        shutil.copy(source, folder / f"r{i:03d}{source.suffix}")
    return folder


@pytest.fixture
def previous_output(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    report = core.run([RAW, FIXTURES])
    export.write_outputs(out, report.releases, [], report.manifest)
    return out


def start(big_folder: Path, out: Path, phase: str, *options: str) -> subprocess.Popen[str]:
    """A run that pauses at ``phase`` (see tests/paused_run.py): the test signals it in a
    known state, on any machine, however fast or busy."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.paused_run",
            phase,
            str(big_folder),
            "--out",
            str(out),
            *options,
        ],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for_pause(proc: subprocess.Popen[str], out: Path) -> None:
    assert proc.stderr is not None
    line = proc.stderr.readline()
    assert line == "paused\n", line + proc.stderr.read()
    assert proc.poll() is None
    tmp = list(out.parent.glob(f".{out.name}.tmp-*"))
    assert len(tmp) == 1 and any((tmp[0] / "json").glob("*.json"))


def test_sigkill_during_extraction_leaves_previous_output(
    big_folder: Path, previous_output: Path
) -> None:
    before = tree_hashes(previous_output)
    proc = start(big_folder, previous_output, "extracting")
    wait_for_pause(proc, previous_output)
    proc.kill()
    proc.communicate(timeout=60)
    assert tree_hashes(previous_output) == before


def test_sigkill_while_writing_leaves_previous_output_and_next_run_cleans_up(
    big_folder: Path, previous_output: Path
) -> None:
    before = tree_hashes(previous_output)
    proc = start(big_folder, previous_output, "writing", "--xlsx")
    wait_for_pause(proc, previous_output)
    proc.kill()
    proc.communicate(timeout=60)
    assert tree_hashes(previous_output) == before
    stale = list(previous_output.parent.glob(".out.tmp-*"))
    assert stale  # the killed run's half-written folder
    export.recover(previous_output)  # what the next run does first
    assert not list(previous_output.parent.glob(".out.tmp-*"))
    assert tree_hashes(previous_output) == before


@pytest.mark.parametrize(
    ("sig", "phase"),
    [(signal.SIGTERM, "extracting"), (signal.SIGINT, "writing")],
    ids=["SIGTERM-extracting", "SIGINT-writing"],
)
def test_sigterm_and_ctrl_c_stop_cleanly(
    big_folder: Path, previous_output: Path, sig: signal.Signals, phase: str
) -> None:
    before = tree_hashes(previous_output)
    proc = start(big_folder, previous_output, phase, "--xlsx")
    wait_for_pause(proc, previous_output)
    proc.send_signal(sig)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr
    assert stderr.splitlines() == [
        f"error: interrupted; {previous_output.as_posix()}/ is left as it was"
    ]
    assert stdout == ""
    assert tree_hashes(previous_output) == before
    assert not list(previous_output.parent.glob(".out.tmp-*"))  # cleaned up on the way out
