"""Throughput of ``pipeline extract`` against spaCy's bare tokenizer: whole processes.

Builds a corpus of N varied releases (from the releases in raw/ and the fixtures in
tests/data/fixtures/raw: names, figures and months are varied so that no two texts are
alike), then times whole processes, start-up counted on both sides:

* tokenizer: a Python process that imports spaCy, builds ``spacy.blank("en")`` and runs its
  tokenizer over every file (what any spaCy-based tool pays at the least);
* pipeline: ``python -m pipeline extract CORPUS --out OUT -q`` (read, extract, write every
  output file);
* with ``--plain``, also the same command with ``PIPELINE_PURE=1``: the extractors' plain
  Python sources instead of the modules mypyc compiled at install (see setup.py);
* with ``--jobs J`` (repeatable), also ``pipeline extract --jobs J`` on J cores, beside
  ``--jobs 1`` on the same J cores; before each round, a fixed loop is timed on each of the
  J cores alone, which gives the most --jobs J can gain on the machine as it is then (the
  cores of a virtual machine need not be equally fast), printed beside the speed-up of
  that round's own two runs.

The tokenizer and ``--jobs 1`` runs are pinned to one core. Prints wall time, releases/s,
MB/s, CPU time (user + system, children included) and peak memory (max RSS) per run, and the
ratios. With ``--repeat K`` the runs alternate K times and the best of each is kept (every run
is printed): on a shared machine only best-of figures mean anything.

    python benchmarks/throughput.py 5000 --repeat 2 --dir /dev/shm
    python benchmarks/throughput.py 8000 --repeat 3 --jobs 2 --dir /dev/shm
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
NAMES = [
    "Ada Byrne",
    "Omar Lindqvist",
    "Priya Shah",
    "Tom Okafor",
    "Lena Fairweather",
    "Kit Marsh",
    "Ray Penn",
    "Vera Holm",
    "Sam Okoro",
    "Jo Bright",
]
PLACES = ["Northmoor", "Eastwick", "Fellside", "Marrowby", "Kestle", "Dunmore", "Ashby"]


def templates() -> list[str]:
    dirs = [ROOT / "raw", ROOT / "tests" / "data" / "fixtures" / "raw"]
    out = []
    for d in dirs:
        if d.is_dir():
            out += [p.read_text("utf-8") for p in sorted(d.glob("*.txt"))]
    if not out:
        sys.exit("no template releases found in raw/")
    return out


def vary(text: str, rng: random.Random) -> str:
    text = re.sub(r"\d", lambda m: str(rng.randint(1, 9)), text)
    text = re.sub("|".join(MONTHS), lambda m: rng.choice(MONTHS), text)
    name = rng.choice(NAMES)
    text = re.sub(r"\b[A-Z][a-z]+ [A-Z][a-z]+(?=,? (?:says|said))", name, text)
    return text.replace("CPS", f"CPS {rng.choice(PLACES)}", 1)


def build(n: int, folder: Path) -> int:
    rng = random.Random(20161213)
    base = templates()
    size = 0
    for i in range(n):
        text = vary(base[i % len(base)], rng)
        path = folder / f"release-{i:05d}.txt"
        path.write_text(text, "utf-8")
        size += len(text.encode("utf-8"))
    return size


TOKENIZER = """
import sys
from pathlib import Path

import spacy

nlp = spacy.blank("en")
for path in sorted(Path(sys.argv[1]).glob("*.txt")):
    nlp.make_doc(path.read_bytes().decode("utf-8"))
