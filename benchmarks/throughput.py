"""Throughput of the whole job against spaCy's bare tokenizer, on one core.

Builds a corpus of N varied releases (from the releases in raw/ and, when present, the
shared fixtures: names, figures and months are varied so that no two texts are alike), then
measures in separate child processes:

* baseline: read every file and run ``spacy.blank("en")``'s tokenizer over it;
* pipeline: the end-to-end job (read, extract, write every output file), as
  ``pipeline extract`` runs it;
* with ``--floor``, also floor: the same job with the release components taken out of the
  spaCy pipeline (read, tokenize, write the files): what everything but the extractors costs,
  so the headroom the extractors have under a target ratio.

Prints releases/s, MB/s and peak memory (max RSS) for both, and the ratio of their wall
times and of their CPU times (user + system: on a busy machine the wall time also counts the
waits for the core). With ``--repeat K`` both run K times, alternately, and the best of each
is kept.

    python benchmarks/throughput.py 5000 --repeat 3
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
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
    dirs = [ROOT / "raw", ROOT.parent / "shared" / "fixtures" / "raw"]
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


def child(mode: str, corpus: Path, out: Path) -> None:
    """Run one measurement in this process and print a JSON line."""
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    import spacy

    files = sorted(corpus.glob("*.txt"))
    if mode == "baseline":
        nlp = spacy.blank("en")
        t0, c0 = time.perf_counter(), time.process_time()
        for p in files:
            nlp.make_doc(p.read_bytes().decode("utf-8"))
    else:
        from pipeline import core

        t0, c0 = time.perf_counter(), time.process_time()
        core.extract_to([corpus], out)  # what `pipeline extract` runs
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"mode": mode, "seconds": elapsed, "cpu": cpu, "rss_mb": rss_mb}))


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
    ap.add_argument("--child", choices=["baseline", "pipeline"], help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.corpus, args.out)
        return
    with tempfile.TemporaryDirectory(dir=args.dir, prefix=".bench-") as tmp:
        corpus = Path(tmp, "corpus")
        corpus.mkdir()
        size = build(args.n, corpus)
        results: dict[str, dict[str, float]] = {}
        runs: dict[str, list[float]] = {}
        for mode in ("baseline", "pipeline") * args.repeat:
            proc = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--child",
                    mode,
                    "--corpus",
                    str(corpus),
                    "--out",
                    str(Path(tmp, "out")),
                ],
                capture_output=True,
                text=True,
                check=True,
            )
            run = json.loads(proc.stdout.strip().splitlines()[-1])
            runs.setdefault(mode, []).append(run["seconds"])
            best = results.setdefault(mode, dict(run))
            for key in ("seconds", "cpu", "rss_mb"):
                best[key] = min(best[key], run[key])
    mb = size / 1e6
    print(f"corpus: {args.n} releases, {mb:.1f} MB, one core")
    for mode, r in results.items():
        s = r["seconds"]
        print(
            f"{mode:9s} {s:8.2f} s  {args.n / s:9.1f} releases/s  {mb / s:7.2f} MB/s  "
            f"cpu {r['cpu']:6.2f} s  peak {r['rss_mb']:.0f} MB"
        )
    if args.repeat > 1:
        for mode, seconds in runs.items():
            print(f"{mode} runs (s): " + " ".join(f"{x:.2f}" for x in seconds))
    base = results["baseline"]
    r = results["pipeline"]
    print(
        f"ratio pipeline/baseline: wall {r['seconds'] / base['seconds']:.2f}, "
        f"cpu {r['cpu'] / base['cpu']:.2f} (target <= 1.0)"
    )


if __name__ == "__main__":
    main()
