"""Time the pipeline's stages against the code at an earlier git revision, both in this process.

    python bench/compare.py REV [CORPUS_DIR] [--rounds N]

This VM's speed drifts by 20-40% within a minute, so two runs of bench/extract.py a minute apart
cannot tell a 5% change. Here the package at REV is copied out (git archive) under another name
(govreport_at_rev), both versions are loaded into this one process, and each round runs every
stage of one, then of the other, over the same texts; the minimum over the rounds is printed per
stage, with the ratio new / old.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import io
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpus" / "national"
ALIAS = "govreport_at_rev"
STAGES = ("clean", "sections", "meta", "values", "facts", "figures")


def copy_at(rev: str, into: Path) -> None:
    """The package as it was at rev, renamed ALIAS, under into."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "src/govreport"], check=True,
                             capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    (into / "src" / "govreport").rename(into / ALIAS)
    for path in (into / ALIAS).rglob("*.py"):
        path.write_text(re.sub(r"\bgovreport\b", ALIAS, path.read_text(encoding="utf-8")), encoding="utf-8")


def stage_runner(package: str, texts: list[tuple[str, str]]) -> Callable[[], dict[str, float]]:
    mod = {name: importlib.import_module(f"{package}.{name}")
           for name in ("pipeline", "clean", "sections", "meta", "numbers", "facts", "figures")}
    pipe = mod["pipeline"].default_pipeline()
    meta_takes_doc = len(inspect.signature(mod["meta"].extract_meta).parameters) > 2
    # (facts read the names of other regions from the division table since session 17)
    places = (pipe.gazetteer.upper_places,) if "places" in inspect.signature(mod["facts"].extract_facts).parameters \
        else ()

    def run() -> dict[str, float]:
        spent = dict.fromkeys(STAGES, 0.0)
        for doc, raw in texts:
            t0 = time.perf_counter()
            cleaned = mod["clean"].clean(raw, pipe.passes)
            t1 = time.perf_counter()
            sections = mod["sections"].find_sections(cleaned.text, pipe.section_rules)
            t2 = time.perf_counter()
            args: tuple[Any, ...] = (cleaned.text, pipe.gazetteer) + ((doc, raw) if meta_takes_doc else ())
            meta = mod["meta"].extract_meta(*args)
            t3 = time.perf_counter()
            values = mod["numbers"].find_values(cleaned.text)
            t4 = time.perf_counter()
            mod["facts"].extract_facts(cleaned.text, meta, sections, pipe.grammar, values, *places)
            t5 = time.perf_counter()
            mod["figures"].extract_figures(cleaned.text, sections, values)
            t6 = time.perf_counter()
            for name, a, b in zip(STAGES, (t0, t1, t2, t3, t4, t5), (t1, t2, t3, t4, t5, t6), strict=True):
                spent[name] += b - a
        return spent

    return run


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("rev", help="the git revision to compare with (a commit, tag or HEAD~3)")
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--rounds", type=int, default=25)
    a = ap.parse_args()
    if not a.corpus.is_dir():
        print(f"no corpus at {a.corpus}: pass a folder of reports", file=sys.stderr)
        return 2
    from govreport.ingest import iter_inputs, read_document
    from govreport.model import RawDocument

    raws = [read_document(path, doc) for doc, path in iter_inputs([a.corpus])]
    texts = [(r.doc, r.text) for r in raws if isinstance(r, RawDocument)]
    with tempfile.TemporaryDirectory() as tmp:
        copy_at(a.rev, Path(tmp))
        sys.path.insert(0, tmp)
        old, new = stage_runner(ALIAS, texts), stage_runner("govreport", texts)
        old(), new()  # caches and language data loaded before timing
        rounds_old, rounds_new = [], []
        for _ in range(a.rounds):
            rounds_old.append(old())
            rounds_new.append(new())
    n = len(texts)
    print(f"{n} reports ({a.corpus}), {a.rounds} rounds alternated, minimum per stage, ms per report")
    for name in STAGES:
        o = min(r[name] for r in rounds_old) / n * 1000
        w = min(r[name] for r in rounds_new) / n * 1000
        print(f"  {name:9} {a.rev}: {o:7.3f}   now: {w:7.3f}   now/{a.rev}: {w / o:.2f}")
    o = min(sum(r.values()) for r in rounds_old) / n * 1000
    w = min(sum(r.values()) for r in rounds_new) / n * 1000
    print(f"  {'total':9} {a.rev}: {o:7.3f}   now: {w:7.3f}   now/{a.rev}: {w / o:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
