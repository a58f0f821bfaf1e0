"""Instructions per release of the main job and of spaCy's bare tokenizer, by callgrind.

Wall time on a shared machine moves by a quarter between identical runs; the number of
instructions a process runs does not (``valgrind --tool=callgrind`` counts them, whatever
else the machine does). Builds the corpus of ``throughput.py`` (N releases), then runs each
whole process under callgrind over none, a third and all of them:

* start-up: the run over no releases;
* per release: (all - a third) / (N - N/3), so that what is done once on first use
  (regular expressions compiled when first needed) counts as start-up.

Needs valgrind (Debian's package). About a minute for N=300.

    python benchmarks/instructions.py 300 --dir /dev/shm
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import TOKENIZER, build


def instructions(argv: list[str], out: Path) -> int:
    """The instructions callgrind counts for ``argv``."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *argv],
        capture_output=True,
        text=True,
        check=True,
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        sys.exit(f"no instruction count from valgrind: {done.stderr[-500:]}")
    return int(found.group(1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, nargs="?", default=300, help="number of releases")
    ap.add_argument("--dir", type=Path, default=Path.cwd(), help="where to build the corpus")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (apt-get install valgrind)")
    third = args.n // 3
    with tempfile.TemporaryDirectory(dir=args.dir, prefix=".instr-") as tmp:
        corpus = {k: Path(tmp, f"corpus{k}") for k in (0, third, args.n)}
        corpus[args.n].mkdir()
        build(args.n, corpus[args.n])
        files = sorted(corpus[args.n].iterdir())
        for k in (0, third):
            corpus[k].mkdir()
            for f in files[:k]:
                shutil.copy(f, corpus[k])
        for name in ("tokenizer", "pipeline"):
            counts = {}
            for k, folder in corpus.items():
                out = Path(tmp, f"out-{k}")
                argv = [sys.executable, "-c", TOKENIZER, str(folder)]
                if name == "pipeline":
                    argv = [sys.executable, "-m", "pipeline", "extract", str(folder), "--out"]
                    argv += [str(out), "-q"]
                counts[k] = instructions(argv, Path(tmp, "callgrind.out"))
            per = (counts[args.n] - counts[third]) / (args.n - third)
            print(f"{name:10s} start-up {counts[0] / 1e6:8.0f} M  per release {per / 1e6:6.2f} M")


if __name__ == "__main__":
    main()
