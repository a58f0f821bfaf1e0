"""What ``--jobs J`` can gain, from CPU times, which a loaded machine does not change.

Builds N varied releases (as ``throughput.py`` does), then runs ``pipeline extract`` in a
fresh process with ``--jobs 1`` and with ``--jobs J``, and measures CPU time (user + system):
the ``--jobs 1`` process as a whole; for ``--jobs J``, the parent before and after its workers
run (serial), the parent while they run, and each worker. On J free cores a run takes at least

    serial + max(parent while the workers run, slowest worker, (parent + workers) / cores)

and the speed-up is at most the ``--jobs 1`` time over that: the bound printed. Wall times
are printed too, with the load average (they mean something only on a quiet machine).

The parent's serial phases are also timed directly, wall time and CPU, in the command as
``pipeline extract`` runs it: the start, from before the process is started to the moment
the first worker starts its first chunk; the finish, from the moment the last chunk is
written (``OutputWriter.add_chunk``) to the process's end (the CPU of the finish is taken
before the interpreter's own tear-down).

With ``--loops``, also compares in this process, one after the other, what a worker does per
release (extract, make the bytes, pack its chunk, pickle the results) with the loop of
``--jobs 1`` (extract, make the bytes, write them): the workers' own overhead, with no other
process running beside them.

    python benchmarks/jobs_cpu.py 8000 --jobs 2 --repeat 2 --dir /dev/shm
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def child(jobs: int, corpus: Path, out: Path, report: Path) -> None:
    """One run of ``pipeline extract``, in this process: writes its times to ``report``."""
    import atexit

    from pipeline import export
    from pipeline import jobs as jobs_module

    times: dict[str, Any] = {}
    workers = report.with_suffix(".workers")
    workers.mkdir()
    worker = jobs_module._worker
    extract_chunk = jobs_module._extract_chunk
    first_chunk: list[float] = []  # in a worker: when it started its first chunk

    def worker_and_report(*args: Any) -> None:
        # Each worker, the first and those it forks (which end with os._exit) alike.
        try:
            worker(*args)
        finally:
            found = {"cpu": cpu(), "first": first_chunk[0] if first_chunk else None}
            (workers / str(os.getpid())).write_text(json.dumps(found))

    def timed_chunk(*args: Any) -> Any:
        if not first_chunk:
            first_chunk.append(time.monotonic())
        return extract_chunk(*args)

    jobs_module._worker = worker_and_report
    jobs_module._extract_chunk = timed_chunk
    workers_init = jobs_module.Workers.__init__
    workers_outcomes = jobs_module.Workers.outcomes

    def timed_init(self: Any, *args: Any, **kwargs: Any) -> None:
        workers_init(self, *args, **kwargs)
        times["workers_start"] = cpu()

    def timed_outcomes(self: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            yield from workers_outcomes(self, *args, **kwargs)
        finally:  # run() closes it after the last outcome, once every worker has ended
            times["workers_end"] = cpu()

    jobs_module.Workers.__init__ = timed_init  # type: ignore[method-assign]
    jobs_module.Workers.outcomes = timed_outcomes  # type: ignore[method-assign]
    finish = export.OutputWriter.finish

    def timed_finish(*args: Any, **kwargs: Any) -> None:
        times["finish"] = cpu()
        finish(*args, **kwargs)

    export.OutputWriter.finish = timed_finish  # type: ignore[method-assign]
    add_chunk = export.OutputWriter.add_chunk

    def timed_add_chunk(*args: Any) -> Any:
        placement = add_chunk(*args)
        times["last_chunk"], times["last_chunk_cpu"] = time.monotonic(), cpu()
        return placement

    export.OutputWriter.add_chunk = timed_add_chunk  # type: ignore[method-assign]

    def save() -> None:  # once the command is done, before the interpreter's tear-down
        times["end"] = cpu()
        reported = [json.loads(p.read_text()) for p in workers.iterdir() if p.read_text()]
        times["workers"] = [w["cpu"] for w in reported]
        starts = [w["first"] for w in reported if w["first"] is not None]
        times["first_chunk"] = min(starts, default=None)
        report.write_text(json.dumps(times))

    atexit.register(save)
    sys.argv = ["pipeline", "extract", str(corpus), "--out", str(out), "-q", "--jobs", str(jobs)]
    from pipeline.launch import main as run_command

    run_command()


def measure(jobs: int, corpus: Path, tmp: Path) -> dict[str, float]:
    report = Path(tmp, f"report-{jobs}-{time.monotonic_ns()}.json")
    argv = [sys.executable, __file__, "--child", str(jobs), str(corpus), str(tmp / "out")]
    t0 = time.monotonic()
    subprocess.run([*argv, str(report)], check=True, cwd=ROOT)
    ended = time.monotonic()
    result = json.loads(report.read_text())
    if jobs > 1 and len(result["workers"]) != jobs:
        sys.exit(
            f"--jobs {jobs}: {len(result['workers'])} worker(s) reported; this script times "
            "workers started by fork (Linux), whose every report it needs"
        )
    result["wall"] = ended - t0
    if result.get("first_chunk") is not None:  # the serial start and finish, wall time
        result["start_wall"] = result["first_chunk"] - t0
        result["finish_wall"] = ended - result["last_chunk"]
    return result


def longest(run: dict[str, Any], cores: int) -> float:
    """The least time a run of ``--jobs`` needs on ``cores`` free cores, by its CPU times."""
    serial = run["workers_start"] + run["end"] - run["workers_end"]
    during = run["workers_end"] - run["workers_start"]
    workers = run["workers"]
    return float(serial + max(during, max(workers), (during + sum(workers)) / cores))


def loops(corpus: Path, tmp: Path) -> tuple[float, float, float]:
    """CPU seconds of the ``--jobs 1`` loop over ``corpus``, and of the workers' loop (extract,
    pack each chunk, pickle what is sent, write the held parts where they go) and the
    parent's share (take each chunk, say where its parts go), done one after the other here."""
    import pickle
    from functools import partial

    from pipeline import core, export, jobs
    from pipeline.chunks import close_files, pack_chunk, place_chunk
    from pipeline.inputs import find_inputs, release_ids

    inputs, _ = find_inputs([corpus])
    ids = release_ids(inputs)
    steps = core.Steps(prepare=export.render_release)
    t0 = time.process_time()
    with export.OutputWriter(Path(tmp, "loop-one")) as writer:
        for outcome in core.outcomes(inputs, [range(len(inputs))], ids, steps):  # in batches
            writer.add_rendered(outcome.result)
            writer.add_entry(outcome.entry)
    one = time.process_time() - t0
    worker = parent = 0.0
    with export.OutputWriter(Path(tmp, "loop-many")) as writer:
        folder = str(writer.tmp)
        place = partial(place_chunk, folder=folder)
        jobs._work_given = jobs._Work(steps, partial(pack_chunk, folder=folder), place, inputs, ids)
        for at in range(0, len(inputs), jobs.CHUNK):
            chunk = (at, min(at + jobs.CHUNK, len(inputs)))
            t0 = time.process_time()
            sent = pickle.dumps((at, jobs._extract_chunk(chunk), None))
            t1 = time.process_time()
            _, (_, payload), _ = pickle.loads(sent)
            placement = writer.add_chunk(payload)
            t2 = time.process_time()
            place(placement)
            worker += t1 - t0 + time.process_time() - t2
            parent += t2 - t1
        close_files()
    return one, worker, parent


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        child(int(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4]), Path(sys.argv[5]))
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, nargs="?", default=2000, help="number of releases")
    ap.add_argument("--jobs", type=int, default=2, help="workers (and cores) to compare")
    ap.add_argument("--dir", type=Path, default=Path.cwd(), help="where to build the corpus")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each; the best is kept")
    ap.add_argument("--loops", action="store_true", help="also the workers' own overhead")
    args = ap.parse_args()
    from throughput import build  # here: not in the timed runs' processes

    with tempfile.TemporaryDirectory(dir=args.dir, prefix=".bench-") as tmp:
        corpus = Path(tmp, "corpus")
        corpus.mkdir()
        build(args.n, corpus)
        ones, manys = [], []
        for _ in range(args.repeat):
            ones.append(measure(1, corpus, Path(tmp)))
            manys.append(measure(args.jobs, corpus, Path(tmp)))
        per_loop = [loops(corpus, Path(tmp)) for _ in range(args.repeat if args.loops else 0)]
    one = min(ones, key=lambda r: r["end"])
    many = min(manys, key=lambda r: longest(r, args.jobs))
    serial = many["workers_start"] + many["end"] - many["workers_end"]
    during = many["workers_end"] - many["workers_start"]
    workers = many["workers"]
    print(
        f"{args.n} releases, best of {args.repeat}; load average "
        f"{os.getloadavg()[0]:.2f} at the end"
    )
    print(
        f"--jobs 1: CPU {one['end']:.2f} s, of which {one['end'] - one['finish']:.2f} s "
        f"finishing (wall {one['wall']:.2f} s)"
    )
    print(
        f"--jobs {args.jobs}: parent {serial:.2f} s serial (start {many['workers_start']:.2f}"
        f" s, finish {many['end'] - many['finish']:.2f} s) + {during:.2f} s while its workers "
        f"run ({1000 * during / args.n:.3f} ms per release); workers "
        + ", ".join(f"{w:.2f} s" for w in sorted(workers))
        + f" (wall {many['wall']:.2f} s)"
    )
    print(
        f"parent while workers run / a worker's CPU: {during / max(workers):.1%}; workers in "
        f"all / --jobs 1: {sum(workers) / one['end']:.2f}"
    )
    for run in manys:
        if "start_wall" not in run:
            continue  # no chunk reached a worker (too few releases for --jobs)
        print(
            f"--jobs {args.jobs} serial phases: start {run['start_wall']:.3f} s wall, "
            f"{run['workers_start']:.3f} s parent CPU before the workers; finish "
            f"{run['finish_wall']:.3f} s wall, {run['end'] - run['last_chunk_cpu']:.3f} s CPU "
            f"(from the last chunk written); whole run {run['wall']:.2f} s wall"
        )
    for one_loop, worker_loop, parent_loop in per_loop:
        print(
            f"one process: the --jobs 1 loop {one_loop:.2f} s, the workers' loop "
            f"{worker_loop:.2f} s ({worker_loop / one_loop:.2f} times), the parent's "
            f"{parent_loop:.2f} s"
        )
    balanced = max(during, (during + sum(workers)) / args.jobs)
    print(
        f"speed-up bound on {args.jobs} free cores: {one['end'] / longest(many, args.jobs):.2f} "
        f"({one['end'] / (serial + balanced):.2f} with the workers' shares even)"
    )


if __name__ == "__main__":
    main()
