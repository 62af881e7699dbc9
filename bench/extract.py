"""Time the whole pipeline against jieba.lcut (what researchers run first) on the same reports.

    python bench/extract.py [CORPUS_DIR] [--repeat N]

Both run in this one process over the same in-memory texts; the pipeline's language data and
jieba's dictionary are loaded before timing. Two ways, each over N rounds:

- corpus at a time (the goal's measure): a round runs the pipeline over every report, then jieba
  over every report (the order swaps each round, so a machine that speeds up or slows down over
  a run favours neither). This is how both run in use: one tool over a folder.
- report by report: the two alternate on each report. Each then starts with its caches filled by
  the other, which costs the pipeline (a small working set, run for ~3 ms) 10-20% and jieba
  (~50 ms over a large dictionary) little; printed for comparison.

Prints ms per report for each and the ratio, the median round and the range over rounds.
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
    ap.add_argument("--repeat", type=int, default=7, help="rounds each way; the median round is reported")
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

    def corpus_at_a_time(round_: int) -> tuple[float, float]:
        def ours() -> float:
            t0 = time.perf_counter()
            for d in docs:
                pipeline(d)
            return time.perf_counter() - t0

        def theirs() -> float:
            t0 = time.perf_counter()
            for d in docs:
                jieba.lcut(d.text)
            return time.perf_counter() - t0

        if round_ % 2:
            jieba_s = theirs()
            return ours(), jieba_s
        return ours(), theirs()

    def report_by_report(round_: int) -> tuple[float, float]:
        ours = theirs = 0.0
        for d in docs:
            t0 = time.perf_counter()
            pipeline(d)
            t1 = time.perf_counter()
            jieba.lcut(d.text)
            t2 = time.perf_counter()
            ours += t1 - t0
            theirs += t2 - t1
        return ours, theirs

    n = len(docs)
    print(f"{n} reports, {chars / n:,.0f} characters each on average ({a.corpus}), {a.repeat} rounds each way")
    print(f"language data loaded once in {load_s * 1000:,.0f} ms")
    for label, timed in (("corpus at a time", corpus_at_a_time), ("report by report", report_by_report)):
        rounds = [timed(r) for r in range(a.repeat)]
        ratios = sorted(t / o for o, t in rounds)
        goal = "; goal >= 20x" if timed is corpus_at_a_time else ""
        print(f"{label}:")
        ours_ms = statistics.median(o for o, _ in rounds) / n * 1000
        jieba_ms = statistics.median(t for _, t in rounds) / n * 1000
        print(f"  govreport pipeline : {ours_ms:8.2f} ms/report (median round)")
        print(f"  jieba.lcut         : {jieba_ms:8.2f} ms/report (median round)")
        print(f"  ratio              : pipeline is {statistics.median(ratios):.1f}x faster than jieba segmentation"
              f" (rounds {ratios[0]:.1f}x-{ratios[-1]:.1f}x{goal})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
