"""Where the time of the main job goes, stage by stage, on one core.

Builds the same corpus as ``throughput.py`` (N varied releases), then runs the main job's
steps as ``pipeline.core.run`` does, timing each: reading, every extractor, building the
record, and writing the files (into a temporary output folder). As the job does, each stage
runs over a batch of releases (``pipeline.core.BATCH``) before the next starts; with
``--one-by-one``, every stage runs over one release before the next release (``extract_all``),
which shows what the batches save.
Prints milliseconds per release and each stage's share, best of ``--repeat`` passes.

    python benchmarks/stages.py 2000 --repeat 3 [--one-by-one]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import build

EXTRACTORS = (
    "split_paragraphs",
    "find_scores",
    "carve",
    "find_quotes",
    "find_dates",
    "find_numbers",
    "classify_sections",
)


def one_pass(corpus: Path, out: Path, batch: int) -> dict[str, float]:
    """Seconds per stage over every release in ``corpus``, ``batch`` releases at a time (1:
    one release after another); each extractor is timed by wrapping it where the stages of
    ``pipeline.extract`` call it."""
    from pipeline import core, export, extract
    from pipeline.read import read_file

    spent: dict[str, float] = {}

    def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - t

        return wrapper

    originals = {name: getattr(extract, name) for name in EXTRACTORS}
    for name, fn in originals.items():
        setattr(extract, name, timed(name, fn))
    try:
        with export.OutputWriter(out) as writer:
            paths = sorted(corpus.glob("*.txt"))
            for first in range(0, len(paths), batch):
                part = paths[first : first + batch]
                t = time.perf_counter()
                documents = [read_file(path, shown=path.name) for path in part]
                spent["read"] = spent.get("read", 0.0) + time.perf_counter() - t
                t = time.perf_counter()
                found: list[Any]  # no release fails here: all are Extraction
                if batch == 1:
                    found = [extract.extract_all(d.text, d.blocks, d.tables) for d in documents]
                else:
                    tasks = [extract.Task(d.text, d.blocks, d.tables) for d in documents]
                    found = extract.extract_each(tasks)
                releases = [
                    core._record(d, path.stem, f)
                    for d, path, f in zip(documents, part, found, strict=True)
                ]
                spent["extract+record"] = spent.get("extract+record", 0.0) + (
                    time.perf_counter() - t
                )
                t = time.perf_counter()
                for release in releases:
                    writer.add(release)
                spent["write"] = spent.get("write", 0.0) + time.perf_counter() - t
            writer.finish([], {})
    finally:
        for name, fn in originals.items():
            setattr(extract, name, fn)
    inner = sum(spent.get(name, 0.0) for name in EXTRACTORS)
    spent["record (and the rest of extract)"] = spent.pop("extract+record") - inner
    return spent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, nargs="?", default=1000, help="number of releases")
    ap.add_argument("--repeat", type=int, default=1, help="passes; the best of each stage is kept")
    ap.add_argument(
        "--dir", type=Path, default=Path.cwd(), help="where to build the corpus and output"
    )
    ap.add_argument(
        "--one-by-one", action="store_true", help="every stage over one release, then the next"
    )
    args = ap.parse_args()
    from pipeline.core import BATCH

    batch = 1 if args.one_by_one else BATCH
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    with tempfile.TemporaryDirectory(dir=args.dir, prefix=".stages-") as tmp:
        corpus = Path(tmp, "corpus")
        corpus.mkdir()
        build(args.n, corpus)
        best: dict[str, float] = {}
        for i in range(args.repeat):
            for stage, seconds in one_pass(corpus, Path(tmp, f"out{i}"), batch).items():
                best[stage] = min(best.get(stage, seconds), seconds)
    total = sum(best.values())
    way = "one by one" if args.one_by_one else f"in batches of {batch}"
    print(f"{args.n} releases {way}, one core; milliseconds per release (best of {args.repeat})")
    for stage, seconds in best.items():
        print(f"  {stage:20s} {seconds / args.n * 1000:7.3f}  {seconds / total:6.1%}")
    print(f"  {'total':20s} {total / args.n * 1000:7.3f}")


if __name__ == "__main__":
    main()
