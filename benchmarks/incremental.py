"""Incremental runs: adding one release to a large folder, then `pipeline extract --incremental`.

Builds N varied releases (``throughput.build``), runs ``pipeline extract`` over them (the full
run), adds one new release and runs ``pipeline extract --incremental`` into the same output.
Each run is the real command in its own process, so interpreter start-up, imports and the
final writing (grids, data package, swap) are counted in both. Prints both wall and CPU
times (the child's own, from ``wait4``), their ratio (target: the incremental run takes at most
a tenth of the full run) and each run's peak memory. Also reports, from the full run, what
building the ratings grids costs, which every run pays at the end.

    python benchmarks/incremental.py 10000
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import build, templates, vary


def timed(args: list[str]) -> tuple[float, float, str, float]:
    """Run ``pipeline`` with ``args``: wall seconds, CPU seconds and peak memory (MB) of the
    child (its own, from ``wait4``), and its stdout."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "pipeline", *args], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, proc.args, out)
    return wall, usage.ru_utime + usage.ru_stime, out.strip(), usage.ru_maxrss / 1024


def grid_cost(out: Path) -> float:
    """Seconds to pivot the run's scores into the two grids (in a fresh process)."""
    code = f"""
import csv, time
from pipeline.grids import build_grids
with open({str(out / "releases.csv")!r}, encoding="utf-8", newline="") as fh:
    heads = [[r["release_id"], r["title"], r["published"], r["scale"]] for r in csv.DictReader(fh)]
with open({str(out / "scores.csv")!r}, encoding="utf-8", newline="") as fh:
    scores = [
        (r["release_id"], r["criterion"], r["score"],
         int(r["score_value"]) if r["score_value"] else None, int(r["table"]))
        for r in csv.DictReader(fh)
    ]
t2 = time.perf_counter()
build_grids(heads, scores)
print(time.perf_counter() - t2)
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(proc.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, nargs="?", default=10000, help="number of releases")
    ap.add_argument(
        "--dir", type=Path, default=Path.cwd(), help="where to build the corpus (default: here)"
    )
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(dir=args.dir, prefix=".bench-") as tmp:
        corpus, out = Path(tmp, "corpus"), Path(tmp, "out")
        corpus.mkdir()
        size = build(args.n, corpus)
        full = timed(["extract", str(corpus), "-o", str(out), "-q"])
        new = vary(templates()[0], random.Random(7))
        (corpus / "release-new.txt").write_text(new, "utf-8")
        inc = timed(["extract", str(corpus), "-o", str(out), "--incremental"])
        pivot = grid_cost(out)
    print(f"corpus: {args.n} releases, {size / 1e6:.1f} MB; then one release added")
    print(f"full run         wall {full[0]:7.2f} s  cpu {full[1]:7.2f} s  peak {full[3]:5.0f} MB")
    print(
        f"incremental run  wall {inc[0]:7.2f} s  cpu {inc[1]:7.2f} s  peak {inc[3]:5.0f} MB"
        f"  ({inc[2]})"
    )
    print(
        f"ratio incremental/full: wall {inc[0] / full[0]:.3f}, cpu {inc[1] / full[1]:.3f} "
        "(target <= 0.1)"
    )
    print(f"ratings grids on {args.n + 1} releases: pivot {pivot:.2f} s")


if __name__ == "__main__":
    main()
