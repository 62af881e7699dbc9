"""Start-up time and peak memory of the commands a user runs most, beside `python -c pass`.

    python bench/startup.py [--rounds 5]

Each command runs in a fresh process (as a user's shell runs it), round after round, alternating
the commands so that drift of the machine touches them all alike. Prints, per command, the median
and spread of the wall time, the ratio to `python -c pass` measured in the same run, and the peak
resident memory of the process (and its workers). Commands:

  python -c pass                   the interpreter alone (the baseline)
  govreport --help                 the CLI's start-up
  extract one.txt                  one bundled example report through the whole pipeline
  search (one word)                one query on a store of the bundled examples
  extract examples --jobs 1 / 4    the three examples, in this process and in worker processes
                                   (the difference is what starting the workers costs)

The issue's bars: --help < 0.3 s; a one-file extract < 0.6 s and < 150 MB.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
GOVREPORT = Path(sys.executable).with_name("govreport")

# runs one command and prints its wall time and the peak RSS of it and every child it waited for
TIMER = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
wall = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
print(json.dumps({"wall": wall, "peak_kib": peak, "rc": done.returncode, "err": done.stderr[-500:]}))
"""


def measure(command: list[str]) -> dict[str, float]:
    """One command in a fresh process: its wall time and peak RSS (a failure stops the bench)."""
    out = subprocess.run([sys.executable, "-c", TIMER, *command], capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(out.stdout)
    if result["rc"] != 0:
        raise SystemExit(f"failed ({result['rc']}): {' '.join(command)}\n{result['err']}")
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    one = sorted(EXAMPLES.glob("*.txt"))[0]
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        subprocess.run([str(GOVREPORT), "ingest", str(EXAMPLES), "--db", str(db), "-q"], check=True)
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "govreport --help": [str(GOVREPORT), "--help"],
            "extract one.txt": [str(GOVREPORT), "extract", str(one), "--out", f"{tmp}/one", "-q"],
            "search (one word)": [str(GOVREPORT), "search", "生产总值", "--db", str(db)],
            "extract examples --jobs 1": [str(GOVREPORT), "extract", str(EXAMPLES), "--out", f"{tmp}/j1", "-q"],
            "extract examples --jobs 4": [str(GOVREPORT), "extract", str(EXAMPLES), "--out", f"{tmp}/j4", "-q",
                                          "--jobs", "4"],
        }
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in commands}
        for _ in range(args.rounds):
            for name, command in commands.items():
                runs[name].append(measure(command))
    base = statistics.median(r["wall"] for r in runs["python -c pass"])
    print(f"{'command':28} {'median s':>9} {'min-max s':>13} {'x pass':>7} {'peak MB':>8}   ({args.rounds} rounds)")
    for name, results in runs.items():
        walls = [r["wall"] for r in results]
        peak = max(r["peak_kib"] for r in results) / 1024
        print(f"{name:28} {statistics.median(walls):9.3f} {min(walls):6.3f}-{max(walls):6.3f} "
              f"{statistics.median(walls) / base:7.1f} {peak:8.0f}")


if __name__ == "__main__":
    main()