"""


def command(mode: str, corpus: Path, out: Path) -> list[str]:
    """The command line a run times."""
    if mode == "tokenizer":
        return [sys.executable, "-c", TOKENIZER, str(corpus)]
    jobs = mode.split()[-1] if mode.startswith("pipeline --jobs") else "1"
    return [sys.executable, "-m", "pipeline", "extract", str(corpus), "--out", str(out), "-q"] + (
        ["--jobs", jobs] if jobs != "1" else []
    )


# A fixed piece of CPU-bound Python, timed on each core alone: on a virtual machine the cores
# need not be equally fast (a host may share one with other guests), and --jobs J can be at
# most the sum of each core's speed over the fastest one's.
CALIBRATION = "sum(i * i for i in range(10_000_000))"


def core_seconds(cores: list[int]) -> dict[int, float]:
    """Seconds the calibration loop takes on each core alone."""
    return {core: timed([sys.executable, "-c", CALIBRATION], {core})["seconds"] for core in cores}


def timed(argv: list[str], cores: set[int], *, plain: bool = False) -> dict[str, float]:
    """Run ``argv`` on ``cores``: wall seconds, CPU seconds and peak memory (MB)."""
    env = {k: v for k, v in os.environ.items() if k != "PIPELINE_PURE"}
    if plain:
        env["PIPELINE_PURE"] = "1"
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        argv,
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        preexec_fn=lambda: os.sched_setaffinity(0, cores),
    )
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"{argv[:4]} failed with status {status}")
    return {
        "seconds": seconds,
        "cpu": usage.ru_utime + usage.ru_stime,
        "rss_mb": usage.ru_maxrss / 1024,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, nargs="?", default=1000, help="number of releases")
    ap.add_argument(
        "--dir",
        type=Path,
        default=Path.cwd(),
        help="where to build the corpus and write the output (default: here; a slow /tmp "
        "would measure the file system, not the tool)",
    )
    ap.add_argument("--repeat", type=int, default=1, help="runs of each mode; the best is kept")
    ap.add_argument(
        "--jobs", type=int, action="append", default=[], help="also time --jobs J on J cores"
    )
    ap.add_argument("--no-tokenizer", action="store_true", help="leave out the tokenizer runs")
    ap.add_argument(
        "--plain", action="store_true", help="also time the plain extractors (PIPELINE_PURE=1)"
    )
    args = ap.parse_args()
    allowed = sorted(os.sched_getaffinity(0))
    one = {allowed[0]}
    plan: list[tuple[str, set[int]]] = []
    if not args.no_tokenizer:
        plan.append(("tokenizer", one))
    plan.append(("pipeline", one))
    if args.plain:
        plan.append(("pipeline plain", one))
    for j in args.jobs:
        cores = set(allowed[:j])
        plan += [(f"pipeline -j1 on {j} cores", cores), (f"pipeline --jobs {j}", cores)]
    with tempfile.TemporaryDirectory(dir=args.dir, prefix=".bench-") as tmp:
        corpus = Path(tmp, "corpus")
        corpus.mkdir()
        size = build(args.n, corpus)
        results: dict[str, dict[str, float]] = {}
        runs: dict[str, list[float]] = {}
        calibration: list[dict[int, float]] = []
        for _ in range(args.repeat):
            if args.jobs:
                calibration.append(core_seconds(allowed[: max(args.jobs)]))
            for mode, cores in plan:
                argv = command(mode, corpus, Path(tmp, "out"))
                run = timed(argv, cores, plain=mode == "pipeline plain")
                runs.setdefault(mode, []).append(run["seconds"])
                best = results.setdefault(mode, dict(run))
                for key in ("seconds", "cpu", "rss_mb"):
                    best[key] = min(best[key], run[key])
    mb = size / 1e6
    print(f"corpus: {args.n} releases, {mb:.1f} MB; whole processes, best of {args.repeat}")
    for mode, r in results.items():
        s = r["seconds"]
        print(
            f"{mode:24s} {s:8.2f} s  {args.n / s:8.1f} releases/s  {mb / s:6.2f} MB/s  "
            f"cpu {r['cpu']:6.2f} s  peak {r['rss_mb']:.1f} MB"
        )
    if args.repeat > 1:
        for mode, seconds in runs.items():
            print(f"{mode} runs (s): " + " ".join(f"{x:.2f}" for x in seconds))
    if "tokenizer" in results:
        base = results["tokenizer"]
        for mode in ("pipeline", "pipeline plain"):
            if mode in results:
                r = results[mode]
                print(
                    f"ratio {mode}/tokenizer: wall {r['seconds'] / base['seconds']:.2f}, "
                    f"cpu {r['cpu'] / base['cpu']:.2f} (target <= 1.0)"
                )
    for j in args.jobs:
        single, many = results[f"pipeline -j1 on {j} cores"], results[f"pipeline --jobs {j}"]
        print(f"speed-up of --jobs {j}: {single['seconds'] / many['seconds']:.2f}")
    for i, seconds in enumerate(calibration, 1):
        fastest = min(seconds.values())
        each = ", ".join(f"core {c} {s:.2f} s" for c, s in seconds.items())
        for j in args.jobs:
            ceiling = sum(fastest / seconds[c] for c in allowed[:j])
            # The two runs of the round, one right after the other: the machine's speed
            # drifts less between them than over the whole benchmark.
            paired = runs[f"pipeline -j1 on {j} cores"][i - 1] / runs[f"pipeline --jobs {j}"][i - 1]
            print(
                f"round {i}: fixed loop on {each}: --jobs {j} can give at most {ceiling:.2f}; "
                f"this round's runs gave {paired:.2f}"
            )


if __name__ == "__main__":
    main()
