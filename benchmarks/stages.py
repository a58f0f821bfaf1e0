"""Where the time of the main job goes, stage by stage, on one core.

Builds the same corpus as ``throughput.py`` (N varied releases), then runs the main job's
steps one release at a time, timing each: reading, spaCy's tokenizer, every pipeline
component, the Doc -> record export, and writing the files (into a temporary output folder).
Prints milliseconds per release and each stage's share, best of ``--repeat`` passes.

    python benchmarks/stages.py 2000 --repeat 3
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import build


def one_pass(corpus: Path, out: Path) -> dict[str, float]:
    """Seconds per stage over every release in ``corpus``."""
    from pipeline import core, export, load
    from pipeline.components import HINTS, KEY_PREFIX
    from pipeline.read import read_file
    from pipeline.record import to_release

    nlp = load()
    spent: dict[str, float] = {}

    def add(stage: str, since: float) -> float:
        now = time.perf_counter()
        spent[stage] = spent.get(stage, 0.0) + now - since
        return now

    with export.OutputWriter(out) as writer:
        for path in sorted(corpus.glob("*.txt")):
            t = time.perf_counter()
            document = read_file(path, shown=path.name)
            t = add("read", t)
            doc = core.make_doc(nlp, document.text)
            t = add("tokenizer", t)
            doc.user_data[KEY_PREFIX + HINTS] = {
                "blocks": document.blocks,
                "tables": document.tables,
            }
            doc.user_data[KEY_PREFIX + "text"] = document.text
            for name, proc in nlp.pipeline:
                doc = proc(doc)
                t = add(name, t)
            release = to_release(
                doc,
                release_id=path.stem,
                source=document.source,
                metadata=document.metadata,
                reader_warnings=document.warnings,
            )
            t = add("record", t)
            writer.add(release)
            add("write", t)
        writer.finish([], {})
    return spent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, nargs="?", default=1000, help="number of releases")
    ap.add_argument("--repeat", type=int, default=1, help="passes; the best of each stage is kept")
    ap.add_argument(
        "--dir", type=Path, default=Path.cwd(), help="where to build the corpus and output"
    )
    args = ap.parse_args()
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    with tempfile.TemporaryDirectory(dir=args.dir, prefix=".stages-") as tmp:
        corpus = Path(tmp, "corpus")
        corpus.mkdir()
        build(args.n, corpus)
        best: dict[str, float] = {}
        for i in range(args.repeat):
            for stage, seconds in one_pass(corpus, Path(tmp, f"out{i}")).items():
                best[stage] = min(best.get(stage, seconds), seconds)
    total = sum(best.values())
    print(f"{args.n} releases, one core; milliseconds per release (best of {args.repeat})")
    for stage, seconds in best.items():
        print(f"  {stage:20s} {seconds / args.n * 1000:7.3f}  {seconds / total:6.1%}")
    print(f"  {'total':20s} {total / args.n * 1000:7.3f}")
    tok = best["tokenizer"]
    print(f"everything but the tokenizer: {(total - tok) / tok:.2f} times the tokenizer")


if __name__ == "__main__":
    main()
