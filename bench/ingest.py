"""Ingest throughput into the store beside extract-only throughput, measured in the same run.

    python bench/ingest.py [CORPUS_DIR] [--copies 4] [--repeat 3] [--jobs 1]

The corpus is read --copies times as distinct files (hard links, or copies across file systems:
a store of a few hundred reports, so batches follow one another as in a real archive). Each round times, back to back:
  extract only : the pipeline over every file (read, clean, meta, sections, facts, figures),
                 in --jobs processes (in this process when 1), results dropped;
  ingest       : write.ingest of the same files into a fresh store with the same --jobs
                 (pipeline, SQLite writes and the full-text index), until the store is closed.
                 Ingest runs in --jobs worker processes and in this one (one worker even with
                 one job), each storing what it extracted, so with one job ingest uses a
                 second core that extract-only does not: the CPU time of both is printed too,
                 with ingest's split between this process and the workers.
Goal: storing costs less than half again (ingest time < 1.5 x extract time, median round).
"""

from __future__ import annotations

import argparse
import atexit
import multiprocessing
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _cpu() -> tuple[float, float]:
    """CPU seconds of this process, and of its finished children (the worker processes)."""
    import os

    t = os.times()
    return t.user + t.system, t.children_user + t.children_system


def _since(start: tuple[float, float]) -> tuple[float, float]:
    """CPU seconds since start, once every worker process has exited (a worker's time is counted
    when it is reaped; an exiting one would also take CPU from the next measurement)."""
    while multiprocessing.active_children():  # reaps the workers that have exited
        time.sleep(0.005)
    now = _cpu()
    return now[0] - start[0], now[1] - start[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--copies", type=int, default=4)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=1)
    a = ap.parse_args()
    if not a.corpus.is_dir():
        print(f"no corpus at {a.corpus}", file=sys.stderr)
        return 2
    from govreport.ingest import iter_inputs
    from govreport.pipeline import default_pipeline
    from govreport.run import process_file, run_items
    from govreport.store import schema, write

    once = list(iter_inputs([a.corpus]))
    # the copies are files of their own (a store takes one file reached by two names for one
    # document): hard links, which cost no disk and read as fast as the corpus
    copies = Path(tempfile.mkdtemp(prefix="govreport-bench-"))
    atexit.register(shutil.rmtree, copies, True)
    files = []
    for i in range(a.copies):
        for doc, path in once:
            link = copies / f"copy{i}" / doc.replace("/", "_")
            link.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(path, link)
            except OSError:
                shutil.copyfile(path, link)
            files.append((f"copy{i}/{doc}", link))
    # extract-only takes the files in the order ingest does (largest first), so each meets its
    # copies at the same distance as when ingesting: next to each other, as same-sized files
    ordered = sorted(files, key=lambda item: -item[1].stat().st_size)
    process_file(*files[0], default_pipeline())  # language data loaded before timing (workers fork from here)
    # per round: extract (wall, CPU), ingest (wall, CPU of this process, CPU of the workers)
    rounds: list[tuple[tuple[float, float], tuple[float, float, float]]] = []
    for _ in range(a.repeat):
        c, t = _cpu(), time.perf_counter()
        for _outcome in run_items(ordered, a.jobs):
            pass
        wall = time.perf_counter() - t
        extract = (wall, sum(_since(c)))
        with tempfile.TemporaryDirectory() as tmp:
            con = schema.connect(Path(tmp) / "bench.db")
            c, t = _cpu(), time.perf_counter()
            summary = write.ingest(con, files, jobs=a.jobs)
            con.close()  # the last connection to close checkpoints the WAL: the store is whole on disk
            wall = time.perf_counter() - t
            ingest = (wall, *_since(c))
        assert summary.ingested + summary.failed == len(files)
        rounds.append((extract, ingest))
    n = len(files)
    ratios = sorted(i[0] / e[0] for e, i in rounds)
    e_wall = statistics.median(e[0] for e, _ in rounds)
    i_wall = statistics.median(i[0] for _, i in rounds)
    e_cpu = statistics.median(e[1] for e, _ in rounds)
    i_cpu = statistics.median(i[1] + i[2] for _, i in rounds)
    own = statistics.median(i[1] for _, i in rounds) / n * 1000
    workers = statistics.median(i[2] for _, i in rounds) / n * 1000
    print(f"{n} reports ({a.copies} copies of {a.corpus}), jobs={a.jobs}, median of {a.repeat} rounds")
    print(f"extract only : {n / e_wall:7.1f} reports/s   CPU {e_cpu / n * 1000:5.2f} ms/report")
    print(f"ingest       : {n / i_wall:7.1f} reports/s   CPU {i_cpu / n * 1000:5.2f} ms/report"
          f" (this process {own:.2f}, workers {workers:.2f})")
    print(f"storing costs {statistics.median(ratios) - 1:+.0%} in time over extracting "
          f"(rounds {ratios[0] - 1:+.0%} to {ratios[-1] - 1:+.0%}; goal: less than +50%), "
          f"{i_cpu / e_cpu - 1:+.0%} in CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
