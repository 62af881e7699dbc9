"""Time the whole pipeline against jieba.lcut (what researchers run first) on the same reports.

    python bench/extract.py [CORPUS_DIR] [--repeat N]

Both run in this one process over the same in-memory texts; the pipeline's language data and
jieba's dictionary are loaded before timing. Prints ms per report for each and the ratio.
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
    ap.add_argument("--repeat", type=int, default=3, help="rounds; the median round is reported")
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

    def rounds(fn: object) -> float:
        times = []
        for _ in range(a.repeat):
            start = time.perf_counter()
            for d in docs:
                fn(d)  # type: ignore[operator]
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    ours = rounds(pipeline)
    theirs = rounds(lambda d: jieba.lcut(d.text))
    n = len(docs)
    print(f"{n} reports, {chars / n:,.0f} characters each on average ({a.corpus})")
    print(f"language data loaded once in {load_s * 1000:,.0f} ms")
    print(f"govreport pipeline : {ours / n * 1000:8.2f} ms/report")
    print(f"jieba.lcut         : {theirs / n * 1000:8.2f} ms/report")
    print(f"ratio              : pipeline is {theirs / ours:.1f}x faster than jieba segmentation (goal >= 20x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
