"""Where the time of the main job goes, stage by stage, on one core.

Builds the same corpus as ``throughput.py`` (N varied releases), then runs the main job's
steps a batch at a time as ``pipeline.core.run`` does, timing each: reading, spaCy's
tokenizer, every pipeline component, the Doc -> record export, and writing the files (into a
temporary output folder).
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
    """Seconds per stage over every release in ``corpus``, batch by batch as the job runs."""
    from pipeline import core, export, load
    from pipeline.read import read_file

    nlp = load()
    spent: dict[str, float] = {}

    def add(stage: str, since: float) -> float:
        now = time.perf_counter()
        spent[stage] = spent.get(stage, 0.0) + now - since
        return now

    paths = sorted(corpus.glob("*.txt"))
    with export.OutputWriter(out) as writer:
        for i in range(0, len(paths), core.BATCH_SIZE):
            batch = paths[i : i + core.BATCH_SIZE]
            t = time.perf_counter()
            documents = [read_file(path, shown=path.name) for path in batch]
            t = add("read", t)
            docs = [core.prepare_doc(nlp, document) for document in documents]
            t = add("tokenizer", t)
            for name, proc in nlp.pipeline:
                docs = [proc(doc) for doc in docs]
                t = add(name, t)
            releases = [
                core.to_record(doc, document, path.stem)
                for doc, document, path in zip(docs, documents, batch, strict=True)
            ]
            t = add("record", t)
            for release in releases:
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
