"""Main-text extraction on trafilatura's evaluation corpus: this project against trafilatura.

CORPUS is the ``tests`` folder of a checkout of trafilatura's repository (its
``evaldata.json``, ``eval_common.py``, ``cache/`` and ``eval/``); nothing of it is copied into
this repository. For example, from a clone or a mirror's git directory::

    git --git-dir=PATH/TO/trafilatura.git archive HEAD tests/evaldata.json \\
        tests/eval_common.py tests/cache tests/eval | tar -x -C /tmp/trafeval
    python benchmarks/html_eval.py /tmp/trafeval/tests --repeat 3

Every page is scored with trafilatura's own ``eval_common.count_item`` (its snippets that
must appear and must not appear in the extracted text, white space normalised), for:

* ``pipeline``: the whole job on the page's bytes, as ``pipeline extract`` runs it (read,
  decode, reduce the HTML, run the extractors); the text scored is the record's ``text``.
  A refused page (no visible text) scores as an empty result;
* ``reader``: only the reader (``pipeline.read.read_bytes``), which gives the same text;
* ``trafilatura-fast`` and ``trafilatura-full``: ``trafilatura.extract`` with the settings
  trafilatura's CI gate uses (``eval_common.RUNNERS``).

Speed: on a shared machine one run's timings are noise, so the readers take turns on every
page (in a rotating order), the corpus is run ``--repeat`` times and each reader's best total
is kept. Pages per second is the number of pages over that best total (process CPU time, so
that waits for a busy core are not counted; ``--wall`` uses the wall clock instead).
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _load_eval_common(corpus: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_common", corpus / "eval_common.py")
    if spec is None or spec.loader is None:
        sys.exit(f"error: {corpus}: no eval_common.py (pass trafilatura's tests folder)")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _readers(common: ModuleType, names: list[str]) -> dict[str, Callable[[bytes, str], Any]]:
    from pipeline import core
    from pipeline.errors import InputError
    from pipeline.read import read_bytes

    def whole(data: bytes, name: str) -> str | None:
        try:
            document = read_bytes(data, name)
        except InputError:
            return None
        return core.extract_document(document, "page").text

    def reader(data: bytes, name: str) -> str | None:
        try:
            return read_bytes(data, name).text
        except InputError:
            return None

    everything: dict[str, Callable[[bytes, str], Any]] = {
        "pipeline": whole,
        "reader": reader,
        "trafilatura-fast": lambda data, _name: common.RUNNERS["fast"](data),
        "trafilatura-full": lambda data, _name: common.RUNNERS["fallback"](data),
    }
    unknown = set(names) - set(everything)
    if unknown:
        sys.exit(f"error: unknown reader(s) {sorted(unknown)}; choose from {sorted(everything)}")
    return {name: everything[name] for name in names}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="trafilatura's tests folder")
    parser.add_argument("--repeat", type=int, default=1, help="runs of the corpus (best kept)")
    parser.add_argument(
        "--readers",
        default="pipeline,trafilatura-fast,trafilatura-full",
        help="comma-separated: pipeline, reader, trafilatura-fast, trafilatura-full",
    )
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    parser.add_argument("--wall", action="store_true", help="time with the wall clock")
    parser.add_argument("--misses", type=Path, help="write per-page counts (TSV) here")
    args = parser.parse_args(argv)

    corpus = args.corpus.resolve()
    common = _load_eval_common(corpus)
    evaldata = common.load_evaldata(str(corpus))
    common.validate(evaldata)
    docs = common.read_corpus(str(corpus), evaldata)
    urls = sorted(evaldata)
    if args.limit:
        urls = urls[: args.limit]
    readers = _readers(common, args.readers.split(","))
    names = list(readers)
    clock = time.perf_counter if args.wall else time.process_time

    # Warm up (imports, compiled patterns, spaCy's tokenizer caches) outside the timing.
    for name in names:
        readers[name](docs[urls[0]][1], docs[urls[0]][0])

    best = dict.fromkeys(names, float("inf"))
    matrices: dict[str, Any] = {}
    per_page: dict[str, list[tuple[int, int, int, int]]] = {}
    for run in range(max(1, args.repeat)):
        totals = dict.fromkeys(names, 0.0)
        matrices = {name: common.ConfusionMatrix() for name in names}
        per_page = {name: [] for name in names}
        for i, url in enumerate(urls):
            relpath, data = docs[url]
            order = names[i % len(names) :] + names[: i % len(names)]
            for name in order:
                started = clock()
                try:
                    result = readers[name](data, relpath)
                except Exception as exc:  # a crash scores as a miss, as in trafilatura's gate
                    print(f"{name}: {relpath}: {type(exc).__name__}: {exc}", file=sys.stderr)
                    result = None
                totals[name] += clock() - started
                counts = common.count_item(evaldata[url], result)
                matrices[name].add(counts)
                per_page[name].append(counts)
        for name in names:
            best[name] = min(best[name], totals[name])
        print(f"run {run + 1}: " + ", ".join(f"{n} {totals[n]:.1f} s" for n in names))

    print(
        f"{len(urls)} pages, best of {max(1, args.repeat)} runs ({'wall' if args.wall else 'CPU'})"
    )
    print(f"{'reader':<18} {'precision':>9} {'recall':>7} {'F1':>6} {'pages/s':>8}")
    for name in names:
        precision, recall, _accuracy, f1 = matrices[name].scores()
        rate = len(urls) / best[name] if best[name] else float("inf")
        print(f"{name:<18} {precision:9.3f} {recall:7.3f} {f1:6.3f} {rate:8.1f}")
    if args.misses:
        with args.misses.open("w", encoding="utf-8") as out:
            out.write("file\t" + "\t".join(f"{n}:tp,fp,fn,tn" for n in names) + "\n")
            for i, url in enumerate(urls):
                cells = [",".join(map(str, per_page[n][i])) for n in names]
                out.write(docs[url][0] + "\t" + "\t".join(cells) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
