"""Ingest throughput into the store beside extract-only throughput, measured in the same run.

    python bench/ingest.py [CORPUS_DIR] [--repeat 3]

Extract-only: the pipeline over every file (read, clean, meta, sections, facts, figures).
Ingest: the same files into a fresh store (pipeline + SQLite writes + full-text index).
Goal: storing costs less than half again (ingest time < 1.5 x extract time).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    if not a.corpus.is_dir():
        print(f"no corpus at {a.corpus}", file=sys.stderr)
        return 2
    from govreport import store
    from govreport.ingest import iter_inputs
    from govreport.pipeline import default_pipeline
    from govreport.run import process_file

    files = list(iter_inputs([a.corpus]))
    pipeline = default_pipeline()
    process_file(*files[0], pipeline)  # language data loaded before timing
    extract, ingest = [], []
    for _ in range(a.repeat):
        t = time.perf_counter()
        for doc, path in files:
            process_file(doc, path, pipeline)
        extract.append(time.perf_counter() - t)
        with tempfile.TemporaryDirectory() as tmp:
            con = store.connect(Path(tmp) / "bench.db")
            t = time.perf_counter()
            summary = store.ingest(con, files)
            ingest.append(time.perf_counter() - t)
            con.close()
            assert summary.ingested + summary.failed == len(files)
    n = len(files)
    e, i = statistics.median(extract), statistics.median(ingest)
    print(f"{n} reports from {a.corpus}, median of {a.repeat} rounds")
    print(f"extract only : {n / e:7.1f} reports/s")
    print(f"ingest       : {n / i:7.1f} reports/s")
    print(f"storing costs {i / e - 1:+.0%} over extracting (goal: less than +50%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
