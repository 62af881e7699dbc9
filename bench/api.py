"""The web app under load: 32 concurrent clients on loopback against `govreport serve`.

    python bench/api.py [--reports 2000] [--clients 32] [--requests 1600] [--seconds 60] [--db PATH] [--workers N]

The store is bench/search.py's: synthetic reports made of paragraphs of ../shared/corpus, each as
long as the corpus's median report, through the full pipeline. The server runs as a user runs it
(`govreport serve`, a process of its own). Each client takes the next request of a shuffled list
(report pages, the facts API filtered by indicator and kind, the search API with 2-4 character
words, and a static file as the baseline of what the server costs by itself), bounded by count and
time. Prints requests/s, p50/p95 per kind, the ratio of each p95 to the static file's measured in
the same run, and the errors (goal on a 2-core machine: p95 < 100 ms for pages, < 50 ms for the
API, no errors).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search import CORPUS, QUERIES, percentile, store_of

INDICATORS = ["gdp", "public_budget_revenue", "fixed_asset_investment", "retail_sales", "cpi"]
KINDS = ["actual", "target"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def requests_for(n: int, report_ids: list[int], rng: random.Random) -> list[tuple[str, str]]:
    kinds = ["report page", "facts API", "search API", "static file"]
    out = []
    for i in range(n):
        kind = kinds[i % len(kinds)]
        if kind == "report page":
            url = f"/reports/{rng.choice(report_ids)}"
        elif kind == "facts API":
            url = f"/api/facts?indicator={rng.choice(INDICATORS)}&kind={rng.choice(KINDS)}&limit=100"
        elif kind == "search API":
            url = f"/api/search?q={rng.choice(QUERIES)}&limit=20"
        else:
            url = "/static/style.css"
        out.append((kind, url))
    rng.shuffle(out)
    return out


async def load(base: str, todo: list[tuple[str, str]], clients: int, seconds: float,
               ) -> tuple[dict[str, list[float]], list[str], float]:
    times: dict[str, list[float]] = {}
    errors: list[str] = []
    queue = iter(todo)
    deadline = time.perf_counter() + seconds

    async def client(http: httpx.AsyncClient) -> None:
        for kind, url in queue:
            if time.perf_counter() > deadline:
                return
            t = time.perf_counter()
            try:
                res = await http.get(url)
                if res.status_code != 200:
                    errors.append(f"{res.status_code} {url}")
            except httpx.HTTPError as e:
                errors.append(f"{type(e).__name__} {url}")
                continue
            times.setdefault(kind, []).append(time.perf_counter() - t)

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as http:
        start = time.perf_counter()
        await asyncio.gather(*(client(http) for _ in range(clients)))
        elapsed = time.perf_counter() - start
    return times, errors, elapsed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reports", type=int, default=2000)
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--requests", type=int, default=1600)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--db", type=Path, help="reuse or keep the store here (built when missing)")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--workers", type=int, default=1, help="govreport serve --workers")
    a = ap.parse_args()
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    tmp = tempfile.TemporaryDirectory()
    db = store_of(a.db, a.reports, a.seed, tmp.name)
    import sqlite3

    with sqlite3.connect(db) as con:
        report_ids = [r[0] for r in con.execute("SELECT report_id FROM reports")]
    port = free_port()
    server = subprocess.Popen([str(Path(sys.executable).with_name("govreport")), "serve", "--db", str(db),
                               "--port", str(port), "--workers", str(a.workers)], stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                httpx.get(base + "/static/style.css", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        rng = random.Random(a.seed)
        asyncio.run(load(base, requests_for(64, report_ids, rng), 4, 30))  # warm the caches
        times, errors, elapsed = asyncio.run(load(base, requests_for(a.requests, report_ids, rng), a.clients,
                                                  a.seconds))
    finally:
        server.terminate()
        server.wait(10)
    done = sum(map(len, times.values()))
    print(f"{done} requests from {a.clients} clients in {elapsed:.1f} s: {done / elapsed:.0f} requests/s, "
          f"{len(errors)} errors{(': ' + ', '.join(errors[:5])) if errors else ''}")
    base95 = percentile(times.get("static file", [0.001]), 0.95)
    goals = {"report page": 100, "facts API": 50, "search API": 50}
    for kind in ("report page", "facts API", "search API", "static file"):
        got = times.get(kind, [])
        if not got:
            continue
        p50, p95 = percentile(got, 0.5) * 1000, percentile(got, 0.95) * 1000
        goal = f"   (goal p95 < {goals[kind]} ms)" if kind in goals else "   (the baseline)"
        print(f"{kind:12}: {len(got):5} requests   p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   "
              f"p95 / static file {p95 / (base95 * 1000):6.1f}x   mean {statistics.mean(got) * 1000:6.1f} ms{goal}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
