"""Time and memory of the main job on hostile input shapes: seconds per MB and peak memory.

Each shape is written as one input file of 1 MB and of 5 MB (or the sizes given), and each
file runs in a process of its own the whole job as ``pipeline extract`` runs it
(``core.extract_to``: read, decode, extract, write every output file). Prints, per shape and
size, the seconds, seconds per MB, the process's peak memory, and the peak above the memory
of the process before the run as a multiple of the input's size; then checks every row
against the bounds the README states (``--check`` exits 1 when one is over).

    python benchmarks/hostile.py                 # every shape at 1 MB and 5 MB
    python benchmarks/hostile.py --sizes 1 --only punctuation
    python benchmarks/hostile.py --check

The bounds are linear: a super-linear rule shows at 5 MB as seconds per MB well above its
1 MB figure, long before it breaks the bound.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

MB = 1_000_000
# The README's bounds (one core of this project's 2-core machine): time per MB of input, and
# the peak memory of the job above the process's own, as a multiple of the input's size.
SECONDS_PER_MB = 12.0
MEMORY_MULTIPLE = 300.0
ROOT = Path(__file__).resolve().parents[1]
SEED = (ROOT / "raw" / "000_e652adb531517c63.txt").read_text(encoding="utf-8")


def fill(unit: str, size: int, sep: str = "") -> str:
    piece = unit + sep
    return (piece * (size // len(piece) + 1))[:size]


def repeated(
    unit: str, sep: str = "", *, head: str = "", tail: str = "", suffix: str = ".txt"
) -> tuple[str, Callable[[int], str]]:
    """A shape: its file suffix, and ``head``, ``unit`` (with ``sep``) repeated to about
    n characters, then ``tail``."""
    return suffix, lambda n: head + fill(unit, n, sep) + tail


# A browser's single-file save opens so (a multipart message, boundary "b")
MIME_HEAD = 'MIME-Version: 1.0\nContent-Type: multipart/related; boundary="b"\n\n'

# name -> (file suffix, text of about n characters)
SHAPES: dict[str, tuple[str, Callable[[int], str]]] = {
    "release-like (the seed repeated)": repeated(SEED, "\n\n"),
    "table, one line": repeated("Leadership Good ", head="Criteria Score "),
    "table, short lines": repeated("Data Fair", "\n", head="Criteria Score\n"),
    "quotes without closers, one line": repeated("“It is vital that "),
    "quotes without closers, short lines": repeated("“It is vital, he said:", "\n"),
    "'Name said:' lines": repeated("Kevin Smith said:", "\n"),
    "quote marks, no spaces": repeated("“(%”)"),
    "numbers, one line": repeated("120 files, 17 per cent, £1.1 billion; "),
    "numbers, short lines": repeated("120 courts and 17% of £1m", "\n"),
    "'1 ' repeated": repeated("1 "),
    "'12% ' repeated": repeated("12% "),
    "one long number": repeated("7"),
    "dates, one line": repeated("between April and June 2016, 13 May 2016; "),
    "dates, short lines": repeated("13 December 2016", "\n"),
    "year ranges, no spaces": repeated("2015–"),
    "bullets": repeated("• "),
    "prose, short lines": repeated("Inspectors found it good.", "\n"),
    "prose, one line": repeated("Inspectors found it good. "),
    "punctuation, no spaces": repeated("((((%%%%))))"),
    "punctuation '\".: no spaces": repeated("'\".:"),
    "one long word": repeated("a"),
    "mojibake release (the seed as cp1252 shows UTF-8)": repeated(
        SEED.encode("utf-8").decode("cp1252", errors="replace"), "\n\n"
    ),
    "mojibake marks, no spaces": repeated("\u00e2\u20ac\u2122\u00c2\u00a3"),
    "blank lines": repeated("\n", head="x"),
    "html, paragraphs": repeated("<p>Inspectors found.</p>", head="<main>", suffix=".html"),
    "html, table rows": repeated(
        "<tr><td>Leadership</td><td>Good</td></tr>",
        head="<table><tr><th>Area</th><th>Grade</th></tr>",
        suffix=".html",
    ),
    "html, nested tags": repeated("<div><b>", head="<main><h1>Deep</h1>", tail="x", suffix=".html"),
    "saved page (mhtml), many parts": repeated(
        "--b\nContent-Type: text/css\n\np{}\n",
        head=f"{MIME_HEAD}--b\nContent-Type: text/html\n\n<main><p>Inspectors found.</p></main>\n",
        suffix=".mhtml",
    ),
    "saved page (mhtml), one long page": repeated(
        "<p>Inspectors found.</p>=\n",
        head=f"{MIME_HEAD}--b\nContent-Type: text/html\nContent-Transfer-Encoding: "
        "quoted-printable\n\n<main>",
        suffix=".mhtml",
    ),
}


def write_input(folder: Path, shape: str, size: int) -> Path:
    """The input file: ``size`` bytes of ``shape`` (cut at a character boundary)."""
    suffix, make = SHAPES[shape]
    path = folder / f"input{suffix}"
    data = make(size).encode("utf-8")[:size]
    path.write_bytes(data.decode("utf-8", "ignore").encode("utf-8"))
    return path


def child(path: Path) -> None:
    """Run the job on one file, in this fresh process; print one JSON line. The file is made
    by the parent, so the peak memory is the job's alone (with the imports)."""
    from pipeline import core

    size = path.stat().st_size
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    started = time.process_time()
    report = core.extract_to([path], path.parent / "out", max_bytes=size + 1)
    seconds = time.process_time() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    refused = [e.code for e in report.errors]
    print(json.dumps({"bytes": size, "seconds": seconds, "peak": peak, "before": before,
                      "refused": refused}))  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 5], help="sizes in MB")
    parser.add_argument("--only", help="run the shapes whose name contains this")
    parser.add_argument("--check", action="store_true", help="exit 1 when a row is over")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return 0
    shapes = [s for s in SHAPES if not args.only or args.only in s]
    print(
        f"{'shape':<38} {'MB':>4} {'s':>7} {'s/MB':>6} {'peak MB':>8} {'above':>7} {'x input':>7}"
    )
    over = []
    for shape in shapes:
        for mb in args.sizes:
            with tempfile.TemporaryDirectory() as tmp:
                path = write_input(Path(tmp), shape, int(mb * MB))
                proc = subprocess.run(
                    [sys.executable, __file__, "--child", str(path)],
                    capture_output=True,
                    text=True,
                    check=False,
                )
            if proc.returncode != 0:
                print(f"{shape:<38} {mb:>4g} failed: {proc.stderr.strip().splitlines()[-1:]}")
                over.append(shape)
                continue
            row = json.loads(proc.stdout.splitlines()[-1])
            per_mb = row["seconds"] / (row["bytes"] / MB)
            above = max(row["peak"] - row["before"], 0)
            multiple = above / row["bytes"]
            flag = ""
            if per_mb > SECONDS_PER_MB or multiple > MEMORY_MULTIPLE:
                flag = "  OVER"
                over.append(shape)
            if row["refused"]:
                flag += f"  refused: {row['refused']}"
            print(
                f"{shape:<38} {mb:>4g} {row['seconds']:7.2f} {per_mb:6.2f}"
                f" {row['peak'] / MB:8.0f} {above / MB:7.0f} {multiple:7.1f}{flag}",
                flush=True,
            )
    print(f"bounds: {SECONDS_PER_MB} s per MB, memory {MEMORY_MULTIPLE} x input above the process")
    if over:
        print("over the bounds: " + ", ".join(sorted(set(over))))
    return 1 if args.check and over else 0


if __name__ == "__main__":
    sys.exit(main())
