"""Time the whole pipeline against jieba.lcut (what researchers run first) on the same reports.

    python bench/extract.py [CORPUS_DIR] [--repeat N]

Both run in this one process over the same in-memory texts, interleaved report by report (a
busy machine slows both alike); the pipeline's language data and jieba's dictionary are loaded
before timing. Prints ms per report for each and the ratio, median and range over the rounds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "national"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=5, help="rounds; the median round is reported")
    a = ap.parse_args()
    if not a.corpus.is_dir():
        print(f"no corpus at {a.corpus}: pass a folder of reports", file=sys.stderr)
        return 2

    import jieba

    from govreport.ingest import iter_inputs, read_document
    from govreport.model import RawDocument
    from govreport.pipeline import Pipeline

    t0 = time.perf_counter()
    pipeline = Pipeline()
    load_s = time.perf_counter() - t0
    jieba.setLogLevel(60)
    jieba.initialize()
    docs = [d for doc, p in iter_inputs([a.corpus]) if isinstance(d := read_document(p, doc), RawDocument)]
    chars = sum(len(d.text) for d in docs)
    pipeline(docs[0])  # first call builds the gazetteer index for that year

    # interleaved per report, so a busy machine slows both sides alike; the median round is reported
    ours_rounds, theirs_rounds = [], []
    for _ in range(a.repeat):
        ours = theirs = 0.0
        for d in docs:
            t0 = time.perf_counter()
            pipeline(d)
            t1 = time.perf_counter()
            jieba.lcut(d.text)
            t2 = time.perf_counter()
            ours += t1 - t0
            theirs += t2 - t1
        ours_rounds.append(ours)
        theirs_rounds.append(theirs)
    ratios = sorted(t / o for o, t in zip(ours_rounds, theirs_rounds, strict=True))
    n = len(docs)
    print(f"{n} reports, {chars / n:,.0f} characters each on average ({a.corpus}), {a.repeat} rounds")
    print(f"language data loaded once in {load_s * 1000:,.0f} ms")
    print(f"govreport pipeline : {statistics.median(ours_rounds) / n * 1000:8.2f} ms/report (median round)")
    print(f"jieba.lcut         : {statistics.median(theirs_rounds) / n * 1000:8.2f} ms/report (median round)")
    print(f"ratio              : pipeline is {statistics.median(ratios):.1f}x faster than jieba segmentation"
          f" (rounds {ratios[0]:.1f}x-{ratios[-1]:.1f}x; goal >= 20x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
