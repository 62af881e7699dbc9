"""Search latency on a store of many reports, beside a plain LIKE '%q%' scan of the same store.

    python bench/search.py [--reports 10000] [--queries 200] [--db PATH]

The store is built from synthetic reports: paragraphs sampled from ../shared/corpus under
invented region headings, as long as the corpus's median report (so the scan reads as much
text as it would over real reports), each run through the full pipeline. Queries mix 2-, 3- and
4-character policy words. Prints p50/p95 latency of `Corpus.search(q, limit=20)` and of
`SELECT … WHERE clean_text LIKE '%q%'`, and the ratio, all measured in this run.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
QUERIES = ["化债", "乡村", "就业", "光伏", "消费", "养老", "债务", "旅游", "人才", "医保",
           "新动能", "高质量", "城镇化", "碳达峰", "数字化", "营商环境", "乡村振兴", "科技创新", "新质生产", "稳定就业",
           "专项债券", "民营经济", "粮食安全", "共同富裕"]


def corpus_paragraphs() -> tuple[list[str], int]:
    """The corpus's paragraphs, and how many of them make a report of the corpus's median length."""
    from govreport.ingest import iter_inputs, read_document
    from govreport.model import RawDocument

    paragraphs: list[str] = []
    lengths: list[int] = []
    for doc, path in iter_inputs([CORPUS]):
        raw = read_document(path, doc)
        if isinstance(raw, RawDocument):
            lengths.append(len(raw.text))
            paragraphs.extend(p for p in raw.text.splitlines() if len(p.strip()) > 40)
    return paragraphs, max(1, round(statistics.median(lengths) / statistics.mean(len(p) + 1 for p in paragraphs)))


def synthetic_texts(n: int, seed: int, year: Callable[[int], int] = lambda i: 2025) -> Iterator[str]:
    """n reports of sampled corpus paragraphs under invented region headings; year(i): the i-th's year."""
    rng = random.Random(seed)
    paragraphs, per_report = corpus_paragraphs()
    for i in range(n):
        body = "\n".join(rng.sample(paragraphs, per_report))
        y = year(i)
        yield (f"——{y}年1月{1 + i % 28}日在合成县{i}第十届人民代表大会第五次会议上\n各位代表：\n"
               f"一、{y - 1}年工作回顾\n{body}\n")


def build(db: Path, n: int, seed: int) -> float:
    """A store of n synthetic reports at db; the seconds it took."""
    from govreport.model import RawDocument
    from govreport.pipeline import Pipeline
    from govreport.store import schema, write

    pipeline = Pipeline()
    con = schema.connect(db)
    start = time.perf_counter()
    batch = []
    for i, text in enumerate(synthetic_texts(n, seed)):
        sha = f"synthetic-{seed}-{i}"
        batch.append(pipeline(RawDocument(f"synthetic/{i:05}.txt", text, "txt", "utf-8", sha)))
        if len(batch) == 200:
            write.write_batch(con, batch)
            batch = []
    if batch:
        write.write_batch(con, batch)
    con.execute("PRAGMA optimize")
    con.close()
    return time.perf_counter() - start


def store_of(db: Path | None, n: int, seed: int, tmp: str) -> Path:
    """The store at db (built when missing), or a new one under tmp."""
    path = db or Path(tmp) / "bench.db"
    if not path.exists():
        built = build(path, n, seed)
        print(f"built a store of {n} synthetic reports (corpus paragraphs, the corpus's median length) in "
              f"{built:.0f} s ({path.stat().st_size / 1e6:.0f} MB)")
    return path


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reports", type=int, default=10000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--db", type=Path, help="reuse or keep the store here (built when missing)")
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    import govreport

    tmp = tempfile.TemporaryDirectory()
    db = store_of(a.db, a.reports, a.seed, tmp.name)
    rng = random.Random(a.seed)
    queries = [rng.choice(QUERIES) for _ in range(a.queries)]
    ours: list[float] = []
    scan: list[float] = []
    with govreport.open(db) as corpus:
        corpus.search("预热", limit=20)
        for q in queries:
            t = time.perf_counter()
            corpus.search(q, limit=20)
            ours.append(time.perf_counter() - t)
        for q in queries[: max(10, a.queries // 10)]:  # the scan is slow: a tenth of the queries
            t = time.perf_counter()
            corpus.con.execute("SELECT id FROM documents WHERE is_current = 1 AND clean_text LIKE ?",
                               (f"%{q}%",)).fetchall()
            scan.append(time.perf_counter() - t)
    p50, p95 = percentile(ours, 0.5) * 1000, percentile(ours, 0.95) * 1000
    s50, s95 = percentile(scan, 0.5) * 1000, percentile(scan, 0.95) * 1000
    print(f"{len(ours)} queries of 2-4 characters")
    print(f"search (FTS5 index, top 20)   : p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   (goal p95 < 50 ms)")
    print(f"LIKE '%q%' scan               : p50 {s50:7.1f} ms   p95 {s95:7.1f} ms")
    print(f"ratio at p95                  : search is {s95 / p95:.1f}x faster (goal >= 20x)")
    mean_ours, mean_scan = statistics.mean(ours) * 1000, statistics.mean(scan) * 1000
    print(f"mean                          : {mean_ours:.1f} ms vs {mean_scan:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
