"""Throughput at scale: N synthetic reports through `ingest` with 1 and 2 local processes and with
the Dask executor, each a fresh process, beside one another in the same run.

    python bench/scale.py [--reports 1000] [--keep DIR]

The reports are bench/search.py's: paragraphs of ../shared/corpus under invented region headings,
each as long as the corpus's median report, written as files. Prints, per way of running:
reports/s and its ratio to one process, the peak RSS of the run (the largest process: driver or
worker), then the store's and a Parquet export's size per report, the extrapolated time for
100,000 reports, and on the store the time of `panel` for one indicator, `targets` and
`attention` for one dictionary (goals on a 2-core machine: 100,000 in < 30 min, peak RSS < 1 GB,
store < 80 KB a report, those queries < 300 ms at 10,000 reports).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search import CORPUS, synthetic_texts
from startup import measure

GOVREPORT = Path(sys.executable).with_name("govreport")


def write_reports(folder: Path, n: int, seed: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(synthetic_texts(n, seed, year=lambda i: 2000 + i % 26)):
        (folder / f"{i:06}.txt").write_text(text, encoding="utf-8")


def query_time(db: Path, code: str) -> float:
    script = (f"import time, govreport\nc = govreport.open({str(db)!r})\nt = time.perf_counter()\n{code}\n"
              "print(time.perf_counter() - t)")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reports", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--keep", type=Path, help="keep the reports and stores here")
    a = ap.parse_args()
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    tmp = tempfile.TemporaryDirectory()
    root = a.keep or Path(tmp.name)
    reports = root / "reports"
    if not reports.is_dir():
        write_reports(reports, a.reports, a.seed)
    runs = {"1 process": ["--jobs", "1"], "2 processes": ["--jobs", "2"],
            "dask, 2 workers": ["--executor", "dask", "--jobs", "2"]}
    results = {}
    for name, extra in runs.items():
        db = root / f"{name.replace(' ', '_').replace(',', '')}.db"
        for f in root.glob(db.name + "*"):
            f.unlink()
        results[name] = (measure([str(GOVREPORT), "ingest", str(reports), "--db", str(db), "-q", *extra]), db)
    base = a.reports / results["1 process"][0]["wall"]
    print(f"{a.reports} synthetic reports, ingest into a fresh store each time:")
    for name, (r, _) in results.items():
        rate = a.reports / r["wall"]
        print(f"  {name:16} {rate:7.1f} reports/s   x{rate / base:4.2f} of one process   peak RSS "
              f"{r['peak_kib'] / 1024:6.0f} MB   100,000 in {100_000 / rate / 60:5.1f} min")
    db = results["1 process"][1]
    parquet = root / "parquet"
    subprocess.run([str(GOVREPORT), "export", "--db", str(db), "--parquet", str(parquet)], check=True,
                   capture_output=True)
    pq_size = sum(f.stat().st_size for f in parquet.rglob("*.parquet"))
    print(f"  store {db.stat().st_size / a.reports / 1024:6.1f} KB a report   Parquet (no texts) "
          f"{pq_size / a.reports / 1024:6.1f} KB a report")
    for label, code in (("panel gdp", "c.panel(['gdp'])"), ("targets", "c.targets()"),
                        ("attention green", "c.attention('green')")):
        print(f"  {label:16} {query_time(db, code) * 1000:7.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
